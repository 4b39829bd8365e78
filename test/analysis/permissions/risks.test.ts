import { describe, expect, it } from 'vitest';
import { normalizeDocument } from '../../../src/analysis/permissions/normalize.js';
import { classifyGrant, loadRiskCatalog } from '../../../src/analysis/permissions/risks.js';
import type { PolicyStatement } from '../../../src/model/iam.js';
import { allow } from '../../support/iam-builders.js';

async function rulesOf(statement: PolicyStatement, awsManaged?: string): Promise<string[]> {
  const catalog = await loadRiskCatalog();
  const origin = { policyId: 'p', policyName: 'p', ...(awsManaged ? { awsManaged } : {}) };
  const grants = await normalizeDocument({ statements: [statement] }, origin);
  return [...new Set(grants.flatMap((grant) => classifyGrant(grant, catalog)))].sort();
}

const ROLE_ARN = 'arn:aws:iam::111111111111:role/kb-role';
const PASSED_TO = { StringEquals: { 'iam:PassedToService': ['bedrock.amazonaws.com'] } };

describe('classifyGrant', () => {
  it.each<[string, PolicyStatement, string[]]>([
    // admin-access
    [
      '* on *',
      allow(['*']),
      [
        'admin-access',
        'audit-tampering',
        'privilege-escalation',
        'secret-access',
        'wildcard-action',
        'wildcard-resource',
      ],
    ],
    [
      '* on one bucket',
      allow(['*'], ['arn:aws:s3:::docs/*']),
      ['audit-tampering', 'privilege-escalation', 'secret-access', 'wildcard-action'],
    ],
    // privilege-escalation
    ['iam:PassRole on *', allow(['iam:PassRole']), ['privilege-escalation', 'wildcard-resource']],
    [
      'iam:PassRole on every role',
      allow(['iam:PassRole'], ['arn:aws:iam::111111111111:role/*']),
      ['privilege-escalation'],
    ],
    ['iam:PassRole on one role', allow(['iam:PassRole'], [ROLE_ARN]), []],
    [
      'iam:PassRole on * limited by iam:PassedToService',
      allow(['iam:PassRole'], ['*'], { condition: PASSED_TO }),
      ['wildcard-resource'],
    ],
    ['iam:PutRolePolicy on one role', allow(['iam:PutRolePolicy'], [ROLE_ARN]), ['privilege-escalation']],
    ['iam:AttachRolePolicy', allow(['iam:AttachRolePolicy'], [ROLE_ARN]), ['privilege-escalation']],
    [
      'iam:CreatePolicyVersion',
      allow(['iam:CreatePolicyVersion'], ['arn:aws:iam::111111111111:policy/x']),
      ['privilege-escalation'],
    ],
    [
      'iam:UpdateAssumeRolePolicy',
      allow(['iam:UpdateAssumeRolePolicy'], [ROLE_ARN]),
      ['privilege-escalation'],
    ],
    ['sts:AssumeRole on *', allow(['sts:AssumeRole']), ['privilege-escalation', 'wildcard-resource']],
    ['sts:AssumeRole on one role', allow(['sts:AssumeRole'], [ROLE_ARN]), []],
    // audit-tampering
    [
      'cloudtrail:StopLogging',
      allow(['cloudtrail:StopLogging'], ['arn:aws:cloudtrail:us-east-1:111111111111:trail/main']),
      ['audit-tampering'],
    ],
    [
      'cloudtrail:PutEventSelectors',
      allow(['cloudtrail:PutEventSelectors'], ['arn:aws:cloudtrail:us-east-1:111111111111:trail/main']),
      ['audit-tampering'],
    ],
    [
      'cloudtrail:StopEventDataStoreIngestion',
      allow(
        ['cloudtrail:StopEventDataStoreIngestion'],
        ['arn:aws:cloudtrail:us-east-1:111111111111:eventdatastore/x'],
      ),
      ['audit-tampering'],
    ],
    [
      'bedrock:DeleteModelInvocationLoggingConfiguration',
      allow(['bedrock:DeleteModelInvocationLoggingConfiguration']),
      ['audit-tampering'],
    ],
    [
      'logs:DeleteLogGroup',
      allow(['logs:DeleteLogGroup'], ['arn:aws:logs:us-east-1:111111111111:log-group:x']),
      ['audit-tampering'],
    ],
    ['cloudtrail:LookupEvents', allow(['cloudtrail:LookupEvents']), []],
    // secret-access
    [
      'secretsmanager:GetSecretValue',
      allow(['secretsmanager:GetSecretValue'], ['arn:aws:secretsmanager:us-east-1:111111111111:secret:x']),
      ['secret-access'],
    ],
    [
      'ssm:GetParametersByPath',
      allow(['ssm:GetParametersByPath'], ['arn:aws:ssm:us-east-1:111111111111:parameter/x']),
      ['secret-access'],
    ],
    [
      'kms:Decrypt on one key',
      allow(['kms:Decrypt'], ['arn:aws:kms:us-east-1:111111111111:key/k']),
      ['secret-access'],
    ],
    [
      'AgentCore OAuth token retrieval',
      allow(
        ['bedrock-agentcore:GetResourceOauth2Token'],
        ['arn:aws:bedrock-agentcore:us-east-1:111111111111:token-vault/default'],
      ),
      ['secret-access'],
    ],
    [
      'secretsmanager:DescribeSecret',
      allow(['secretsmanager:DescribeSecret'], ['arn:aws:secretsmanager:us-east-1:111111111111:secret:x']),
      [],
    ],
    // wildcard-action
    [
      'bedrock:*',
      allow(['bedrock:*'], ['arn:aws:bedrock:us-east-1:111111111111:agent/*']),
      ['wildcard-action'],
    ],
    [
      'bedrock:InvokeInlineAgent on a named ARN (ineffective: it takes no resource)',
      allow(
        ['bedrock:InvokeInlineAgent', 'bedrock:PutModelInvocationLoggingConfiguration'],
        ['arn:aws:bedrock:us-east-1:111111111111:agent/*'],
      ),
      [],
    ],
    ['bedrock:InvokeModel*', allow(['bedrock:InvokeModel*'], ['arn:aws:bedrock:*::foundation-model/*']), []],
    // wildcard-resource
    ['s3:PutObject on *', allow(['s3:PutObject']), ['wildcard-resource']],
    ['s3:GetObject on *', allow(['s3:GetObject']), []],
    ['bedrock:InvokeInlineAgent on * (no resource type exists)', allow(['bedrock:InvokeInlineAgent']), []],
    [
      's3:PutObject on NotResource',
      { effect: 'Allow', action: ['s3:PutObject'], notResource: ['arn:aws:s3:::logs/*'] },
      ['wildcard-resource'],
    ],
  ])('%s', async (_name, statement, expected) => {
    expect(await rulesOf(statement)).toEqual(expected);
  });

  it('reads NotAction as a wildcard action that keeps the risks it does not exclude', async () => {
    const rules = await rulesOf({ effect: 'Allow', notAction: ['iam:*', 'sts:*'], resource: ['*'] });
    expect(rules).toContain('wildcard-action');
    expect(rules).toContain('audit-tampering');
    expect(rules).not.toContain('privilege-escalation');
    expect(rules).not.toContain('admin-access');
  });

  it.each(['AdministratorAccess', 'PowerUserAccess', 'IAMFullAccess'])(
    'flags grants of the %s managed policy as admin access',
    async (name) => {
      expect(await rulesOf(allow(['s3:ListAllMyBuckets']), name)).toContain('admin-access');
    },
  );

  it('flags no Deny', async () => {
    expect(await rulesOf({ effect: 'Deny', action: ['*'], resource: ['*'] })).toEqual([]);
  });
});
