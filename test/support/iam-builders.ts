import type { AccessKey, IamUser, PolicyPrincipal, PolicyStatement, Role } from '../../src/model/iam.js';
import type { StringValue } from '../../src/model/value.js';
import { policyDocument, role } from './builders.js';

/** An Allow statement on actions and resources, with an optional Sid and condition. */
export function allow(
  actions: StringValue[],
  resources: StringValue[] = ['*'],
  extra: Partial<PolicyStatement> = {},
): PolicyStatement {
  return { effect: 'Allow', action: actions, resource: resources, ...extra };
}

/** A Deny statement on actions and resources. */
export function deny(
  actions: StringValue[],
  resources: StringValue[] = ['*'],
  extra: Partial<PolicyStatement> = {},
): PolicyStatement {
  return { effect: 'Deny', action: actions, resource: resources, ...extra };
}

/** A trust statement letting principals assume the role. */
export function trustStatement(
  principal: PolicyPrincipal,
  condition?: PolicyStatement['condition'],
): PolicyStatement {
  return {
    effect: 'Allow',
    action: ['sts:AssumeRole'],
    principal,
    ...(condition ? { condition } : {}),
  };
}

/** A role that trusts the given service principals (no condition). */
export function serviceRole(id: string, services: StringValue[], overrides: Partial<Role> = {}): Role {
  return role(id, { trustPolicy: policyDocument(trustStatement({ Service: services })), ...overrides });
}

/** The recommended confused-deputy condition for account 111111111111. */
export const SOURCE_ACCOUNT_CONDITION = { StringEquals: { 'aws:SourceAccount': ['111111111111'] } };

/** An IAM user. */
export function user(id: string, overrides: Partial<IamUser> = {}): IamUser {
  const name = id.split(/[./]/).pop() ?? id;
  return {
    id,
    iacType: 'aws_iam_user',
    name,
    arn: `arn:aws:iam::111111111111:user/${name}`,
    groups: [],
    managedPolicies: [],
    permissionsBoundary: null,
    ...overrides,
  };
}

/** An active access key of a user. */
export function accessKey(id: string, userId: string): AccessKey {
  return { id, iacType: 'aws_iam_access_key', user: { id: userId }, active: true };
}
