import { viewReport } from '../report/report-view.js';
import type { CoverageTotals, Report, ReportFinding } from '../model/report.js';
import type { CheckConclusion } from './github-port.js';

/** Findings that count: ignored ones are shown but never fail the verdict nor appear in the count. */
export function selectCountedFindings(report: Report): ReportFinding[] {
  return report.findings.filter((finding) => finding.ignored === undefined);
}

/**
 * Findings that can fail the verdict: counted ones that are not standing gaps. A standing gap (`existing`, listed
 * only with `reportExisting`) is shown and counted but never fails, as the finding policy decides.
 */
export function selectVerdictFindings(report: Report): ReportFinding[] {
  return selectCountedFindings(report).filter((finding) => finding.existing !== true);
}

/** The coverage headline of one side, as the outputs carry it: `3/5 fully logged`. */
export function describeCoverage(totals: CoverageTotals): string {
  return `${totals.full}/${totals.total} fully logged`;
}

/** `neutral` when there was nothing to analyse, else what the verdict says. */
export function decideConclusion(report: Report): CheckConclusion {
  if (report.inputs.length === 0) return 'neutral';
  return report.verdict.failed ? 'failure' : 'success';
}

/**
 * Whether the change touches anything AI-related, exactly as the comment's renderer decides it (a finding, a
 * coverage status, sink, role, workload or input that changed). Unchanged AI resources alone do not count, because
 * a plan lists every resource, and a comment on every pull request would teach reviewers to skip it.
 */
export function hasAiRelevantChange(report: Report): boolean {
  // The comment and the summary must agree on what "nothing AI-relevant changed" means: the renderer decides.
  return !viewReport(report).quiet;
}
