import type { Report } from '../model/report.js';
import { escapeMarkdown } from './escape.js';
import { buildAccessMapSection } from './markdown-access-map.js';
import { fitToBudget, type SectionCut } from './markdown-budget.js';
import {
  buildCoverageSection,
  buildFindingSections,
  buildIgnoredSection,
  buildInputSection,
  buildRoleSection,
  buildSinkSection,
  buildStandingSection,
  buildSuggestionSection,
  type FileUrl,
} from './markdown-sections.js';
import { formatCount } from './presentation.js';
import { describeFullyLogged, describeVerdict, viewReport } from './report-view.js';
import { sanitizeReport } from './sanitize-report.js';

/** How the PR comment is rendered. */
export interface MarkdownOptions {
  /** The most the comment may take, in characters (measured as UTF-8 bytes, which is never fewer). */
  maxLength?: number;
  /** Links a finding's file and line to the repository; undefined shows the location as text. */
  fileUrl?: FileUrl;
  /** The heading; defaults to the tool's name. */
  title?: string;
}

/** Room for the comment body, under GitHub's 65,536-character limit with space for hidden markers. */
export const DEFAULT_MARKDOWN_MAX_LENGTH = 60_000;

/** Sections in the order they are cut when the comment is too long: least important first. */
const CUT_ORDER = [
  'standing',
  'ignored',
  'suggestions',
  'access-map',
  'roles',
  'sinks',
  'coverage',
  'findings-info',
  'findings-low',
  'findings-medium',
  'inputs',
  'findings-high',
  'findings-critical',
] as const;

function describeCuts(cuts: readonly SectionCut[]): string {
  const parts = cuts.map(({ label, kept, total }) =>
    kept === 0
      ? `${label} (all ${formatCount(total)})`
      : `${label} (${formatCount(total - kept)} of ${formatCount(total)})`,
  );
  return `> ✂️ Shortened to fit the comment size limit; left out: ${parts.join(', ')}. The full report is in the job summary and the JSON report.\n`;
}

/**
 * Renders the pull-request comment: verdict, headline figures, findings by severity (each with the controls its
 * rule concerns), the AI access map as a Mermaid diagram, coverage and role changes,
 * suggested selectors, standing gaps and input errors, never longer than `maxLength`. All report text is escaped,
 * and credential-like strings are masked.
 */
export function renderMarkdown(report: Report, options: MarkdownOptions = {}): string {
  const safe = sanitizeReport(report);
  const view = viewReport(safe);
  const maxLength = options.maxLength ?? DEFAULT_MARKDOWN_MAX_LENGTH;
  const heading = `## ${escapeMarkdown(options.title ?? 'AI access diff')}\n`;
  if (view.quiet) {
    return fitToBudget(
      `${heading}\n✅ No AI-relevant changes: no AI resource, trail or AI role is affected.\n`,
      [],
      [],
      maxLength,
      () => '',
    );
  }
  const verdict = `${safe.verdict.failed ? '❌' : '✅'} **${describeVerdict(safe, view)}**\n`;
  const headline =
    `**AI resources fully logged:** ${describeFullyLogged(safe.coverage.before)} → ${describeFullyLogged(safe.coverage.after)}` +
    ` · **Grants on AI roles:** +${formatCount(view.grantsAdded)} / −${formatCount(view.grantsRemoved)}` +
    ` across ${formatCount(view.changedRoles.length)} role${view.changedRoles.length === 1 ? '' : 's'}\n`;
  const sections = [
    ...buildFindingSections(view, options.fileUrl),
    buildIgnoredSection(view),
    buildAccessMapSection(safe.reach),
    buildCoverageSection(view),
    buildSinkSection(view),
    buildRoleSection(view),
    buildSuggestionSection(view),
    buildStandingSection(view, options.fileUrl),
    buildInputSection(view),
  ];
  return fitToBudget(`${heading}\n${verdict}\n${headline}`, sections, CUT_ORDER, maxLength, describeCuts);
}
