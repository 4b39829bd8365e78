import { Octokit } from '@octokit/core';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { TOOL_NAME, TOOL_VERSION } from '../version.js';
import type { ActionLog } from './action-log.js';
import { classifyStatus, GithubCallError } from './github-call-error.js';
import type { GithubPort, IssueComment, RepoRef } from './github-port.js';

/** Failed requests (5xx, connection errors) are retried this many times, with growing waits. */
export const REQUEST_RETRIES = 3;

/** Rate-limited requests are retried this many times, and only when GitHub asks for a short wait. */
export const RATE_LIMIT_RETRIES = 2;

/** A wait longer than this (seconds) is not worth holding a runner for: the call fails instead. */
export const RATE_LIMIT_MAX_WAIT_SECONDS = 60;

/** A request with no answer after this long is abandoned, so a hung connection cannot hold the job. */
export const REQUEST_TIMEOUT_MS = 20_000;

/** Comments are read at most this many pages deep (100 each), a bound on a runaway Link chain. */
const MAX_COMMENT_PAGES = 100;

/** How to reach GitHub. */
export interface OctokitGithubOptions extends RepoRef {
  readonly token: string;
  /** GITHUB_API_URL: api.github.com, a GitHub Enterprise Server, or a test's loopback fake. */
  readonly baseUrl: string;
  readonly log: ActionLog;
  readonly timeoutMs?: number;
  /** The unit of every retry wait (a retry after a 5xx waits 1, 4, then 9 units; a rate limit as GitHub says). One second unless a test shortens it. */
  readonly waitUnitMs?: number;
}

const ActionOctokit = Octokit.plugin(retry, throttling);
type ActionOctokitInstance = InstanceType<typeof ActionOctokit>;

interface RestComment {
  id: number;
  node_id: string;
  body?: string | null;
  html_url: string;
  user?: { type?: string } | null;
}

function toComment(data: RestComment): IssueComment {
  return {
    id: data.id,
    nodeId: data.node_id,
    body: data.body ?? '',
    url: data.html_url,
    byBot: data.user?.type === 'Bot',
  };
}

function describeNetworkError(error: Error, timeoutMs: number): string {
  const cause = (error as { cause?: unknown }).cause;
  const timedOut = [error, cause].some(
    (item) => item instanceof Error && (item.name === 'TimeoutError' || item.name === 'AbortError'),
  );
  if (timedOut) return `no answer within ${timeoutMs / 1000} s`;
  const detail = cause instanceof Error ? cause.message : error.message;
  return `the GitHub API could not be reached (${detail})`;
}

function toCallError(operation: string, error: unknown, timeoutMs: number): GithubCallError {
  if (error instanceof GithubCallError) return error;
  if (!(error instanceof Error)) return new GithubCallError(operation, 'other', null, String(error));
  const status = (error as { status?: unknown }).status;
  const response = (error as { response?: unknown }).response;
  if (typeof status === 'number' && response !== undefined) {
    const message = error.message.split(' - ')[0] ?? error.message;
    return new GithubCallError(operation, classifyStatus(status), status, message);
  }
  return new GithubCallError(operation, 'network', null, describeNetworkError(error, timeoutMs));
}

function parseNextLink(header: unknown): string | null {
  if (typeof header !== 'string') return null;
  for (const part of header.split(',')) {
    const match = /<([^>]+)>\s*;\s*rel="?next"?/.exec(part);
    if (match?.[1] !== undefined) return match[1];
  }
  return null;
}

function createClient(options: OctokitGithubOptions, timeoutMs: number): ActionOctokitInstance {
  const onLimit =
    (kind: string) =>
    (
      retryAfter: number,
      request: { method: string; url: string },
      _o: unknown,
      retryCount: number,
    ): boolean => {
      const retrying = retryCount < RATE_LIMIT_RETRIES && retryAfter <= RATE_LIMIT_MAX_WAIT_SECONDS;
      options.log.warning(
        `GitHub ${kind} hit for ${request.method} ${request.url}; ${retrying ? `retrying in ${retryAfter} s` : 'giving up on this call'}.`,
      );
      return retrying;
    };
  const waitUnitMs = options.waitUnitMs ?? 1000;
  const octokit = new ActionOctokit({
    auth: options.token === '' ? undefined : options.token,
    baseUrl: options.baseUrl.replace(/\/+$/, ''),
    userAgent: `${TOOL_NAME}/${TOOL_VERSION}`,
    log: { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined },
    retry: { retries: REQUEST_RETRIES, retryAfterBaseValue: waitUnitMs },
    throttle: {
      onRateLimit: onLimit('rate limit'),
      onSecondaryRateLimit: onLimit('secondary rate limit'),
      retryAfterBaseValue: waitUnitMs,
    },
  });
  octokit.hook.before('request', (request) => {
    // A fresh signal per attempt: a retried request gets its own full time.
    request.request = { ...request.request, signal: AbortSignal.timeout(timeoutMs) };
  });
  return octokit;
}

/** The GitHub port over Octokit, with retries, rate-limit handling and a timeout on every request. */
export function createOctokitGithub(options: OctokitGithubOptions): GithubPort {
  const timeoutMs = options.timeoutMs ?? REQUEST_TIMEOUT_MS;
  const octokit = createClient(options, timeoutMs);
  const repo = { owner: options.owner, repo: options.repo };

  async function call<T>(operation: string, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      throw toCallError(operation, error, timeoutMs);
    }
  }

  return {
    listIssueComments: (issue) =>
      call('list the pull-request comments', async () => {
        const comments: IssueComment[] = [];
        const first = await octokit.request('GET /repos/{owner}/{repo}/issues/{issue_number}/comments', {
          ...repo,
          issue_number: issue,
          per_page: 100,
        });
        let page: { data: unknown; link: unknown } = { data: first.data, link: first.headers.link };
        for (let pages = 1; ; pages += 1) {
          comments.push(...(page.data as RestComment[]).map(toComment));
          const next = parseNextLink(page.link);
          if (next === null || pages >= MAX_COMMENT_PAGES) return comments;
          const response = await octokit.request({ method: 'GET', url: next });
          page = { data: response.data, link: response.headers.link };
        }
      }),
    createIssueComment: (issue, body) =>
      call('create the pull-request comment', async () => {
        const response = await octokit.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', {
          ...repo,
          issue_number: issue,
          body,
        });
        return toComment(response.data as RestComment);
      }),
    updateIssueComment: (commentId, body) =>
      call('update the pull-request comment', async () => {
        const response = await octokit.request('PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}', {
          ...repo,
          comment_id: commentId,
          body,
        });
        return toComment(response.data as RestComment);
      }),
    deleteIssueComment: (commentId) =>
      call('delete an earlier pull-request comment', async () => {
        await octokit.request('DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}', {
          ...repo,
          comment_id: commentId,
        });
      }),
    minimizeComment: (nodeId) =>
      call('hide an earlier pull-request comment', async () => {
        await octokit.graphql(
          'mutation($id: ID!) { minimizeComment(input: { subjectId: $id, classifier: OUTDATED }) { minimizedComment { isMinimized } } }',
          { id: nodeId },
        );
      }),
    createCheckRun: (name, headSha) =>
      call('create the check run', async () => {
        const response = await octokit.request('POST /repos/{owner}/{repo}/check-runs', {
          ...repo,
          name,
          head_sha: headSha,
          status: 'in_progress',
        });
        return (response.data as { id: number }).id;
      }),
    updateCheckRun: (checkRunId, output, conclusion) =>
      call('update the check run', async () => {
        await octokit.request('PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}', {
          ...repo,
          check_run_id: checkRunId,
          output: {
            title: output.title,
            summary: output.summary,
            annotations: output.annotations.map((annotation) => ({
              path: annotation.path,
              start_line: annotation.startLine,
              end_line: annotation.endLine,
              annotation_level: annotation.level,
              title: annotation.title,
              message: annotation.message,
            })),
          },
          ...(conclusion === null ? {} : { status: 'completed' as const, conclusion }),
        });
      }),
    createCommitStatus: (sha, status) =>
      call('set the commit status', async () => {
        await octokit.request('POST /repos/{owner}/{repo}/statuses/{sha}', {
          ...repo,
          sha,
          state: status.state,
          context: status.context,
          description: status.description,
          target_url: status.targetUrl,
        });
      }),
    getPullRequestHeadSha: (pullNumber) =>
      call('read the pull request', async () => {
        const response = await octokit.request('GET /repos/{owner}/{repo}/pulls/{pull_number}', {
          ...repo,
          pull_number: pullNumber,
        });
        return (response.data as { head: { sha: string } }).head.sha;
      }),
  };
}
