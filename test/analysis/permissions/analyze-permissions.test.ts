import { describe, expect, it } from 'vitest';
import { analyzePermissions, type PermissionsInput } from '../../../src/analysis/permissions/index.js';
import type { Policy, PolicyStatement, Role } from '../../../src/model/iam.js';
import type { Snapshot } from '../../../src/model/snapshot.js';
import {
  aiResource,
  bucket,
  lambdaFunction,
  link,
  policy,
  policyDocument,
  ref,
  role,
  snapshot,
  sym,
} from '../../support/builders.js';
import {
  SOURCE_ACCOUNT_CONDITION,
  accessKey,
  allow,
  serviceRole,
  trustStatement,
  user,
} from '../../support/iam-builders.js';

/** The roles and findings of the analysis; the per-side grants it also returns are for later stages. */
async function analyze(before: Snapshot, after: Snapshot, extra: Partial<PermissionsInput> = {}) {
  const { roles, findings } = await analyzePermissions({
    before,
    after,
    changes: {},
    aiRoles: { include: [], exclude: [] },
    externalSinks: [],
    ...extra,
  });
  return { roles, findings };
}

/** A CDK-style agent role: Bedrock trust with the recommended conditions, and one default policy. */
function agentRole(id: string): Role {
  return role(id, {
    trustPolicy: policyDocument(
      trustStatement(
        { Service: ['bedrock.amazonaws.com'] },
        {
          ...SOURCE_ACCOUNT_CONDITION,
          ArnLike: {
            'aws:SourceArn': [
              sym('arn:', ref('AWS::Partition', 'value'), ':bedrock:eu-central-1:111111111111:agent/*'),
            ],
          },
        },
      ),
    ),
  });
}

function withPolicy(target: Role, statements: PolicyStatement[], overrides: Partial<Policy> = {}): Snapshot {
  return snapshot({
    roles: [target],
    policies: [policy(`${target.id}DefaultPolicy`, target.id, policyDocument(...statements), overrides)],
  });
}

/** How the report renders MODEL: symbolic parts stay visible. */
const MODEL_TEXT =
  'arn:${AWS::Partition.value}:bedrock:*::foundation-model/anthropic.claude-3-sonnet-20240229-v1:0';
const MODEL = sym(
  'arn:',
  ref('AWS::Partition', 'value'),
  ':bedrock:*::foundation-model/anthropic.claude-3-sonnet-20240229-v1:0',
);

describe('analyzePermissions on hand-translated corpus pairs', () => {
  it('P1: agent roles broadened by a wildcard list the new actions, with no risk finding', async () => {
    const target = agentRole('Stack/TestAgentsimpleRole');
    const before = withPolicy(target, [allow(['bedrock:InvokeModel'], [MODEL])]);
    const after = withPolicy(target, [
      allow(['bedrock:InvokeModel*', 'bedrock:GetFoundationModel'], [MODEL]),
    ]);
    const result = await analyze(before, after);
    expect(result.roles).toHaveLength(1);
    const [report] = result.roles;
    expect(report?.reasons).toContain('trusts bedrock.amazonaws.com');
    expect(report?.added.map((grant) => grant.action).sort()).toEqual([
      'bedrock:GetFoundationModel',
      'bedrock:InvokeModelWithResponseStream',
    ]);
    expect(report?.added.every((grant) => grant.resource === MODEL_TEXT)).toBe(true);
    expect(report?.removed).toEqual([]);
    expect(result.findings).toEqual([]);
  });

  it('P4: removing kendra:* from the knowledge-base policy is a reduction, reported as information only', async () => {
    const kbRole = serviceRole('aws_iam_role.bedrock_kb_role', ['bedrock.amazonaws.com'], {
      managedPolicies: [{ arn: sym(ref('aws_iam_policy.bedrock_kb_kendra')) }],
    });
    const index = 'arn:aws:kendra:us-east-1:111111111111:index/IDX';
    const kendraPolicy = (actions: string[]): Policy => ({
      id: 'aws_iam_policy.bedrock_kb_kendra',
      iacType: 'aws_iam_policy',
      kind: 'managed',
      name: 'AmazonBedrockKnowledgeBaseKendraIndexAccessStatement_kb',
      document: policyDocument(allow(actions, [index])),
      attachedTo: [],
    });
    const before = snapshot({
      roles: [kbRole],
      policies: [kendraPolicy(['kendra:Retrieve', 'kendra:DescribeIndex', 'kendra:*'])],
    });
    const after = snapshot({
      roles: [kbRole],
      policies: [kendraPolicy(['kendra:Retrieve', 'kendra:DescribeIndex'])],
    });
    const result = await analyze(before, after);
    expect(result.findings.map((finding) => finding.ruleId)).toEqual(['permissions-reduced']);
    const [report] = result.roles;
    expect(report?.added).toEqual([]);
    expect(report?.removed).toHaveLength(1);
    expect(report?.removed[0]?.action).toMatch(/^kendra:\* \(\d+ of \d+ actions\)$/);
  });

  it('P5: an interpolated SageMaker principal in place of the literal one changes nothing', async () => {
    const literal = serviceRole('aws_iam_role.sagemaker', ['sagemaker.amazonaws.com'], {
      managedPolicies: [{ arn: 'arn:aws:iam::aws:policy/AmazonSageMakerFullAccess' }],
    });
    const interpolated = serviceRole(
      'aws_iam_role.sagemaker',
      [sym('sagemaker.', ref('data.aws_partition.current', 'dns_suffix'))],
      {
        managedPolicies: [
          {
            arn: sym(
              'arn:',
              ref('data.aws_partition.current', 'partition'),
              ':iam::aws:policy/AmazonSageMakerFullAccess',
            ),
          },
        ],
      },
    );
    const result = await analyze(snapshot({ roles: [literal] }), snapshot({ roles: [interpolated] }));
    expect(result).toEqual({ roles: [], findings: [] });
  });

  it('P6: a role that is not an AI role gaining a resource gives no AI finding', async () => {
    const lambdaRole = serviceRole('Stack/OrgTrailLambdaRole', ['lambda.amazonaws.com']);
    const before = withPolicy(lambdaRole, [
      allow(['cloudtrail:UpdateTrail'], ['arn:aws:cloudtrail:*:111111111111:trail/a']),
    ]);
    const after = withPolicy(lambdaRole, [
      allow(
        ['cloudtrail:UpdateTrail'],
        ['arn:aws:cloudtrail:*:111111111111:trail/a', 'arn:aws:cloudtrail:*:111111111111:trail/b'],
      ),
    ]);
    expect(await analyze(before, after)).toEqual({ roles: [], findings: [] });
  });
});

describe('analyzePermissions', () => {
  it('counts every grant of a new AI role as added, with its risks and findings', async () => {
    const target = serviceRole('aws_iam_role.agent', ['bedrock.amazonaws.com']);
    const after = withPolicy(target, [
      allow(['cloudtrail:StopLogging'], ['*'], { sid: 'Tamper', location: { file: 'main.tf', line: 12 } }),
    ]);
    const result = await analyze(snapshot(), after);
    expect(result.roles[0]).toMatchObject({
      id: target.id,
      action: 'create',
      trust: { added: ['Service:bedrock.amazonaws.com'], removed: [] },
    });
    expect(result.roles[0]?.added).toEqual([
      {
        effect: 'Allow',
        action: 'cloudtrail:StopLogging',
        resource: '*',
        accessLevel: 'Write',
        risks: ['audit-tampering', 'wildcard-resource'],
      },
    ]);
    const rules = result.findings.map((finding) => finding.ruleId).sort();
    expect(rules).toEqual(['audit-tampering', 'confused-deputy', 'wildcard-resource']);
    const tampering = result.findings.find((finding) => finding.ruleId === 'audit-tampering');
    expect(tampering?.message).toContain('cloudtrail:StopLogging on *');
    expect(tampering?.message).toContain('Tamper');
    expect(tampering?.location).toEqual({ file: 'main.tf', line: 12 });
  });

  it('counts all grants of a role that becomes an AI role as added', async () => {
    const target = serviceRole('aws_iam_role.tool', ['lambda.amazonaws.com']);
    const statements = [allow(['dynamodb:PutItem'], ['*'])];
    const fn = lambdaFunction('aws_lambda_function.tool');
    const group = aiResource(
      'aws_bedrockagent_agent_action_group.g',
      null,
      'arn:aws:bedrock:us-east-1:111111111111:agent/A',
    );
    const before = { ...withPolicy(target, statements), resources: [fn] };
    const after = {
      ...withPolicy(target, statements),
      resources: [fn, group],
      links: [link(group.id, 'tool-function', fn.id), link(fn.id, 'execution-role', target.id)],
    };
    const result = await analyze(before, after);
    expect(result.roles[0]?.added.map((grant) => grant.action)).toEqual(['dynamodb:PutItem']);
    expect(result.findings.map((finding) => finding.ruleId)).toEqual(['wildcard-resource']);
  });

  it('folds a wholly new wildcard back into its pattern, keeping the risks of its actions', async () => {
    const target = serviceRole('aws_iam_role.agent', ['bedrock.amazonaws.com'], {});
    const result = await analyze(
      withPolicy(target, []),
      withPolicy(target, [allow(['iam:Put*Policy'], ['arn:aws:iam::111111111111:role/x'])]),
    );
    expect(result.roles[0]?.added).toEqual([
      {
        effect: 'Allow',
        action: 'iam:Put*Policy (3 actions)',
        resource: 'arn:aws:iam::111111111111:role/x',
        accessLevel: 'Permissions management, Write',
        risks: ['privilege-escalation'],
      },
    ]);
  });

  it('fires admin-access alone for a new `*` on `*`', async () => {
    const target = serviceRole('aws_iam_role.agent', ['bedrock.amazonaws.com'], {
      trustPolicy: policyDocument(
        trustStatement({ Service: ['bedrock.amazonaws.com'] }, SOURCE_ACCOUNT_CONDITION),
      ),
    });
    const result = await analyze(withPolicy(target, []), withPolicy(target, [allow(['*'])]));
    expect(
      result.findings.filter((finding) => finding.ruleId !== 'blind-spot').map((finding) => finding.ruleId),
    ).toEqual(['admin-access']);
    expect(result.roles[0]?.added[0]?.risks).toContain('secret-access');
  });

  it('fires admin-access for an attached AdministratorAccess policy', async () => {
    const target = serviceRole('aws_iam_role.agent', ['bedrock.amazonaws.com']);
    const admin = { ...target, managedPolicies: [{ arn: 'arn:aws:iam::aws:policy/AdministratorAccess' }] };
    const result = await analyze(snapshot({ roles: [target] }), snapshot({ roles: [admin] }));
    const finding = result.findings.find((candidate) => candidate.ruleId === 'admin-access');
    expect(finding?.message).toContain('AWS managed policy AdministratorAccess');
  });

  it('fires boundary-removed when an AI role loses its permissions boundary', async () => {
    const bounded = serviceRole('aws_iam_role.agent', ['bedrock.amazonaws.com'], {
      permissionsBoundary: { arn: 'arn:aws:iam::aws:policy/PowerUserAccess' },
    });
    const result = await analyze(
      snapshot({ roles: [bounded] }),
      snapshot({ roles: [{ ...bounded, permissionsBoundary: null }] }),
    );
    expect(result.findings.map((finding) => finding.ruleId)).toContain('boundary-removed');
  });

  it('lists a deleted AI role with what it loses, without findings', async () => {
    const target = serviceRole('aws_iam_role.agent', ['bedrock.amazonaws.com']);
    const result = await analyze(
      withPolicy(target, [allow(['s3:GetObject'], ['arn:aws:s3:::docs/*'])]),
      snapshot(),
    );
    expect(result.roles).toMatchObject([{ id: target.id, action: 'delete', added: [] }]);
    expect(result.roles[0]?.removed.map((grant) => grant.action)).toEqual(['s3:GetObject']);
    expect(result.findings).toEqual([]);
  });

  it('uses the change action the source states', async () => {
    const target = serviceRole('aws_iam_role.agent', ['bedrock.amazonaws.com']);
    const result = await analyze(snapshot(), snapshot({ roles: [target] }), {
      changes: { [target.id]: 'replace' },
    });
    expect(result.roles[0]?.action).toBe('replace');
  });

  it('treats roles named by aiRoles.include as AI roles', async () => {
    const target = role('aws_iam_role.pipeline');
    const result = await analyze(
      withPolicy(target, []),
      withPolicy(target, [allow(['secretsmanager:GetSecretValue'])]),
      {
        aiRoles: { include: ['pipeline'], exclude: [] },
      },
    );
    expect(result.roles[0]?.reasons).toEqual(['matches aiRoles.include "pipeline"']);
    expect(result.findings.map((finding) => finding.ruleId)).toEqual(['secret-access']);
  });

  it('fires static-credentials for a new access key of a user with AI permissions', async () => {
    const ml = user('aws_iam_user.ml');
    const grants = policy('aws_iam_user_policy.ml', ml.id, policyDocument(allow(['bedrock:InvokeModel'])), {
      attachedTo: [{ kind: 'user', ref: { id: ml.id } }],
    });
    const plain = user('aws_iam_user.ops');
    const before = snapshot({ users: [ml, plain], policies: [grants] });
    const after = snapshot({
      users: [ml, plain],
      policies: [grants],
      accessKeys: [accessKey('aws_iam_access_key.ml', ml.id), accessKey('aws_iam_access_key.ops', plain.id)],
    });
    const result = await analyze(before, after);
    expect(result.findings.map((finding) => [finding.ruleId, finding.resource])).toEqual([
      ['static-credentials', 'aws_iam_access_key.ml'],
    ]);
    expect(await analyze(after, after)).toEqual({ roles: [], findings: [] });
  });

  it('reads a reference to a declared bucket as the same resource as its literal ARN', async () => {
    const target = serviceRole('aws_iam_role.agent', ['bedrock.amazonaws.com']);
    const docs = bucket('aws_s3_bucket.docs');
    const before = {
      ...withPolicy(target, [allow(['s3:GetObject'], ['arn:aws:s3:::docs/*'])]),
      resources: [docs],
    };
    const after = {
      ...withPolicy(target, [allow(['s3:GetObject'], [sym(ref('aws_s3_bucket.docs'), '/*')])]),
      resources: [docs],
    };
    expect(await analyze(before, after)).toEqual({ roles: [], findings: [] });
  });

  it('finds nothing when nothing changes', async () => {
    const target = serviceRole('aws_iam_role.agent', ['bedrock.amazonaws.com']);
    const side = withPolicy(target, [allow(['*'])]);
    expect(await analyze(side, side)).toEqual({ roles: [], findings: [] });
  });
});
