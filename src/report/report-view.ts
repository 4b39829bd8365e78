import {
  SEVERITIES,
  type CoverageStatus,
  type Report,
  type ReportCoverageResource,
  type ReportFinding,
  type ReportInput,
  type ReportRole,
  type ReportSink,
  type Severity,
} from '../model/report.js';
import { describeAction } from './presentation.js';

/** The parts of a report a reader looks at, grouped the way the Markdown and text renderers show them. */
export interface ReportView {
  /** Findings that count: not ignored, not standing gaps; per severity, in report order. */
  readonly active: Readonly<Record<Severity, readonly ReportFinding[]>>;
  readonly ignored: readonly ReportFinding[];
  /** Findings about gaps the change did not make worse. */
  readonly existing: readonly ReportFinding[];
  /** AI resources whose status differs before and after (including created and deleted ones). */
  readonly changedResources: readonly ReportCoverageResource[];
  /** AI resources that are none or partial both before and after. */
  readonly standingResources: readonly ReportCoverageResource[];
  /** AI resources that no sink records after the change, changed ones first. */
  readonly uncoveredResources: readonly ReportCoverageResource[];
  /** Trails and event data stores the change creates, updates, replaces or deletes. */
  readonly changedSinks: readonly ReportSink[];
  /** AI roles whose grants or trust change, or that are created or deleted. */
  readonly changedRoles: readonly ReportRole[];
  readonly failedInputs: readonly ReportInput[];
  readonly grantsAdded: number;
  readonly grantsRemoved: number;
  /** True when the change touches nothing this tool reports on. */
  readonly quiet: boolean;
}

const GAP_STATUSES: ReadonlySet<CoverageStatus | null> = new Set(['none', 'partial']);

function isRoleChanged(role: ReportRole): boolean {
  return (
    role.added.length > 0 ||
    role.removed.length > 0 ||
    role.trust.added.length > 0 ||
    role.trust.removed.length > 0 ||
    role.action === 'create' ||
    role.action === 'delete' ||
    role.action === 'replace'
  );
}

/** Groups a report for reading; pure and cheap enough to call once per render. */
export function viewReport(report: Report): ReportView {
  const active = Object.fromEntries(
    SEVERITIES.map((severity) => [severity, [] as ReportFinding[]]),
  ) as Record<Severity, ReportFinding[]>;
  const ignored: ReportFinding[] = [];
  const existing: ReportFinding[] = [];
  for (const finding of report.findings) {
    if (finding.ignored !== undefined) ignored.push(finding);
    else if (finding.existing === true) existing.push(finding);
    else active[finding.severity].push(finding);
  }
  const resources = report.coverage.resources;
  const changedResources = resources.filter((resource) => resource.before !== resource.after);
  const standingResources = resources.filter(
    (resource) => GAP_STATUSES.has(resource.before) && GAP_STATUSES.has(resource.after),
  );
  const uncovered = resources.filter((resource) => resource.after === 'none');
  const uncoveredResources = [
    ...uncovered.filter((resource) => resource.before !== 'none'),
    ...uncovered.filter((resource) => resource.before === 'none'),
  ];
  const changedSinks = report.coverage.sinks.filter((sink) => sink.action !== 'no-op');
  const changedRoles = report.permissions.roles.filter(isRoleChanged);
  const failedInputs = report.inputs.filter((input) => input.status === 'error');
  const grantsAdded = changedRoles.reduce((sum, role) => sum + role.added.length, 0);
  const grantsRemoved = changedRoles.reduce((sum, role) => sum + role.removed.length, 0);
  const quiet =
    report.findings.length === 0 &&
    changedResources.length === 0 &&
    changedRoles.length === 0 &&
    failedInputs.length === 0 &&
    changedSinks.length === 0 &&
    !(report.reach?.workloads ?? []).some((workload) => workload.changed);
  return {
    active,
    ignored,
    existing,
    changedResources,
    standingResources,
    uncoveredResources,
    changedSinks,
    changedRoles,
    failedInputs,
    grantsAdded,
    grantsRemoved,
    quiet,
  };
}

/** `full` counts over the total, the headline figure for one side. */
export function describeFullyLogged(totals: { total: number; full: number }): string {
  return `${totals.full}/${totals.total}`;
}

/** The service prefix of an IAM action (`bedrock` of `bedrock:InvokeModel`), or the whole text for `*`. */
export function serviceOf(action: string): string {
  const colon = action.indexOf(':');
  return colon > 0 ? action.slice(0, colon) : action;
}

/**
 * Counts of the findings that decide the verdict, at or above the fail-on threshold, most severe first. Ignored
 * findings and standing gaps never fail the verdict (findings.ts), so they are not counted here either.
 */
export function countFailing(report: Report, view: ReportView): { severity: Severity; count: number }[] {
  const { failOn } = report.verdict;
  if (failOn === 'never') return [];
  const threshold = SEVERITIES.indexOf(failOn);
  return SEVERITIES.slice(0, threshold + 1)
    .map((severity) => ({ severity, count: view.active[severity].length }))
    .filter((entry) => entry.count > 0);
}

/** The verdict as a plain sentence (no emoji, no markup): "Fails: 1 critical and 2 high findings (fail-on: high)". */
export function describeVerdict(report: Report, view: ReportView): string {
  const failOn = `fail-on: ${report.verdict.failOn}`;
  if (!report.verdict.failed) return `Passes (${failOn})`;
  const failing = countFailing(report, view);
  if (failing.length === 0) return `Fails (${failOn})`;
  const parts = failing.map(({ severity, count }) => `${count} ${severity}`);
  const total = failing.reduce((sum, entry) => sum + entry.count, 0);
  const list =
    parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
  return `Fails: ${list} finding${total === 1 ? '' : 's'} (${failOn})`;
}

/** A sink's kind, change and logging state in words: "trail, updated, logging: unknown". */
export function describeSink(sink: ReportSink): string {
  const logging = sink.logging === 'unknown' ? 'unknown' : sink.logging ? 'on' : 'off';
  return `${sink.kind}, ${describeAction(sink.action)}, logging: ${logging}`;
}
