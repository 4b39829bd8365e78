import type { IamUser, Role } from '../../model/iam.js';
import type { Reference } from '../../model/resource.js';
import { isUnknown } from '../../model/unknown.js';
import { remember } from '../remember.js';
import { expandActionPattern } from './expand.js';
import type { ActionPart, ConditionPart, Grant, ResourcePart } from './grant.js';
import {
  policiesOfRole,
  policiesOfUser,
  resolvePolicyReference,
  type AttachedPolicy,
  type IamIndex,
} from './attached-policies.js';
import { normalizeDocument } from './normalize.js';
import { resolveDocumentAttributes, type AttributeValues } from './resolve-attributes.js';
import {
  candidatesFor,
  coversActionPart,
  coversResourcePart,
  includesAction,
  indexGrants,
} from './subsume.js';
import { coversAction } from './wildcard.js';

/** The grants of a policy whose document has its attribute references resolved already. */
async function grantsOfPolicy(policy: AttachedPolicy): Promise<Grant[]> {
  if (isUnknown(policy.document)) {
    const text = `(content of ${policy.origin.policyName} unknown)`;
    const action: ActionPart = { kind: 'opaque', text, reason: policy.document.reason };
    return [
      {
        effect: 'Allow',
        action,
        pattern: text,
        patternSize: 1,
        resource: { kind: 'opaque', text: '(unknown)' },
        source: {
          ...policy.origin,
          statement: 'whole policy',
          ...(policy.location ? { location: policy.location } : {}),
        },
        uncertain: policy.document.reason,
      },
    ];
  }
  return normalizeDocument(policy.document, policy.origin);
}

/** Every action that a NotAction deny leaves allowed, out of an allow of everything but some patterns. */
async function actionsKeptBy(
  keep: readonly string[],
  excluded: readonly string[],
  allow: Grant,
): Promise<Grant[]> {
  const kept: Grant[] = [];
  for (const pattern of keep) {
    const expansion = await expandActionPattern(pattern);
    if (expansion.kind !== 'actions') continue;
    for (const action of expansion.actions) {
      if (excluded.some((except) => coversAction(except, action.name))) continue;
      kept.push({
        ...allow,
        action: { kind: 'action', action },
        pattern,
        patternSize: expansion.actions.length,
      });
    }
  }
  return kept;
}

/**
 * Removes what unconditional Deny statements take away. A conditional Deny may or may not apply, so the allow stays;
 * a Deny on fewer resources than the allow leaves the allow in place for the rest.
 */
export async function subtractDenies(grants: readonly Grant[]): Promise<Grant[]> {
  const denies = grants.filter((grant) => grant.effect === 'Deny' && grant.condition === undefined);
  if (denies.length === 0) return [...grants];
  const denyIndex = indexGrants(denies);
  const result: Grant[] = [];
  for (const grant of grants) {
    if (grant.effect === 'Deny') {
      result.push(grant);
      continue;
    }
    // Everything-but allows meet every deny: any denied action narrows them.
    const candidates = grant.action.kind === 'all-except' ? denies : candidatesFor(denyIndex, grant.action);
    const applicable = candidates.filter((deny) => coversResourcePart(deny.resource, grant.resource));
    if (applicable.some((deny) => coversActionPart(deny.action, grant.action))) continue;
    if (grant.action.kind !== 'all-except') {
      result.push(grant);
      continue;
    }
    // An allow of everything loses each denied action; a NotAction deny keeps only what it lists.
    let except = [...grant.action.except];
    const notActionDeny = applicable.find((deny) => deny.action.kind === 'all-except');
    if (notActionDeny && notActionDeny.action.kind === 'all-except') {
      result.push(...(await actionsKeptBy(notActionDeny.action.except, except, grant)));
      continue;
    }
    for (const deny of applicable) {
      if (deny.action.kind === 'action')
        except = [...except, deny.pattern.includes(':') ? deny.pattern : deny.action.action.name];
    }
    result.push({ ...grant, action: { kind: 'all-except', except: [...new Set(except)] } });
  }
  return result;
}

function mergeConditions(
  left: ConditionPart | undefined,
  right: ConditionPart | undefined,
): ConditionPart | undefined {
  if (left === undefined) return right;
  if (right === undefined || right.text === left.text) return left;
  return { text: `${left.text}; ${right.text}`, keys: [...left.keys, ...right.keys] };
}

function narrowResource(grant: ResourcePart, boundary: ResourcePart): ResourcePart | 'unknown' | null {
  if (coversResourcePart(boundary, grant)) return grant;
  if (coversResourcePart(grant, boundary)) return boundary;
  if (grant.kind === 'opaque' || boundary.kind === 'opaque') return 'unknown';
  return null;
}

function limitByBoundary(grant: Grant, allowed: Grant, boundaryName: string): Grant | null {
  const resource = narrowResource(grant.resource, allowed.resource);
  if (resource === null) return null;
  const condition = mergeConditions(grant.condition, allowed.condition);
  const limited: Grant = {
    ...grant,
    resource: resource === 'unknown' ? grant.resource : resource,
    ...(condition ? { condition } : {}),
  };
  if (resource !== 'unknown') return limited;
  return {
    ...limited,
    uncertain: `the permissions boundary ${boundaryName} may not allow it on this resource`,
  };
}

/**
 * Keeps of each allow only what the permissions boundary allows too: an action is effective only if both allow it,
 * on the resources both name. A boundary whose content is unknown makes every grant uncertain.
 */
export async function applyBoundary(
  grants: readonly Grant[],
  boundary: AttachedPolicy,
  values: AttributeValues = new Map(),
): Promise<Grant[]> {
  const name = boundary.origin.policyName;
  if (isUnknown(boundary.document)) {
    const reason = `the permissions boundary ${name} is unknown: ${boundary.document.reason}`;
    return grants.map((grant) =>
      grant.effect === 'Allow' ? { ...grant, uncertain: grant.uncertain ?? reason } : grant,
    );
  }
  const limits = (
    await subtractDenies(
      await normalizeDocument(resolveDocumentAttributes(boundary.document, values), boundary.origin),
    )
  ).filter((grant) => grant.effect === 'Allow');
  const limitIndex = indexGrants(limits);
  const result: Grant[] = [];
  for (const grant of grants) {
    if (grant.effect === 'Deny') {
      result.push(grant);
      continue;
    }
    if (grant.action.kind === 'all-except') {
      const except = grant.action.except;
      for (const limit of limits) {
        let action: ActionPart | null;
        if (limit.action.kind === 'action')
          action = includesAction(grant.action, limit.action.action.name) ? limit.action : null;
        else if (limit.action.kind === 'all-except')
          action = { kind: 'all-except', except: [...new Set([...except, ...limit.action.except])] };
        else action = null;
        if (action === null) continue;
        const narrowed = limitByBoundary(
          { ...grant, action, pattern: limit.pattern, patternSize: limit.patternSize },
          limit,
          name,
        );
        if (narrowed)
          result.push(
            action.kind === 'all-except'
              ? { ...narrowed, pattern: grant.pattern, patternSize: grant.patternSize }
              : narrowed,
          );
      }
      continue;
    }
    const candidates = candidatesFor(limitIndex, grant.action).filter((limit) =>
      coversActionPart(limit.action, grant.action),
    );
    const seen = new Set<string>();
    for (const limit of candidates) {
      const narrowed = limitByBoundary(grant, limit, name);
      if (narrowed === null) continue;
      const key = JSON.stringify([narrowed.resource, narrowed.condition?.text]);
      if (seen.has(key)) continue;
      seen.add(key);
      result.push(narrowed);
      if (narrowed.resource === grant.resource && narrowed.uncertain === grant.uncertain) break;
    }
  }
  return result;
}

/**
 * Grants computed once per content: a policy attached to many roles, and a role that the change leaves as it was,
 * are normalised once and share one list of grants on both sides. Sharing is what lets the diff of an unchanged role
 * end at once, and keeps the memory of a large plan to one copy of each grant.
 */
export class GrantCache {
  /** Each distinct policy content and origin, with a short id for it and its grants. */
  private readonly byContent = new Map<string, { readonly id: string; readonly grants: Promise<Grant[]> }>();
  /** Effective grants by the ids of the policies and boundary they come from. */
  private readonly byPolicies = new Map<string, Promise<Grant[]>>();

  /**
   * The grants of one policy, with an id that stands for its content and origin. The id is short, so that the key of
   * a role's policies together is not built from whole documents again.
   */
  policy(policy: AttachedPolicy, values: AttributeValues): { id: string; grants: Promise<Grant[]> } {
    const document = isUnknown(policy.document)
      ? policy.document
      : resolveDocumentAttributes(policy.document, values);
    const key = JSON.stringify([policy.origin, policy.location ?? null, document]);
    return remember(this.byContent, key, () => ({
      id: String(this.byContent.size),
      grants: grantsOfPolicy({ ...policy, document }),
    }));
  }

  /** Computes the effective grants of a set of policies once, by the ids of the policies. */
  effective(key: string, compute: () => Promise<Grant[]>): Promise<Grant[]> {
    return remember(this.byPolicies, key, compute);
  }
}

async function effectiveGrants(
  policies: readonly AttachedPolicy[],
  boundaryRef: Reference | null,
  index: IamIndex,
  cache: GrantCache,
): Promise<Grant[]> {
  const parts = policies.map((policy) => cache.policy(policy, index.attributes));
  const boundary =
    boundaryRef === null ? null : resolvePolicyReference(boundaryRef, index.snapshot, index.policies);
  const boundaryId = boundary === null ? '' : cache.policy(boundary, index.attributes).id;
  const key = `${parts.map((part) => part.id).join(',')}|${boundaryId}`;
  return cache.effective(key, async () => {
    const allowed = await subtractDenies((await Promise.all(parts.map((part) => part.grants))).flat());
    if (boundary === null) return allowed;
    return applyBoundary(allowed, boundary, index.attributes);
  });
}

/** A role's effective grants: its policies, less unconditional denies, within its permissions boundary. */
export function collectRoleGrants(index: IamIndex, role: Role, cache = new GrantCache()): Promise<Grant[]> {
  return effectiveGrants(policiesOfRole(index, role), role.permissionsBoundary, index, cache);
}

/** A user's effective grants, with the policies of its groups. */
export function collectUserGrants(
  index: IamIndex,
  user: IamUser,
  cache = new GrantCache(),
): Promise<Grant[]> {
  return effectiveGrants(policiesOfUser(index, user), user.permissionsBoundary, index, cache);
}
