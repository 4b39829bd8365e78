import { describe, expect, it } from 'vitest';
import { publishComment, type CommentRequest, NO_AI_CHANGES_TEXT } from '../../src/action/comment.js';
import {
  compareRunStamps,
  composeCommentBody,
  parseRunStamp,
  renderKeyMarker,
} from '../../src/action/comment-markers.js';
import {
  COMMENT_BUDGET_CHARS,
  COMMENT_MAX_CHARS,
  COMMENT_RETRY_BUDGET_CHARS,
} from '../../src/action/github-limits.js';
import { MemoryGithub } from '../support/memory-github.js';

function request(overrides: Partial<CommentRequest> = {}): CommentRequest {
  return {
    pullNumber: 7,
    mode: 'update',
    key: 'default',
    stamp: { runId: 100, attempt: 1 },
    relevant: true,
    render: () => '## AI access diff\n\nOne finding.\n',
    recheckAfterMs: 0,
    ...overrides,
  };
}

function seeded(github: MemoryGithub, runId: number, text = 'old text\n', key = 'default') {
  return github.seedComment(composeCommentBody(key, { runId, attempt: 1 }, text));
}

describe('run stamps', () => {
  it('compare numerically, then by attempt', () => {
    expect(compareRunStamps({ runId: 10, attempt: 1 }, { runId: 9, attempt: 5 })).toBeGreaterThan(0);
    expect(compareRunStamps({ runId: 9, attempt: 2 }, { runId: 9, attempt: 1 })).toBeGreaterThan(0);
    expect(compareRunStamps({ runId: 9, attempt: 1 }, { runId: 9, attempt: 1 })).toBe(0);
  });

  it('round-trip through a comment body', () => {
    const body = composeCommentBody('k', { runId: 123456789012, attempt: 3 }, 'text');
    expect(parseRunStamp(body)).toEqual({ runId: 123456789012, attempt: 3 });
    expect(parseRunStamp('no stamp here')).toBeNull();
  });
});

describe('publishComment', () => {
  it('creates one comment with both markers on the first run', async () => {
    const github = new MemoryGithub();
    const outcome = await publishComment(github, request());
    expect(outcome.action).toBe('created');
    expect(github.comments).toHaveLength(1);
    const body = github.comments[0]?.body ?? '';
    expect(body.startsWith(`${renderKeyMarker('default')}\n<!-- ai-access-diff:run=100-1 -->\n`)).toBe(true);
    // The two later lists look for a run that raced this one (see comment-race.test.ts).
    expect(github.calls).toEqual([
      'listIssueComments',
      'createIssueComment',
      'listIssueComments',
      'listIssueComments',
    ]);
  });

  it('updates the existing comment of the same key in place', async () => {
    const github = new MemoryGithub();
    const old = seeded(github, 90);
    const outcome = await publishComment(github, request());
    expect(outcome.action).toBe('updated');
    expect(github.comments).toHaveLength(1);
    expect(github.comments[0]?.id).toBe(old.id);
    expect(github.comments[0]?.body).toContain('One finding.');
  });

  it('does not edit when only the run stamp would change', async () => {
    const github = new MemoryGithub();
    seeded(github, 90, '## AI access diff\n\nOne finding.\n');
    const outcome = await publishComment(github, request());
    expect(outcome.action).toBe('unchanged');
    expect(github.calls).toEqual(['listIssueComments']);
  });

  it('never lets an older run overwrite a newer comment (run 99 after run 100)', async () => {
    const github = new MemoryGithub();
    seeded(github, 100, 'newer text\n');
    const outcome = await publishComment(github, request({ stamp: { runId: 99, attempt: 4 } }));
    expect(outcome).toMatchObject({ action: 'skipped', reason: 'a newer run already wrote the comment' });
    expect(github.comments[0]?.body).toContain('newer text');
  });

  it('compares run ids as numbers, not text (run 1000 is newer than run 999)', async () => {
    const github = new MemoryGithub();
    seeded(github, 999);
    expect((await publishComment(github, request({ stamp: { runId: 1000, attempt: 1 } }))).action).toBe(
      'updated',
    );
  });

  it('leaves comments of other keys and of people alone', async () => {
    const github = new MemoryGithub();
    seeded(github, 90, 'other stack\n', 'stack-b');
    github.seedComment(`Quoting: ${renderKeyMarker('default')}`, false);
    const outcome = await publishComment(github, request());
    expect(outcome.action).toBe('created');
    expect(github.comments).toHaveLength(3);
  });

  it('ignores a person copying the marker with a huge run number once our own comment exists', async () => {
    const github = new MemoryGithub();
    seeded(github, 90);
    github.seedComment(composeCommentBody('default', { runId: 10 ** 12, attempt: 1 }, 'spoof'), false);
    expect((await publishComment(github, request())).action).toBe('updated');
  });

  it('cleans up duplicates left by racing runs, keeping the newest', async () => {
    const github = new MemoryGithub();
    seeded(github, 90);
    const newest = seeded(github, 91);
    await publishComment(github, request());
    expect(github.comments.map((comment) => comment.id)).toEqual([newest.id]);
    expect(github.comments[0]?.body).toContain('One finding.');
  });

  it('creates a new comment each run in mode new, leaving the old one', async () => {
    const github = new MemoryGithub();
    seeded(github, 90);
    expect((await publishComment(github, request({ mode: 'new' }))).action).toBe('created');
    expect(github.comments).toHaveLength(2);
  });

  it('minimises the previous comment as outdated in mode hide-and-new', async () => {
    const github = new MemoryGithub();
    const old = seeded(github, 90);
    await publishComment(github, request({ mode: 'hide-and-new' }));
    expect(github.comments.find((comment) => comment.id === old.id)?.minimized).toBe(true);
    expect(github.comments).toHaveLength(2);
    expect(github.calls).toContain('minimizeComment');
  });

  it('replaces every earlier comment of the key in mode delete-and-new', async () => {
    const github = new MemoryGithub();
    seeded(github, 90);
    seeded(github, 91);
    await publishComment(github, request({ mode: 'delete-and-new' }));
    expect(github.comments).toHaveLength(1);
    expect(github.comments[0]?.body).toContain('run=100-1');
  });

  it('makes no call in mode off', async () => {
    const github = new MemoryGithub();
    expect((await publishComment(github, request({ mode: 'off' }))).action).toBe('skipped');
    expect(github.calls).toEqual([]);
  });

  it('posts nothing new when nothing AI-relevant changed', async () => {
    const github = new MemoryGithub();
    const outcome = await publishComment(github, request({ relevant: false }));
    expect(outcome).toMatchObject({ action: 'skipped', reason: 'nothing AI-relevant changed' });
    expect(github.comments).toHaveLength(0);
  });

  it('turns an existing comment into a short "no AI-relevant changes" note', async () => {
    for (const mode of ['update', 'new', 'hide-and-new', 'delete-and-new'] as const) {
      const github = new MemoryGithub();
      seeded(github, 90);
      expect((await publishComment(github, request({ relevant: false, mode }))).action).toBe('updated');
      expect(github.comments).toHaveLength(1);
      expect(github.comments[0]?.body).toContain(NO_AI_CHANGES_TEXT);
    }
  });

  it('renders within the comment budget, and retries once shorter when GitHub refuses the size', async () => {
    const github = new MemoryGithub();
    github.maxCommentLength = 30_000;
    const budgets: number[] = [];
    const outcome = await publishComment(
      github,
      request({
        render: (maxLength) => {
          budgets.push(maxLength);
          return 'x'.repeat(maxLength);
        },
      }),
    );
    expect(outcome.action).toBe('created');
    expect(budgets[0]).toBeLessThan(COMMENT_BUDGET_CHARS);
    expect(budgets[1]).toBeLessThan(COMMENT_RETRY_BUDGET_CHARS);
    expect(github.comments[0]?.body.length).toBeLessThanOrEqual(COMMENT_RETRY_BUDGET_CHARS);
    expect(COMMENT_BUDGET_CHARS).toBeLessThan(COMMENT_MAX_CHARS);
  });

  it('passes other failures to the caller', async () => {
    const github = new MemoryGithub();
    github.fail('createIssueComment', 'forbidden');
    await expect(publishComment(github, request())).rejects.toMatchObject({ kind: 'forbidden' });
  });
});
