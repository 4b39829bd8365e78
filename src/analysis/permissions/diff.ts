import type { Grant } from './grant.js';
import { coversGrant, indexGrants, isCovered, someCandidate } from './subsume.js';

/** The grants one side has that the other side does not cover. */
export interface GrantDiff {
  /** After-grants that no before-grant covers: what the change adds. */
  readonly added: readonly Grant[];
  /** Before-grants that no after-grant covers: what the change takes away. */
  readonly removed: readonly Grant[];
}

/**
 * Keeps only the grants no other grant of the list covers, so that a new `s3:*` is not listed again as a new
 * `s3:GetObject`. Of two grants that cover each other, the first stays.
 */
export function dropSubsumed(grants: readonly Grant[]): Grant[] {
  const index = indexGrants(grants);
  // Positions are only needed for grants that cover each other, which few lists have: built on first need.
  let position: Map<Grant, number> | undefined;
  const positionOf = (grant: Grant): number | undefined =>
    (position ??= new Map(grants.map((each, at) => [each, at]))).get(grant);
  return grants.filter(
    (grant, at) =>
      !someCandidate(index, grant.action, (other) => {
        if (other === grant || !coversGrant(other, grant)) return false;
        return !coversGrant(grant, other) || (positionOf(other) ?? at) < at;
      }),
  );
}

/**
 * Diffs two sets of grants, aware of subsumption: a grant that another grant of the other side covers (a wider
 * action pattern, a wider resource pattern, no condition where it has one) is neither added nor removed. Narrowing
 * `bedrock:*` to `bedrock:InvokeModel` therefore only removes grants.
 */
export function diffGrants(before: readonly Grant[], after: readonly Grant[]): GrantDiff {
  // One list on both sides (the grant cache shares the grants of an unchanged role) has nothing to diff.
  if (before === after) return { added: [], removed: [] };
  // A role that is new, or new to the analysis, gains all it has; nothing to look up on an empty side.
  if (before.length === 0) return { added: dropSubsumed(after), removed: [] };
  if (after.length === 0) return { added: [], removed: dropSubsumed(before) };
  const beforeIndex = indexGrants(before);
  const afterIndex = indexGrants(after);
  return {
    added: dropSubsumed(after.filter((grant) => !isCovered(beforeIndex, grant))),
    removed: dropSubsumed(before.filter((grant) => !isCovered(afterIndex, grant))),
  };
}
