// Regression: a policy attached to a role by the role's symbolic name (HCL `role = aws_iam_role.kb[0].name` where
// the name is `prefix-${random_string.suffix.result}`) must reach that role. The corpus pair P4 lost its
// permissions-reduced finding when the module's sibling files declared the random_string.
import { describe, expect, it } from 'vitest';
import { analyzePermissions } from '../../../src/analysis/permissions/index.js';
import { indexEntities, resolveReference } from '../../../src/analysis/permissions/resolve.js';
import type { Policy, PolicyAttachment, Role } from '../../../src/model/iam.js';
import { unknownValue } from '../../../src/model/unknown.js';
import { policyDocument, ref, role, snapshot, sym } from '../../support/builders.js';

const roleName = sym('kb-role-', ref('random_string.suffix', 'result'));
const kbRole: Role = role('aws_iam_role.kb', {
  name: roleName,
  arn: sym(ref('aws_iam_role.kb')),
  trustPolicy: policyDocument({
    effect: 'Allow',
    action: ['sts:AssumeRole'],
    principal: { Service: ['bedrock.amazonaws.com'] },
    condition: { StringEquals: { 'aws:SourceAccount': ['111111111111'] } },
  }),
});

function kendraPolicy(actions: string[]): Policy {
  return {
    id: 'aws_iam_policy.kendra',
    iacType: 'aws_iam_policy',
    kind: 'managed',
    name: 'kendra',
    arn: sym(ref('aws_iam_policy.kendra')),
    document: policyDocument({ effect: 'Allow', action: actions, resource: ['*'] }),
    attachedTo: [],
  };
}

const attachment: PolicyAttachment = {
  id: 'aws_iam_role_policy_attachment.kendra',
  iacType: 'aws_iam_role_policy_attachment',
  policy: { id: 'aws_iam_policy.kendra' },
  principal: { kind: 'role', ref: { name: sym('kb-role-', ref('random_string.suffix', 'result')) } },
};

describe('references by symbolic name', () => {
  it('resolve to the entity whose name is written the same way', () => {
    const other = role('aws_iam_role.other', { name: sym('other-', ref('random_string.suffix', 'result')) });
    const index = indexEntities([other, kbRole]);
    expect(resolveReference({ name: sym('kb-role-', ref('random_string.suffix', 'result')) }, index)).toBe(
      kbRole,
    );
    expect(
      resolveReference({ name: sym('kb-role-', ref('random_string.other', 'result')) }, index),
    ).toBeUndefined();
  });

  it('never match an unknown name', () => {
    const unnamed = role('aws_iam_role.unnamed', { name: unknownValue('var.name has no value') });
    expect(resolveReference({ name: unknownValue('var.name has no value') }, indexEntities([unnamed]))).toBe(
      undefined,
    );
  });

  it('carry an attached policy change to the role', async () => {
    const result = await analyzePermissions({
      before: snapshot({
        roles: [kbRole],
        policies: [kendraPolicy(['kendra:Retrieve', 'kendra:*'])],
        attachments: [attachment],
      }),
      after: snapshot({
        roles: [kbRole],
        policies: [kendraPolicy(['kendra:Retrieve'])],
        attachments: [attachment],
      }),
      changes: {},
      aiRoles: { include: [], exclude: [] },
      externalSinks: [],
    });
    expect(result.roles.map((row) => row.id)).toEqual(['aws_iam_role.kb']);
    expect(result.roles[0]?.removed.map((grant) => grant.action)).toEqual([
      expect.stringMatching(/^kendra:\*/),
    ]);
    expect(result.findings.map((finding) => finding.ruleId)).toEqual(['permissions-reduced']);
  });
});
