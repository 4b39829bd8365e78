/**
 * The config path the action and the CLI look at when none is named. It has a module of its own so that the action
 * can compare its `config` input with it without loading the YAML parser and the schema.
 */
export const DEFAULT_CONFIG_PATH = '.github/ai-access-diff.yml';
