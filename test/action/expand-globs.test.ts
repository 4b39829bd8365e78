import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileSegment, expandGlobs } from '../../src/action/expand-globs.js';

const corpus = fileURLToPath(new URL('../../../shared/corpus/', import.meta.url));
let root: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'aad-glob-'));
  const files = [
    'plans/a.json',
    'plans/b.json',
    'plans/readme.md',
    'plans/env/prod/c.json',
    'plans/.hidden.json',
    'node_modules/x/plan.json',
    'stacks/app.yaml',
    'stacks/cdk.out/manifest.json',
    'p1.json',
    'p22.json',
  ];
  for (const file of files) {
    await mkdir(join(root, file, '..'), { recursive: true });
    await writeFile(join(root, file), '{}');
  }
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('expandGlobs', () => {
  it('matches * within one folder, skipping hidden files', async () => {
    const result = await expandGlobs(['plans/*.json'], root, 'files');
    expect(result).toEqual({ paths: ['plans/a.json', 'plans/b.json'], unmatched: [] });
  });

  it('matches ** across folders, but not into node_modules', async () => {
    const result = await expandGlobs(['**/*.json'], root, 'files');
    expect(result.paths).toEqual([
      'p1.json',
      'p22.json',
      'plans/a.json',
      'plans/b.json',
      'plans/env/prod/c.json',
      'stacks/cdk.out/manifest.json',
    ]);
  });

  it('matches ? as exactly one character', async () => {
    expect((await expandGlobs(['p?.json'], root, 'files')).paths).toEqual(['p1.json']);
  });

  it('returns directories only when the target allows them', async () => {
    expect((await expandGlobs(['stacks/*'], root, 'files')).paths).toEqual(['stacks/app.yaml']);
    expect((await expandGlobs(['stacks/*'], root, 'files-and-directories')).paths).toEqual([
      'stacks/app.yaml',
      'stacks/cdk.out',
    ]);
  });

  it('passes a path without wildcards on as given, even when missing, so the analysis can name it', async () => {
    const result = await expandGlobs(['missing/plan.json', 'plans/a.json'], root, 'files');
    expect(result).toEqual({ paths: ['missing/plan.json', 'plans/a.json'], unmatched: [] });
  });

  it('reports patterns that matched nothing and removes duplicates', async () => {
    const result = await expandGlobs(['nothing/*.json', 'plans/a.json', 'plans/a.*'], root, 'files');
    expect(result).toEqual({ paths: ['plans/a.json'], unmatched: ['nothing/*.json'] });
  });

  it('finds every JSON plan of the corpus, as a plain recursive listing does', async () => {
    const listed = (await readdir(join(corpus, 'tfplan'), { recursive: true })).filter((name) =>
      name.endsWith('.json'),
    );
    const result = await expandGlobs(['tfplan/**/*.json'], corpus, 'files');
    expect(result.paths).toHaveLength(listed.length);
    expect(result.paths).toContain('tfplan/hashicorp__terraform-json/testdata__invalid__plan.json');
  });
});

describe('compileSegment', () => {
  it('escapes regular-expression characters', () => {
    expect(compileSegment('a+b(1).json').test('a+b(1).json')).toBe(true);
    expect(compileSegment('a+b(1).json').test('aab1.json')).toBe(false);
    expect(compileSegment('.*').test('.hidden')).toBe(true);
  });
});
