import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { inputBytes, LARGE_INPUT_BYTES, limitHeapGrowthFor } from '../../src/cli/heap-growth.js';
import { settingsFor, type AnalysisInputs } from '../support/run-analysis.js';

const root = mkdtempSync(join(tmpdir(), 'aad-heap-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const settings = (inputs: Omit<AnalysisInputs, 'cwd'>) => settingsFor({ cwd: root, ...inputs });

describe('heap growth for large inputs', () => {
  writeFileSync(join(root, 'small.json'), '{"resource_changes":[]}');
  // Sparse: the size is what counts, and it takes no disk.
  writeFileSync(join(root, 'large.json'), '');
  truncateSync(join(root, 'large.json'), LARGE_INPUT_BYTES + 1);

  it('adds up the plan files and the explicit pair, relative to the working directory or absolute', () => {
    expect(inputBytes(settings({ plans: ['small.json'], after: join(root, 'small.json') }))).toBe(46);
  });

  it('counts a missing file or a directory as nothing', () => {
    expect(inputBytes(settings({ plans: ['missing.json', '.'], before: 'nowhere' }))).toBe(0);
  });

  it('leaves V8 alone for ordinary inputs and limits growth for large ones', () => {
    expect(limitHeapGrowthFor(settings({ plans: ['small.json'] }))).toBe(false);
    expect(limitHeapGrowthFor(settings({ plans: ['large.json'] }))).toBe(true);
  });
});
