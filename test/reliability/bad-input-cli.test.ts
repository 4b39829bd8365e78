// Bad input through the built CLI: every case ends with a clear message and the contract's exit code, never with a
// crash, a hang or a stack trace.
import { afterAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/model/report.js';
import { prepareBadInputs, type BadInputCase } from '../support/bad-input-cases.js';
import { builtCliExists, runBuiltCli, stackTraceLines } from '../support/built-cli.js';
import { reportIssues } from '../support/report-schema.js';

const workspace = await prepareBadInputs({ sparseFile: true });

afterAll(async () => {
  await workspace.remove();
});

function checkReport(report: Report, testCase: BadInputCase): void {
  expect(reportIssues(report)).toEqual([]);
  const { errorFile, line, message } = testCase.expect;
  const errors = report.findings.filter((finding) => finding.ruleId === 'input-error');
  if (errorFile === undefined) {
    expect(errors).toEqual([]);
    expect(report.inputs.every((input) => input.status === 'ok')).toBe(true);
    return;
  }
  const named = errors.find((finding) => finding.location?.file.startsWith(errorFile) === true);
  expect(named, `an input-error naming ${errorFile}`).toBeDefined();
  if (line === true) expect(named?.location?.line).toBeGreaterThan(0);
  if (message !== undefined) expect(named?.message).toMatch(message);
  // Parser internals are no help to a reviewer.
  expect(named?.message).not.toMatch(/call stack|undefined is not|Cannot read properties/);
}

describe.skipIf(!builtCliExists)('the built CLI on bad input', () => {
  for (const testCase of workspace.cases) {
    it.skipIf(testCase.skip !== undefined)(
      `${testCase.name}${testCase.skip ? ` (${testCase.skip})` : ''}`,
      async () => {
        const run = await runBuiltCli([...testCase.args, '--format', 'json'], workspace.root, 20_000);
        expect(run.timedOut).toBe(false);
        expect(stackTraceLines(run.stderr)).toEqual([]);
        expect(run.stderr).not.toMatch(/unexpected error/);
        expect(run.code).toBe(testCase.expect.exit);
        if (testCase.expect.errorFile !== undefined) expect(run.stderr).toContain(testCase.expect.errorFile);
        checkReport(JSON.parse(run.stdout) as Report, testCase);
      },
    );
  }

  it('refuses a file over the 2 GiB limit by its size without reading it', async () => {
    const run = await runBuiltCli(['--plan', 'huge.json', '--format', 'json'], workspace.root, 20_000);
    expect(run.code).toBe(2);
    // Reading 2 GB would take seconds and gigabytes; a refusal by size takes as long as starting Node.
    expect(run.milliseconds).toBeLessThan(10_000);
    expect(run.stderr).toMatch(/huge\.json: .*(larger than|too large)/);
  });

  it('prints a text report with the input error and no stack trace', async () => {
    const run = await runBuiltCli(
      ['--plan', 'good-plan.json', '--plan', 'truncated-plan.json'],
      workspace.root,
    );
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/truncated-plan\.json:\d+/);
    expect(stackTraceLines(run.stdout + run.stderr)).toEqual([]);
  });

  it('exits 2 with the usage when no input is given', async () => {
    const run = await runBuiltCli(['--format', 'json'], workspace.root);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/no input/);
    expect(stackTraceLines(run.stderr)).toEqual([]);
  });
});
