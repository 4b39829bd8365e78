import { unknownValue, type Unknown } from '../../model/unknown.js';

/** The value a sensitive attribute is replaced by: the secret itself is never kept. */
export const SENSITIVE: Unknown = unknownValue('sensitive');

/** The value of an attribute known only after apply. */
export const AFTER_APPLY: Unknown = unknownValue('known after apply');

function isContainer(value: unknown): value is Record<string, unknown> | unknown[] {
  return typeof value === 'object' && value !== null;
}

/**
 * Lays Terraform's `*_sensitive` and `after_unknown` marks over a value: a path marked sensitive becomes
 * SENSITIVE (sensitivity wins, so a secret never survives), a path marked unknown becomes AFTER_APPLY. Only the
 * containers on a marked path are copied; the parsed plan itself is never changed and unmarked subtrees are shared,
 * so the cost follows the size of the marks, not of the values.
 */
export function applyMarks(value: unknown, unknownMarks: unknown, sensitiveMarks: unknown): unknown {
  if (sensitiveMarks === true) return SENSITIVE;
  if (unknownMarks === true) return AFTER_APPLY;
  const sensitive = isContainer(sensitiveMarks) ? sensitiveMarks : undefined;
  const unknown = isContainer(unknownMarks) ? unknownMarks : undefined;
  if (sensitive === undefined && unknown === undefined) return value;

  let result: Record<string, unknown> | unknown[] | undefined;
  const source = isContainer(value) ? value : undefined;
  const visit = (key: string): void => {
    const current = source === undefined ? undefined : (source as Record<string, unknown>)[key];
    const marked = applyMarks(
      current,
      unknown === undefined ? undefined : (unknown as Record<string, unknown>)[key],
      sensitive === undefined ? undefined : (sensitive as Record<string, unknown>)[key],
    );
    if (marked === current) return;
    if (result === undefined) {
      if (source !== undefined) result = Array.isArray(source) ? [...source] : { ...source };
      else result = Array.isArray(unknownMarks ?? sensitiveMarks) ? [] : {};
    }
    (result as Record<string, unknown>)[key] = marked;
  };
  // Visit each key once: the union of the two marks' keys (a value may lack a key that is unknown).
  const keys = new Set<string>();
  if (unknown !== undefined) for (const key of Object.keys(unknown)) keys.add(key);
  if (sensitive !== undefined) for (const key of Object.keys(sensitive)) keys.add(key);
  for (const key of keys) visit(key);
  return result ?? value;
}
