import type {
  CoverageTotals,
  Report,
  ReportCoverageResource,
  ReportFinding,
  ReportGrant,
  ReportInput,
  ReportLocation,
  ReportReach,
  ReportReachAccess,
  ReportReachTarget,
  ReportReachWorkload,
  ReportRole,
  ReportSink,
} from '../model/report.js';
import { maskSecrets } from './mask-secrets.js';

/** Masks one string of the report. */
type Mask = (text: string) => string;

/** Copies a list of the report: at once, or (for streaming) as the list is written. */
type CopyList = <S, T>(source: readonly S[], copy: (entry: S) => T) => T[];

/**
 * A list of the report whose entries are copied and masked only as the JSON writer reaches them, so that the masked
 * copy of a large report never exists whole.
 */
export class LazyList<S, T> {
  constructor(
    readonly source: readonly S[],
    readonly copy: (entry: S) => T,
  ) {}
}

const copyNow: CopyList = (source, copy) => source.map(copy);
const copyLater = (<S, T>(source: readonly S[], copy: (entry: S) => T) =>
  new LazyList(source, copy)) as unknown as CopyList;

function copyTotals(totals: CoverageTotals): CoverageTotals {
  return {
    total: totals.total,
    full: totals.full,
    partial: totals.partial,
    none: totals.none,
    unknown: totals.unknown,
  };
}

function copyInput(input: ReportInput, mask: Mask): ReportInput {
  return {
    path: mask(input.path),
    format: input.format,
    status: input.status,
    ...(input.error !== undefined ? { error: mask(input.error) } : {}),
    ...(input.notes !== undefined ? { notes: input.notes.map(mask) } : {}),
  };
}

function copyLocation(location: ReportLocation, mask: Mask): ReportLocation {
  return { file: mask(location.file), ...(location.line !== undefined ? { line: location.line } : {}) };
}

function copyResource(resource: ReportCoverageResource, mask: Mask): ReportCoverageResource {
  return {
    id: mask(resource.id),
    iacType: mask(resource.iacType),
    dataResourceType: mask(resource.dataResourceType),
    ...(resource.arn !== undefined ? { arn: mask(resource.arn) } : {}),
    role: resource.role,
    action: resource.action,
    before: resource.before,
    after: resource.after,
    ...(resource.detail !== undefined ? { detail: mask(resource.detail) } : {}),
    coveredBy: resource.coveredBy.map(mask),
    ...(resource.location !== undefined ? { location: copyLocation(resource.location, mask) } : {}),
  };
}

function copySink(sink: ReportSink, mask: Mask): ReportSink {
  return { id: mask(sink.id), kind: sink.kind, action: sink.action, logging: sink.logging };
}

function copyGrant(grant: ReportGrant, mask: Mask): ReportGrant {
  return {
    effect: grant.effect,
    action: mask(grant.action),
    resource: mask(grant.resource),
    ...(grant.condition !== undefined ? { condition: mask(grant.condition) } : {}),
    accessLevel: mask(grant.accessLevel),
    risks: grant.risks.map(mask),
  };
}

function copyRole(role: ReportRole, mask: Mask): ReportRole {
  return {
    id: mask(role.id),
    name: mask(role.name),
    action: role.action,
    reasons: role.reasons.map(mask),
    added: role.added.map((entry) => copyGrant(entry, mask)),
    removed: role.removed.map((entry) => copyGrant(entry, mask)),
    trust: { added: role.trust.added.map(mask), removed: role.trust.removed.map(mask) },
  };
}

function copyFinding(finding: ReportFinding, mask: Mask): ReportFinding {
  return {
    ruleId: mask(finding.ruleId),
    severity: finding.severity,
    title: mask(finding.title),
    message: mask(finding.message),
    resource: mask(finding.resource),
    ...(finding.location !== undefined ? { location: copyLocation(finding.location, mask) } : {}),
    ...(finding.ignored !== undefined
      ? {
          ignored: {
            reason: mask(finding.ignored.reason),
            ...(finding.ignored.expires !== undefined ? { expires: mask(finding.ignored.expires) } : {}),
          },
        }
      : {}),
    ...(finding.existing !== undefined ? { existing: finding.existing } : {}),
  };
}

function copyReachTarget(target: ReportReachTarget, mask: Mask): ReportReachTarget {
  return {
    resource: mask(target.resource),
    ...(target.condition !== undefined ? { condition: mask(target.condition) } : {}),
    resources: target.resources.map(mask),
    resourceCount: target.resourceCount,
    change: target.change,
    recording: target.recording,
    ...(target.recordingBefore !== undefined ? { recordingBefore: target.recordingBefore } : {}),
    recordedBy: target.recordedBy.map(mask),
    ...(target.detail !== undefined ? { detail: mask(target.detail) } : {}),
  };
}

function copyReachAccess(access: ReportReachAccess, mask: Mask): ReportReachAccess {
  return {
    service: mask(access.service),
    accessLevel: mask(access.accessLevel),
    eventCategory: access.eventCategory,
    actions: access.actions.map(mask),
    actionCount: access.actionCount,
    change: access.change,
    targets: access.targets.map((entry) => copyReachTarget(entry, mask)),
  };
}

function copyWorkload(workload: ReportReachWorkload, mask: Mask): ReportReachWorkload {
  return {
    id: mask(workload.id),
    iacType: mask(workload.iacType),
    name: mask(workload.name),
    action: workload.action,
    changed: workload.changed,
    roles: workload.roles.map((role) => ({
      id: mask(role.id),
      name: mask(role.name),
      change: role.change,
      access: role.access.map((entry) => copyReachAccess(entry, mask)),
    })),
    uses: workload.uses.map((use) => ({
      relation: use.relation,
      id: mask(use.id),
      change: use.change,
    })),
  };
}

/** Copies already made, by report: the CLI and the action render one report several times. */
const sanitized = new WeakMap<Report, Report>();

/**
 * Copies a report field by field in the order its type declares (so the JSON output is stable whatever order the
 * producer built it in), drops fields the type does not have, and masks credential-like text in every string.
 * Every renderer starts from this copy, made once per report object; renderers read it and never change it.
 */
export function sanitizeReport(report: Report): Report {
  let copy = sanitized.get(report);
  if (copy === undefined) {
    copy = copyReport(report, maskSecrets);
    sanitized.set(report, copy);
  }
  return copy;
}

/**
 * The same copy as `sanitizeReport`, except that the long lists (coverage resources, roles, findings, access-map
 * workloads) are `LazyList`s. Only the streaming JSON writer reads it.
 */
export function sanitizeReportLazily(report: Report): unknown {
  return copyReport(report, maskSecrets, copyLater);
}

function copyReport(report: Report, mask: Mask, list: CopyList = copyNow): Report {
  return {
    schemaVersion: 2,
    tool: { name: mask(report.tool.name), version: mask(report.tool.version) },
    inputs: report.inputs.map((entry) => copyInput(entry, mask)),
    coverage: {
      before: copyTotals(report.coverage.before),
      after: copyTotals(report.coverage.after),
      resources: list(report.coverage.resources, (entry) => copyResource(entry, mask)),
      sinks: report.coverage.sinks.map((entry) => copySink(entry, mask)),
    },
    permissions: { roles: list(report.permissions.roles, (entry) => copyRole(entry, mask)) },
    findings: list(report.findings, (entry) => copyFinding(entry, mask)),
    summary: {
      maxSeverity: report.summary.maxSeverity,
      counts: {
        critical: report.summary.counts.critical,
        high: report.summary.counts.high,
        medium: report.summary.counts.medium,
        low: report.summary.counts.low,
        info: report.summary.counts.info,
      },
    },
    verdict: { failOn: report.verdict.failOn, failed: report.verdict.failed },
    // A report read from an older producer may lack the access map; it then reads as an empty one.
    reach: {
      workloads: list((report.reach as ReportReach | undefined)?.workloads ?? [], (entry) =>
        copyWorkload(entry, mask),
      ),
    },
  };
}
