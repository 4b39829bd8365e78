import { MANAGED_POLICIES, type ManagedPolicyEntry } from '../../knowledge/managed-policies.js';
import type { IamGroup, IamUser, Policy, PolicyDocument, PrincipalRef, Role } from '../../model/iam.js';
import type { SourceLocation } from '../../model/location.js';
import type { Reference } from '../../model/resource.js';
import type { Snapshot } from '../../model/snapshot.js';
import { unknownValue, type Unknown } from '../../model/unknown.js';
import { describeValue } from '../../model/value.js';
import type { PolicyOrigin } from './normalize.js';
import { collectAttributeValues, type AttributeValues } from './resolve-attributes.js';
import { describeReference, indexEntities, resolveReference, type EntityIndex } from './resolve.js';

/** A policy attached to a principal, with its document or the reason its content is unknown. */
export interface AttachedPolicy {
  readonly origin: PolicyOrigin;
  readonly document: PolicyDocument | Unknown;
  readonly location?: SourceLocation;
}

/** One snapshot's IAM entities, indexed, with the policies each principal has. */
export interface IamIndex {
  readonly roles: EntityIndex<Role>;
  readonly users: EntityIndex<IamUser>;
  readonly groups: EntityIndex<IamGroup>;
  readonly policies: EntityIndex<Policy>;
  /** Policies per principal key (`role:<id>`, `user:<id>`, `group:<id>`), without the principal's own list. */
  readonly attached: ReadonlyMap<string, readonly AttachedPolicy[]>;
  readonly snapshot: Snapshot;
  /** Known ARNs and names of the snapshot's entities, for resolving references in policy resources. */
  readonly attributes: AttributeValues;
}

const MANAGED_BY_NAME = new Map<string, ManagedPolicyEntry>(
  MANAGED_POLICIES.map((entry) => [entry.name, entry]),
);
const AWS_MANAGED_ARN = /:iam::aws:policy\/(?:.*\/)?([^/]+)$/;

/** The name of an AWS managed policy when the reference is one (`arn:<partition>:iam::aws:policy/...`). */
export function awsManagedPolicyName(ref: Reference): string | undefined {
  if (ref.arn === undefined) return undefined;
  // The partition is often interpolated (`arn:${data.aws_partition.current.partition}:iam::aws:policy/...`).
  return AWS_MANAGED_ARN.exec(describeValue(ref.arn))?.[1];
}

function awsManagedPolicy(name: string): AttachedPolicy {
  const entry = MANAGED_BY_NAME.get(name);
  const origin: PolicyOrigin = {
    policyId: `arn:aws:iam::aws:policy${entry?.path ?? '/'}${name}`,
    policyName: name,
    awsManaged: name,
  };
  if (entry?.document) return { origin, document: entry.document };
  return {
    origin,
    document: unknownValue(`the content of the AWS managed policy ${name} is not known to this tool`),
  };
}

/** Finds what a managed-policy reference points at: an AWS managed policy, a policy in the snapshot, or nothing known. */
export function resolvePolicyReference(
  ref: Reference,
  snapshot: Snapshot,
  policies: EntityIndex<Policy> = indexEntities(snapshot.policies),
): AttachedPolicy {
  const managedName = awsManagedPolicyName(ref);
  if (managedName !== undefined) return awsManagedPolicy(managedName);
  const policy = resolveReference(ref, policies);
  if (policy) {
    const attached: AttachedPolicy = {
      origin: { policyId: policy.id, policyName: describeValue(policy.name) },
      document: policy.document,
      ...(policy.location ? { location: policy.location } : {}),
    };
    return attached;
  }
  const described = describeReference(ref);
  const unresolved: AttachedPolicy = {
    origin: { policyId: described, policyName: described },
    document: unknownValue(`the policy ${described} is not declared in the inputs`),
  };
  return unresolved;
}

function principalKey(kind: PrincipalRef['kind'], id: string): string {
  return `${kind}:${id}`;
}

/** Indexes a snapshot's IAM entities and which policies each principal has. */
export function indexIam(snapshot: Snapshot): IamIndex {
  const roles = indexEntities(snapshot.roles);
  const users = indexEntities(snapshot.users);
  const groups = indexEntities(snapshot.groups);
  const policies = indexEntities(snapshot.policies);
  const attached = new Map<string, AttachedPolicy[]>();
  const entitiesOf = { role: roles, user: users, group: groups } as const;
  const add = (principal: PrincipalRef, policy: AttachedPolicy): void => {
    const target = resolveReference(
      principal.ref,
      entitiesOf[principal.kind] as EntityIndex<Role | IamUser | IamGroup>,
    );
    if (!target) return;
    const key = principalKey(principal.kind, target.id);
    const list = attached.get(key) ?? [];
    if (!list.some((existing) => existing.origin.policyId === policy.origin.policyId)) list.push(policy);
    attached.set(key, list);
  };
  for (const policy of snapshot.policies) {
    const entry: AttachedPolicy = {
      origin: { policyId: policy.id, policyName: describeValue(policy.name) },
      document: policy.document,
      ...(policy.location ? { location: policy.location } : {}),
    };
    for (const principal of policy.attachedTo) add(principal, entry);
  }
  for (const attachment of snapshot.attachments) {
    add(attachment.principal, resolvePolicyReference(attachment.policy, snapshot, policies));
  }
  return { roles, users, groups, policies, attached, snapshot, attributes: collectAttributeValues(snapshot) };
}

function withOwnList(index: IamIndex, key: string, managed: readonly Reference[]): AttachedPolicy[] {
  const list = [...(index.attached.get(key) ?? [])];
  for (const ref of managed) {
    const policy = resolvePolicyReference(ref, index.snapshot, index.policies);
    if (!list.some((existing) => existing.origin.policyId === policy.origin.policyId)) list.push(policy);
  }
  return list;
}

/** Every policy a role has: inline and customer managed ones attached to it, and the managed policies it lists. */
export function policiesOfRole(index: IamIndex, role: Role): AttachedPolicy[] {
  return withOwnList(index, principalKey('role', role.id), role.managedPolicies);
}

/** Every policy a user has, including those of its groups. */
export function policiesOfUser(index: IamIndex, user: IamUser): AttachedPolicy[] {
  const list = withOwnList(index, principalKey('user', user.id), user.managedPolicies);
  for (const groupRef of user.groups) {
    const group = resolveReference(groupRef, index.groups);
    if (!group) continue;
    for (const policy of withOwnList(index, principalKey('group', group.id), group.managedPolicies)) {
      if (!list.some((existing) => existing.origin.policyId === policy.origin.policyId)) list.push(policy);
    }
  }
  return list;
}
