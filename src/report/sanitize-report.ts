import type {
  CoverageTotals,
  Report,
  ReportCoverageResource,
  ReportFinding,
  ReportGrant,
  ReportInput,
  ReportReach,
  ReportReachAccess,
  ReportReachTarget,
  ReportReachWorkload,
  ReportRole,
  ReportSink,
} from '../model/report.js';
import { maskSecrets } from './mask-secrets.js';

function copyTotals(totals: CoverageTotals): CoverageTotals {
  return {
    total: totals.total,
    full: totals.full,
    partial: totals.partial,
    none: totals.none,
    unknown: totals.unknown,
  };
}

function copyInput(input: ReportInput): ReportInput {
  return {
    path: maskSecrets(input.path),
    format: input.format,
    status: input.status,
    ...(input.error !== undefined ? { error: maskSecrets(input.error) } : {}),
    ...(input.notes !== undefined ? { notes: input.notes.map(maskSecrets) } : {}),
  };
}

function copyResource(resource: ReportCoverageResource): ReportCoverageResource {
  return {
    id: maskSecrets(resource.id),
    iacType: maskSecrets(resource.iacType),
    dataResourceType: maskSecrets(resource.dataResourceType),
    ...(resource.arn !== undefined ? { arn: maskSecrets(resource.arn) } : {}),
    role: resource.role,
    action: resource.action,
    before: resource.before,
    after: resource.after,
    ...(resource.detail !== undefined ? { detail: maskSecrets(resource.detail) } : {}),
    coveredBy: resource.coveredBy.map(maskSecrets),
    ...(resource.location !== undefined
      ? {
          location: {
            file: maskSecrets(resource.location.file),
            ...(resource.location.line !== undefined ? { line: resource.location.line } : {}),
          },
        }
      : {}),
  };
}

function copySink(sink: ReportSink): ReportSink {
  return { id: maskSecrets(sink.id), kind: sink.kind, action: sink.action, logging: sink.logging };
}

function copyGrant(grant: ReportGrant): ReportGrant {
  return {
    effect: grant.effect,
    action: maskSecrets(grant.action),
    resource: maskSecrets(grant.resource),
    ...(grant.condition !== undefined ? { condition: maskSecrets(grant.condition) } : {}),
    accessLevel: maskSecrets(grant.accessLevel),
    risks: grant.risks.map(maskSecrets),
  };
}

function copyRole(role: ReportRole): ReportRole {
  return {
    id: maskSecrets(role.id),
    name: maskSecrets(role.name),
    action: role.action,
    reasons: role.reasons.map(maskSecrets),
    added: role.added.map(copyGrant),
    removed: role.removed.map(copyGrant),
    trust: { added: role.trust.added.map(maskSecrets), removed: role.trust.removed.map(maskSecrets) },
  };
}

function copyFinding(finding: ReportFinding): ReportFinding {
  return {
    ruleId: maskSecrets(finding.ruleId),
    severity: finding.severity,
    title: maskSecrets(finding.title),
    message: maskSecrets(finding.message),
    resource: maskSecrets(finding.resource),
    ...(finding.location !== undefined
      ? {
          location: {
            file: maskSecrets(finding.location.file),
            ...(finding.location.line !== undefined ? { line: finding.location.line } : {}),
          },
        }
      : {}),
    ...(finding.ignored !== undefined
      ? {
          ignored: {
            reason: maskSecrets(finding.ignored.reason),
            ...(finding.ignored.expires !== undefined
              ? { expires: maskSecrets(finding.ignored.expires) }
              : {}),
          },
        }
      : {}),
    ...(finding.existing !== undefined ? { existing: finding.existing } : {}),
  };
}

function copyReachTarget(target: ReportReachTarget): ReportReachTarget {
  return {
    resource: maskSecrets(target.resource),
    ...(target.condition !== undefined ? { condition: maskSecrets(target.condition) } : {}),
    resources: target.resources.map(maskSecrets),
    change: target.change,
    recording: target.recording,
    ...(target.recordingBefore !== undefined ? { recordingBefore: target.recordingBefore } : {}),
    recordedBy: target.recordedBy.map(maskSecrets),
    ...(target.detail !== undefined ? { detail: maskSecrets(target.detail) } : {}),
  };
}

function copyReachAccess(access: ReportReachAccess): ReportReachAccess {
  return {
    service: maskSecrets(access.service),
    accessLevel: maskSecrets(access.accessLevel),
    eventCategory: access.eventCategory,
    actions: access.actions.map(maskSecrets),
    actionCount: access.actionCount,
    change: access.change,
    targets: access.targets.map(copyReachTarget),
  };
}

function copyWorkload(workload: ReportReachWorkload): ReportReachWorkload {
  return {
    id: maskSecrets(workload.id),
    iacType: maskSecrets(workload.iacType),
    name: maskSecrets(workload.name),
    action: workload.action,
    changed: workload.changed,
    roles: workload.roles.map((role) => ({
      id: maskSecrets(role.id),
      name: maskSecrets(role.name),
      change: role.change,
      access: role.access.map(copyReachAccess),
    })),
    uses: workload.uses.map((use) => ({
      relation: use.relation,
      id: maskSecrets(use.id),
      change: use.change,
    })),
  };
}

/** A report read from an older producer may lack the access map; it then reads as an empty one. */
function copyReach(reach: ReportReach | undefined): ReportReach {
  return { workloads: (reach?.workloads ?? []).map(copyWorkload) };
}

/**
 * Copies a report field by field in the order its type declares (so the JSON output is stable whatever order the
 * producer built it in), drops fields the type does not have, and masks credential-like text in every string.
 * Every renderer starts from this copy.
 */
export function sanitizeReport(report: Report): Report {
  return {
    schemaVersion: 2,
    tool: { name: maskSecrets(report.tool.name), version: maskSecrets(report.tool.version) },
    inputs: report.inputs.map(copyInput),
    coverage: {
      before: copyTotals(report.coverage.before),
      after: copyTotals(report.coverage.after),
      resources: report.coverage.resources.map(copyResource),
      sinks: report.coverage.sinks.map(copySink),
    },
    permissions: { roles: report.permissions.roles.map(copyRole) },
    findings: report.findings.map(copyFinding),
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
    reach: copyReach(report.reach as ReportReach | undefined),
  };
}
