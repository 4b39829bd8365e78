/** The renderers: every one reads only the Report type. */
export { renderJson, renderJsonPieces } from './json.js';
export { renderMarkdown, DEFAULT_MARKDOWN_MAX_LENGTH, type MarkdownOptions } from './markdown.js';
export { renderText, type TextOptions } from './text.js';
export { renderSarif, SARIF_MAX_RESULTS } from './sarif.js';
export { maskSecrets } from './mask-secrets.js';
export { escapeMarkdown, escapeHtml, escapeTerminal, escapeLinkUrl } from './escape.js';
export { proposeSelector, type SelectorProposal } from './selector-proposal.js';
export { RULE_DOCS, describeRule, type RuleDoc } from './rule-docs.js';
export type { FileUrl } from './markdown-sections.js';
