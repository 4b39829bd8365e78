import type { Config, IgnoreEntry } from '../config/schema.js';
import { compileResourceGlob } from '../config/resource-glob.js';
import { SEVERITIES, type FailOn, type ReportFinding, type Severity } from '../model/report.js';
import type { Finding, RuleId } from './finding.js';

/** Default severity of each rule (DESIGN.md section 5). */
export const DEFAULT_SEVERITIES: Readonly<Record<RuleId, Severity>> = {
  'coverage-lost': 'high',
  'unlogged-ai-resource': 'high',
  'partially-logged-ai-resource': 'medium',
  'sink-disabled': 'critical',
  'management-events-excluded': 'high',
  'admin-access': 'critical',
  'privilege-escalation': 'critical',
  'audit-tampering': 'critical',
  'wildcard-action': 'high',
  'secret-access': 'high',
  'wildcard-resource': 'medium',
  'trust-widened': 'high',
  'confused-deputy': 'medium',
  'boundary-removed': 'high',
  'static-credentials': 'high',
  'blind-spot': 'high',
  'coverage-gained': 'info',
  'permissions-reduced': 'info',
  'input-error': 'high',
};

/** Position in the severity order: 0 is the most severe. */
export function severityRank(severity: Severity): number {
  return SEVERITIES.indexOf(severity);
}

/** Whether a severity reaches the fail-on threshold. */
export function reachesThreshold(severity: Severity, failOn: FailOn): boolean {
  return failOn !== 'never' && severityRank(severity) <= severityRank(failOn);
}

interface CompiledIgnore {
  readonly entry: IgnoreEntry;
  readonly matches: RegExp;
  readonly expired: boolean;
}

function compileIgnores(entries: readonly IgnoreEntry[], today: string): CompiledIgnore[] {
  return entries.map((entry) => ({
    entry,
    matches: compileResourceGlob(entry.resource),
    expired: entry.expires !== undefined && entry.expires < today,
  }));
}

/** The outcome of the finding policy: the report's findings, counts and verdict. */
export interface FindingPolicyResult {
  readonly findings: ReportFinding[];
  readonly summary: { maxSeverity: Severity | 'none'; counts: Record<Severity, number> };
  readonly verdict: { failOn: FailOn; failed: boolean };
}

/**
 * Applies the config to raw findings: severity overrides and `off`, ignores (an expired ignore stops working and
 * the finding says so), standing gaps (kept only with `reportExisting`, and never failing), the counts and the
 * verdict. Findings are ordered most severe first, then by resource.
 */
export function applyFindingPolicy(
  raw: readonly Finding[],
  config: Config,
  failOn: FailOn,
  today: string = new Date().toISOString().slice(0, 10),
): FindingPolicyResult {
  const ignores = compileIgnores(config.ignore, today);
  const findings: ReportFinding[] = [];
  for (const finding of raw) {
    if (finding.existing && !config.reportExisting) continue;
    const configured = config.severity[finding.ruleId];
    if (configured === 'off') continue;
    const severity = configured ?? DEFAULT_SEVERITIES[finding.ruleId];
    const matching = ignores.filter(
      (ignore) =>
        (ignore.entry.rule === '*' || ignore.entry.rule === finding.ruleId) &&
        ignore.matches.test(finding.resource),
    );
    const active = matching.find((ignore) => !ignore.expired);
    const expired = matching.find((ignore) => ignore.expired);
    let message = finding.message;
    if (!active && expired) {
      message += ` (An ignore for this finding expired on ${expired.entry.expires}: "${expired.entry.reason}".)`;
    }
    findings.push({
      ruleId: finding.ruleId,
      severity,
      title: finding.title,
      message,
      resource: finding.resource,
      ...(finding.location
        ? {
            location: {
              file: finding.location.file,
              ...(finding.location.line ? { line: finding.location.line } : {}),
            },
          }
        : {}),
      ...(active
        ? {
            ignored: {
              reason: active.entry.reason,
              ...(active.entry.expires ? { expires: active.entry.expires } : {}),
            },
          }
        : {}),
      ...(finding.existing ? { existing: true } : {}),
    });
  }
  findings.sort(
    (a, b) =>
      severityRank(a.severity) - severityRank(b.severity) ||
      a.ruleId.localeCompare(b.ruleId) ||
      a.resource.localeCompare(b.resource),
  );
  const counts: Record<Severity, number> = { critical: 0, high: 0, medium: 0, low: 0, info: 0 };
  let maxSeverity: Severity | 'none' = 'none';
  let failed = false;
  for (const finding of findings) {
    if (finding.ignored || finding.existing) continue;
    counts[finding.severity] += 1;
    if (maxSeverity === 'none' || severityRank(finding.severity) < severityRank(maxSeverity)) {
      maxSeverity = finding.severity;
    }
    if (reachesThreshold(finding.severity, failOn)) failed = true;
  }
  return { findings, summary: { maxSeverity, counts }, verdict: { failOn, failed } };
}
