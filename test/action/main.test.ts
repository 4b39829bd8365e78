import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ARTIFACT_METADATA_FILE, ARTIFACT_REPORT_FILE } from '../../src/action/artifact.js';
import { run } from '../../src/action/main.js';
import type { Pipeline } from '../../src/action/pipeline.js';
import type { Report } from '../../src/model/report.js';
import { BASE_SHA, HEAD_SHA, prepareActionRun, readOutputs, type ActionRun } from '../support/action-run.js';
import { fakePipeline, finding, report } from '../support/action-report.js';
import { MemoryGithub } from '../support/memory-github.js';

const savedEnv = { ...process.env };
/** Every step of the current test: the two-workflow tests run two. */
const steps: ActionRun[] = [];
let stdout: string[];

beforeEach(() => {
  stdout = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout.push(String(chunk));
    return true;
  });
});

afterEach(async () => {
  vi.restoreAllMocks();
  process.env = { ...savedEnv };
  process.exitCode = undefined;
  await Promise.all(steps.splice(0).map((step) => step.remove()));
});

async function runStep(options: {
  inputs?: Record<string, string>;
  pipeline: Pipeline;
  github?: MemoryGithub;
  event?: unknown;
  runId?: number;
  prepare?: (step: ActionRun) => Promise<void>;
}) {
  const step = await prepareActionRun({
    apiUrl: 'http://127.0.0.1:9',
    inputs: options.inputs ?? { plan: 'plan.json' },
    event: options.event,
    runId: options.runId,
  });
  steps.push(step);
  await options.prepare?.(step);
  stdout.length = 0;
  const github = options.github ?? new MemoryGithub();
  process.env = { ...savedEnv, ...step.env };
  await run({ env: process.env, loadPipeline: async () => options.pipeline, createGithub: () => github });
  const output = stdout.join('');
  return {
    github,
    step,
    outputs: await readOutputs(step.outputPath),
    summary: await readFile(step.summaryPath, 'utf8'),
    output,
    warnings: output.split('\n').filter((line) => line.startsWith('::warning')),
    errors: output.split('\n').filter((line) => line.startsWith('::error')),
  };
}

const passing = () => report([finding('medium', 1)]);
const failing = () => report([finding('critical', 1), finding('medium', 2)]);

describe('run', () => {
  it('analyses, writes outputs, summary and report file, and publishes a check and a comment', async () => {
    const result = await runStep({ pipeline: fakePipeline(passing()) });
    expect(result.outputs).toMatchObject({
      conclusion: 'success',
      'max-severity': 'medium',
      findings: '1',
      'coverage-before': '3/5 fully logged',
      'coverage-after': '3/6 fully logged',
      'comment-url': expect.stringMatching(/^https:\/\/github\.test\/c\/\d+$/),
    });
    const reportFile = result.outputs['report-file'] ?? '';
    expect(reportFile.startsWith(result.step.runnerTemp)).toBe(true);
    expect((JSON.parse(await readFile(reportFile, 'utf8')) as Report).findings).toHaveLength(1);
    expect(result.summary).toContain('Agent alias number 1 is not logged');
    expect(result.github.checkRuns[0]).toMatchObject({
      name: 'AI access diff',
      headSha: HEAD_SHA,
      conclusion: 'success',
    });
    expect(result.github.comments).toHaveLength(1);
    expect(process.exitCode).not.toBe(1);
  });

  it('fails the step when the verdict fails, with a one-line reason', async () => {
    const result = await runStep({ pipeline: fakePipeline(failing()) });
    expect(result.outputs.conclusion).toBe('failure');
    expect(result.github.checkRuns[0]?.conclusion).toBe('failure');
    expect(process.exitCode).toBe(1);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toContain('fails the AI access check: 1 finding at or above high');
  });

  it('expands globs over the workspace and takes the base ref from the pull request', async () => {
    const pipeline = fakePipeline(passing());
    await runStep({
      pipeline,
      inputs: {
        plan: 'plans/*.json',
        paths: 'stacks/**/*.yaml',
        'fail-on': 'critical',
        'max-input-size': '10MB',
      },
      prepare: async (given) => {
        await mkdir(join(given.workspace, 'plans'), { recursive: true });
        await mkdir(join(given.workspace, 'stacks', 'app'), { recursive: true });
        await writeFile(join(given.workspace, 'plans', 'b.json'), '{}');
        await writeFile(join(given.workspace, 'plans', 'a.json'), '{}');
        await writeFile(join(given.workspace, 'stacks', 'app', 'main.yaml'), '{}');
      },
    });
    expect(pipeline.settings[0]).toMatchObject({
      plans: ['plans/a.json', 'plans/b.json'],
      paths: ['stacks/app/main.yaml'],
      baseRef: BASE_SHA,
      failOn: 'critical',
      maxInputBytes: 10 * 1024 * 1024,
      configPath: null,
    });
  });

  it('is neutral, and posts no comment, when there is nothing to analyse', async () => {
    const pipeline = fakePipeline(passing());
    const result = await runStep({ pipeline, inputs: { plan: 'missing/*.json' } });
    expect(pipeline.settings).toHaveLength(0);
    expect(result.outputs.conclusion).toBe('neutral');
    expect(result.github.checkRuns[0]?.conclusion).toBe('neutral');
    expect(result.github.comments).toHaveLength(0);
    expect(result.warnings.join('\n')).toContain("No file matched 'missing/*.json'");
    expect(process.exitCode).not.toBe(1);
  });

  it('on a read-only token (a fork) keeps the full summary, warns once, and still passes a passing change', async () => {
    const github = new MemoryGithub();
    for (const operation of ['createCheckRun', 'createCommitStatus', 'createIssueComment'] as const) {
      github.fail(operation, 'forbidden');
    }
    const result = await runStep({ pipeline: fakePipeline(passing()), github });
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]).toContain('#forks');
    expect(result.summary).toContain('Agent alias number 1 is not logged');
    expect(result.outputs.conclusion).toBe('success');
    expect(result.outputs['comment-url']).toBe('');
    expect(process.exitCode).not.toBe(1);
  });

  it('on a read-only token still fails a failing change', async () => {
    const github = new MemoryGithub();
    github.fail('createCheckRun', 'forbidden');
    github.fail('createCommitStatus', 'forbidden');
    github.fail('createIssueComment', 'forbidden');
    await runStep({ pipeline: fakePipeline(failing()), github });
    expect(process.exitCode).toBe(1);
  });

  it('says clearly when GitHub cannot be reached, skips the rest, and shows no stack trace', async () => {
    const github = new MemoryGithub();
    github.fail('createCheckRun', 'network');
    const result = await runStep({ pipeline: fakePipeline(passing()), github });
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]).toContain('Could not createCheckRun: injected failure');
    expect(result.github.calls).toEqual(['createCheckRun']);
    expect(result.summary).toContain('this summary holds the full report');
    expect(result.output).not.toMatch(/\n\s+at /);
    expect(process.exitCode).not.toBe(1);
  });

  it('fails with the input, the value and the choices for a bad input, and makes no call', async () => {
    const result = await runStep({ pipeline: fakePipeline(passing()), inputs: { comment: 'sticky' } });
    expect(process.exitCode).toBe(1);
    expect(result.errors[0]).toContain("Input 'comment' is 'sticky'");
    expect(result.github.calls).toEqual([]);
  });

  it('fails without a stack trace when the analysis cannot run at all', async () => {
    const pipeline = fakePipeline(() => {
      throw new Error('no input could be read');
    });
    const result = await runStep({ pipeline });
    expect(process.exitCode).toBe(1);
    expect(result.errors).toEqual(['::error::ai-access-diff could not complete: no input could be read']);
    expect(result.output).not.toMatch(/\n\s+at /);
  });

  it('writes SARIF when asked', async () => {
    const result = await runStep({
      pipeline: fakePipeline(passing()),
      inputs: { plan: 'p.json', 'sarif-file': 'out/aad.sarif' },
    });
    const sarif = JSON.parse(await readFile(join(result.step.workspace, 'out', 'aad.sarif'), 'utf8')) as {
      version: string;
    };
    expect(sarif.version).toBe('2.1.0');
  });

  it('cuts a report too large for a comment, with a note, and keeps it whole in the job summary', async () => {
    const big = report(
      Array.from({ length: 600 }, (_, index) =>
        finding(index % 2 === 0 ? 'high' : 'medium', index, { message: 'm'.repeat(300) }),
      ),
    );
    const result = await runStep({ pipeline: fakePipeline(big) });
    const comment = result.github.comments[0]?.body ?? '';
    expect(comment.length).toBeLessThanOrEqual(60_000);
    expect(comment).toContain('Shortened to fit');
    expect(result.summary.length).toBeGreaterThan(comment.length);
    expect(result.summary).toContain('Agent alias number 599 is not logged');
    expect(result.github.checkRuns[0]?.annotationBatches.map((batch) => batch.length)).toEqual([
      50, 50, 50, 50, 50, 50, 50, 50, 50, 50, 50, 50,
    ]);
  });
});

describe('run in the two-workflow mode', () => {
  async function analyzeStep(value: Report) {
    const result = await runStep({
      pipeline: fakePipeline(value),
      inputs: { plan: 'plan.json', mode: 'analyze' },
    });
    const dir = result.outputs['artifact-dir'] ?? '';
    return {
      result,
      report: await readFile(join(dir, ARTIFACT_REPORT_FILE), 'utf8'),
      metadata: await readFile(join(dir, ARTIFACT_METADATA_FILE), 'utf8'),
    };
  }

  function workflowRunEvent(headSha = HEAD_SHA, pullNumbers: number[] = []) {
    return {
      workflow_run: {
        id: 555,
        run_attempt: 1,
        head_sha: headSha,
        pull_requests: pullNumbers.map((number) => ({ number })),
      },
    };
  }

  async function publishStep(
    files: { report: string; metadata: string },
    event: unknown,
    github = new MemoryGithub(),
  ) {
    return runStep({
      pipeline: fakePipeline(() => {
        throw new Error('the publish half must not analyse');
      }),
      github,
      event,
      inputs: { mode: 'publish', 'artifact-dir': 'artifact' },
      prepare: async (given) => {
        await mkdir(join(given.workspace, 'artifact'));
        await writeFile(join(given.workspace, 'artifact', ARTIFACT_REPORT_FILE), files.report);
        await writeFile(join(given.workspace, 'artifact', ARTIFACT_METADATA_FILE), files.metadata);
      },
    });
  }

  it('analyze mode makes no GitHub call and writes the report with its metadata', async () => {
    const { result, metadata } = await analyzeStep(failing());
    expect(result.github.calls).toEqual([]);
    expect(JSON.parse(metadata)).toMatchObject({ schemaVersion: 1, pullNumber: 7, headSha: HEAD_SHA });
    expect(result.outputs.conclusion).toBe('failure');
    expect(process.exitCode).toBe(1);
  });

  it('publish mode posts the artifact after checking the pull request head', async () => {
    const files = await analyzeStep(passing());
    process.exitCode = undefined;
    const github = new MemoryGithub();
    github.pulls.set(7, HEAD_SHA);
    const result = await publishStep(files, workflowRunEvent(), github);
    expect(result.errors).toEqual([]);
    expect(github.calls).toEqual([
      'getPullRequestHeadSha',
      'createCheckRun',
      'updateCheckRun',
      'listIssueComments',
      'createIssueComment',
      'listIssueComments',
      'listIssueComments',
    ]);
    expect(github.comments[0]?.body).toContain('run=555-1');
    expect(github.checkRuns[0]?.headSha).toBe(HEAD_SHA);
  });

  it('publish mode refuses an artifact made for another commit', async () => {
    const files = await analyzeStep(passing());
    const result = await publishStep(files, workflowRunEvent('d'.repeat(40)));
    expect(result.errors[0]).toContain(`was made for commit ${HEAD_SHA}`);
    expect(result.github.calls).toEqual([]);
  });

  it('publish mode refuses a report changed after its hash was taken', async () => {
    const files = await analyzeStep(failing());
    const tampered = files.report.replace('"failed": true', '"failed": false');
    expect(tampered).not.toBe(files.report);
    const result = await publishStep({ ...files, report: tampered }, workflowRunEvent());
    expect(result.errors[0]).toContain('does not match the hash');
  });

  it('publish mode refuses an artifact that aims at another pull request', async () => {
    const files = await analyzeStep(passing());
    const github = new MemoryGithub();
    github.pulls.set(7, 'e'.repeat(40));
    const result = await publishStep(files, workflowRunEvent(), github);
    expect(result.errors[0]).toContain('names pull request #7');
    expect(github.comments).toHaveLength(0);
  });
});
