import { mkdtemp, rm, truncate } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readActionInputs } from '../../src/action/action-inputs.js';
import {
  ARTIFACT_MAX_BYTES,
  ARTIFACT_REPORT_FILE,
  readArtifact,
  writeArtifact,
} from '../../src/action/artifact.js';
import { findMaxSeverity } from '../../src/action/local-results.js';
import { loadPublishedReport } from '../../src/action/published-report.js';
import { readRunContext } from '../../src/action/run-context.js';
import { renderJson } from '../../src/report/index.js';
import { finding, report } from '../support/action-report.js';
import { MemoryGithub } from '../support/memory-github.js';

const HEAD_SHA = 'c'.repeat(40);

let workspace: string;

beforeEach(async () => {
  workspace = await mkdtemp(join(tmpdir(), 'published-report-'));
});

afterEach(async () => {
  await rm(workspace, { recursive: true, force: true });
});

async function publishWithFailOn(failOn: string) {
  const analysed = report([finding('critical', 1, { existing: true }), finding('medium', 2)], 'never');
  await writeArtifact(join(workspace, 'artifact'), renderJson(analysed), {
    pullNumber: 7,
    headSha: HEAD_SHA,
  });
  const inputs = readActionInputs((name) =>
    name === 'mode' ? 'publish' : name === 'artifact-dir' ? 'artifact' : name === 'fail-on' ? failOn : '',
  );
  const context = {
    ...(await readRunContext({ GITHUB_WORKSPACE: workspace })),
    triggeringRun: { id: 9, attempt: 1, headSha: HEAD_SHA, pullNumbers: [7] },
  };
  return loadPublishedReport(inputs, context, new MemoryGithub());
}

describe('loadPublishedReport', () => {
  it("applies the publishing workflow's fail-on to the findings that can fail, never to standing gaps", async () => {
    const strict = await publishWithFailOn('high');
    expect(strict.report.verdict).toEqual({ failOn: 'high', failed: false });
    const stricter = await publishWithFailOn('medium');
    expect(stricter.report.verdict).toEqual({ failOn: 'medium', failed: true });
  });
});

describe('findMaxSeverity', () => {
  it('names the most severe finding that counts toward the verdict, not a standing gap', () => {
    const value = report([
      finding('critical', 1, { existing: true }),
      finding('high', 2, { ignored: { reason: 'accepted' } }),
      finding('medium', 3),
    ]);
    expect(findMaxSeverity(value)).toBe('medium');
  });
});

describe('readArtifact', () => {
  it('refuses an oversized report by its size, before reading it', async () => {
    const dir = join(workspace, 'artifact');
    await writeArtifact(dir, renderJson(report([])), { pullNumber: 7, headSha: HEAD_SHA });
    // A sparse file: as large as a hostile artifact could be, without writing its bytes.
    await truncate(join(dir, ARTIFACT_REPORT_FILE), 8 * ARTIFACT_MAX_BYTES);
    await expect(readArtifact(dir, HEAD_SHA)).rejects.toThrow(
      `The artifact's report.json is larger than ${ARTIFACT_MAX_BYTES} bytes; refused.`,
    );
  });
});
