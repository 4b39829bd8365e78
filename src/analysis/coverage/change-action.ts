import type { ChangeAction } from '../../model/resource.js';

/** Locations say where a declaration is written; a line that moves does not change the resource. */
function withoutPositions(key: string, value: unknown): unknown {
  return key === 'location' || key === 'line' ? undefined : value;
}

/**
 * The change action of an entity: the source's own word when it gives one, else derived from presence and
 * content (create, delete, update when the two sides differ, no-op when they do not).
 */
export function changeActionOf(
  id: string,
  before: unknown,
  after: unknown,
  changes: Readonly<Record<string, ChangeAction>>,
): ChangeAction {
  const stated = changes[id];
  if (stated !== undefined) return stated;
  if (before === undefined && after === undefined) return 'no-op';
  if (before === undefined) return 'create';
  if (after === undefined) return 'delete';
  return JSON.stringify(before, withoutPositions) === JSON.stringify(after, withoutPositions)
    ? 'no-op'
    : 'update';
}
