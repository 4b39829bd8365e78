import { isUnknown, type Unknown } from '../../model/unknown.js';
import { isSymbolic, isValueMapping, type SymbolicString } from '../../model/value.js';

/**
 * A value as the HCL evaluator computes it: plain JSON, with symbolic strings where a reference to another
 * resource stays open and Unknown where nothing can be said. This is the same shape the plan source reads, so the
 * attribute mapping can be shared.
 */
export type HclValue =
  string | number | boolean | null | SymbolicString | Unknown | readonly HclValue[] | HclObject;

/** An HCL object or map value. */
export interface HclObject {
  readonly [key: string]: HclValue;
}

/** Longest reason text kept from an expression, so that a huge unreadable expression stays readable in reports. */
const MAX_REASON_LENGTH = 160;

/** Builds the Unknown for an expression the evaluator cannot resolve, quoting (a shortened form of) its text. */
export function unknownExpression(text: string): Unknown {
  const compact = text.replace(/\s+/g, ' ').trim();
  const reason = compact.length > MAX_REASON_LENGTH ? `${compact.slice(0, MAX_REASON_LENGTH - 1)}…` : compact;
  return { unknown: true, reason };
}

/** Tells a plain object value from the other forms (lists, symbolic strings, unknowns). */
export function isHclObject(value: HclValue | undefined): value is HclObject {
  return isValueMapping(value);
}

/** The first Unknown inside a value, if any, looking through lists and objects. */
export function findUnknown(value: HclValue): Unknown | undefined {
  if (isUnknown(value)) return value;
  if (Array.isArray(value)) {
    for (const item of value as readonly HclValue[]) {
      const found = findUnknown(item);
      if (found) return found;
    }
  } else if (isHclObject(value)) {
    for (const item of Object.values(value)) {
      const found = findUnknown(item);
      if (found) return found;
    }
  }
  return undefined;
}

/** True when the value holds no Unknown and no symbolic reference anywhere: it is plain JSON. */
export function isFullyKnown(value: HclValue): boolean {
  if (isUnknown(value) || isSymbolic(value)) return false;
  if (Array.isArray(value)) return (value as readonly HclValue[]).every(isFullyKnown);
  if (isHclObject(value)) return Object.values(value).every(isFullyKnown);
  return true;
}

/** Deep equality of two fully known values; false whenever either side is not fully known. */
export function equalKnownValues(left: HclValue, right: HclValue): boolean {
  if (!isFullyKnown(left) || !isFullyKnown(right)) return false;
  return JSON.stringify(sortKeys(left)) === JSON.stringify(sortKeys(right));
}

function sortKeys(value: HclValue): unknown {
  if (Array.isArray(value)) return (value as readonly HclValue[]).map(sortKeys);
  if (isHclObject(value)) {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, sortKeys(value[key] ?? null)]),
    );
  }
  return value;
}
