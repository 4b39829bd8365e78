/** The tool's name, as the reports and the comment markers carry it. */
export const TOOL_NAME = 'ai-access-diff';
/** The tool's version, as the reports carry it; a test keeps it in step with package.json. */
export const TOOL_VERSION = '0.1.0';
