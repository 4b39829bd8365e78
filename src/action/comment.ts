import type { CommentMode } from './action-inputs.js';
import {
  compareRunStamps,
  composeCommentBody,
  hasKeyMarker,
  parseRunStamp,
  stripRunMarker,
  type RunStamp,
} from './comment-markers.js';
import { GithubCallError } from './github-call-error.js';
import { COMMENT_BUDGET_CHARS, COMMENT_RETRY_BUDGET_CHARS } from './github-limits.js';
import type { GithubPort, IssueComment } from './github-port.js';

/** The visible text of a comment that used to report changes, once a later run finds none. */
export const NO_AI_CHANGES_TEXT =
  '### AI access diff\n\nNo AI-relevant changes: no AI resource, AI role or finding is affected by this pull request.\n';

/** What the sticky comment should say and how it is kept. */
export interface CommentRequest {
  readonly pullNumber: number;
  readonly mode: CommentMode;
  readonly key: string;
  readonly stamp: RunStamp;
  /** False when nothing AI-relevant changed: no new comment, and an existing one says so. */
  readonly relevant: boolean;
  /** The visible report, within a character budget. */
  readonly render: (maxLength: number) => string;
  /**
   * How long the run waits after writing before it looks once more for an older run that overwrote it (the
   * window between another run's read and its write). Defaults to RACE_RECHECK_MS.
   */
  readonly recheckAfterMs?: number;
}

/** Long enough to cover another run's list-then-write, short enough not to slow the step noticeably. */
export const RACE_RECHECK_MS = 1500;

/** What happened to the comment. */
export type CommentOutcome =
  | { readonly action: 'created' | 'updated' | 'unchanged'; readonly url: string }
  | { readonly action: 'skipped'; readonly reason: string; readonly url: string | null };

/** Room left for the visible text once the two marker lines are in. */
function textBudget(key: string, stamp: RunStamp, budget: number): number {
  return budget - composeCommentBody(key, stamp, '').length;
}

function isSameContent(comment: IssueComment, body: string): boolean {
  return stripRunMarker(comment.body) === stripRunMarker(body);
}

/** Our comments for this key, oldest first. A person's comment that copies the marker is ignored when ours exist. */
function findOwnComments(comments: readonly IssueComment[], key: string): IssueComment[] {
  const marked = comments.filter((comment) => hasKeyMarker(comment.body, key));
  const byBot = marked.filter((comment) => comment.byBot);
  return (byBot.length > 0 ? byBot : marked).sort((a, b) => a.id - b.id);
}

function findNewerRun(comments: readonly IssueComment[], stamp: RunStamp): IssueComment | undefined {
  return comments.find((comment) => {
    const theirs = parseRunStamp(comment.body);
    return theirs !== null && compareRunStamps(theirs, stamp) > 0;
  });
}

/** Orders comments by the run that wrote them (unstamped ones first), then by id: the last one is the newest. */
function byRun(a: IssueComment, b: IssueComment): number {
  const stampA = parseRunStamp(a.body);
  const stampB = parseRunStamp(b.body);
  if (stampA === null || stampB === null)
    return (stampA === null ? 0 : 1) - (stampB === null ? 0 : 1) || a.id - b.id;
  return compareRunStamps(stampA, stampB) || a.id - b.id;
}

async function deleteIfPresent(port: GithubPort, id: number): Promise<void> {
  try {
    await port.deleteIssueComment(id);
  } catch (error) {
    // Another run racing on the same key may have deleted it first.
    if (!(error instanceof GithubCallError) || error.kind !== 'not-found') throw error;
  }
}

/**
 * Two runs for one pull request can both find no comment and both create one, or both update the same comment
 * in either order. After writing, look again: keep only the comment of the newest run, and put our content back
 * if an older run overwrote it after we wrote.
 */
async function settleRace(
  port: GithubPort,
  request: CommentRequest,
  written: IssueComment,
  body: string,
): Promise<IssueComment> {
  const keepNewest = async (): Promise<IssueComment | undefined> => {
    const own = findOwnComments(await port.listIssueComments(request.pullNumber), request.key).sort(byRun);
    const winner = own.at(-1);
    if (winner === undefined) return undefined;
    for (const loser of own.slice(0, -1)) await deleteIfPresent(port, loser.id);
    const winnerStamp = parseRunStamp(winner.body);
    if (winnerStamp !== null && compareRunStamps(winnerStamp, request.stamp) < 0) {
      return port.updateIssueComment(winner.id, body);
    }
    return winner;
  };
  const kept = (await keepNewest()) ?? written;
  if (parseRunStamp(kept.body) === null || compareRunStamps(parseRunStamp(kept.body)!, request.stamp) !== 0) {
    return kept;
  }
  // We hold the comment now; an older run that read before our write may still write after it.
  await new Promise((resolve) => setTimeout(resolve, request.recheckAfterMs ?? RACE_RECHECK_MS));
  return (await keepNewest()) ?? kept;
}

/** Writes a body; when GitHub refuses it (422, almost always its size), writes a shorter rendering once. */
async function writeWithSizeFallback(
  request: CommentRequest,
  body: string,
  write: (body: string) => Promise<IssueComment>,
): Promise<IssueComment> {
  try {
    return await write(body);
  } catch (error) {
    if (!(error instanceof GithubCallError) || error.kind !== 'unprocessable' || !request.relevant)
      throw error;
    const budget = textBudget(request.key, request.stamp, COMMENT_RETRY_BUDGET_CHARS);
    return write(composeCommentBody(request.key, request.stamp, request.render(budget)));
  }
}

/**
 * Creates, updates, hides or deletes the sticky comment as the mode asks. A run older than the one that wrote the
 * current comment changes nothing; an identical body is not written again; duplicates left by two runs racing are
 * deleted, keeping the newest.
 */
export async function publishComment(port: GithubPort, request: CommentRequest): Promise<CommentOutcome> {
  if (request.mode === 'off') return { action: 'skipped', reason: 'comments are off', url: null };
  const own = findOwnComments(await port.listIssueComments(request.pullNumber), request.key);
  const newer = findNewerRun(own, request.stamp);
  if (newer !== undefined) {
    return { action: 'skipped', reason: 'a newer run already wrote the comment', url: newer.url };
  }
  const text = request.relevant
    ? request.render(textBudget(request.key, request.stamp, COMMENT_BUDGET_CHARS))
    : NO_AI_CHANGES_TEXT;
  const body = composeCommentBody(request.key, request.stamp, text);
  const latest = own.at(-1);
  const older = own.slice(0, -1);

  if (latest !== undefined && isSameContent(latest, body)) {
    for (const duplicate of request.mode === 'update' ? older : []) await deleteIfPresent(port, duplicate.id);
    return { action: 'unchanged', url: latest.url };
  }
  if (latest === undefined && !request.relevant) {
    return { action: 'skipped', reason: 'nothing AI-relevant changed', url: null };
  }
  if (latest !== undefined && (request.mode === 'update' || !request.relevant)) {
    for (const duplicate of older) await deleteIfPresent(port, duplicate.id);
    const updated = await writeWithSizeFallback(request, body, (next) =>
      port.updateIssueComment(latest.id, next),
    );
    const kept = request.mode === 'update' ? await settleRace(port, request, updated, updated.body) : updated;
    return { action: 'updated', url: kept.url };
  }
  const created = await writeWithSizeFallback(request, body, (next) =>
    port.createIssueComment(request.pullNumber, next),
  );
  if (request.mode === 'update') {
    const kept = await settleRace(port, request, created, created.body);
    return { action: 'created', url: kept.url };
  }
  if (latest !== undefined && request.mode === 'hide-and-new') await port.minimizeComment(latest.nodeId);
  if (request.mode === 'delete-and-new') for (const comment of own) await deleteIfPresent(port, comment.id);
  return { action: 'created', url: created.url };
}
