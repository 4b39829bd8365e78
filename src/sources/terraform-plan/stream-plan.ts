import { JsonByteStream } from '../json-byte-stream.js';
import type { JsonObject } from './plan-json.js';

const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const QUOTE = 0x22;

/** Modules nest at most this deep in a state; deeper ones are passed over, as the whole-file reader does. */
const MAX_MODULE_DEPTH = 64;

/** What a resource entry's own fields say, read without parsing its values: mode, type, an address, a change. */
export interface EntryHead {
  mode?: string;
  type?: string;
  hasAddress: boolean;
  hasChange: boolean;
}

/** Decides from its head whether a resource entry is parsed. */
type EntryFilter = (head: EntryHead) => boolean;

/**
 * Reads one resource entry, deciding from its head whether to parse it: an entry of a type the analysis does not
 * model is passed over without being parsed. Anything unexpected is parsed for the plan reader to judge, so the
 * filter only ever saves work and never changes what is read.
 */
function readEntry(stream: JsonByteStream, filter: EntryFilter): unknown {
  if (stream.peek() !== OPEN_BRACE) return stream.parseValue();
  stream.beginValue();
  const head: EntryHead = { hasAddress: false, hasChange: false };
  stream.forEachMember((key) => {
    const next = stream.peek();
    if ((key === 'mode' || key === 'type') && next === QUOTE) head[key] = stream.readString();
    else if (key === 'address' && next === QUOTE) head.hasAddress = stream.passString() > 0;
    else {
      if (key === 'change') head.hasChange = next === OPEN_BRACE;
      stream.skipValue();
    }
  });
  if (filter(head)) return stream.endValue();
  stream.dropValue();
  return undefined;
}

function readEntries(stream: JsonByteStream, filter: EntryFilter, into: unknown[]): void {
  stream.forEachElement(() => {
    const entry = readEntry(stream, filter);
    if (entry !== undefined) into.push(entry);
  });
}

/** Collects the kept resources of a state module and its child modules, flattened into one list. */
function readStateModule(stream: JsonByteStream, filter: EntryFilter, into: unknown[], depth: number): void {
  if (stream.peek() !== OPEN_BRACE || depth > MAX_MODULE_DEPTH) {
    stream.skipValue();
    return;
  }
  stream.forEachMember((key) => {
    if (key === 'resources' && stream.peek() === OPEN_BRACKET) readEntries(stream, filter, into);
    else if (key === 'child_modules' && stream.peek() === OPEN_BRACKET) {
      stream.forEachElement(() => readStateModule(stream, filter, into, depth + 1));
    } else stream.skipValue();
  });
}

/** Reads `{ values: { root_module } }` or `{ root_module }` (planned values) down to the module. */
function readState(stream: JsonByteStream, filter: EntryFilter, path: readonly string[]): unknown {
  if (stream.peek() !== OPEN_BRACE) return stream.parseValue();
  const resources: unknown[] = [];
  const walk = (level: number): void => {
    stream.forEachMember((key) => {
      if (key !== path[level]) stream.skipValue();
      else if (level === path.length - 1) readStateModule(stream, filter, resources, 0);
      else if (stream.peek() === OPEN_BRACE) walk(level + 1);
      else stream.skipValue();
    });
  };
  walk(0);
  let state: JsonObject = { root_module: { resources } };
  for (const key of path.slice(0, -1).reverse()) state = { [key]: state };
  return state;
}

/** Which parts of a plan to read, and how to choose resource entries. */
export interface PlanSectionFilters {
  /** Entries of `resource_changes` to parse. */
  readonly change: EntryFilter;
  /** Entries of `prior_state` to parse. */
  readonly priorState: EntryFilter;
  /** Entries of `planned_values` to parse; when absent, planned values are passed over (only their presence is noted). */
  readonly plannedValues?: EntryFilter;
}

/** Top-level keys whose whole value the plan reader uses. */
const PARSED_KEYS = new Set(['format_version', 'variables', 'configuration']);

/**
 * Reads the parts of a `terraform show -json` file that the plan reader uses, without holding the file or its
 * whole parse: resource entries are filtered by their head, other sections are passed over and kept only as an
 * empty placeholder that says the key was present (which is all the format check looks at).
 */
export function readPlanSections(
  path: string,
  shown: string,
  filters: PlanSectionFilters,
  chunkBytes?: number,
): unknown {
  const stream = JsonByteStream.open(path, shown, chunkBytes);
  try {
    if (stream.peek() !== OPEN_BRACE) {
      const value = stream.parseValue();
      stream.expectEnd();
      return value;
    }
    const plan: JsonObject = {};
    stream.forEachMember((key) => {
      const next = stream.peek();
      if (key === 'resource_changes' && next === OPEN_BRACKET) {
        const changes: unknown[] = [];
        readEntries(stream, filters.change, changes);
        plan[key] = changes;
      } else if (key === 'prior_state') {
        plan[key] = readState(stream, filters.priorState, ['values', 'root_module']);
      } else if (key === 'planned_values' && filters.plannedValues !== undefined) {
        plan[key] = readState(stream, filters.plannedValues, ['root_module']);
      } else if (PARSED_KEYS.has(key) || key === 'resource_changes') {
        plan[key] = stream.parseValue();
      } else {
        stream.skipValue();
        // Assigning `__proto__` would set the object's prototype; no reader looks at that key anyway.
        if (key !== '__proto__') plan[key] = {};
      }
    });
    stream.expectEnd();
    return plan;
  } finally {
    stream.close();
  }
}
