import { isUnknown, unknownValue } from '../../model/unknown.js';
import { isSymbolic } from '../../model/value.js';
import { findUnknown, isFullyKnown, isHclObject, unknownExpression, type HclValue } from './hcl-value.js';

/** A Terraform function over already evaluated arguments; `text` is the call's source for Unknown reasons. */
type HclFunction = (args: readonly HclValue[], text: string) => HclValue;

function asList(value: HclValue | undefined): readonly HclValue[] | undefined {
  return Array.isArray(value) ? (value as readonly HclValue[]) : undefined;
}

function asText(value: HclValue | undefined): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

/** Lists whose contents must all be known for the result to mean anything (order, uniqueness). */
function withKnownLists(
  args: readonly HclValue[],
  text: string,
  compute: (lists: readonly (readonly HclValue[])[]) => HclValue,
): HclValue {
  const lists: (readonly HclValue[])[] = [];
  for (const arg of args) {
    const list = asList(arg);
    if (list === undefined) return isUnknown(arg) ? arg : unknownExpression(text);
    lists.push(list);
  }
  return compute(lists);
}

function flattenDeep(values: readonly HclValue[]): HclValue[] {
  return values.flatMap((value) =>
    Array.isArray(value) ? flattenDeep(value as readonly HclValue[]) : [value],
  );
}

function distinctValues(values: readonly HclValue[]): HclValue[] {
  const seen = new Set<string>();
  const result: HclValue[] = [];
  for (const value of values) {
    // Values that are not plain JSON cannot be compared, so they are kept; duplicates only cost a repeated entry.
    const key = isFullyKnown(value) ? JSON.stringify(value) : undefined;
    if (key !== undefined && seen.has(key)) continue;
    if (key !== undefined) seen.add(key);
    result.push(value);
  }
  return result;
}

function mapText(args: readonly HclValue[], text: string, change: (input: string) => string): HclValue {
  const input = asText(args[0]);
  if (input !== undefined) return change(input);
  return isUnknown(args[0]) ? args[0] : unknownExpression(text);
}

function formatText(args: readonly HclValue[], text: string): HclValue {
  const pattern = asText(args[0]);
  if (pattern === undefined) return unknownExpression(text);
  let next = 1;
  let failed = false;
  const result = pattern.replace(/%(%|[sdvq])/g, (_match, verb: string) => {
    if (verb === '%') return '%';
    const value = asText(args[next]);
    next += 1;
    if (value === undefined) failed = true;
    return verb === 'q' ? JSON.stringify(value ?? '') : (value ?? '');
  });
  return failed || /%[^%sdvq]/.test(pattern) ? unknownExpression(text) : result;
}

function lookupKey(args: readonly HclValue[], text: string): HclValue {
  const [map, key, fallback] = args;
  if (!isHclObject(map) || typeof key !== 'string')
    return findUnknown(map ?? null) ?? unknownExpression(text);
  if (Object.hasOwn(map, key)) return map[key] ?? null;
  return fallback === undefined ? unknownExpression(text) : fallback;
}

function mergeObjects(args: readonly HclValue[], text: string): HclValue {
  const merged: Record<string, HclValue> = {};
  for (const arg of args) {
    if (arg === null) continue;
    if (!isHclObject(arg)) return isUnknown(arg) ? arg : unknownExpression(text);
    Object.assign(merged, arg);
  }
  return merged;
}

function decodeJson(args: readonly HclValue[], text: string): HclValue {
  const input = args[0];
  if (typeof input !== 'string') return isUnknown(input) ? input : unknownExpression(text);
  try {
    return JSON.parse(input) as HclValue;
  } catch {
    return unknownExpression(text);
  }
}

/**
 * Terraform's `jsonencode`. A value that is all known becomes its JSON text; one that holds references stays a
 * structure, so that a policy built from references can still be read statement by statement.
 */
export function encodeJson(value: HclValue): HclValue {
  return isFullyKnown(value) ? JSON.stringify(value) : value;
}

const FUNCTIONS: ReadonlyMap<string, HclFunction> = new Map<string, HclFunction>([
  ['jsonencode', (args) => encodeJson(args[0] ?? null)],
  ['jsondecode', decodeJson],
  ['concat', (args, text) => withKnownLists(args, text, (lists) => lists.flat())],
  ['flatten', (args, text) => withKnownLists(args.slice(0, 1), text, (lists) => flattenDeep(lists[0] ?? []))],
  [
    'distinct',
    (args, text) => withKnownLists(args.slice(0, 1), text, (lists) => distinctValues(lists[0] ?? [])),
  ],
  [
    'toset',
    (args, text) => withKnownLists(args.slice(0, 1), text, (lists) => distinctValues(lists[0] ?? [])),
  ],
  ['tolist', (args) => args[0] ?? null],
  ['tomap', (args) => args[0] ?? null],
  ['tostring', (args) => args[0] ?? null],
  ['tonumber', (args) => args[0] ?? null],
  ['tobool', (args) => args[0] ?? null],
  ['nonsensitive', (args) => args[0] ?? null],
  // A value marked sensitive must never reach a report, so its content is dropped here.
  ['sensitive', () => unknownValue('sensitive value')],
  ['merge', mergeObjects],
  ['lookup', lookupKey],
  ['lower', (args, text) => mapText(args, text, (input) => input.toLowerCase())],
  ['upper', (args, text) => mapText(args, text, (input) => input.toUpperCase())],
  ['trimspace', (args, text) => mapText(args, text, (input) => input.trim())],
  ['format', formatText],
  [
    'join',
    (args, text) => {
      const separator = asText(args[0]);
      const list = asList(args[1]);
      const items = list?.map(asText);
      if (separator === undefined || items === undefined || items.some((item) => item === undefined)) {
        return unknownExpression(text);
      }
      return items.join(separator);
    },
  ],
  [
    'compact',
    (args, text) =>
      withKnownLists(args.slice(0, 1), text, (lists) =>
        (lists[0] ?? []).filter((item) => item !== null && item !== ''),
      ),
  ],
  [
    'coalesce',
    (args, text) => {
      for (const arg of args) {
        if (isUnknown(arg) || isSymbolic(arg)) return unknownExpression(text);
        if (arg !== null && arg !== '') return arg;
      }
      return unknownExpression(text);
    },
  ],
]);

/** Calls a Terraform function by name; an unsupported function, or one given unknown arguments, gives Unknown. */
export function callFunction(name: string, args: readonly HclValue[], text: string): HclValue {
  const implementation = FUNCTIONS.get(name);
  return implementation === undefined ? unknownExpression(text) : implementation(args, text);
}

/** Function names the evaluator handles itself because they read files. */
export const FILE_FUNCTIONS: ReadonlySet<string> = new Set(['file', 'templatefile']);
