// Bugs found by the reliability tests, each pinned by the smallest input that showed it.
import { mkdir, mkdtemp, open, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAnnotations } from '../../src/action/check.js';
import { findExcessiveNesting, MAX_HCL_NESTING } from '../../src/sources/terraform-hcl/nesting-depth.js';
import { BAD_INPUT_DIR } from '../support/bad-input-cases.js';
import { finding, report } from '../support/report-builders.js';
import { analyzeInputs } from '../support/run-analysis.js';

let root: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'aad-regressions-'));
  await mkdir(join(root, 'deep'));
  await writeFile(
    join(root, 'deep', 'main.tf'),
    `locals {\n  x = ${'['.repeat(20_000)}${']'.repeat(20_000)}\n}\n`,
  );
  const deep = 100_000;
  await writeFile(
    join(root, 'deep-values-plan.json'),
    '{"format_version":"1.2","resource_changes":[{"address":"aws_s3_bucket.a","mode":"managed",' +
      '"type":"aws_s3_bucket","name":"a","change":{"actions":["create"],"before":null,"after":{},' +
      `"after_unknown":${'{"bucket":'.repeat(deep)}true${'}'.repeat(deep)}}}]}`,
  );
  await mkdir(join(root, 'fine'));
  await writeFile(join(root, 'fine', 'main.tf'), 'resource "aws_s3_bucket" "docs" {\n  bucket = "docs"\n}\n');
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('deeply nested HCL', () => {
  it('is refused with its line before the parser sees it, and later HCL inputs still load', async () => {
    // A stack overflow inside hcl2json's WebAssembly runtime broke it for the rest of the process: the next .tf
    // file ended the run with a Go "malloc deadlock" trace and no report.
    const report = await analyzeInputs({ cwd: root, paths: ['deep', 'fine'] });
    expect(report.inputs.map((input) => [input.path, input.status])).toEqual([
      ['deep', 'error'],
      ['fine', 'ok'],
    ]);
    const [error] = report.findings.filter((finding) => finding.ruleId === 'input-error');
    expect(error?.location).toEqual({ file: 'deep/main.tf', line: 2 });
    expect(error?.message).toMatch(/nest deeper than 256 levels/);
  });

  it('measures nesting across brackets, braces and parentheses', () => {
    expect(findExcessiveNesting('a = [{ b = (1) }]')).toBeUndefined();
    expect(findExcessiveNesting(`x\n${'[{('.repeat(MAX_HCL_NESTING)}`)).toBe(2);
    expect(findExcessiveNesting('['.repeat(MAX_HCL_NESTING))).toBeUndefined();
    expect(findExcessiveNesting('['.repeat(MAX_HCL_NESTING + 1))).toBe(1);
    // Closing more than was opened must not let a later run of openers slip under the limit.
    expect(findExcessiveNesting(`${']'.repeat(1000)}${'['.repeat(MAX_HCL_NESTING + 1)}`)).toBe(1);
  });
});

describe('errors inside a directory input', () => {
  it('name the file in the directory, whose line the number refers to', async () => {
    const report = await analyzeInputs({ cwd: BAD_INPUT_DIR, paths: ['hcl-syntax-error'] });
    const [error] = report.findings.filter((finding) => finding.ruleId === 'input-error');
    expect(error?.location).toEqual({ file: 'hcl-syntax-error/main.tf', line: 9 });
    expect(report.inputs[0]?.error).toMatch(/^hcl-syntax-error\/main\.tf:9: HCL syntax error/);
  });
});

describe('check-run annotations', () => {
  it('mask credential-shaped text from findings, as the renderers do', () => {
    // Annotations were built from the raw findings, so a key in a logical id or a policy Sid reached GitHub.
    const key = ['AKIA', 'IOSFODNN7EXAMPLE'].join('');
    const token = `ghp_${'a1B2'.repeat(9)}`;
    const leaky = report({
      findings: [
        finding({
          title: `Role Role${key} gains secret access`,
          message: `granted by Sid${key} on arn:aws:s3:::docs${token}/*`,
          location: { file: `stacks/${token}.json`, line: 3 },
        }),
      ],
    });
    const text = JSON.stringify(buildAnnotations(leaky));
    expect(text).not.toContain(key);
    expect(text).not.toContain(token);
    expect(text).toContain('AKIA****');
  });
});

describe('a plan nested 100,000 deep', () => {
  it('ends as an input error that says so, not as a stack-overflow message', async () => {
    const report = await analyzeInputs({ cwd: root, plans: ['deep-values-plan.json'] });
    expect(report.inputs[0]?.status).toBe('error');
    expect(report.inputs[0]?.error).toMatch(/nested too deeply/);
    expect(report.inputs[0]?.error).not.toMatch(/call stack/i);
  });
});

describe('a plan file of exactly 2 GiB (the default limit)', () => {
  it('is within the limit and read in sections, not failed by a bare ERR_FS_FILE_TOO_LARGE', async () => {
    // Sparse and all NUL bytes: the sectioned reader judges it by its first window, without reading 2 GiB.
    const handle = await open(join(root, 'huge.json'), 'w');
    await handle.truncate(2 * 1024 ** 3);
    await handle.close();
    const report = await analyzeInputs({ cwd: root, plans: ['huge.json'] });
    expect(report.inputs[0]?.error).toMatch(/^huge\.json: is binary, not text \(a NUL byte at offset 0\)/);
    await rm(join(root, 'huge.json'));
  });
});

describe('a resource change with an empty address', () => {
  it('is skipped as malformed rather than reported under an empty id', async () => {
    await writeFile(
      join(root, 'empty-address.json'),
      JSON.stringify({
        format_version: '1.2',
        resource_changes: [{ address: '', type: 'aws_cloudtrail', change: { before: {}, after: {} } }],
      }),
    );
    const report = await analyzeInputs({ cwd: root, plans: ['empty-address.json'] });
    expect(report.coverage.sinks).toEqual([]);
    expect(report.inputs[0]?.notes?.join(' ')).toMatch(/1 resource change\(s\) without an address/);
  });
});

describe('a .tf file of characters HCL does not use', () => {
  it('reports the first syntax error, not one per character', async () => {
    await mkdir(join(root, 'noise'));
    await writeFile(join(root, 'noise', 'main.tf'), `${'\u00a7'.repeat(500)}\n`);
    const report = await analyzeInputs({ cwd: root, paths: ['noise'] });
    const error = report.inputs[0]?.error ?? '';
    expect(error).toMatch(/^noise\/main\.tf:1: HCL syntax error/);
    expect(error).not.toContain('input.tf');
    expect(error.length).toBeLessThan(300);
  });
});
