/** Why a GitHub call failed, in the terms the action reacts to. */
export type GithubFailureKind =
  /** 403 or 401: the token may not write here (a fork's pull request, or missing permissions). */
  | 'forbidden'
  /** 422: GitHub refused the content, for a comment most often because it is too large. */
  | 'unprocessable'
  /** 404: the pull request, comment or check run is gone. */
  | 'not-found'
  /** No answer: DNS, connection refused, reset, or the request timed out. */
  | 'network'
  /** Any other status, after the retries. */
  | 'other';

/** A failed GitHub call, without the request details (they may hold the token) and without a stack worth showing. */
export class GithubCallError extends Error {
  override readonly name = 'GithubCallError';
  constructor(
    /** What was attempted, for example "create the pull-request comment". */
    readonly operation: string,
    readonly kind: GithubFailureKind,
    /** The HTTP status, or null when there was no answer. */
    readonly status: number | null,
    detail: string,
  ) {
    super(`Could not ${operation}: ${status === null ? '' : `HTTP ${status}, `}${detail}`);
  }
}

/** Classifies an HTTP status the way the action reacts to it. */
export function classifyStatus(status: number): GithubFailureKind {
  if (status === 401 || status === 403) return 'forbidden';
  if (status === 404) return 'not-found';
  if (status === 422) return 'unprocessable';
  return 'other';
}
