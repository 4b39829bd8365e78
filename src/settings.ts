import type { FailOn } from './model/report.js';

/** The output formats of the CLI and the renderers. */
export const OUTPUT_FORMATS = ['text', 'markdown', 'json', 'sarif'] as const;
/** One of the output formats above. */
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** Two gigabytes: above this an input is refused with a clear message instead of exhausting memory. */
export const DEFAULT_MAX_INPUT_BYTES = 2 * 1024 * 1024 * 1024;

/**
 * Everything one run needs, read once from CLI flags or action inputs. The action and the CLI build the same type.
 */
export interface Settings {
  /** Terraform plan JSON files (`--plan`, the `plan` input). */
  readonly plans: readonly string[];
  /** An explicit pair (`--before A --after B`); either may be null for a new or deleted file. */
  readonly before: string | null;
  readonly after: string | null;
  /** Read the before side of `paths` from this git ref (`--base-ref`). */
  readonly baseRef: string | null;
  /** Templates, .tf directories or cdk.out directories compared against `baseRef` (or taken as new). */
  readonly paths: readonly string[];
  /** The config file; null means the default path if it exists. */
  readonly configPath: string | null;
  /** Overrides the config's `failOn` when set. */
  readonly failOn: FailOn | null;
  readonly maxInputBytes: number;
  /** The directory paths are relative to (the repository root in the action). */
  readonly cwd: string;
}
