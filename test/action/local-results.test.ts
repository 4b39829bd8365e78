import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ArtifactError, hashText, readArtifact, writeArtifact } from '../../src/action/artifact.js';
import { JOB_SUMMARY_MAX_BYTES } from '../../src/action/github-limits.js';
import { fitJobSummary, SUMMARY_CUT_NOTE } from '../../src/action/job-summary.js';
import { decideConclusion, describeCoverage, hasAiRelevantChange } from '../../src/action/report-facts.js';
import { readRunContext } from '../../src/action/run-context.js';
import { finding, report } from '../support/action-report.js';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'aad-local-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('fitJobSummary', () => {
  it('keeps a report that fits as rendered', () => {
    expect(fitJobSummary(() => '## small')).toBe('## small');
  });

  it('renders again smaller when non-ASCII text makes the bytes exceed the limit', () => {
    const budgets: number[] = [];
    const text = fitJobSummary((maxLength) => {
      budgets.push(maxLength);
      return '€'.repeat(maxLength);
    });
    expect(budgets).toHaveLength(2);
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(JOB_SUMMARY_MAX_BYTES);
  });

  it('cuts by bytes, without splitting a character, when the renderer ignores its budget', () => {
    const text = fitJobSummary(() => '😀'.repeat(JOB_SUMMARY_MAX_BYTES));
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(JOB_SUMMARY_MAX_BYTES);
    expect(text.endsWith(SUMMARY_CUT_NOTE)).toBe(true);
    expect(text).not.toContain('\uFFFD');
  });
});

describe('report facts', () => {
  it('describes coverage and concludes neutral only without inputs', () => {
    const value = report([finding('critical', 1)]);
    expect(describeCoverage(value.coverage.after)).toBe('3/6 fully logged');
    expect(decideConclusion(value)).toBe('failure');
    expect(decideConclusion({ ...value, inputs: [] })).toBe('neutral');
  });

  it('sees no AI-relevant change when AI resources are only listed unchanged', () => {
    const quiet = report([]);
    quiet.coverage.resources.push({
      id: 'aws_bedrockagent_agent_alias.live',
      iacType: 'aws_bedrockagent_agent_alias',
      dataResourceType: 'AWS::Bedrock::AgentAlias',
      role: 'ai',
      action: 'no-op',
      before: 'full',
      after: 'full',
      coveredBy: ['aws_cloudtrail.ai'],
    });
    expect(hasAiRelevantChange(quiet)).toBe(false);
    const changed = structuredClone(quiet);
    changed.coverage.resources[0]!.after = 'none';
    expect(hasAiRelevantChange(changed)).toBe(true);
    expect(hasAiRelevantChange(report([finding('info', 1)]))).toBe(true);
  });
});

describe('readRunContext', () => {
  it('reads the pull request and the run', async () => {
    const event = join(dir, 'event.json');
    await writeFile(
      event,
      JSON.stringify({ pull_request: { number: 12, head: { sha: 'h1' }, base: { sha: 'b1' } } }),
    );
    const context = await readRunContext({
      GITHUB_REPOSITORY: 'octo/infra',
      GITHUB_EVENT_PATH: event,
      GITHUB_RUN_ID: '987',
      GITHUB_RUN_ATTEMPT: '2',
      GITHUB_SHA: 'merge',
    });
    expect(context).toMatchObject({
      owner: 'octo',
      repo: 'infra',
      pullNumber: 12,
      headSha: 'h1',
      baseSha: 'b1',
    });
    expect(context).toMatchObject({
      runId: 987,
      runAttempt: 2,
      apiUrl: 'https://api.github.com',
      triggeringRun: null,
    });
  });

  it('reads the triggering run of a workflow_run event, and survives a missing payload', async () => {
    const event = join(dir, 'event.json');
    await writeFile(
      event,
      JSON.stringify({
        workflow_run: { id: 5, run_attempt: 3, head_sha: 'h2', pull_requests: [{ number: 4 }] },
      }),
    );
    expect((await readRunContext({ GITHUB_EVENT_PATH: event })).triggeringRun).toEqual({
      id: 5,
      attempt: 3,
      headSha: 'h2',
      pullNumbers: [4],
    });
    const missing = await readRunContext({ GITHUB_EVENT_PATH: join(dir, 'none.json'), GITHUB_SHA: 'x' });
    expect(missing).toMatchObject({ pullNumber: null, headSha: 'x', triggeringRun: null });
  });
});

describe('analysis artifact', () => {
  const sha = 'a'.repeat(40);

  it('round-trips a report with its metadata', async () => {
    const json = JSON.stringify(report([finding('high', 1)]));
    await writeArtifact(dir, json, { pullNumber: 3, headSha: sha });
    const metadata = JSON.parse(await readFile(join(dir, 'metadata.json'), 'utf8')) as {
      reportSha256: string;
    };
    expect(metadata.reportSha256).toBe(hashText(json));
    const read = await readArtifact(dir, sha);
    expect(read.report.findings).toHaveLength(1);
    expect(read.metadata.pullNumber).toBe(3);
  });

  it('refuses a report whose fields are not the report shape, even with a matching hash', async () => {
    const bad = report([finding('high', 1)]) as unknown as { findings: Array<{ severity: string }> };
    bad.findings[0]!.severity = 'catastrophic';
    await writeArtifact(dir, JSON.stringify(bad), { pullNumber: 3, headSha: sha });
    await expect(readArtifact(dir, sha)).rejects.toThrow(/findings\.0\.severity/);
  });

  it('refuses metadata that is not in the expected form', async () => {
    await writeArtifact(dir, '{}', { pullNumber: 3, headSha: 'not-a-sha' });
    await expect(readArtifact(dir, 'not-a-sha')).rejects.toBeInstanceOf(ArtifactError);
  });
});
