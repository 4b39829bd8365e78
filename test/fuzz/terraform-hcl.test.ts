// Fuzzes the HCL source through the whole pipeline: damaged copies of real .tf files from the corpus, as a new
// directory and against the original. Every case ends in a sound report within the deadline.
import { readdirSync, statSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectSoundReport, fuzzRuns, fuzzSeed, fuzzTimeout } from '../support/fuzz-case.js';
import { mutateText, textMutation } from '../support/json-mutation.js';
import { analyzeInputs } from '../support/run-analysis.js';
import { CORPUS_DIR } from '../support/template-corpus.js';

const RUNS = fuzzRuns(60);

function smallCorpusFiles(): string[] {
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.tf') && statSync(path).size < 8_000) found.push(path);
    }
  };
  walk(join(CORPUS_DIR, 'hcl'));
  return found;
}

let root: string;
let corpus: string[];

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'aad-fuzz-hcl-'));
  corpus = await Promise.all(smallCorpusFiles().map((path) => readFile(path, 'utf8')));
  await mkdir(join(root, 'before'));
  await mkdir(join(root, 'after'));
  // Starts hcl2json's WebAssembly module once, outside the timed cases.
  await writeFile(join(root, 'after', 'main.tf'), 'locals {}\n');
  await analyzeInputs({ cwd: root, paths: ['after'] });
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('fuzzing the HCL source', () => {
  it(
    'damaged corpus .tf files, new and against their originals',
    async () => {
      expect(corpus.length).toBeGreaterThan(10);
      await fc.assert(
        fc.asyncProperty(
          fc.nat(),
          fc.array(textMutation, { minLength: 1, maxLength: 5 }),
          fc.boolean(),
          async (which, mutations, paired) => {
            const original = corpus[which % corpus.length] ?? '';
            await writeFile(join(root, 'before', 'main.tf'), original);
            await writeFile(join(root, 'after', 'main.tf'), mutateText(original, mutations));
            await expectSoundReport(() =>
              analyzeInputs(
                paired ? { cwd: root, before: 'before', after: 'after' } : { cwd: root, paths: ['after'] },
              ),
            );
          },
        ),
        { numRuns: RUNS, ...fuzzSeed() },
      );
    },
    fuzzTimeout(RUNS, 1_000),
  );
});
