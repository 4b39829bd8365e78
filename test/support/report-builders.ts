import {
  SEVERITIES,
  type CoverageStatus,
  type CoverageTotals,
  type FailOn,
  type Report,
  type ReportCoverageResource,
  type ReportFinding,
  type ReportGrant,
  type ReportInput,
  type ReportReach,
  type ReportRole,
  type ReportSink,
  type Severity,
} from '../../src/model/report.js';

/** A finding; defaults to an unlogged Bedrock agent alias in main.tf. */
export function finding(overrides: Partial<ReportFinding> = {}): ReportFinding {
  return {
    ruleId: 'unlogged-ai-resource',
    severity: 'high',
    title: 'Agent alias aws_bedrockagent_agent_alias.live is not logged',
    message: 'No trail or event data store records data events of this agent alias.',
    resource: 'aws_bedrockagent_agent_alias.live',
    location: { file: 'infra/main.tf', line: 12 },
    ...overrides,
  };
}

/** An AI resource's coverage row; defaults to an agent alias that goes from full to none. */
export function coverageResource(overrides: Partial<ReportCoverageResource> = {}): ReportCoverageResource {
  return {
    id: 'aws_bedrockagent_agent_alias.live',
    iacType: 'aws_bedrockagent_agent_alias',
    dataResourceType: 'AWS::Bedrock::AgentAlias',
    arn: 'arn:aws:bedrock:us-east-1:123456789012:agent-alias/AGENT1234/ALIAS5678',
    role: 'ai',
    action: 'update',
    before: 'full',
    after: 'none',
    coveredBy: [],
    location: { file: 'infra/main.tf', line: 12 },
    ...overrides,
  };
}

/** A grant; defaults to bedrock:InvokeModel on every model. */
export function grant(overrides: Partial<ReportGrant> = {}): ReportGrant {
  return {
    effect: 'Allow',
    action: 'bedrock:InvokeModel',
    resource: '*',
    accessLevel: 'Read',
    risks: [],
    ...overrides,
  };
}

/** An AI role's change; defaults to an agent role with no grant changes. */
export function role(overrides: Partial<ReportRole> = {}): ReportRole {
  return {
    id: 'aws_iam_role.agent',
    name: 'agent-execution',
    action: 'update',
    reasons: ['trusts bedrock.amazonaws.com'],
    added: [],
    removed: [],
    trust: { added: [], removed: [] },
    ...overrides,
  };
}

/** An input; defaults to a Terraform plan that was read. */
export function input(overrides: Partial<ReportInput> = {}): ReportInput {
  return { path: 'plan.json', format: 'terraform-plan', status: 'ok', ...overrides };
}

/** A sink; defaults to an unchanged, logging trail. */
export function sink(overrides: Partial<ReportSink> = {}): ReportSink {
  return { id: 'aws_cloudtrail.main', kind: 'trail', action: 'no-op', logging: true, ...overrides };
}

function countStatuses(statuses: readonly (CoverageStatus | null)[]): CoverageTotals {
  const present = statuses.filter((status): status is CoverageStatus => status !== null);
  const count = (wanted: CoverageStatus): number => present.filter((status) => status === wanted).length;
  return {
    total: present.length,
    full: count('full'),
    partial: count('partial'),
    none: count('none'),
    unknown: count('unknown'),
  };
}

/** What a report is built from; totals, summary and verdict are derived the way DESIGN.md section 5 says. */
export interface ReportParts {
  inputs?: ReportInput[];
  resources?: ReportCoverageResource[];
  sinks?: ReportSink[];
  roles?: ReportRole[];
  findings?: ReportFinding[];
  failOn?: FailOn;
  reach?: ReportReach;
}

/** A whole report, consistent with its parts. */
export function report(parts: ReportParts = {}): Report {
  const resources = parts.resources ?? [];
  const findings = parts.findings ?? [];
  const failOn = parts.failOn ?? 'high';
  // As the finding policy decides: ignored findings and standing gaps neither count nor fail.
  const counted = findings.filter((item) => item.ignored === undefined && item.existing !== true);
  const counts = Object.fromEntries(
    SEVERITIES.map((severity) => [severity, counted.filter((item) => item.severity === severity).length]),
  ) as Record<Severity, number>;
  const maxSeverity = SEVERITIES.find((severity) => counts[severity] > 0) ?? 'none';
  const failed =
    failOn !== 'never' &&
    counted.some((item) => SEVERITIES.indexOf(item.severity) <= SEVERITIES.indexOf(failOn));
  return {
    schemaVersion: 2,
    tool: { name: 'ai-access-diff', version: '0.1.0' },
    inputs: parts.inputs ?? [input()],
    coverage: {
      before: countStatuses(resources.map((resource) => resource.before)),
      after: countStatuses(resources.map((resource) => resource.after)),
      resources,
      sinks: parts.sinks ?? [],
    },
    permissions: { roles: parts.roles ?? [] },
    findings,
    summary: { maxSeverity, counts },
    verdict: { failOn, failed },
    reach: parts.reach ?? { workloads: [] },
  };
}
