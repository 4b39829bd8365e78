import { describe, expect, it } from 'vitest';
import { indexIam } from '../../../src/analysis/permissions/attached-policies.js';
import { diffGrants } from '../../../src/analysis/permissions/diff.js';
import {
  collectRoleGrants,
  collectUserGrants,
  GrantCache,
} from '../../../src/analysis/permissions/effective.js';
import type { Grant } from '../../../src/analysis/permissions/grant.js';
import type { IamGroup, Policy } from '../../../src/model/iam.js';
import type { Snapshot } from '../../../src/model/snapshot.js';
import { unknownValue } from '../../../src/model/unknown.js';
import { policy, policyDocument, ref, role, snapshot, sym } from '../../support/builders.js';
import { allow, deny, user } from '../../support/iam-builders.js';

const ROLE = role('aws_iam_role.agent');

function roleGrants(parts: Partial<Snapshot>, target = ROLE): Promise<Grant[]> {
  return collectRoleGrants(indexIam(snapshot({ roles: [target], ...parts })), target);
}

function allowed(grants: readonly Grant[]): string[] {
  return grants
    .filter((grant) => grant.effect === 'Allow')
    .map((grant) => (grant.action.kind === 'action' ? grant.action.action.name : grant.pattern))
    .sort();
}

function managed(id: string, document: Policy['document'], overrides: Partial<Policy> = {}): Policy {
  return policy(id, ROLE.id, document as never, { kind: 'managed', attachedTo: [], ...overrides });
}

describe('collectRoleGrants', () => {
  it('reads inline policies attached to the role', async () => {
    const grants = await roleGrants({
      policies: [policy('p', ROLE.id, policyDocument(allow(['s3:GetObject'])))],
    });
    expect(allowed(grants)).toEqual(['s3:GetObject']);
  });

  it('resolves customer managed policies through attachments by symbolic ARN', async () => {
    const customer = managed('aws_iam_policy.read', policyDocument(allow(['s3:GetObject'])), {
      arn: sym(ref('aws_iam_policy.read')),
    });
    const grants = await roleGrants({
      policies: [customer],
      attachments: [
        {
          id: 'aws_iam_role_policy_attachment.a',
          iacType: 'aws_iam_role_policy_attachment',
          policy: { arn: sym(ref('aws_iam_policy.read')) },
          principal: { kind: 'role', ref: { name: sym(ref('aws_iam_role.agent', 'name')) } },
        },
      ],
    });
    expect(allowed(grants)).toEqual(['s3:GetObject']);
  });

  it('resolves a role named at the end of a role ARN', async () => {
    const inline = policy('p', ROLE.id, policyDocument(allow(['s3:PutObject'])), {
      attachedTo: [{ kind: 'role', ref: { arn: 'arn:aws:iam::111111111111:role/service/agent' } }],
    });
    expect(allowed(await roleGrants({ policies: [inline] }))).toEqual(['s3:PutObject']);
  });

  it('reads AWS managed policies from the table by ARN, also with an interpolated partition', async () => {
    const target = role('aws_iam_role.agent', {
      managedPolicies: [
        {
          arn: sym(
            'arn:',
            ref('data.aws_partition.current', 'partition'),
            ':iam::aws:policy/AmazonS3ReadOnlyAccess',
          ),
        },
      ],
    });
    const grants = await roleGrants({}, target);
    expect(allowed(grants)).toContain('s3:GetObject');
    expect(grants[0]?.source.awsManaged).toBe('AmazonS3ReadOnlyAccess');
  });

  it('keeps an AWS managed policy of unknown content as an opaque grant, not as nothing', async () => {
    const target = role('aws_iam_role.agent', {
      managedPolicies: [{ arn: 'arn:aws:iam::aws:policy/AmazonBedrockReadOnly' }],
    });
    const [grant] = await roleGrants({}, target);
    expect(grant?.action.kind).toBe('opaque');
    expect(grant?.uncertain).toMatch(/AmazonBedrockReadOnly/);
  });

  it('keeps a policy outside the inputs as unknown', async () => {
    const target = role('aws_iam_role.agent', {
      managedPolicies: [{ arn: 'arn:aws:iam::111111111111:policy/elsewhere' }],
    });
    const [grant] = await roleGrants({}, target);
    expect(grant?.uncertain).toMatch(/not declared in the inputs/);
  });

  it('removes actions an unconditional Deny takes away, but not those a conditional Deny may', async () => {
    const document = policyDocument(
      allow(['s3:GetObject', 's3:PutObject', 's3:DeleteObject']),
      deny(['s3:PutObject']),
      deny(['s3:DeleteObject'], ['*'], { condition: { Bool: { 'aws:MultiFactorAuthPresent': ['false'] } } }),
    );
    expect(allowed(await roleGrants({ policies: [policy('p', ROLE.id, document)] }))).toEqual([
      's3:DeleteObject',
      's3:GetObject',
    ]);
  });

  it('narrows `*` by a Deny into everything but the denied actions', async () => {
    const document = policyDocument(allow(['*']), deny(['iam:*']));
    const grants = await roleGrants({ policies: [policy('p', ROLE.id, document)] });
    const star = grants.find((grant) => grant.effect === 'Allow');
    expect(star?.action).toEqual({ kind: 'all-except', except: ['iam:*'] });
  });

  it('keeps only what the permissions boundary allows too', async () => {
    const boundary = managed(
      'aws_iam_policy.boundary',
      policyDocument(allow(['s3:Get*', 'bedrock:InvokeModel'])),
    );
    const target = role('aws_iam_role.agent', { permissionsBoundary: { id: boundary.id } });
    const grants = await roleGrants(
      {
        policies: [
          boundary,
          policy('p', ROLE.id, policyDocument(allow(['s3:GetObject', 's3:PutObject', '*']))),
        ],
      },
      target,
    );
    const names = allowed(grants);
    expect(names).toContain('s3:GetObject');
    expect(names).toContain('bedrock:InvokeModel');
    expect(names).not.toContain('s3:PutObject');
    expect(names).not.toContain('*');
  });

  it('narrows the resource to the boundary when the boundary is narrower', async () => {
    const boundary = managed(
      'aws_iam_policy.boundary',
      policyDocument(allow(['s3:GetObject'], ['arn:aws:s3:::docs/*'])),
    );
    const target = role('aws_iam_role.agent', { permissionsBoundary: { id: boundary.id } });
    const grants = await roleGrants(
      { policies: [boundary, policy('p', ROLE.id, policyDocument(allow(['s3:GetObject'])))] },
      target,
    );
    expect(grants.map((grant) => grant.resource)).toEqual([
      { kind: 'pattern', pattern: 'arn:aws:s3:::docs/*' },
    ]);
  });

  it('makes every grant uncertain when the boundary is unknown', async () => {
    const boundary = managed('aws_iam_policy.boundary', unknownValue('known after apply'));
    const target = role('aws_iam_role.agent', { permissionsBoundary: { id: boundary.id } });
    const grants = await roleGrants(
      { policies: [boundary, policy('p', ROLE.id, policyDocument(allow(['s3:GetObject'])))] },
      target,
    );
    expect(grants).toHaveLength(1);
    expect(grants[0]?.uncertain).toMatch(/permissions boundary boundary is unknown/);
  });
});

describe('collectUserGrants', () => {
  it('adds the policies of the groups the user belongs to', async () => {
    const group: IamGroup = {
      id: 'aws_iam_group.ml',
      iacType: 'aws_iam_group',
      name: 'ml',
      arn: 'arn:aws:iam::111111111111:group/ml',
      managedPolicies: [{ arn: 'arn:aws:iam::aws:policy/AmazonBedrockFullAccess' }],
    };
    const member = user('aws_iam_user.ci', { groups: [{ name: 'ml' }] });
    const grants = await collectUserGrants(indexIam(snapshot({ users: [member], groups: [group] })), member);
    expect(allowed(grants)).toContain('bedrock:InvokeModel');
  });
});

describe('GrantCache', () => {
  const OTHER = role('aws_iam_role.helper');

  function bothSides(
    beforeStatements: ReturnType<typeof allow>[],
    afterStatements: ReturnType<typeof allow>[],
  ) {
    const cache = new GrantCache();
    const side = (statements: ReturnType<typeof allow>[]) =>
      collectRoleGrants(
        indexIam(
          snapshot({ roles: [ROLE], policies: [policy('p', ROLE.id, policyDocument(...statements))] }),
        ),
        ROLE,
        cache,
      );
    return Promise.all([side(beforeStatements), side(afterStatements)]);
  }

  it('gives a role whose policies did not change one shared list on both sides, which diffs to nothing', async () => {
    const [before, after] = await bothSides([allow(['s3:Get*'])], [allow(['s3:Get*'])]);
    expect(after).toBe(before);
    expect(diffGrants(before, after)).toEqual({ added: [], removed: [] });
  });

  it('computes a changed policy again, and the diff sees the change', async () => {
    const [before, after] = await bothSides(
      [allow(['s3:GetObject'])],
      [allow(['s3:GetObject', 's3:PutObject'])],
    );
    expect(after).not.toBe(before);
    expect(allowed(diffGrants(before, after).added)).toEqual(['s3:PutObject']);
  });

  it('normalises a managed policy attached to several roles once', async () => {
    const shared = managed('aws_iam_policy.shared', policyDocument(allow(['bedrock:InvokeModel'])), {
      attachedTo: [
        { kind: 'role', ref: { id: ROLE.id } },
        { kind: 'role', ref: { id: OTHER.id } },
      ],
    });
    const index = indexIam(snapshot({ roles: [ROLE, OTHER], policies: [shared] }));
    const cache = new GrantCache();
    const [first] = await collectRoleGrants(index, ROLE, cache);
    const [second] = await collectRoleGrants(index, OTHER, cache);
    expect(first).toBeDefined();
    expect(second).toBe(first);
  });

  it('keeps apart policies whose references resolve to different values', async () => {
    const cache = new GrantCache();
    const side = (bucketArn: string) => {
      const bucket = { id: 'aws_s3_bucket.data', iacType: 'aws_s3_bucket', arn: bucketArn };
      const document = policyDocument(allow(['s3:GetObject'], [sym(ref('aws_s3_bucket.data'), '/*')]));
      return collectRoleGrants(
        indexIam(
          snapshot({
            roles: [ROLE],
            policies: [policy('p', ROLE.id, document)],
            resources: [bucket as never],
          }),
        ),
        ROLE,
        cache,
      );
    };
    const [before, after] = [await side('arn:aws:s3:::old'), await side('arn:aws:s3:::new')];
    expect(after).not.toBe(before);
    expect(diffGrants(before, after).added.map((grant) => grant.resource)).toEqual([
      { kind: 'pattern', pattern: 'arn:aws:s3:::new/*' },
    ]);
  });
});
