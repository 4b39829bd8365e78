import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { inputBytes, LARGE_INPUT_BYTES, limitHeapGrowthFor } from '../../src/cli/heap-growth.js';
import { DEFAULT_MAX_INPUT_BYTES, type Settings } from '../../src/settings.js';

const root = mkdtempSync(join(tmpdir(), 'aad-heap-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function settings(overrides: Partial<Settings>): Settings {
  return {
    plans: [],
    before: null,
    after: null,
    baseRef: null,
    paths: [],
    configPath: null,
    failOn: null,
    maxInputBytes: DEFAULT_MAX_INPUT_BYTES,
    cwd: root,
    ...overrides,
  };
}

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
