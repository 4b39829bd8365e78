import type {
  AccessKey,
  IamGroup,
  IamUser,
  Policy,
  PolicyAttachment,
  PrincipalRef,
  Role,
} from '../../model/iam.js';
import type { Reference } from '../../model/resource.js';
import { isUnknown, unknownValue, type Maybe } from '../../model/unknown.js';
import { symbolic, type StringValue } from '../../model/value.js';
import { partitionOfRegion } from './account.js';
import { AFTER_APPLY } from './marks.js';
import { documentAt } from './policy-documents.js';
import type { SnapshotParts } from './snapshot-parts.js';
import { ownStringAt, principalReference, referencesAt, valuesAt, type SideView } from './side-view.js';

type PrincipalKind = PrincipalRef['kind'];

function locationOf(view: SideView): { file: string } {
  return { file: view.context.shown };
}

/** An IAM ARN built from a known name when the plan leaves it to apply (roles, users, groups, policies). */
function iamArn(
  view: SideView,
  kind: string,
  name: StringValue | undefined,
  account: Maybe<string>,
): StringValue {
  const planned = ownStringAt(view, 'arn', 'arn');
  if (typeof planned === 'string') return planned;
  const [path] = valuesAt(view, 'path');
  if (typeof name === 'string' && !isUnknown(account) && !isUnknown(view.region)) {
    const prefix = typeof path === 'string' && path !== '' ? path : '/';
    return `arn:${partitionOfRegion(view.region)}:iam::${account}:${kind}${prefix}${name}`;
  }
  return planned ?? symbolic([{ ref: view.id, attribute: 'arn' }]);
}

function nameOf(view: SideView, key: string): StringValue {
  return ownStringAt(view, key, 'name') ?? unknownValue(`${key} is not set`);
}

function firstOrNull(references: readonly Reference[]): Reference | null {
  return references[0] ?? null;
}

/** Inline policies declared inside a role (`inline_policy` blocks, awscc `policies`), one Policy each. */
function inlinePolicies(
  view: SideView,
  key: string,
  nameKey: string,
  documentKey: string,
  role: PrincipalRef,
): Policy[] {
  const [value] = valuesAt(view, key);
  let count: number;
  if (Array.isArray(value)) count = value.length;
  else if (value === AFTER_APPLY) {
    // A new role's inline policies are computed; its configuration still says how many blocks it writes.
    const written = view.config?.resource.expressions?.[key];
    count = Array.isArray(written) ? written.length : 0;
  } else count = 0;
  const policies: Policy[] = [];
  for (let index = 0; index < count; index += 1) {
    const name = ownStringAt(view, `${key}[${index}].${nameKey}`, 'name');
    const document = documentAt(view, `${key}[${index}].${documentKey}`);
    // The provider writes an empty block to mean "no inline policies".
    if ((name === undefined || name === '') && document === undefined) continue;
    policies.push({
      id: `${view.id}#${key}[${typeof name === 'string' ? JSON.stringify(name) : index}]`,
      iacType: view.type,
      location: locationOf(view),
      kind: 'inline',
      name: name ?? unknownValue('the inline policy has no name'),
      document: document ?? { statements: [] },
      attachedTo: [role],
    });
  }
  return policies;
}

function addRole(view: SideView, parts: SnapshotParts, account: Maybe<string>): void {
  const awscc = view.type === 'awscc_iam_role';
  const name = nameOf(view, awscc ? 'role_name' : 'name');
  const arn = iamArn(view, 'role', name, account);
  const role: Role = {
    id: view.id,
    iacType: view.type,
    location: locationOf(view),
    name,
    arn,
    trustPolicy: documentAt(view, awscc ? 'assume_role_policy_document' : 'assume_role_policy') ?? null,
    managedPolicies: referencesAt(view, 'managed_policy_arns'),
    permissionsBoundary: firstOrNull(referencesAt(view, 'permissions_boundary')),
  };
  parts.roles.push(role);
  const self: PrincipalRef = { kind: 'role', ref: { id: view.id } };
  parts.policies.push(
    ...(awscc
      ? inlinePolicies(view, 'policies', 'policy_name', 'policy_document', self)
      : inlinePolicies(view, 'inline_policy', 'name', 'policy', self)),
  );
}

function principalsAt(view: SideView, path: string, kind: PrincipalKind): PrincipalRef[] {
  return referencesAt(view, path).map((ref) => ({ kind, ref }));
}

function addPolicy(view: SideView, parts: SnapshotParts, account: Maybe<string>): void {
  const policy = (
    kind: Policy['kind'],
    nameKey: string,
    documentKey: string,
    attachedTo: PrincipalRef[],
  ): Policy => {
    const name = nameOf(view, nameKey);
    return {
      id: view.id,
      iacType: view.type,
      location: locationOf(view),
      kind,
      name,
      ...(kind === 'managed' ? { arn: iamArn(view, 'policy', name, account) } : {}),
      document: documentAt(view, documentKey) ?? { statements: [] },
      attachedTo,
    };
  };
  const listed = (): PrincipalRef[] => [
    ...principalsAt(view, 'roles', 'role'),
    ...principalsAt(view, 'users', 'user'),
    ...principalsAt(view, 'groups', 'group'),
  ];
  switch (view.type) {
    case 'aws_iam_policy':
      parts.policies.push(policy('managed', 'name', 'policy', []));
      return;
    case 'aws_iam_role_policy':
      parts.policies.push(
        policy('inline', 'name', 'policy', [{ kind: 'role', ref: principalReference(view, 'role') }]),
      );
      return;
    case 'aws_iam_user_policy':
      parts.policies.push(
        policy('inline', 'name', 'policy', [{ kind: 'user', ref: principalReference(view, 'user') }]),
      );
      return;
    case 'aws_iam_group_policy':
      parts.policies.push(
        policy('inline', 'name', 'policy', [{ kind: 'group', ref: principalReference(view, 'group') }]),
      );
      return;
    case 'awscc_iam_role_policy':
      parts.policies.push(
        policy('inline', 'policy_name', 'policy_document', [
          { kind: 'role', ref: principalReference(view, 'role_name') },
        ]),
      );
      return;
    case 'awscc_iam_policy':
      parts.policies.push(policy('inline', 'policy_name', 'policy_document', listed()));
      return;
    case 'awscc_iam_managed_policy': {
      const managed = policy('managed', 'managed_policy_name', 'policy_document', listed());
      const arn = ownStringAt(view, 'policy_arn', 'arn');
      parts.policies.push(arn === undefined ? managed : { ...managed, arn });
      return;
    }
  }
}

function addAttachments(view: SideView, parts: SnapshotParts): void {
  const attach = (suffix: string, policy: Reference, principal: PrincipalRef): void => {
    const attachment: PolicyAttachment = {
      id: `${view.id}${suffix}`,
      iacType: view.type,
      location: locationOf(view),
      policy,
      principal,
    };
    parts.attachments.push(attachment);
  };
  const single = (principalKey: string, kind: PrincipalKind): void =>
    attach('', principalReference(view, 'policy_arn'), { kind, ref: principalReference(view, principalKey) });
  switch (view.type) {
    case 'aws_iam_role_policy_attachment':
      single('role', 'role');
      return;
    case 'aws_iam_user_policy_attachment':
      single('user', 'user');
      return;
    case 'aws_iam_group_policy_attachment':
      single('group', 'group');
      return;
    case 'aws_iam_policy_attachment': {
      const policy = principalReference(view, 'policy_arn');
      for (const [key, kind] of [
        ['roles', 'role'],
        ['users', 'user'],
        ['groups', 'group'],
      ] as const) {
        referencesAt(view, key).forEach((ref, index) => attach(`#${key}[${index}]`, policy, { kind, ref }));
      }
      return;
    }
    case 'aws_iam_role_policy_attachments_exclusive': {
      const role: PrincipalRef = { kind: 'role', ref: principalReference(view, 'role_name') };
      referencesAt(view, 'policy_arns').forEach((policy, index) =>
        attach(`#policy_arns[${index}]`, policy, role),
      );
      return;
    }
    case 'aws_iam_role_policies_exclusive': {
      const role: PrincipalRef = { kind: 'role', ref: principalReference(view, 'role_name') };
      referencesAt(view, 'policy_names').forEach((policy, index) =>
        attach(`#policy_names[${index}]`, policy, role),
      );
      return;
    }
  }
}

function addPrincipal(view: SideView, parts: SnapshotParts, account: Maybe<string>): void {
  const name = nameOf(view, 'name');
  if (view.type === 'aws_iam_user') {
    const user: IamUser = {
      id: view.id,
      iacType: view.type,
      location: locationOf(view),
      name,
      arn: iamArn(view, 'user', name, account),
      groups: [],
      managedPolicies: [],
      permissionsBoundary: firstOrNull(referencesAt(view, 'permissions_boundary')),
    };
    parts.users.push(user);
  } else {
    const group: IamGroup = {
      id: view.id,
      iacType: view.type,
      location: locationOf(view),
      name,
      arn: iamArn(view, 'group', name, account),
      managedPolicies: [],
    };
    parts.groups.push(group);
  }
}

function addMembership(view: SideView, parts: SnapshotParts): void {
  if (view.type === 'aws_iam_group_membership') {
    const group = principalReference(view, 'group');
    for (const user of referencesAt(view, 'users')) parts.memberships.push({ user, group });
  } else {
    const user = principalReference(view, 'user');
    for (const group of referencesAt(view, 'groups')) parts.memberships.push({ user, group });
  }
}

function addAccessKey(view: SideView, parts: SnapshotParts): void {
  const [status] = valuesAt(view, 'status');
  const key: AccessKey = {
    id: view.id,
    iacType: view.type,
    location: locationOf(view),
    user: principalReference(view, 'user'),
    active: isUnknown(status) ? status : status !== 'Inactive',
  };
  parts.accessKeys.push(key);
}

type IamReader = (view: SideView, parts: SnapshotParts, account: Maybe<string>) => void;

/** The IAM resource types this source reads, each with its reader. */
const IAM_READERS = new Map<string, IamReader>([
  ['aws_iam_role', addRole],
  ['awscc_iam_role', addRole],
  ['aws_iam_policy', addPolicy],
  ['aws_iam_role_policy', addPolicy],
  ['aws_iam_user_policy', addPolicy],
  ['aws_iam_group_policy', addPolicy],
  ['awscc_iam_role_policy', addPolicy],
  ['awscc_iam_policy', addPolicy],
  ['awscc_iam_managed_policy', addPolicy],
  ['aws_iam_role_policy_attachment', addAttachments],
  ['aws_iam_user_policy_attachment', addAttachments],
  ['aws_iam_group_policy_attachment', addAttachments],
  ['aws_iam_policy_attachment', addAttachments],
  ['aws_iam_role_policy_attachments_exclusive', addAttachments],
  ['aws_iam_role_policies_exclusive', addAttachments],
  ['aws_iam_user', addPrincipal],
  ['aws_iam_group', addPrincipal],
  ['aws_iam_group_membership', addMembership],
  ['aws_iam_user_group_membership', addMembership],
  ['aws_iam_access_key', addAccessKey],
]);

/** The IAM reader of a Terraform type, or undefined when the type is not an IAM type this source reads. */
export function iamReaderFor(type: string): IamReader | undefined {
  return IAM_READERS.get(type);
}
