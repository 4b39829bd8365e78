/** The tool's name and version, as the reports carry them. Kept in step with package.json by a test. */
export const TOOL_NAME = 'ai-access-diff';
export const TOOL_VERSION = '0.1.0';
