import { rememberUpTo } from '../remember.js';

/**
 * How much of a set of events a condition admits. Coverage is about sets (every read event of a bucket, every
 * object under a prefix), so a plain true/false is not enough: a selector can admit only `some` of them.
 */
export type Admission = 'all' | 'some' | 'none' | 'unknown';

/** An admission with the reasons behind it: what narrows a `some`, what an `unknown` rests on. */
export interface Match {
  readonly admission: Admission;
  /** The fields or conditions that admit only part of the events (`eventName`, `resources.ARN`, `readOnly`). */
  readonly narrowedBy: readonly string[];
  /** Why the answer cannot be known (an unknown value, a field this tool cannot decide). */
  readonly unknownBecause: readonly string[];
}

/** The match that admits every event, with nothing to explain. */
export const MATCH_ALL: Match = { admission: 'all', narrowedBy: [], unknownBecause: [] };

/** The match that admits no event. */
export const MATCH_NONE: Match = { admission: 'none', narrowedBy: [], unknownBecause: [] };

/** One per field: a match is never changed, and the same few fields narrow millions of comparisons. */
const someByField = new Map<string, Match>();

/** Builds a `some` match narrowed by one field or condition. */
export function matchSome(narrowedBy: string): Match {
  return rememberUpTo(someByField, 256, narrowedBy, () => ({
    admission: 'some',
    narrowedBy: [narrowedBy],
    unknownBecause: [],
  }));
}

/** Builds an `unknown` match with the reason a reviewer will read. */
export function matchUnknown(reason: string): Match {
  return { admission: 'unknown', narrowedBy: [], unknownBecause: [reason] };
}

function distinct(values: Iterable<string>): string[] {
  return [...new Set(values)];
}

function collect(matches: readonly Match[], admission: Admission): Match {
  const relevant = matches.filter((match) => match.admission === admission);
  // Every match is built here with distinct reasons, so one match, however often it recurs, is its own collection.
  const [first] = relevant;
  if (first !== undefined && relevant.every((match) => match === first)) return first;
  return {
    admission,
    narrowedBy: admission === 'some' ? distinct(relevant.flatMap((match) => match.narrowedBy)) : [],
    unknownBecause:
      admission === 'unknown' ? distinct(relevant.flatMap((match) => match.unknownBecause)) : [],
  };
}

/**
 * Intersection: none wins, then unknown, then some. Two partial sets may in truth not overlap at all; this
 * keeps `some`, which errs toward reporting partial coverage rather than inventing a gap.
 */
export function intersect(matches: readonly Match[]): Match {
  let unknown = false;
  let some = false;
  for (const { admission } of matches) {
    if (admission === 'none') return MATCH_NONE;
    if (admission === 'unknown') unknown = true;
    else if (admission === 'some') some = true;
  }
  if (unknown) return collect(matches, 'unknown');
  if (some) return collect(matches, 'some');
  return MATCH_ALL;
}

/**
 * Union: all wins, then unknown (an unknown part may complete a partial one), then some. Several partial sets
 * may in truth add up to all; this keeps `some`.
 */
export function unite(matches: readonly Match[]): Match {
  let unknown = false;
  let some = false;
  for (const { admission } of matches) {
    if (admission === 'all') return MATCH_ALL;
    if (admission === 'unknown') unknown = true;
    else if (admission === 'some') some = true;
  }
  if (unknown) return collect(matches, 'unknown');
  if (some) return collect(matches, 'some');
  return MATCH_NONE;
}

/** Complement: what a negative operator keeps of the events its positive form would admit. */
export function complement(match: Match): Match {
  if (match.admission === 'all') return MATCH_NONE;
  if (match.admission === 'none') return MATCH_ALL;
  return match;
}

/** Turns a three-valued answer about a single event into an admission (true: all, false: none). */
export function admissionOf(value: boolean | 'unknown', unknownReason: string): Match {
  if (value === 'unknown') return matchUnknown(unknownReason);
  return value ? MATCH_ALL : MATCH_NONE;
}
