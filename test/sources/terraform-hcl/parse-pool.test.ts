// Parsing in a second thread must give what parsing one file after another gives: the same bodies, the same first
// error, and this thread's own parse when the worker fails.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeHclTree } from '../../../bench/generate/terraform-hcl.mjs';
import { scanSource } from '../../../src/sources/terraform-hcl/block-lines.js';
import { parseHclFile } from '../../../src/sources/terraform-hcl/parse-file.js';
import {
  HclParsing,
  parseForReply,
  parseFromBack,
  PARALLEL_PARSE_BYTES,
  PARALLEL_PARSE_FILES,
  type HclParse,
  type HclText,
  type ParseWorker,
} from '../../../src/sources/terraform-hcl/parse-pool.js';
import { InputError } from '../../../src/sources/input-error.js';
import { analyzeInputs } from '../../support/run-analysis.js';
import { builtCliExists, runBuiltCli } from '../../support/built-cli.js';

const scratch = mkdtempSync(join(tmpdir(), 'aad-hcl-pool-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const tree = join(scratch, 'infra');
writeHclTree(tree, { files: 220, seed: 7 });
const texts: HclText[] = readdirSync(tree)
  .filter((name) => name.endsWith('.tf'))
  .sort()
  .map((name) => ({ text: readFileSync(join(tree, name), 'utf8'), shownPath: `infra/${name}` }));

/**
 * A worker that runs in this thread but speaks the worker's protocol, and records what it parsed. `failAfter`
 * makes it stop with an error once it has claimed that many files (0: before it claims any).
 */
function inThreadWorker(log: { given: number[]; closed: number }, failAfter?: number): ParseWorker {
  return {
    parse: async (files, claims) => {
      let parsed = 0;
      return parseFromBack(files, claims, async (file) => {
        log.given.push(file.index);
        if (failAfter !== undefined && parsed >= failAfter) throw new Error('the worker stopped');
        parsed += 1;
        return parseForReply(file);
      });
    },
    close: async () => {
      log.closed += 1;
    },
  };
}

async function oneByOne(files: readonly HclText[]): Promise<HclParse[]> {
  const results: HclParse[] = [];
  for (const file of files) {
    try {
      results.push({ body: await parseHclFile(file.text, file.shownPath), source: scanSource(file.text) });
    } catch (error) {
      results.push({ error: error as InputError });
    }
  }
  return results;
}

describe('HclParsing', () => {
  it('has a generated directory large enough to share out', () => {
    expect(texts.length).toBeGreaterThanOrEqual(PARALLEL_PARSE_FILES);
    expect(texts.reduce((sum, file) => sum + file.text.length, 0)).toBeGreaterThanOrEqual(
      PARALLEL_PARSE_BYTES,
    );
  });

  it('lets the worker parse from the last file down and returns every body in order, as one by one does', async () => {
    const log = { given: [] as number[], closed: 0 };
    const parsed = await new HclParsing(texts.length, () => inThreadWorker(log)).parse(texts);
    expect(parsed).toEqual(await oneByOne(texts));
    // The worker's share is a run from the end (how long depends on the threads' speeds), with no gap or overlap.
    expect(log.given.length).toBeGreaterThan(0);
    expect(log.given.length).toBeLessThan(texts.length);
    expect(log.given).toEqual(
      Array.from({ length: log.given.length }, (_, offset) => texts.length - 1 - offset),
    );
    expect(log.closed).toBe(1);
  });

  it('leaves the worker nothing when this thread has claimed every file first', async () => {
    const claims = new Int32Array(new SharedArrayBuffer(4 * 3));
    claims.fill(1);
    const files = texts.slice(0, 3).map((file, index) => ({ ...file, index }));
    expect(await parseFromBack(files, claims, parseForReply)).toEqual([]);
  });

  it('keeps a syntax error in the worker’s share as the error of that file, with its line', async () => {
    const broken = texts.map((file, index) =>
      index === texts.length - 3 ? { ...file, text: `${file.text}\nresource "x" {\n` } : file,
    );
    const parsed = await new HclParsing(broken.length, () => inThreadWorker({ given: [], closed: 0 })).parse(
      broken,
    );
    const failure = parsed[broken.length - 3];
    expect(failure && 'error' in failure ? failure.error : undefined).toBeInstanceOf(InputError);
    expect(parsed).toEqual(await oneByOne(broken));
  });

  it('parses the worker’s files here when the worker fails, before or after it has claimed some', async () => {
    for (const failAfter of [0, 5]) {
      const log = { given: [] as number[], closed: 0 };
      const parsed = await new HclParsing(texts.length, () => inThreadWorker(log, failAfter)).parse(texts);
      expect(log.given.length).toBe(failAfter + 1);
      expect(parsed).toEqual(await oneByOne(texts));
      expect(log.closed).toBe(1);
    }
  });

  it('starts no worker for a few files, and uses none for little text', async () => {
    let started = 0;
    const start = () => {
      started += 1;
      return inThreadWorker({ given: [], closed: 0 });
    };
    await new HclParsing(3, start).parse(texts.slice(0, 3));
    expect(started).toBe(0);
    const log = { given: [] as number[], closed: 0 };
    const small = texts.slice(0, PARALLEL_PARSE_FILES).map((file) => ({ ...file, text: 'locals {}\n' }));
    await new HclParsing(small.length, () => inThreadWorker(log)).parse(small);
    expect(log.given).toEqual([]);
    expect(log.closed).toBe(1);
  });
});

describe('the built CLI on a directory large enough for a parse worker', () => {
  it.skipIf(!builtCliExists)('reports exactly what the analysis from source reports', async () => {
    const run = await runBuiltCli(['infra', '--format', 'json'], scratch, 60_000);
    expect(run.stderr).toBe('');
    const fromSource = await analyzeInputs({ cwd: scratch, paths: ['infra'] });
    const built = JSON.parse(run.stdout) as typeof fromSource;
    expect({ ...built, tool: null }).toEqual({ ...JSON.parse(JSON.stringify(fromSource)), tool: null });
    expect(built.coverage.resources.length).toBeGreaterThan(100);
  });
});
