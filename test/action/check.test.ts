import { describe, expect, it } from 'vitest';
import {
  batchAnnotations,
  buildAnnotations,
  describeCheckTitle,
  publishCheck,
  type CheckRequest,
} from '../../src/action/check.js';
import { ANNOTATIONS_PER_REQUEST, STATUS_DESCRIPTION_MAX_CHARS } from '../../src/action/github-limits.js';
import type { Severity } from '../../src/model/report.js';
import { finding, report } from '../support/action-report.js';
import { MemoryGithub } from '../support/memory-github.js';

const ORDER: Severity[] = ['info', 'low', 'medium', 'high', 'critical'];

function manyFindings(count: number) {
  return Array.from({ length: count }, (_, index) => finding(ORDER[index % ORDER.length] ?? 'low', index));
}

function checkRequest(overrides: Partial<CheckRequest> = {}): CheckRequest {
  const value = report([finding('high', 1)]);
  return {
    name: 'AI access diff',
    headSha: 'a'.repeat(40),
    report: value,
    conclusion: 'failure',
    summary: '## summary',
    runUrl: 'https://github.test/run/1',
    ...overrides,
  };
}

describe('buildAnnotations', () => {
  it('puts the most severe first and levels them by fail-on', () => {
    const annotations = buildAnnotations(report(manyFindings(5), 'high'));
    expect(annotations.map((item) => item.title.split(':')[0])).toEqual([
      'critical',
      'high',
      'medium',
      'low',
      'info',
    ]);
    expect(annotations.map((item) => item.level)).toEqual([
      'failure',
      'failure',
      'warning',
      'warning',
      'notice',
    ]);
  });

  it('never levels a standing gap as a failure: it does not fail the verdict', () => {
    const annotations = buildAnnotations(
      report([finding('critical', 1, { existing: true }), finding('high', 2)], 'high'),
    );
    expect(annotations.map((item) => [item.title.split(':')[0], item.level])).toEqual([
      ['critical', 'warning'],
      ['high', 'failure'],
    ]);
  });

  it('skips findings without a location and ignored findings', () => {
    const annotations = buildAnnotations(
      report([
        finding('high', 1, { location: undefined }),
        finding('high', 2, { ignored: { reason: 'accepted' } }),
        finding('high', 3),
      ]),
    );
    expect(annotations.map((item) => item.startLine)).toEqual([4]);
  });
});

describe('batchAnnotations', () => {
  it('cuts 120 annotations into three requests of at most 50', () => {
    const batches = batchAnnotations(buildAnnotations(report(manyFindings(120))));
    expect(batches.map((batch) => batch.length)).toEqual([50, 50, 20]);
    expect(ANNOTATIONS_PER_REQUEST).toBe(50);
  });
});

describe('publishCheck', () => {
  it('creates the run in progress and completes it with the last annotation batch', async () => {
    const github = new MemoryGithub();
    const outcome = await publishCheck(github, checkRequest({ report: report(manyFindings(120)) }));
    expect(outcome).toMatchObject({ via: 'check-run', requests: 4 });
    const run = github.checkRuns[0];
    expect(run?.annotationBatches.map((batch) => batch.length)).toEqual([50, 50, 20]);
    expect(run?.conclusion).toBe('failure');
    expect(github.calls).toEqual(['createCheckRun', 'updateCheckRun', 'updateCheckRun', 'updateCheckRun']);
  });

  it('completes with one update when there is nothing to annotate', async () => {
    const github = new MemoryGithub();
    await publishCheck(github, checkRequest({ report: report([]), conclusion: 'success' }));
    expect(github.checkRuns[0]).toMatchObject({ conclusion: 'success', title: 'Passes: no findings' });
  });

  it('falls back to a commit status of the same name when checks may not be written', async () => {
    const github = new MemoryGithub();
    github.fail('createCheckRun', 'forbidden');
    const outcome = await publishCheck(github, checkRequest({ report: report(manyFindings(120)) }));
    expect(outcome.via).toBe('commit-status');
    const status = github.statuses[0];
    expect(status).toMatchObject({ context: 'AI access diff', state: 'failure', sha: 'a'.repeat(40) });
    expect(status?.description.length).toBeLessThanOrEqual(STATUS_DESCRIPTION_MAX_CHARS);
  });

  it('lets a 403 on the status reach the caller', async () => {
    const github = new MemoryGithub();
    github.fail('createCheckRun', 'forbidden');
    github.fail('createCommitStatus', 'forbidden');
    await expect(publishCheck(github, checkRequest())).rejects.toMatchObject({ kind: 'forbidden' });
  });
});

describe('describeCheckTitle', () => {
  it('says the verdict and the counts by severity', () => {
    const value = report([finding('critical', 1), finding('high', 2), finding('high', 3)]);
    expect(describeCheckTitle(value, 'failure')).toBe('Fails: 3 findings (1 critical, 2 high)');
    expect(describeCheckTitle(value, 'neutral')).toBe('Nothing to analyse');
  });
});
