import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';

/** The workflow run that produced an artifact, as a `workflow_run` event describes it. */
export interface TriggeringRun {
  readonly id: number;
  readonly attempt: number;
  readonly headSha: string;
  /** Empty for a pull request from a fork: GitHub does not list those. */
  readonly pullNumbers: readonly number[];
}

/** What the action knows about the run it is part of, from the environment and the event payload. */
export interface RunContext {
  readonly owner: string;
  readonly repo: string;
  readonly eventName: string;
  /** Null outside pull-request events. */
  readonly pullNumber: number | null;
  /** The commit the check run and the status belong to: the pull request's head, else GITHUB_SHA. */
  readonly headSha: string;
  /** The pull request's base commit, the default "before" side of `paths`. */
  readonly baseSha: string | null;
  readonly runId: number;
  /** GITHUB_RUN_ATTEMPT, so a re-run of the same run id counts as newer. */
  readonly runAttempt: number;
  /** The link a commit status points to. */
  readonly runUrl: string;
  /** Where files at a commit are shown: `https://github.com/owner/repo/blob/`. */
  readonly blobUrl: string;
  readonly apiUrl: string;
  readonly workspace: string;
  readonly runnerTemp: string;
  /** Present for `workflow_run` events (the publish half of the two-workflow mode). */
  readonly triggeringRun: TriggeringRun | null;
}

type Env = Readonly<Record<string, string | undefined>>;

function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

function count(value: unknown): number | null {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0 ? value : null;
}

function positive(value: string | undefined, fallback: number): number {
  const parsed = Number(value);
  return Number.isSafeInteger(parsed) && parsed > 0 ? parsed : fallback;
}

async function readEvent(path: string | undefined): Promise<unknown> {
  if (path === undefined || path === '') return {};
  try {
    return JSON.parse(await readFile(path, 'utf8')) as unknown;
  } catch {
    // A missing or broken payload only costs the pull-request features; the analysis can still run.
    return {};
  }
}

function readTriggeringRun(event: unknown): TriggeringRun | null {
  const run = field(event, 'workflow_run');
  const id = count(field(run, 'id'));
  const headSha = text(field(run, 'head_sha'));
  if (id === null || headSha === null) return null;
  const pulls = field(run, 'pull_requests');
  const pullNumbers = Array.isArray(pulls)
    ? pulls.map((pull) => count(field(pull, 'number'))).filter((number): number is number => number !== null)
    : [];
  return { id, attempt: count(field(run, 'run_attempt')) ?? 1, headSha, pullNumbers };
}

/** Reads the run's context from the GITHUB_* variables and the event payload at GITHUB_EVENT_PATH. */
export async function readRunContext(env: Env): Promise<RunContext> {
  const [owner = '', repo = ''] = (env.GITHUB_REPOSITORY ?? '').split('/');
  const event = await readEvent(env.GITHUB_EVENT_PATH);
  const pull = field(event, 'pull_request');
  const runId = positive(env.GITHUB_RUN_ID, 0);
  const serverUrl = env.GITHUB_SERVER_URL ?? 'https://github.com';
  return {
    owner,
    repo,
    eventName: env.GITHUB_EVENT_NAME ?? '',
    pullNumber: count(field(pull, 'number')) ?? count(field(event, 'number')),
    headSha: text(field(field(pull, 'head'), 'sha')) ?? env.GITHUB_SHA ?? '',
    baseSha: text(field(field(pull, 'base'), 'sha')),
    runId,
    runAttempt: positive(env.GITHUB_RUN_ATTEMPT, 1),
    runUrl: `${serverUrl}/${owner}/${repo}/actions/runs/${runId}`,
    blobUrl: `${serverUrl}/${owner}/${repo}/blob/`,
    apiUrl: env.GITHUB_API_URL ?? 'https://api.github.com',
    workspace: env.GITHUB_WORKSPACE ?? process.cwd(),
    runnerTemp: env.RUNNER_TEMP || tmpdir(),
    triggeringRun: readTriggeringRun(event),
  };
}
