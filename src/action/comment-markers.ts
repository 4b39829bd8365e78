import { TOOL_NAME } from '../version.js';

/** Which run wrote a comment: a re-run of the same run id has a higher attempt and counts as newer. */
export interface RunStamp {
  readonly runId: number;
  readonly attempt: number;
}

/** The hidden first line that tells this action's comment for one key apart from every other comment. */
export function renderKeyMarker(key: string): string {
  return `<!-- ${TOOL_NAME}:key=${key} -->`;
}

/** The hidden line that records which run wrote the comment. */
export function renderRunMarker(stamp: RunStamp): string {
  return `<!-- ${TOOL_NAME}:run=${stamp.runId}-${stamp.attempt} -->`;
}

const RUN_MARKER = new RegExp(`<!-- ${TOOL_NAME}:run=(\\d+)-(\\d+) -->\\n?`);

/** Reads the run stamp of a comment body, or null for a comment written before stamps or edited by hand. */
export function parseRunStamp(body: string): RunStamp | null {
  const match = RUN_MARKER.exec(body);
  if (match === null) return null;
  const runId = Number(match[1]);
  const attempt = Number(match[2]);
  return Number.isSafeInteger(runId) && Number.isSafeInteger(attempt) ? { runId, attempt } : null;
}

/** Orders stamps numerically (never as strings: run 10 is newer than run 9). Negative when `a` is older. */
export function compareRunStamps(a: RunStamp, b: RunStamp): number {
  return a.runId !== b.runId ? a.runId - b.runId : a.attempt - b.attempt;
}

/** The body without its run stamp: two runs that found the same thing produce equal content. */
export function stripRunMarker(body: string): string {
  return body.replace(RUN_MARKER, '');
}

/** Whether a body belongs to the given key: the key marker must open it, not merely appear in it. */
export function hasKeyMarker(body: string, key: string): boolean {
  return body.startsWith(`${renderKeyMarker(key)}\n`);
}

/** The full comment body: key marker, run marker, then the visible text. */
export function composeCommentBody(key: string, stamp: RunStamp, text: string): string {
  return `${renderKeyMarker(key)}\n${renderRunMarker(stamp)}\n${text}`;
}
