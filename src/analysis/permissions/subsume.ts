import type { ActionPart, ConditionPart, Grant, ResourcePart } from './grant.js';
import { coversAction, coversPattern, overlapsPattern } from './wildcard.js';

/** Action names compare without case; most are written alike, and that needs no lower-cased copies. */
function sameActionName(a: string, b: string): boolean {
  return a === b || a.toLowerCase() === b.toLowerCase();
}

/** True when an action part includes one named action (`service:Action`). */
export function includesAction(part: ActionPart, name: string): boolean {
  switch (part.kind) {
    case 'action':
      return sameActionName(part.action.name, name);
    case 'all-except':
      return !part.except.some((pattern) => coversAction(pattern, name));
    case 'opaque':
      return false;
  }
}

/** True when every action the inner part stands for is also in the outer part. */
export function coversActionPart(outer: ActionPart, inner: ActionPart): boolean {
  if (outer.kind === 'all-except') {
    if (inner.kind === 'action') return includesAction(outer, inner.action.name);
    // Everything but E covers everything but F exactly when F excludes at least what E excludes.
    if (inner.kind === 'all-except') {
      return outer.except.every((excluded) =>
        inner.except.some((pattern) => coversAction(pattern, excluded)),
      );
    }
    return outer.except.length === 0;
  }
  if (outer.kind === 'action') {
    return inner.kind === 'action' && sameActionName(outer.action.name, inner.action.name);
  }
  return inner.kind === 'opaque' && inner.text === outer.text;
}

/** True when the resource part names every resource the inner part names. */
export function coversResourcePart(outer: ResourcePart, inner: ResourcePart): boolean {
  if (outer.kind === 'pattern') {
    if (outer.pattern === '*') return true;
    return inner.kind === 'pattern' && coversPattern(outer.pattern, inner.pattern);
  }
  if (outer.kind === 'not') {
    if (inner.kind === 'pattern')
      return !outer.patterns.some((excluded) => overlapsPattern(excluded, inner.pattern));
    if (inner.kind === 'not') {
      return outer.patterns.every((excluded) =>
        inner.patterns.some((pattern) => coversPattern(pattern, excluded)),
      );
    }
    return false;
  }
  return inner.kind === 'opaque' && inner.text === outer.text;
}

/** True when the resource part is every resource, or every resource but a few (NotResource). */
export function isUnrestrictedResource(resource: ResourcePart): boolean {
  return (resource.kind === 'pattern' && resource.pattern === '*') || resource.kind === 'not';
}

/** A grant without a condition covers the same grant with one; otherwise the conditions must be equal. */
export function coversCondition(outer: ConditionPart | undefined, inner: ConditionPart | undefined): boolean {
  return outer === undefined || (inner !== undefined && inner.text === outer.text);
}

/** True when the outer grant allows (or denies) everything the inner grant does. */
export function coversGrant(outer: Grant, inner: Grant): boolean {
  return (
    outer.effect === inner.effect &&
    coversCondition(outer.condition, inner.condition) &&
    coversActionPart(outer.action, inner.action) &&
    coversResourcePart(outer.resource, inner.resource)
  );
}

/**
 * Grants indexed by action name, so that asking "is this grant covered?" looks only at the grants that can cover
 * it: those of the same action, and the compact and opaque ones.
 */
export interface GrantIndex {
  readonly byAction: ReadonlyMap<string, readonly Grant[]>;
  readonly broad: readonly Grant[];
}

/** Builds the index of a list of grants. */
export function indexGrants(grants: readonly Grant[]): GrantIndex {
  const byAction = new Map<string, Grant[]>();
  const broad: Grant[] = [];
  for (const grant of grants) {
    if (grant.action.kind === 'action') {
      const key = grant.action.action.name.toLowerCase();
      const list = byAction.get(key);
      if (list) list.push(grant);
      else byAction.set(key, [grant]);
    } else {
      broad.push(grant);
    }
  }
  return { byAction, broad };
}

/** The grants of the index that could cover a grant of this action. */
export function candidatesFor(index: GrantIndex, action: ActionPart): readonly Grant[] {
  if (action.kind !== 'action') return index.broad;
  const same = index.byAction.get(action.action.name.toLowerCase());
  return same ? [...same, ...index.broad] : index.broad;
}

/** Whether some grant of the index that could cover a grant of this action meets the test, without joining lists. */
export function someCandidate(
  index: GrantIndex,
  action: ActionPart,
  test: (grant: Grant) => boolean,
): boolean {
  if (action.kind === 'action' && index.byAction.get(action.action.name.toLowerCase())?.some(test))
    return true;
  return index.broad.some(test);
}

/** True when some grant of the index covers the grant. */
export function isCovered(index: GrantIndex, grant: Grant): boolean {
  return someCandidate(index, grant.action, (candidate) => coversGrant(candidate, grant));
}
