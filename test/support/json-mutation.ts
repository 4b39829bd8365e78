// Mutations of parsed JSON documents for fuzzing: each picks a place in the document and breaks it in one way.
import fc from 'fast-check';

/** One way to break a value at a path. */
export type JsonMutation =
  | { readonly kind: 'delete'; readonly pick: number }
  | { readonly kind: 'replace'; readonly pick: number; readonly value: unknown }
  | { readonly kind: 'deepen'; readonly pick: number; readonly depth: number };

type Container = Record<string, unknown> | unknown[];

function isContainer(value: unknown): value is Container {
  return typeof value === 'object' && value !== null;
}

/** Every container and key in the document, in a stable order, so that a number can pick one. */
function slots(root: unknown): { parent: Container; key: string | number }[] {
  const found: { parent: Container; key: string | number }[] = [];
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const value = stack.pop();
    if (!isContainer(value)) continue;
    const keys: (string | number)[] = Array.isArray(value)
      ? value.map((_, index) => index)
      : Object.keys(value);
    for (const key of keys) {
      found.push({ parent: value, key });
      stack.push((value as Record<string | number, unknown>)[key]);
    }
  }
  return found;
}

/** Values of the wrong type for almost any field of a plan or a template. */
export const wrongValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    null,
    true,
    false,
    0,
    -1,
    1e308,
    '',
    '*',
    'arn:aws:iam::*:role/*',
    '${jsonencode(x)}',
    [],
    {},
  ),
  fc.string({ maxLength: 40 }),
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom(
    { unknown: true, reason: 'planted' },
    { Ref: 'AWS::NoValue' },
    { 'Fn::GetAtt': ['X', 'Arn'] },
  ),
);

/** A mutation with its random choices; nesting stays within what JSON.stringify itself can write (deeper input is covered by the bad-input tests). */
export const jsonMutation: fc.Arbitrary<JsonMutation> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('replace' as const), pick: fc.nat(), value: wrongValue }),
  fc.record({
    kind: fc.constant('deepen' as const),
    pick: fc.nat(),
    depth: fc.integer({ min: 20, max: 400 }),
  }),
);

function nest(depth: number, inner: unknown): unknown {
  let value = inner;
  for (let level = 0; level < depth; level += 1) value = level % 2 === 0 ? [value] : { v: value };
  return value;
}

/** Applies the mutations in turn to a deep copy of the document. */
export function mutateJson(document: unknown, mutations: readonly JsonMutation[]): unknown {
  const copy = structuredClone(document);
  for (const mutation of mutations) {
    const all = slots(copy);
    if (all.length === 0) break;
    const slot = all[mutation.pick % all.length];
    if (slot === undefined) continue;
    const { parent, key } = slot;
    const target = parent as Record<string | number, unknown>;
    if (mutation.kind === 'delete') {
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete target[key];
    } else if (mutation.kind === 'replace') {
      target[key] = structuredClone(mutation.value);
    } else {
      target[key] = nest(mutation.depth, target[key]);
    }
  }
  return copy;
}

/** One way to damage text: cut, insert, duplicate or overwrite a stretch. */
export interface TextMutation {
  readonly kind: 'cut' | 'insert' | 'duplicate' | 'overwrite';
  readonly at: number;
  readonly length: number;
  readonly text: string;
}

/** A text mutation with its random choices; inserted text favours the characters that matter to parsers. */
export const textMutation: fc.Arbitrary<TextMutation> = fc.record({
  kind: fc.constantFrom('cut' as const, 'insert' as const, 'duplicate' as const, 'overwrite' as const),
  at: fc.nat(),
  length: fc.integer({ min: 1, max: 200 }),
  text: fc.oneof(
    fc.string({ maxLength: 20 }),
    fc.constantFrom(
      '{',
      '}',
      '[',
      ']',
      '"',
      "'",
      ':',
      ',',
      '\n',
      '  ',
      '- ',
      '!Ref ',
      '&a ',
      '*a',
      '${',
      '<<EOF\n',
      '\u0000',
      '\uFEFF',
      '\uD800',
    ),
  ),
});

/** Applies the mutations in turn to the text. */
export function mutateText(text: string, mutations: readonly TextMutation[]): string {
  let result = text;
  for (const mutation of mutations) {
    const at = result.length === 0 ? 0 : mutation.at % result.length;
    const end = Math.min(result.length, at + mutation.length);
    if (mutation.kind === 'cut') result = result.slice(0, at) + result.slice(end);
    else if (mutation.kind === 'insert') result = result.slice(0, at) + mutation.text + result.slice(at);
    else if (mutation.kind === 'duplicate')
      result = result.slice(0, end) + result.slice(at, end) + result.slice(end);
    else result = result.slice(0, at) + mutation.text + result.slice(at + mutation.text.length);
  }
  return result;
}
