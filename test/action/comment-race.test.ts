import { describe, expect, it } from 'vitest';
import { publishComment, type CommentRequest } from '../../src/action/comment.js';
import { composeCommentBody, parseRunStamp } from '../../src/action/comment-markers.js';
import type { GithubPort } from '../../src/action/github-port.js';
import { MemoryGithub } from '../support/memory-github.js';

function request(runId: number, text: string): CommentRequest {
  return {
    pullNumber: 7,
    mode: 'update',
    key: 'default',
    stamp: { runId, attempt: 1 },
    relevant: true,
    render: () => text,
    recheckAfterMs: 20,
  };
}

/** The same port with a random pause before every call, so that two runs interleave in every possible way. */
function jittered(github: MemoryGithub, random: () => number): GithubPort {
  return new Proxy(github, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      return async (...args: unknown[]) => {
        await new Promise((resolve) => setTimeout(resolve, Math.floor(random() * 4)));
        return (value as (...inner: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}

/** A small seeded generator, so that a failing interleaving can be replayed. */
function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

describe('two runs for the same pull request at once', () => {
  it.each(Array.from({ length: 40 }, (_, seed) => seed))(
    'leave exactly one comment, with the newer run content (interleaving %i)',
    async (seed) => {
      const github = new MemoryGithub();
      if (seed % 2 === 1)
        github.seedComment(composeCommentBody('default', { runId: 50, attempt: 1 }, 'first\n'));
      const port = jittered(github, seededRandom(seed + 1));
      await Promise.all([
        publishComment(port, request(200, 'older run\n')),
        publishComment(port, request(201, 'newer run\n')),
      ]);
      expect(github.comments).toHaveLength(1);
      expect(parseRunStamp(github.comments[0]!.body)).toEqual({ runId: 201, attempt: 1 });
      expect(github.comments[0]!.body).toContain('newer run');
    },
  );
});
