import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GithubCallError } from '../../src/action/github-call-error.js';
import { createOctokitGithub, REQUEST_RETRIES } from '../../src/action/octokit-github.js';
import type { GithubPort } from '../../src/action/github-port.js';
import { FakeGithub } from '../support/fake-github.js';

let fake: FakeGithub;
let warnings: string[];

function port(overrides: { timeoutMs?: number; baseUrl?: string } = {}): GithubPort {
  return createOctokitGithub({
    token: 'secret-token-value',
    baseUrl: overrides.baseUrl ?? fake.url,
    owner: 'octo',
    repo: 'infra',
    log: { info: () => undefined, warning: (message) => warnings.push(message) },
    waitUnitMs: 1,
    timeoutMs: overrides.timeoutMs ?? 5_000,
  });
}

async function failure(promise: Promise<unknown>): Promise<GithubCallError> {
  const error = await promise.then(
    () => null,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(GithubCallError);
  return error as GithubCallError;
}

beforeEach(async () => {
  fake = await FakeGithub.start();
  warnings = [];
});

afterEach(async () => {
  await fake.close();
});

describe('createOctokitGithub against a loopback GitHub', () => {
  it('reads every page of comments by following Link headers', async () => {
    fake.maxPerPage = 40;
    for (let index = 0; index < 95; index += 1) fake.addComment(`comment ${index}`);
    fake.addComment('a person', { login: 'octocat', type: 'User' });
    const comments = await port().listIssueComments(7);
    expect(comments).toHaveLength(96);
    expect(fake.calls.map((call) => call.query.get('page') ?? '1')).toEqual(['1', '2', '3']);
    expect(comments[0]).toMatchObject({ body: 'comment 0', byBot: true });
    expect(comments[95]).toMatchObject({ body: 'a person', byBot: false });
  });

  it('retries a 5xx and then succeeds', async () => {
    fake.fail({ method: 'GET', status: 502, times: 2 });
    expect(await port().listIssueComments(7)).toEqual([]);
    expect(fake.calls).toHaveLength(3);
  });

  it(`gives up after ${REQUEST_RETRIES} retries of a 5xx`, async () => {
    fake.fail({ method: 'GET', status: 500 });
    const error = await failure(port().listIssueComments(7));
    expect(error).toMatchObject({ kind: 'other', status: 500 });
    expect(fake.calls).toHaveLength(1 + REQUEST_RETRIES);
  });

  it('classifies a 403 on a write without retrying it and without the token in the message', async () => {
    fake.forbidWrites = true;
    const error = await failure(port().createIssueComment(7, 'hello'));
    expect(error).toMatchObject({ kind: 'forbidden', status: 403 });
    expect(error.message).toContain('Resource not accessible by integration');
    expect(error.message).not.toContain('secret-token-value');
    expect(fake.calls).toHaveLength(1);
  });

  it('classifies a comment too large as unprocessable (422)', async () => {
    fake.maxCommentLength = 10;
    const error = await failure(port().createIssueComment(7, 'x'.repeat(11)));
    expect(error).toMatchObject({ kind: 'unprocessable', status: 422 });
  });

  it('waits out a secondary rate limit a bounded number of times, with a warning each time', async () => {
    fake.fail({
      method: 'GET',
      status: 403,
      times: 1,
      body: { message: 'You have exceeded a secondary rate limit' },
      headers: { 'retry-after': '1' },
    });
    expect(await port().listIssueComments(7)).toEqual([]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('secondary rate limit');
  });

  it('abandons a request that gets no answer in time, as a network failure', async () => {
    fake.fail({ method: 'GET', delayMs: 2_000 });
    const error = await failure(port({ timeoutMs: 200 }).listIssueComments(7));
    expect(error).toMatchObject({ kind: 'network', status: null });
    expect(error.message).toContain('no answer within 0.2 s');
  });

  it('reports a refused connection as a network failure', async () => {
    const closed = await FakeGithub.start();
    const url = closed.url;
    await closed.close();
    const error = await failure(port({ baseUrl: url }).listIssueComments(7));
    expect(error.kind).toBe('network');
    expect(error.message).toContain('could not be reached');
  });

  it('sends check runs, annotations, statuses and the GraphQL minimise in the API shapes', async () => {
    const github = port();
    const id = await github.createCheckRun('AI access diff', 'a'.repeat(40));
    await github.updateCheckRun(
      id,
      {
        title: 't',
        summary: 's',
        annotations: [
          { path: 'main.tf', startLine: 3, endLine: 3, level: 'failure', title: 'x', message: 'y' },
        ],
      },
      'failure',
    );
    expect(fake.checkRuns[0]).toMatchObject({
      status: 'completed',
      conclusion: 'failure',
      head_sha: 'a'.repeat(40),
    });
    expect(fake.checkRuns[0]?.annotations[0]).toEqual({
      path: 'main.tf',
      start_line: 3,
      end_line: 3,
      annotation_level: 'failure',
      title: 'x',
      message: 'y',
    });
    const comment = fake.addComment('old');
    await github.minimizeComment(comment.node_id);
    expect(comment.minimized).toBe(true);
    fake.pulls.set(7, 'f'.repeat(40));
    expect(await github.getPullRequestHeadSha(7)).toBe('f'.repeat(40));
  });
});
