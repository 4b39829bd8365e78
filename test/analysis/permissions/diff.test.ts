import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffGrants } from '../../../src/analysis/permissions/diff.js';
import type { Grant } from '../../../src/analysis/permissions/grant.js';
import { normalizeDocument } from '../../../src/analysis/permissions/normalize.js';
import { coversGrant } from '../../../src/analysis/permissions/subsume.js';
import type { PolicyStatement } from '../../../src/model/iam.js';
import { allow } from '../../support/iam-builders.js';

const ORIGIN = { policyId: 'policy', policyName: 'policy' };

function grantsOf(...statements: PolicyStatement[]): Promise<Grant[]> {
  return normalizeDocument({ statements }, ORIGIN);
}

function actionNames(grants: readonly Grant[]): string[] {
  return grants
    .map((grant) => (grant.action.kind === 'action' ? grant.action.action.name : grant.pattern))
    .sort();
}

const MODEL = 'arn:aws:bedrock:*::foundation-model/anthropic.claude-3-sonnet-20240229-v1:0';

describe('diffGrants', () => {
  it('reads bedrock:* narrowed to bedrock:InvokeModel as a reduction only', async () => {
    const diff = diffGrants(
      await grantsOf(allow(['bedrock:*'])),
      await grantsOf(allow(['bedrock:InvokeModel'])),
    );
    expect(diff.added).toEqual([]);
    expect(diff.removed.length).toBeGreaterThan(100);
    expect(actionNames(diff.removed)).not.toContain('bedrock:InvokeModel');
  });

  it('reads bedrock:InvokeModel widened to bedrock:InvokeModel* as the new streaming action (corpus pair P1)', async () => {
    const before = await grantsOf(allow(['bedrock:InvokeModel'], [MODEL]));
    const after = await grantsOf(allow(['bedrock:InvokeModel*', 'bedrock:GetFoundationModel'], [MODEL]));
    const diff = diffGrants(before, after);
    expect(actionNames(diff.added)).toEqual([
      'bedrock:GetFoundationModel',
      'bedrock:InvokeModelWithResponseStream',
    ]);
    expect(diff.removed).toEqual([]);
  });

  it('treats a grant with a condition as covered by the same grant without one', async () => {
    const unconditioned = await grantsOf(allow(['s3:GetObject'], ['arn:aws:s3:::docs/*']));
    const conditioned = await grantsOf(
      allow(['s3:GetObject'], ['arn:aws:s3:::docs/*'], {
        condition: { Bool: { 'aws:SecureTransport': ['true'] } },
      }),
    );
    expect(diffGrants(unconditioned, conditioned).added).toEqual([]);
    expect(diffGrants(conditioned, unconditioned).added).toHaveLength(1);
  });

  it('compares resources by ARN wildcard matching', async () => {
    const wide = await grantsOf(allow(['s3:GetObject'], ['arn:aws:s3:::docs/*']));
    const narrow = await grantsOf(allow(['s3:GetObject'], ['arn:aws:s3:::docs/reports/*']));
    expect(diffGrants(wide, narrow)).toEqual({ added: [], removed: wide });
    expect(diffGrants(narrow, wide)).toEqual({ added: wide, removed: [] });
  });

  it('does not list a new action again when a new wildcard of the same change covers it', async () => {
    const diff = diffGrants(
      [],
      await grantsOf(allow(['s3:*']), allow(['s3:GetObject'], ['arn:aws:s3:::docs/*'])),
    );
    expect(diff.added.every((grant) => grant.pattern === 's3:*')).toBe(true);
  });

  it('lets `*` cover explicit actions and NotAction cover what it does not exclude', async () => {
    const star = await grantsOf(allow(['*']));
    const notIam = await grantsOf({ effect: 'Allow', notAction: ['iam:*'], resource: ['*'] });
    expect(diffGrants(star, await grantsOf(allow(['s3:GetObject']))).added).toEqual([]);
    expect(diffGrants(notIam, await grantsOf(allow(['s3:GetObject']))).added).toEqual([]);
    expect(diffGrants(notIam, await grantsOf(allow(['iam:PassRole']))).added).toHaveLength(1);
    expect(diffGrants(notIam, star).added).toHaveLength(1);
    expect(diffGrants(star, notIam).added).toEqual([]);
  });
});

const ACTIONS = [
  's3:GetObject',
  's3:Get*',
  's3:*',
  'bedrock:InvokeModel',
  'bedrock:Invoke*',
  'iam:PassRole',
  '*',
];
const RESOURCES = ['*', 'arn:aws:s3:::docs/*', 'arn:aws:s3:::docs/a/*', 'arn:aws:iam::111111111111:role/x'];
const CONDITIONS = [undefined, { StringEquals: { 'aws:SourceAccount': ['111111111111'] } }];

const statement: fc.Arbitrary<PolicyStatement> = fc
  .record({
    actions: fc.subarray(ACTIONS, { minLength: 1, maxLength: 2 }),
    resources: fc.subarray(RESOURCES, { minLength: 1, maxLength: 2 }),
    condition: fc.constantFrom(...CONDITIONS),
    not: fc.boolean(),
  })
  .map(({ actions, resources, condition, not }) => ({
    effect: 'Allow' as const,
    ...(not ? { notAction: actions } : { action: actions }),
    resource: resources,
    ...(condition ? { condition } : {}),
  }));

describe('diffGrants properties', () => {
  it('finds nothing between a policy and itself', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(statement, { maxLength: 4 }), async (statements) => {
        const grants = await grantsOf(...statements);
        expect(diffGrants(grants, grants)).toEqual({ added: [], removed: [] });
      }),
      { numRuns: 60 },
    );
  });

  it('lets every grant of a policy be covered by the policy itself', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(statement, { minLength: 1, maxLength: 4 }), async (statements) => {
        const grants = await grantsOf(...statements);
        expect(grants.every((grant) => grants.some((other) => coversGrant(other, grant)))).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('never removes a grant when a statement is added', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(statement, { maxLength: 3 }), statement, async (statements, extra) => {
        const before = await grantsOf(...statements);
        const after = await grantsOf(...statements, extra);
        expect(diffGrants(before, after).removed).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });

  it('adds nothing when the new statement is covered by `*` on `*`', async () => {
    await fc.assert(
      fc.asyncProperty(statement, async (extra) => {
        const before = await grantsOf(allow(['*']));
        const after = await grantsOf(allow(['*']), extra);
        expect(diffGrants(before, after).added).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });
});
