// Two runs of the bundled action for the same pull request at the same time, against the loopback GitHub fake.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseRunStamp } from '../../src/action/comment-markers.js';
import { prepareActionRun } from '../support/action-run.js';
import { FakeGithub } from '../support/fake-github.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const bundle = join(root, 'dist', 'index.js');
const demoPlan = join(root, 'fixtures', 'demo', 'plan.json');

async function runConcurrently(fake: FakeGithub, runIds: readonly number[], failOn: readonly string[]) {
  const steps = await Promise.all(
    runIds.map((runId, index) =>
      prepareActionRun({ apiUrl: fake.url, runId, inputs: { plan: demoPlan, 'fail-on': failOn[index]! } }),
    ),
  );
  try {
    await Promise.all(
      steps.map(
        (step) =>
          new Promise<void>((resolve) =>
            execFile(
              process.execPath,
              [bundle],
              { env: { PATH: process.env.PATH ?? '', ...step.env }, cwd: step.workspace },
              () => resolve(),
            ),
          ),
      ),
    );
  } finally {
    await Promise.all(steps.map((step) => step.remove()));
  }
}

describe('two runs of dist/index.js for one pull request at once', () => {
  it('leave exactly one comment, with the newer run content', async () => {
    const fake = await FakeGithub.start();
    try {
      // The newer run (301) passes with fail-on: never, the older one fails: the content tells them apart.
      await runConcurrently(fake, [300, 301], ['high', 'never']);
      expect(fake.comments).toHaveLength(1);
      expect(parseRunStamp(fake.comments[0]!.body)).toEqual({ runId: 301, attempt: 1 });
      expect(fake.comments[0]!.body).toContain('Passes');
    } finally {
      await fake.close();
    }
  });
});
