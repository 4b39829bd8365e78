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
 * Whether the change touches anything AI-related: a finding, an AI resource that changes or whose coverage changes, or an AI role whose grants or trust change. Unchanged AI resources alone do not count, because a plan
 * lists every resource, and a comment on every pull request would teach reviewers to skip it.
 */
export function hasAiRelevantChange(report: Report): boolean {
  if (report.findings.length > 0) return true;
  const resourceChanged = report.coverage.resources.some(
    (resource) => resource.action !== 'no-op' || resource.before !== resource.after,
  );
  const roleChanged = report.permissions.roles.some(
    (role) =>
      role.action !== 'no-op' ||
      role.added.length > 0 ||
      role.removed.length > 0 ||
      role.trust.added.length > 0 ||
      role.trust.removed.length > 0,
  );
  return resourceChanged || roleChanged;
}
