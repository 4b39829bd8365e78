import type { Report } from '../model/report.js';
import { LazyList, sanitizeReportLazily } from './sanitize-report.js';

/** Renders the JSON report: pretty-printed, keys in the order of the Report type, credentials masked. */
export function renderJson(report: Report): string {
  return [...renderJsonPieces(report)].join('');
}

/** Pieces of output are gathered up to this many characters before they are handed on. */
const PIECE_CHARACTERS = 1 << 20;

/**
 * Writes a value as `JSON.stringify(value, null, 2)` would, one piece at a time: objects and arrays are opened
 * here, and each entry of a `LazyList` is copied, masked and stringified only when its turn comes.
 */
function* prettyPieces(value: unknown, indent: string): Generator<string> {
  const inner = `${indent}  `;
  if (value instanceof LazyList || Array.isArray(value)) {
    const entries: readonly unknown[] = value instanceof LazyList ? value.source : value;
    if (entries.length === 0) {
      yield '[]';
      return;
    }
    yield '[';
    if (value instanceof LazyList) {
      // The entries of a lazy list are plain copies: stringified whole, a batch at a time, never searched for lists.
      for (let start = 0; start < entries.length; start += LAZY_BATCH_ENTRIES) {
        const batch = entries.slice(start, start + LAZY_BATCH_ENTRIES).map((entry) => value.copy(entry));
        yield `${start === 0 ? '' : ','}\n${inner}`;
        yield entriesAt(batch, inner);
      }
    } else {
      for (let index = 0; index < entries.length; index += 1) {
        yield `${index === 0 ? '' : ','}\n${inner}`;
        yield* entryPieces(entries[index], inner, 'null');
      }
    }
    yield `\n${indent}]`;
    return;
  }
  if (typeof value === 'object' && value !== null) {
    const members = Object.entries(value).filter(([, member]) => isWritten(member));
    if (members.length === 0) {
      yield '{}';
      return;
    }
    yield '{';
    let first = true;
    for (const [key, member] of members) {
      yield `${first ? '' : ','}\n${inner}${JSON.stringify(key)}: `;
      first = false;
      yield* entryPieces(member, inner, '');
    }
    yield `\n${indent}}`;
    return;
  }
  yield JSON.stringify(value);
}

/** JSON leaves `undefined` and functions out of objects (and writes them as null in arrays). */
function isWritten(value: unknown): boolean {
  return value !== undefined && typeof value !== 'function' && typeof value !== 'symbol';
}

/** An entry: containers that may hold lazy lists are walked; anything else is stringified whole and indented. */
function* entryPieces(value: unknown, indent: string, missing: string): Generator<string> {
  if (isWritten(value) && holdsLazyList(value)) yield* prettyPieces(value, indent);
  else yield indented(value, indent, missing);
}

/** Entries of a lazy list are copied and stringified this many at a time. */
const LAZY_BATCH_ENTRIES = 256;

/**
 * Values stringified as they stand at this indent (two spaces or more), separated as `JSON.stringify` separates the
 * entries of a list. They are wrapped in as many arrays as the indent has levels, so that one native
 * `JSON.stringify` indents every line right and only the wrapping's opening and closing lines are cut off.
 */
function entriesAt(values: readonly unknown[], indent: string): string {
  const levels = indent.length / 2;
  let wrapped: unknown = values;
  for (let level = 1; level < levels; level += 1) wrapped = [wrapped];
  const text = JSON.stringify(wrapped, null, 2);
  // Wrapping level L (from 0) opens with a line of 2L spaces and `[`, and closes with one of 2L spaces and `]`.
  const wrapping = levels * (levels + 1);
  return text.slice(wrapping + indent.length, text.length - wrapping);
}

/** A value stringified whole as it would stand at this indent, or `missing` for what JSON leaves out. */
function indented(value: unknown, indent: string, missing: string): string {
  return isWritten(value) ? entriesAt([value], indent) : missing;
}

/** Lazy lists sit in the report's own objects, never in arrays or below the second level. */
function holdsLazyList(value: unknown, depth = 0): boolean {
  if (value instanceof LazyList) return true;
  if (depth > 1 || typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  return Object.values(value).some((member) => holdsLazyList(member, depth + 1));
}

/**
 * The JSON report in pieces, as `JSON.stringify(report, null, 2)` with a final newline would write it: for reports
 * too large to hold as one string next to a masked copy of themselves (the report of a plan of a gigabyte is
 * hundreds of megabytes).
 */
export function* renderJsonPieces(report: Report): Generator<string> {
  let gathered = '';
  for (const piece of prettyPieces(sanitizeReportLazily(report), '')) {
    gathered += piece;
    if (gathered.length >= PIECE_CHARACTERS) {
      yield gathered;
      gathered = '';
    }
  }
  yield `${gathered}\n`;
}
