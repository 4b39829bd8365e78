import type {
  AccessKey,
  IamGroup,
  IamUser,
  Policy,
  PolicyAttachment,
  PrincipalRef,
  Role,
} from '../../model/iam.js';
import type { CloudResource, Link, LinkRelation, Reference, ResourceKind } from '../../model/resource.js';
import type { Sink } from '../../model/sink.js';
import { emptySnapshot, type Snapshot } from '../../model/snapshot.js';

/** A user's membership of a group, declared apart from both. */
export interface Membership {
  readonly user: Reference;
  readonly group: Reference;
}

/** One side of the plan while it is read: mutable lists that become a Snapshot at the end. */
export interface SnapshotParts {
  readonly resources: CloudResource[];
  readonly links: Link[];
  readonly sinks: Sink[];
  readonly roles: Role[];
  readonly policies: Policy[];
  readonly attachments: PolicyAttachment[];
  readonly users: IamUser[];
  readonly groups: IamGroup[];
  readonly accessKeys: AccessKey[];
  readonly memberships: Membership[];
  /** The service's own id of each AI resource (agent id, knowledge base id) to its IR id, for links by id. */
  readonly serviceIds: Map<string, string>;
}

/** Empty parts for one side. */
export function emptyParts(): SnapshotParts {
  return { ...emptySnapshot(), memberships: [], serviceIds: new Map() };
}

/** Names and ARNs of one kind of entity to its id; a key seen twice is ambiguous and links nothing. */
class Lookup {
  private readonly ids = new Map<string, string | null>();

  add(key: unknown, id: string): void {
    if (typeof key !== 'string' || key === '') return;
    const seen = this.ids.get(key);
    this.ids.set(key, seen === undefined || seen === id ? id : null);
  }

  find(reference: Reference): string | undefined {
    for (const key of [reference.arn, reference.name]) {
      if (typeof key !== 'string') continue;
      const id = this.ids.get(key);
      if (typeof id === 'string') return id;
    }
    return undefined;
  }
}

function lookupOf(entries: readonly { id: string; name: unknown; arn?: unknown }[]): Lookup {
  const lookup = new Lookup();
  for (const entry of entries) {
    lookup.add(entry.name, entry.id);
    lookup.add(entry.arn, entry.id);
  }
  return lookup;
}

/** Maps a list, giving back the same list when no item changed, so that unchanged entities are not copied. */
function mapSame<T>(items: readonly T[], map: (item: T) => T): readonly T[] {
  let result: T[] | undefined;
  items.forEach((item, index) => {
    const mapped = map(item);
    if (mapped !== item && result === undefined) result = items.slice(0, index);
    result?.push(mapped);
  });
  return result ?? items;
}

function complete(reference: Reference, lookup: Lookup): Reference {
  if (reference.id !== undefined) return reference;
  const id = lookup.find(reference);
  return id === undefined ? reference : { ...reference, id };
}

const LINK_TARGET: Readonly<Record<LinkRelation, ResourceKind | 'role'>> = {
  'execution-role': 'role',
  'data-source-bucket': 'bucket',
  'tool-function': 'function',
  'alias-of': 'ai',
  'part-of': 'ai',
  'stores-data-in': 'bucket',
  'uses-knowledge-base': 'ai',
};

/**
 * Turns the parts into a Snapshot, giving each reference that names its target by name or ARN the id of the
 * entity in this plan that has that name or ARN (within the target's kind), so that later stages link by id.
 */
export function finishSnapshot(parts: SnapshotParts): Snapshot {
  const roles = lookupOf(parts.roles);
  const users = lookupOf(parts.users);
  const groups = lookupOf(parts.groups);
  const managed = lookupOf(parts.policies.filter((policy) => policy.kind === 'managed'));
  const inline = lookupOf(parts.policies.filter((policy) => policy.kind === 'inline'));
  const byKind = new Map<ResourceKind, Lookup>();
  for (const resource of parts.resources) {
    let lookup = byKind.get(resource.kind);
    if (lookup === undefined) {
      lookup = new Lookup();
      byKind.set(resource.kind, lookup);
    }
    lookup.add(resource.name, resource.id);
    lookup.add(resource.arn, resource.id);
  }
  const ai = byKind.get('ai') ?? new Lookup();
  for (const [serviceId, id] of parts.serviceIds) ai.add(serviceId, id);

  const principalLookup = (kind: PrincipalRef['kind']): Lookup =>
    kind === 'role' ? roles : kind === 'user' ? users : groups;
  const principal = (ref: PrincipalRef): PrincipalRef => ({
    ...ref,
    ref: complete(ref.ref, principalLookup(ref.kind)),
  });

  const groupsOfUser = new Map<string, Reference[]>();
  for (const membership of parts.memberships) {
    const user = complete(membership.user, users);
    if (user.id === undefined) continue;
    const list = groupsOfUser.get(user.id) ?? [];
    list.push(complete(membership.group, groups));
    groupsOfUser.set(user.id, list);
  }

  return {
    resources: parts.resources,
    links: mapSame(parts.links, (link) => {
      if (link.to.id !== undefined) return link;
      const target = LINK_TARGET[link.relation];
      const to = complete(link.to, target === 'role' ? roles : (byKind.get(target) ?? new Lookup()));
      return to === link.to ? link : { ...link, to };
    }),
    sinks: parts.sinks,
    roles: mapSame(parts.roles, (role) => {
      const managedPolicies = mapSame(role.managedPolicies, (ref) => complete(ref, managed));
      const boundary = role.permissionsBoundary === null ? null : complete(role.permissionsBoundary, managed);
      return managedPolicies === role.managedPolicies && boundary === role.permissionsBoundary
        ? role
        : { ...role, managedPolicies, permissionsBoundary: boundary };
    }),
    policies: mapSame(parts.policies, (policy) => {
      const attachedTo = mapSame(policy.attachedTo, principal);
      return attachedTo === policy.attachedTo ? policy : { ...policy, attachedTo };
    }),
    attachments: mapSame(parts.attachments, (attachment) => {
      const policy = complete(
        attachment.policy,
        attachment.iacType === 'aws_iam_role_policies_exclusive' ? inline : managed,
      );
      const principalRef = principal(attachment.principal);
      return policy === attachment.policy && principalRef === attachment.principal
        ? attachment
        : { ...attachment, policy, principal: principalRef };
    }),
    users: mapSame(parts.users, (user) => {
      const joined = groupsOfUser.get(user.id);
      const boundary = user.permissionsBoundary === null ? null : complete(user.permissionsBoundary, managed);
      return joined === undefined && boundary === user.permissionsBoundary
        ? user
        : { ...user, groups: [...user.groups, ...(joined ?? [])], permissionsBoundary: boundary };
    }),
    groups: parts.groups,
    accessKeys: mapSame(parts.accessKeys, (key) => {
      const user = complete(key.user, users);
      return user === key.user ? key : { ...key, user };
    }),
  };
}
