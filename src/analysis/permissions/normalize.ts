import type { PolicyCondition, PolicyDocument, PolicyStatement } from '../../model/iam.js';
import { isUnknown } from '../../model/unknown.js';
import { describeValue, type StringValue } from '../../model/value.js';
import { rememberUpTo } from '../remember.js';
import { expandActionPattern } from './expand.js';
import type { ActionPart, ConditionPart, Grant, GrantSource, ResourcePart } from './grant.js';

/** Where a policy came from, for the grants of its statements. */
export type PolicyOrigin = Omit<GrantSource, 'statement' | 'location'>;

/** The size recorded for a pattern that stands for every action (or every action but some). */
export const ALL_ACTIONS_SIZE = Number.POSITIVE_INFINITY;

/** Renders a statement's condition canonically, so equal conditions compare equal whatever their order. */
export function describeCondition(condition: PolicyCondition | undefined): ConditionPart | undefined {
  if (condition === undefined) return undefined;
  const clauses: string[] = [];
  const keys: string[] = [];
  for (const operator of Object.keys(condition).sort()) {
    const block = condition[operator] ?? {};
    for (const key of Object.keys(block).sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase()))) {
      const values = (block[key] ?? []).map(describeValue).sort();
      clauses.push(`${operator} ${key} = ${values.join(', ')}`);
      keys.push(key.toLowerCase());
    }
  }
  return clauses.length === 0 ? undefined : { text: clauses.join('; '), keys };
}

function toResourcePart(value: StringValue): ResourcePart {
  if (isUnknown(value)) return { kind: 'opaque', text: describeValue(value) };
  return { kind: 'pattern', pattern: describeValue(value).trim() };
}

function resourcesOf(statement: PolicyStatement): ResourcePart[] {
  if (statement.notResource !== undefined) {
    return [{ kind: 'not', patterns: statement.notResource.map((value) => describeValue(value).trim()) }];
  }
  if (statement.resource === undefined || statement.resource.length === 0) {
    return [{ kind: 'opaque', text: '(statement names no Resource)' }];
  }
  return statement.resource.map(toResourcePart);
}

interface ActionGroup {
  readonly pattern: string;
  readonly parts: readonly ActionPart[];
  readonly size: number;
}

const ALL_ASTERISKS = /^\*+$/;

/**
 * The action groups of written patterns. A group is never changed, and a large plan writes the same patterns in
 * thousands of statements: sharing one group (and its parts) per pattern spares a grant's worth of objects per
 * action each time. Bounded, since one process may read many plans.
 */
const groupsByPattern = new Map<string, Promise<ActionGroup>>();
const GROUPS_KEPT = 16_384;

function expandActionValue(value: StringValue): Promise<ActionGroup> {
  if (typeof value !== 'string') {
    const text = describeValue(value);
    const reason = isUnknown(value) ? value.reason : 'the action is built from references';
    return Promise.resolve({ pattern: text, parts: [{ kind: 'opaque', text, reason }], size: 1 });
  }
  const pattern = value.trim();
  return rememberUpTo(groupsByPattern, GROUPS_KEPT, pattern, () => expandPattern(pattern));
}

async function expandPattern(pattern: string): Promise<ActionGroup> {
  if (ALL_ASTERISKS.test(pattern)) {
    return { pattern: '*', parts: [{ kind: 'all-except', except: [] }], size: ALL_ACTIONS_SIZE };
  }
  const expansion = await expandActionPattern(pattern);
  if (expansion.kind === 'unknown') {
    return { pattern, parts: [{ kind: 'opaque', text: pattern, reason: expansion.reason }], size: 1 };
  }
  if (expansion.actions.length === 0) {
    const reason = 'the pattern matches no action IAM data knows';
    return { pattern, parts: [{ kind: 'opaque', text: pattern, reason }], size: 1 };
  }
  return {
    pattern,
    parts: expansion.actions.map((action) => ({ kind: 'action', action })),
    size: expansion.actions.length,
  };
}

async function actionsOf(statement: PolicyStatement): Promise<ActionGroup[]> {
  if (statement.notAction !== undefined) {
    const except = statement.notAction.map((value) => describeValue(value).trim());
    return [
      {
        pattern: `NotAction: ${except.join(', ')}`,
        parts: [{ kind: 'all-except', except }],
        size: ALL_ACTIONS_SIZE,
      },
    ];
  }
  if (statement.action === undefined || statement.action.length === 0) {
    const text = '(statement names no Action)';
    return [
      { pattern: text, parts: [{ kind: 'opaque', text, reason: 'the statement has no Action' }], size: 1 },
    ];
  }
  return Promise.all(statement.action.map(expandActionValue));
}

/** A statement's label for people: its Sid, or its 1-based position. */
export function labelStatement(statement: PolicyStatement, index: number): string {
  return statement.sid !== undefined && statement.sid !== '' ? statement.sid : `statement ${index + 1}`;
}

/**
 * Turns one statement into grants: the cross product of its (expanded) actions and its resources, each carrying the
 * statement's condition and where it was written. Unknown and symbolic values stay as they are, rendered for people.
 */
export async function normalizeStatement(
  statement: PolicyStatement,
  index: number,
  origin: PolicyOrigin,
): Promise<Grant[]> {
  const source: GrantSource = {
    ...origin,
    statement: labelStatement(statement, index),
    ...(statement.location ? { location: statement.location } : {}),
  };
  const condition = describeCondition(statement.condition);
  const resources = resourcesOf(statement);
  const grants: Grant[] = [];
  for (const group of await actionsOf(statement)) {
    for (const action of group.parts) {
      for (const resource of resources) {
        grants.push({
          effect: statement.effect,
          action,
          pattern: group.pattern,
          patternSize: group.size,
          resource,
          ...(condition ? { condition } : {}),
          source,
        });
      }
    }
  }
  return grants;
}

/** Normalises every statement of a policy document. */
export async function normalizeDocument(document: PolicyDocument, origin: PolicyOrigin): Promise<Grant[]> {
  const perStatement = await Promise.all(
    document.statements.map((statement, index) => normalizeStatement(statement, index, origin)),
  );
  return perStatement.flat();
}
