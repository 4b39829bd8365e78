// End to end: the bundled dist/index.js as a child process, against the loopback GitHub fake.
import { execFile, execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HEAD_SHA, prepareActionRun, readOutputs, type ActionRun } from '../support/action-run.js';
import { FakeGithub } from '../support/fake-github.js';
import { buildAliasPlan } from '../support/generated-plan.js';
import { writeHclTree } from '../../bench/generate/terraform-hcl.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const bundle = join(root, 'dist', 'index.js');
const demoPlan = join(root, 'fixtures', 'demo', 'plan.json');
/** The end-to-end tests need the real pipeline in the bundle (`npm run build` after src/analyze.ts landed). */
const pipelineReady =
  existsSync(join(root, 'src', 'analyze.ts')) && existsSync(bundle) && existsSync(demoPlan);

let fake: FakeGithub;
const steps: ActionRun[] = [];

beforeEach(async () => {
  fake = await FakeGithub.start();
});

afterEach(async () => {
  await fake.close();
  for (const step of steps.splice(0)) await step.remove();
});

interface DistResult {
  code: number;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  calls: number;
}

async function runDist(options: {
  inputs?: Record<string, string>;
  runId?: number;
  plan?: unknown;
  /** Writes more of the workspace before the step runs. */
  prepare?: (workspace: string) => void;
}): Promise<DistResult> {
  const step = await prepareActionRun({
    apiUrl: fake.url,
    runId: options.runId ?? 100,
    inputs: options.inputs,
  });
  steps.push(step);
  if (options.plan !== undefined)
    await writeFile(join(step.workspace, 'plan.json'), JSON.stringify(options.plan));
  options.prepare?.(step.workspace);
  const before = fake.calls.length;
  const { code, stdout, stderr } = await new Promise<{ code: number; stdout: string; stderr: string }>(
    (resolve) => {
      execFile(
        process.execPath,
        [bundle],
        {
          env: { PATH: process.env.PATH ?? '', ...step.env },
          cwd: step.workspace,
          maxBuffer: 64 * 1024 * 1024,
        },
        (error, out, err) =>
          resolve({ code: error === null ? 0 : Number(error.code ?? 1), stdout: out, stderr: err }),
      );
    },
  );
  return {
    code,
    stdout,
    stderr,
    outputs: await readOutputs(step.outputPath),
    summary: await readFile(step.summaryPath, 'utf8'),
    calls: fake.calls.length - before,
  };
}

const demo = { plan: demoPlan };

describe.skipIf(!pipelineReady)('dist/index.js end to end', () => {
  it('first run: one comment, one check run with the verdict and annotations; re-runs edit only on change', async () => {
    const first = await runDist({ inputs: demo });
    expect(first.code).toBe(1);
    expect(first.outputs.conclusion).toBe('failure');
    expect(fake.comments).toHaveLength(1);
    expect(fake.comments[0]?.body).toContain('<!-- ai-access-diff:key=default -->');
    expect(first.outputs['comment-url']).toBe(fake.comments[0]?.html_url);
    expect(fake.checkRuns).toHaveLength(1);
    const check = fake.checkRuns[0];
    expect(check).toMatchObject({
      name: 'AI access diff',
      head_sha: HEAD_SHA,
      status: 'completed',
      conclusion: 'failure',
    });
    expect(check?.annotations.length).toBe(Number(first.outputs.findings));
    expect(check?.annotations[0]).toMatchObject({ annotation_level: 'failure' });
    // create and complete the check; list, create, and list twice more to settle a race with another run
    expect(first.calls).toBe(6);

    const unchanged = await runDist({ inputs: demo, runId: 101 });
    expect(unchanged.calls).toBe(3);
    expect(fake.comments).toHaveLength(1);
    expect(fake.comments[0]?.body).toContain('run=100-1');

    const changed = await runDist({ inputs: { ...demo, 'fail-on': 'critical' }, runId: 102 });
    expect(changed.code).toBe(0);
    expect(fake.comments).toHaveLength(1);
    expect(fake.comments[0]?.body).toContain('run=102-1');
    expect(fake.checkRuns[2]?.conclusion).toBe('success');
  });

  it('a stale run (lower run id) does not overwrite a newer comment', async () => {
    await runDist({ inputs: { ...demo, 'fail-on': 'critical' }, runId: 200 });
    const newer = fake.comments[0]?.body;
    await runDist({ inputs: demo, runId: 199 });
    expect(fake.comments).toHaveLength(1);
    expect(fake.comments[0]?.body).toBe(newer);
    expect(fake.writes().filter((call) => call.path.includes('/comments'))).toHaveLength(1);
  });

  it('a 403 on every write keeps the full job summary, warns once, exits by the verdict, shows no stack', async () => {
    fake.forbidWrites = true;
    const failing = await runDist({ inputs: demo });
    expect(failing.code).toBe(1);
    const passing = await runDist({ inputs: { ...demo, 'fail-on': 'never' } });
    expect(passing.code).toBe(0);
    for (const result of [failing, passing]) {
      expect(result.summary).toContain('aws\\_bedrockagent\\_agent\\_alias.live');
      expect(result.stdout.split('\n').filter((line) => line.startsWith('::warning'))).toHaveLength(1);
      expect(result.stdout).toContain('#forks');
      expect(`${result.stdout}${result.stderr}`).not.toMatch(/\n\s+at /);
    }
    expect(fake.statuses).toHaveLength(0);
  });

  it('sends 120 findings as three annotation batches', async () => {
    const result = await runDist({ inputs: { plan: 'plan.json' }, plan: buildAliasPlan(120) });
    expect(result.outputs.findings).toBe('120');
    const patches = fake.calls.filter(
      (call) => call.method === 'PATCH' && call.path.includes('/check-runs/'),
    );
    const sizes = patches.map(
      (call) => ((call.body as { output: { annotations: unknown[] } }).output.annotations ?? []).length,
    );
    expect(sizes).toEqual([50, 50, 20]);
    expect(fake.checkRuns[0]?.annotations).toHaveLength(120);
  });

  it('cuts a report too large for a comment to the budget with a note, and keeps it whole in the summary', async () => {
    const result = await runDist({ inputs: { plan: 'plan.json' }, plan: buildAliasPlan(400) });
    const comment = fake.comments[0]?.body ?? '';
    expect(comment.length).toBeLessThanOrEqual(60_000);
    expect(comment).toContain('Shortened to fit');
    expect(result.summary.length).toBeGreaterThan(comment.length);
    expect(result.summary).toContain('alias\\_399');
  });

  it('retries a 5xx from GitHub and still publishes', async () => {
    fake.fail({ method: 'POST', path: /check-runs$/, status: 502, times: 1 });
    const result = await runDist({ inputs: { ...demo, 'fail-on': 'never' } });
    expect(result.code).toBe(0);
    expect(fake.checkRuns).toHaveLength(1);
    expect(fake.comments).toHaveLength(1);
  });

  it('analyses a directory large enough for the HCL parse worker and exits by the verdict', async () => {
    const result = await runDist({
      // The base commit has no infra/; the pull request adds it.
      inputs: { paths: 'infra', 'base-ref': 'HEAD', mode: 'analyze' },
      prepare: (workspace) => {
        const git = (...args: string[]) =>
          execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], {
            cwd: workspace,
          });
        git('init', '-q');
        git('commit', '-q', '--allow-empty', '-m', 'base');
        writeHclTree(join(workspace, 'infra'), { files: 220, seed: 7 });
      },
    });
    expect(result.stderr).not.toMatch(/Error|at .*\(/);
    expect([0, 1]).toContain(result.code);
    expect(result.outputs.findings).toMatch(/^[1-9]\d*$/);
    expect(result.summary).toContain('infra/');
  }, 60_000);
});
