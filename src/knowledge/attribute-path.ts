import { isUnknown } from '../model/unknown.js';

/**
 * One step of an attribute path: a key, a fixed list index (`[0]`), or every element of a list (`[]`).
 */
export type PathStep = { readonly key: string } | { readonly index: number } | { readonly each: true };

const STEP = /([^.[\]]+)|\[(\d*)\]/g;
const PARSED = new Map<string, readonly PathStep[]>();
const MAX_CACHED = 4096;

/**
 * Parses the path language of the resource-type table: keys joined by `.`, `[0]` for one element, `[]` for each
 * element (`data_source_configuration[0].s3_configuration[0].bucket_arn`, `ActionGroups[].ActionGroupExecutor.Lambda`).
 */
export function parseAttributePath(path: string): readonly PathStep[] {
  const cached = PARSED.get(path);
  if (cached !== undefined) return cached;
  const steps: PathStep[] = [];
  for (const match of path.matchAll(STEP)) {
    if (match[1] !== undefined) steps.push({ key: match[1] });
    else if (match[2] === '') steps.push({ each: true });
    else steps.push({ index: Number(match[2]) });
  }
  // The table holds few distinct paths and readers ask for them once per resource: parse each once.
  if (PARSED.size < MAX_CACHED) PARSED.set(path, steps);
  return steps;
}

/**
 * Reads every value a path reaches in a parsed resource body. A value that is not a container where the path goes
 * on (an Unknown, a CloudFormation intrinsic, a Terraform single block written as an object) is handled so that the
 * caller still sees it: objects are walked into, and a non-container stops the walk and is returned, so that an
 * unknown part of a body surfaces as unknown instead of vanishing. Absent keys and null give nothing.
 */
export function readAttributePath(body: unknown, path: string | readonly PathStep[]): unknown[] {
  const steps = typeof path === 'string' ? parseAttributePath(path) : path;
  // Most paths are keys through plain objects: followed one value at a time, with no lists built on the way.
  let value = body;
  let taken = 0;
  for (const step of steps) {
    if (!('key' in step) || typeof value !== 'object' || value === null) break;
    if (Array.isArray(value) || isUnknown(value)) break;
    if (!Object.hasOwn(value, step.key)) return [];
    value = (value as Record<string, unknown>)[step.key];
    taken += 1;
  }
  if (taken === steps.length) return value === undefined || value === null ? [] : [value];
  let current: unknown[] = [value];
  for (const step of steps.slice(taken)) {
    const next: unknown[] = [];
    for (const value of current) {
      if (value === undefined || value === null) continue;
      if (typeof value !== 'object') continue;
      if (Array.isArray(value)) {
        if ('key' in step) {
          // A block list where the path names a key: Terraform writes single nested blocks as one-element lists.
          for (const item of value) walkKey(item, step.key, next);
        } else if ('index' in step) {
          if (step.index < value.length) next.push(value[step.index]);
        } else {
          next.push(...value);
        }
      } else if ('key' in step) {
        walkKey(value, step.key, next);
      } else {
        // An object where the path expects a list: an Unknown (kept, so it surfaces), or a single nested attribute
        // that awscc writes as an object where the aws provider writes a one-element list.
        next.push(value);
      }
    }
    current = next;
  }
  return current.filter((value) => value !== undefined && value !== null);
}

/** Whatever lies below an Unknown is unknown too, so the walk stops there and reports it. */
function walkKey(value: unknown, key: string, into: unknown[]): void {
  if (typeof value !== 'object' || value === null) return;
  if (isUnknown(value)) {
    into.push(value);
    return;
  }
  if (Object.hasOwn(value, key)) into.push((value as Record<string, unknown>)[key]);
}
