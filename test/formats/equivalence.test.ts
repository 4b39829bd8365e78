// One AI stack written as a Terraform plan, as Terraform HCL and as a CloudFormation stack (fixtures/equivalence):
// the three reports must tell the same story about coverage, AI roles and findings.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Report, ReportGrant } from '../../src/model/report.js';
import { analyzeInputs } from '../support/run-analysis.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const fixture = 'fixtures/equivalence';

/** The same entity under its Terraform address (plan and HCL) and its CloudFormation id, with its ARN in the plan. */
interface Entity {
  readonly name: string;
  readonly terraform: string;
  readonly cloudformation: string;
  readonly arn?: string;
}

const ACCOUNT = '111122223333';
const ENTITIES: readonly Entity[] = [
  {
    name: 'alias live',
    terraform: 'aws_bedrockagent_agent_alias.live',
    cloudformation: 'stack/LiveAlias',
    arn: `arn:aws:bedrock:us-east-1:${ACCOUNT}:agent-alias/AGEQ4R8K2Q/ALEQ9W3N6T`,
  },
  { name: 'agent eq-support', terraform: 'aws_bedrockagent_agent.support', cloudformation: 'stack/Agent' },
  {
    name: 'knowledge base eq-docs',
    terraform: 'aws_bedrockagent_knowledge_base.docs',
    cloudformation: 'stack/Docs',
    arn: `arn:aws:bedrock:us-east-1:${ACCOUNT}:knowledge-base/KBEQ7Q2M4X`,
  },
  {
    name: 'bucket acme-eq-kb-docs',
    terraform: 'aws_s3_bucket.kb_docs',
    cloudformation: 'stack/KbDocsBucket',
    arn: 'arn:aws:s3:::acme-eq-kb-docs',
  },
  {
    name: 'bucket acme-eq-reports',
    terraform: 'aws_s3_bucket.reports',
    cloudformation: 'stack/ReportsBucket',
    arn: 'arn:aws:s3:::acme-eq-reports',
  },
  {
    name: 'function eq-order-lookup',
    terraform: 'aws_lambda_function.order_lookup',
    cloudformation: 'stack/OrderLookup',
    arn: `arn:aws:lambda:us-east-1:${ACCOUNT}:function:eq-order-lookup`,
  },
  { name: 'role eq-agent', terraform: 'aws_iam_role.agent', cloudformation: 'stack/AgentRole' },
  { name: 'role eq-kb', terraform: 'aws_iam_role.kb', cloudformation: 'stack/KbRole' },
  { name: 'role eq-order-lookup', terraform: 'aws_iam_role.order_lookup', cloudformation: 'stack/ToolRole' },
  { name: 'trail eq-ai-audit', terraform: 'aws_cloudtrail.ai_audit', cloudformation: 'stack/AiAudit' },
];

const byId = new Map<string, Entity>(
  ENTITIES.flatMap((entity) => [
    [entity.terraform, entity],
    [entity.cloudformation, entity],
  ]),
);

/** The entity an id stands for; an id missing from the table fails the test instead of being compared loosely. */
function entityOf(id: string): Entity {
  const entity = byId.get(id);
  if (entity === undefined) throw new Error(`no entry in the mapping table for ${id}`);
  return entity;
}

const ID_IN_TEXT = /aws_[a-z0-9_]+\.[a-z0-9_]+|stack\/[A-Za-z0-9]+/g;
const REFERENCE = /\$\{([^}]+)\.arn\}/g;

/** Replaces ids inside free text (role reasons) by the mapped names. */
function nameIdsIn(text: string): string {
  return text.replace(ID_IN_TEXT, (id) => `<${byId.get(id)?.name ?? id}>`);
}

/**
 * A grant's resource with `${id.arn}` replaced by the ARN the plan knows for that entity. HCL and CloudFormation
 * only reference the bucket (`"${aws_s3_bucket.reports.arn}/*"`, `!Sub ${ReportsBucket.Arn}/*`): a bucket's ARN
 * depends on the partition, which a template leaves to `AWS::Partition` and the HCL source does not derive from the
 * region. The reference still names the right entity, which is what this checks.
 */
function resolveResource(resource: string): string {
  return resource.replace(REFERENCE, (whole, id: string) => entityOf(id).arn ?? whole);
}

const grantKey = (grant: ReportGrant) =>
  `${grant.effect} ${grant.action} ${resolveResource(grant.resource)} [${grant.accessLevel}] ${grant.risks.join(',')}`;

/** The parts of a report that must be the same in every form, with ids mapped to names. */
function canonical(report: Report) {
  return {
    totals: { before: report.coverage.before, after: report.coverage.after },
    coverage: Object.fromEntries(
      report.coverage.resources.map((resource) => [
        entityOf(resource.id).name,
        {
          iacKind: resource.dataResourceType,
          role: resource.role,
          action: resource.action,
          before: resource.before,
          after: resource.after,
          detail: resource.detail ?? null,
          coveredBy: resource.coveredBy.map((id) => entityOf(id).name),
        },
      ]),
    ),
    sinks: report.coverage.sinks.map((sink) => ({ ...sink, id: entityOf(sink.id).name })),
    roles: Object.fromEntries(
      report.permissions.roles.map((role) => [
        entityOf(role.id).name,
        {
          name: role.name,
          action: role.action,
          reasons: role.reasons.map(nameIdsIn),
          added: role.added.map(grantKey).sort(),
          removed: role.removed.map(grantKey).sort(),
          trust: role.trust,
        },
      ]),
    ),
    findings: report.findings
      .map((finding) => `${finding.ruleId} ${finding.severity} ${entityOf(finding.resource).name}`)
      .sort(),
    verdict: report.verdict,
  };
}

type Form = 'plan' | 'hcl' | 'cfn';
const reports = {} as Record<Form, Report>;

beforeAll(async () => {
  reports.plan = await analyzeInputs({ cwd: root, plans: [`${fixture}/plan.json`] });
  reports.hcl = await analyzeInputs({
    cwd: root,
    before: `${fixture}/hcl/before`,
    after: `${fixture}/hcl/after`,
  });
  reports.cfn = await analyzeInputs({
    cwd: root,
    before: `${fixture}/cfn/before/stack.yaml`,
    after: `${fixture}/cfn/after/stack.yaml`,
  });
});

describe('one AI stack in three forms', () => {
  it('reads every form without errors or notes', () => {
    for (const report of Object.values(reports)) {
      expect(report.inputs).toHaveLength(1);
      expect(report.inputs[0]).toMatchObject({ status: 'ok' });
      expect(report.inputs[0]?.notes).toBeUndefined();
    }
    expect(reports.plan.inputs[0]?.format).toBe('terraform-plan');
    expect(reports.hcl.inputs[0]?.format).toBe('terraform-hcl');
    expect(reports.cfn.inputs[0]?.format).toBe('cloudformation');
  });

  it('gives the answers the change calls for, in the plan', () => {
    const plan = canonical(reports.plan);
    expect(plan.coverage).toEqual({
      'alias live': expect.objectContaining({ role: 'ai', action: 'no-op', before: 'full', after: 'none' }),
      'knowledge base eq-docs': expect.objectContaining({ role: 'ai', before: 'full', after: 'full' }),
      'bucket acme-eq-kb-docs': expect.objectContaining({ role: 'ai-data', before: 'full', after: 'full' }),
      'function eq-order-lookup': expect.objectContaining({ role: 'ai-tool', before: 'none', after: 'none' }),
    });
    expect(plan.roles['role eq-agent']?.added).toEqual([
      'Allow s3:GetObject arn:aws:s3:::acme-eq-reports/* [Read] ',
      `Allow secretsmanager:GetSecretValue arn:aws:secretsmanager:us-east-1:${ACCOUNT}:secret:eq-ticketing-* [Read] secret-access`,
    ]);
    expect(plan.roles['role eq-agent']?.removed).toEqual([]);
    expect(plan.findings).toEqual([
      'blind-spot high role eq-agent',
      'coverage-lost high alias live',
      'secret-access high role eq-agent',
    ]);
    expect(plan.verdict).toEqual({ failOn: 'high', failed: true });
  });

  it.each(['hcl', 'cfn'] as const)(
    '%s gives the same statuses, roles, grants and findings as the plan',
    (form) => {
      expect(canonical(reports[form])).toEqual(canonical(reports.plan));
    },
  );

  it('knows the ARNs only in the plan; the HCL and template forms keep them as references', () => {
    // The plan records the ARNs the provider returned. HCL and CloudFormation only name the resources, and a Bedrock
    // id is assigned at creation, so the report leaves the ARN out rather than guess it.
    for (const resource of reports.plan.coverage.resources) {
      expect(resource.arn).toBe(entityOf(resource.id).arn);
    }
    for (const form of ['hcl', 'cfn'] as const) {
      for (const resource of reports[form].coverage.resources) expect(resource.arn).toBeUndefined();
    }
    const reportsGrant = (report: Report) =>
      report.permissions.roles[0]?.added.find((grant) => grant.action === 's3:GetObject')?.resource;
    expect(reportsGrant(reports.plan)).toBe('arn:aws:s3:::acme-eq-reports/*');
    expect(reportsGrant(reports.hcl)).toBe('${aws_s3_bucket.reports.arn}/*');
    expect(reportsGrant(reports.cfn)).toBe('${stack/ReportsBucket.arn}/*');
  });

  it.each([
    ['hcl', (id: string) => `resource "${id.split('.')[0]}" "${id.split('.')[1]}"`],
    ['cfn', (id: string) => `  ${id.split('/')[1]}:`],
  ] as const)(
    '%s points each AI resource and finding at its declaration in the after side',
    (form, header) => {
      const report = reports[form];
      const linesOf = (file: string) => readFileSync(`${root}${file}`, 'utf8').split('\n');
      const lineOf = (file: string, line: number) => linesOf(file)[line - 1];
      for (const resource of report.coverage.resources) {
        const location = resource.location;
        expect(location?.file.startsWith(`${fixture}/${form}/after/`)).toBe(true);
        expect(lineOf(location!.file, location!.line!)).toContain(header(resource.id));
      }
      const secret = report.findings.find((finding) => finding.ruleId === 'secret-access');
      // The statement starts on the line named (HCL: its opening brace, YAML: its list item), and its Sid follows.
      const { file, line } = secret!.location!;
      expect(
        linesOf(file)
          .slice(line! - 1, line! + 1)
          .join('\n'),
      ).toContain('ReadTicketingSecret');
    },
  );
});
