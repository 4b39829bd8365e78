import { fullDiff, ResourceImpact, type ResourceDifference } from '@aws-cdk/cloudformation-diff';
import type { ChangeAction } from '../../model/resource.js';
import type { TemplateObject } from './parse-template.js';

/**
 * The change action of one resource-level difference. A possible replacement (the replacement depends on a value
 * known only at deploy time) counts as a replacement, because a new physical resource means a new ARN that
 * selectors naming the old one no longer match. A resource removed but retained has left the stack: a delete.
 */
export function toChangeAction(difference: ResourceDifference): ChangeAction {
  if (difference.isAddition) return 'create';
  if (difference.isRemoval) return 'delete';
  switch (difference.changeImpact) {
    case ResourceImpact.WILL_REPLACE:
    case ResourceImpact.MAY_REPLACE:
      return 'replace';
    case ResourceImpact.WILL_DESTROY:
    case ResourceImpact.WILL_ORPHAN:
      return 'delete';
    case ResourceImpact.WILL_CREATE:
    case ResourceImpact.WILL_IMPORT:
      return 'create';
    case ResourceImpact.NO_CHANGE:
      return 'no-op';
    default:
      return 'update';
  }
}

/**
 * Diffs two templates at resource level with `@aws-cdk/cloudformation-diff` and gives the action per logical id.
 * It is slow on large new stacks, so it runs once per pair.
 */
export function diffResourceActions(
  before: TemplateObject,
  after: TemplateObject,
): Map<string, ChangeAction> {
  const diff = fullDiff(before, after);
  const actions = new Map<string, ChangeAction>();
  diff.resources.forEachDifference((logicalId, difference) => {
    actions.set(logicalId, toChangeAction(difference));
  });
  return actions;
}
