import type { Tristate } from '../../model/unknown.js';
import { isUnknown, type Unknown } from '../../model/unknown.js';
import { symbolic, type AttributeRef, type StringValue } from '../../model/value.js';
import { relateToSkeleton } from './arn-service.js';

/** A string as literal pieces and attribute references, with adjacent literals merged. */
export type Parts = readonly (string | AttributeRef)[];

/** What string comparisons may know about references that stay symbolic. */
export interface PartsContext {
  /** The ARN service of the resource an `arn` reference points at, where known. */
  readonly serviceOf: (ref: AttributeRef) => string | undefined;
}

/**
 * Turns a string value into parts, replacing references whose value the snapshot knows, and folding case where
 * the service compares names case-insensitively.
 */
export function toParts(
  value: StringValue,
  resolve: (ref: AttributeRef) => string | undefined,
  foldCase: boolean,
): Parts | Unknown {
  if (isUnknown(value)) return value;
  const raw =
    typeof value === 'string'
      ? [value]
      : value.parts.map((part) => (typeof part === 'string' ? part : (resolve(part) ?? part)));
  const merged = symbolic(raw);
  const parts = typeof merged === 'string' ? (merged === '' ? [] : [merged]) : merged.parts;
  return foldCase ? parts.map((part) => (typeof part === 'string' ? part.toLowerCase() : part)) : parts;
}

function sameRef(a: AttributeRef, b: AttributeRef): boolean {
  return a.ref === b.ref && a.attribute === b.attribute;
}

function isArnRef(part: string | AttributeRef): part is AttributeRef {
  return typeof part !== 'string' && part.attribute === 'arn';
}

function consumeHead(list: (string | AttributeRef)[], literal: string, length: number): void {
  const rest = literal.slice(length);
  if (rest === '') list.shift();
  else list[0] = rest;
}

function consumeTail(list: (string | AttributeRef)[], literal: string, length: number): void {
  const rest = literal.slice(0, literal.length - length);
  if (rest === '') list.pop();
  else list[list.length - 1] = rest;
}

/**
 * An ARN ends where a `/` follows it, so two different resources' ARNs that are each followed by `/` cannot be
 * prefixes of one another (S3 bucket names, for one, hold no `/`).
 */
function slashFollows(list: readonly (string | AttributeRef)[]): boolean {
  const next = list[1];
  return typeof next === 'string' && next.startsWith('/');
}

/**
 * A single literal, as nearly every ARN and selector value is: two of them are compared as plain strings, without
 * the copies the walks below make.
 */
function isOneLiteral(parts: Parts): parts is readonly [string] {
  return parts.length === 1 && typeof parts[0] === 'string';
}

/**
 * Walks two part lists from the front. `prefix`: does `x` start with `y`; `equal`: are they the same string.
 * References to the same attribute of the same resource match; `arn` references to different resources are
 * different ARNs; a literal against an ARN reference at the very start is checked against `arn:<p>:<service>:`.
 */
function walkFront(x: Parts, y: Parts, mode: 'prefix' | 'equal', context: PartsContext): Tristate {
  if (isOneLiteral(x) && isOneLiteral(y)) return mode === 'prefix' ? x[0].startsWith(y[0]) : x[0] === y[0];
  const xs = [...x];
  const ys = [...y];
  let atStart = true;
  for (;;) {
    const a = xs[0];
    const b = ys[0];
    if (b === undefined) return mode === 'prefix' || a === undefined;
    if (a === undefined) return false;
    if (typeof a === 'string' && typeof b === 'string') {
      const length = Math.min(a.length, b.length);
      if (a.slice(0, length) !== b.slice(0, length)) return false;
      consumeHead(xs, a, length);
      consumeHead(ys, b, length);
    } else if (typeof a !== 'string' && typeof b !== 'string') {
      if (sameRef(a, b)) {
        xs.shift();
        ys.shift();
      } else if (isArnRef(a) && isArnRef(b)) {
        if (mode === 'equal') return false;
        return slashFollows(xs) && slashFollows(ys) ? false : 'unknown';
      } else {
        return 'unknown';
      }
    } else {
      if (!atStart) return 'unknown';
      const literal = typeof a === 'string' ? a : (b as string);
      const ref = (typeof a === 'string' ? b : a) as AttributeRef;
      const service = ref.attribute === 'arn' ? context.serviceOf(ref) : undefined;
      if (service === undefined) return 'unknown';
      const relation = relateToSkeleton(literal, service);
      if (relation === 'conflict') return false;
      // The literal lies within the fixed start of the ARN: x starts with y when y is nothing but that literal.
      if (relation === 'within' && mode === 'prefix' && typeof b === 'string' && ys.length === 1) return true;
      return 'unknown';
    }
    atStart = false;
  }
}

/** Walks two part lists from the back: `suffix` asks whether `x` ends with `y`. */
function walkBack(x: Parts, y: Parts, mode: 'suffix' | 'equal'): Tristate {
  if (isOneLiteral(x) && isOneLiteral(y)) return mode === 'suffix' ? x[0].endsWith(y[0]) : x[0] === y[0];
  const xs = [...x];
  const ys = [...y];
  for (;;) {
    const a = xs[xs.length - 1];
    const b = ys[ys.length - 1];
    if (b === undefined) return mode === 'suffix' || a === undefined;
    if (a === undefined) return false;
    if (typeof a === 'string' && typeof b === 'string') {
      const length = Math.min(a.length, b.length);
      if (a.slice(a.length - length) !== b.slice(b.length - length)) return false;
      consumeTail(xs, a, length);
      consumeTail(ys, b, length);
    } else if (typeof a !== 'string' && typeof b !== 'string' && sameRef(a, b)) {
      xs.pop();
      ys.pop();
    } else if (mode === 'equal' && isArnRef(a) && isArnRef(b)) {
      return false;
    } else {
      return 'unknown';
    }
  }
}

/** Does `x` start with `y`? */
export function partsStartWith(x: Parts, y: Parts, context: PartsContext): Tristate {
  return walkFront(x, y, 'prefix', context);
}

/** Does `x` end with `y`? */
export function partsEndWith(x: Parts, y: Parts): Tristate {
  return walkBack(x, y, 'suffix');
}

/** Are `x` and `y` the same string? A conflict found from either end decides it. */
export function partsEqual(x: Parts, y: Parts, context: PartsContext): Tristate {
  const front = walkFront(x, y, 'equal', context);
  if (front !== 'unknown') return front;
  return walkBack(x, y, 'equal') === false ? false : 'unknown';
}
