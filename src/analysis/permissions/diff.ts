import type { Grant } from './grant.js';
import { candidatesFor, coversGrant, indexGrants, isCovered } from './subsume.js';

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
  const position = new Map(grants.map((grant, at) => [grant, at]));
  return grants.filter(
    (grant, at) =>
      !candidatesFor(index, grant.action).some((other) => {
        if (other === grant || !coversGrant(other, grant)) return false;
        return !coversGrant(grant, other) || (position.get(other) ?? at) < at;
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
  const beforeIndex = indexGrants(before);
  const afterIndex = indexGrants(after);
  return {
    added: dropSubsumed(after.filter((grant) => !isCovered(beforeIndex, grant))),
    removed: dropSubsumed(before.filter((grant) => !isCovered(afterIndex, grant))),
  };
}
