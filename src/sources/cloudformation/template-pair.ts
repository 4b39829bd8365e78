import type { ChangeAction } from '../../model/resource.js';
import { emptySnapshot, type InputNote, type Snapshot } from '../../model/snapshot.js';
import type { Maybe } from '../../model/unknown.js';
import { buildTemplateSnapshot } from './build-snapshot.js';
import { diffResourceActions } from './change-actions.js';
import type { ParsedTemplate, TemplateObject } from './parse-template.js';

/** One stack's before and after template; either may be absent (a new or deleted stack). */
export interface TemplatePair {
  readonly before: ParsedTemplate | null;
  readonly after: ParsedTemplate | null;
  /** The stack name that ids carry: the template file's base name, or the CDK stack name. */
  readonly stack: string;
}

/** What is known about where a pair of templates is deployed. */
export interface PairSetting {
  readonly idPrefix: string;
  readonly pseudoParameters: Readonly<Record<string, string>>;
  readonly region: Maybe<string>;
  readonly account: Maybe<string>;
}

/** A pair of templates read into the IR, with the change action of every resource. */
export interface LoadedTemplatePair {
  readonly before: Snapshot;
  readonly after: Snapshot;
  readonly changes: Record<string, ChangeAction>;
  readonly notes: InputNote[];
}

const EMPTY_TEMPLATE: TemplateObject = { Resources: {} };

/**
 * Falls back to a plain comparison when the diff library cannot read a template, so that one odd construct costs
 * precision (no replacement detection) but not the whole input.
 */
function compareResources(before: TemplateObject, after: TemplateObject): Map<string, ChangeAction> {
  const resources = (body: TemplateObject): TemplateObject =>
    typeof body.Resources === 'object' && body.Resources !== null ? (body.Resources as TemplateObject) : {};
  const old = resources(before);
  const next = resources(after);
  const actions = new Map<string, ChangeAction>();
  for (const id of new Set([...Object.keys(old), ...Object.keys(next)])) {
    if (!Object.hasOwn(old, id)) actions.set(id, 'create');
    else if (!Object.hasOwn(next, id)) actions.set(id, 'delete');
    else actions.set(id, JSON.stringify(old[id]) === JSON.stringify(next[id]) ? 'no-op' : 'update');
  }
  return actions;
}

/**
 * Reads both sides of one stack and derives each resource's change action from the resource-level diff. Ids
 * that appear in the IR but not in the diff are unchanged.
 */
export function loadTemplatePair(pair: TemplatePair, setting: PairSetting): LoadedTemplatePair {
  const read = (template: ParsedTemplate | null) =>
    template === null
      ? null
      : buildTemplateSnapshot(template, {
          idPrefix: setting.idPrefix,
          stack: pair.stack,
          file: template.file,
          pseudoParameters: setting.pseudoParameters,
          region: setting.region,
          account: setting.account,
        });
  const before = read(pair.before);
  const after = read(pair.after);
  const notes: InputNote[] = [...(after?.notes ?? [])];
  for (const note of before?.notes ?? []) {
    if (!notes.some((known) => known.message === note.message)) {
      notes.push({
        message: `before the change: ${note.message}`,
        ...(note.line === undefined ? {} : { line: note.line }),
      });
    }
  }
  const beforeBody = pair.before?.body ?? EMPTY_TEMPLATE;
  const afterBody = pair.after?.body ?? EMPTY_TEMPLATE;
  let actions: Map<string, ChangeAction>;
  try {
    actions = diffResourceActions(beforeBody, afterBody);
  } catch (error) {
    notes.push({
      message: `the resource-level diff failed (${error instanceof Error ? error.message : String(error)}); changes were compared as text, without replacement detection`,
    });
    actions = compareResources(beforeBody, afterBody);
  }
  const idOf = (logicalId: string): string => `${setting.idPrefix}${pair.stack}/${logicalId}`;
  const changes: Record<string, ChangeAction> = {};
  const logicalIds = new Set([
    ...Object.keys(pair.before?.resources ?? {}),
    ...Object.keys(pair.after?.resources ?? {}),
  ]);
  for (const logicalId of logicalIds) changes[idOf(logicalId)] = actions.get(logicalId) ?? 'no-op';
  return {
    before: before?.snapshot ?? emptySnapshot(),
    after: after?.snapshot ?? emptySnapshot(),
    changes,
    notes,
  };
}
