import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const cli = fileURLToPath(new URL('../../dist/cli/index.js', import.meta.url));
const corpusPlans = fileURLToPath(new URL('../../../shared/corpus/tfplan/', import.meta.url));

function run(...args: string[]) {
  const result = spawnSync(process.execPath, [cli, ...args], {
    cwd: root,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const noStackTrace = (text: string) => {
  expect(text).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
  expect(text).not.toContain('node:internal');
};

describe('the bundled CLI (dist/cli/index.js)', () => {
  it('exists: run npm run build first', () => {
    expect(existsSync(cli)).toBe(true);
  });

  it('prints the demo comment exactly as the golden file, and fails the verdict', () => {
    const result = run('--plan', 'fixtures/demo/plan.json', '--format', 'markdown');
    expect(result.code).toBe(1);
    expect(result.stdout).toBe(readFileSync(new URL('../golden/fixtures/demo.md', import.meta.url), 'utf8'));
  });

  it('prints the contract JSON report for every plan fixture', () => {
    for (const name of readdirSync(new URL('../../fixtures/plans/', import.meta.url))) {
      if (name.endsWith('.md')) continue;
      const result = run('--plan', `fixtures/plans/${name}/plan.json`, '--format', 'json');
      const golden = readFileSync(new URL(`../golden/fixtures/${name}.json`, import.meta.url), 'utf8');
      expect(result.stdout, name).toBe(golden);
      expect(result.code, name).toBe(JSON.parse(golden).verdict.failed ? 1 : 0);
    }
  });

  it('answers --help and --version fast and exits 0', () => {
    expect(run('--help')).toMatchObject({ code: 0, stdout: expect.stringContaining('Exit codes: 0 passed') });
    expect(run('--version').stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  it('exits 2 with the usage for bad flags, without a stack trace', () => {
    const result = run('--plan', 'x.json', '--format', 'html');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--format: "html" is not one of text, markdown, json, sarif');
    noStackTrace(result.stderr);
  });

  it('exits 2 when no input can be read, naming the file', () => {
    const result = run('--plan', 'no/such/plan.json');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('no/such/plan.json');
    noStackTrace(result.stderr);
  });

  it('reads every corpus plan without crashing; the broken ones give an input-error', () => {
    const broken = ['testdata__invalid__plan.json', 'corrupted-tfplan.json'];
    for (const dir of readdirSync(corpusPlans)) {
      for (const file of readdirSync(`${corpusPlans}${dir}`)) {
        const result = run('--plan', `${corpusPlans}${dir}/${file}`, '--format', 'json');
        noStackTrace(result.stderr);
        if (broken.some((name) => file.endsWith(name))) {
          expect(result.code, file).toBe(2);
          expect(result.stderr, file).toContain(file);
        } else {
          expect([0, 1, 2], file).toContain(result.code);
          const report = JSON.parse(result.stdout);
          expect(report.schemaVersion, file).toBeGreaterThanOrEqual(1);
        }
      }
    }
  });
});
