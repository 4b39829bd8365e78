import type { ChangeAction } from '../../model/resource.js';

/**
 * Maps Terraform's `change.actions` to the IR's change action. A read of a data source and an action list this
 * source does not know both mean the managed state does not change.
 */
export function toChangeAction(actions: readonly string[] | undefined): ChangeAction {
  if (actions === undefined) return 'no-op';
  if (actions.length === 2 && actions.includes('create') && actions.includes('delete')) return 'replace';
  if (actions.length !== 1) return 'no-op';
  const [action] = actions;
  if (action === 'create' || action === 'delete' || action === 'update') return action;
  return 'no-op';
}
