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
  // Read `changes` once: the library's getter rebuilds it on every access, and its forEachDifference reads it once
  // per resource, which made a 2,000-resource pair quadratic. The order below is forEachDifference's.
  const differences = Object.entries(diff.resources.changes);
  const groups: [string, ResourceDifference][][] = [[], [], [], []];
  for (const entry of differences) {
    const [, difference] = entry;
    if (difference.isAddition) groups[1]?.push(entry);
    else if (difference.isRemoval) groups[0]?.push(entry);
    else if (difference.isUpdate) groups[2]?.push(entry);
    else if (difference.isDifferent) groups[3]?.push(entry);
  }
  const actions = new Map<string, ChangeAction>();
  for (const [logicalId, difference] of groups.flat()) actions.set(logicalId, toChangeAction(difference));
  return actions;
}
