// Bad input through the pipeline itself: analyze() turns each unreadable input into an input-error finding and goes
// on with the others; it throws for nothing but a run without inputs.
import { afterAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/model/report.js';
import { UsageError } from '../../src/sources/plan-inputs.js';
import { prepareBadInputs } from '../support/bad-input-cases.js';
import { reportIssues } from '../support/report-schema.js';
import { analyzeInputs, runWithDeadline } from '../support/run-analysis.js';

const workspace = await prepareBadInputs({ sparseFile: true });

afterAll(async () => {
  await workspace.remove();
});

/** The exit code the CLI derives from a report. */
function exitCodeOf(report: Report): number {
  if (report.inputs.length > 0 && report.inputs.every((input) => input.status === 'error')) return 2;
  return report.verdict.failed ? 1 : 0;
}

describe('analyze() on bad input', () => {
  for (const testCase of workspace.cases) {
    it.skipIf(testCase.skip !== undefined)(testCase.name, async () => {
      const outcome = await runWithDeadline(
        () => analyzeInputs({ cwd: workspace.root, ...testCase.inputs }),
        15_000,
      );
      if (outcome.kind !== 'value')
        throw new Error(`analyze() ended with ${outcome.kind}`, { cause: outcome });
      const report = outcome.value;
      expect(reportIssues(report)).toEqual([]);
      expect(exitCodeOf(report)).toBe(testCase.expect.exit);
      const errors = report.findings.filter((finding) => finding.ruleId === 'input-error');
      const { errorFile, line, message } = testCase.expect;
      if (errorFile === undefined) {
        expect(errors).toEqual([]);
        return;
      }
      const named = errors.find((finding) => finding.location?.file.startsWith(errorFile) === true);
      expect(named, `an input-error naming ${errorFile}`).toBeDefined();
      expect(named?.resource.startsWith(errorFile)).toBe(true);
      expect(named?.severity).toBe('high');
      if (line === true) expect(named?.location?.line).toBeGreaterThan(0);
      if (message !== undefined) expect(named?.message).toMatch(message);
      expect(named?.message).not.toMatch(/call stack|undefined is not|Cannot read properties/);
      const input = report.inputs.find((entry) => entry.path.startsWith(errorFile));
      expect(input?.status).toBe('error');
    });
  }

  it('keeps the analysis of the good input next to the bad one', async () => {
    const alone = await analyzeInputs({ cwd: workspace.root, plans: ['good-plan.json'] });
    const mixed = await analyzeInputs({
      cwd: workspace.root,
      plans: ['good-plan.json', 'truncated-plan.json'],
    });
    const withoutInputErrors = mixed.findings.filter((finding) => finding.ruleId !== 'input-error');
    expect(withoutInputErrors.map((finding) => finding.ruleId)).toEqual(
      alone.findings.map((finding) => finding.ruleId),
    );
    expect(mixed.coverage.after).toEqual(alone.coverage.after);
  });

  it('leaves the AI resources of a plan known only after apply as unknown, not as unlogged', async () => {
    const report = await analyzeInputs({ cwd: workspace.root, plans: ['all-unknown-plan.json'] });
    const alias = report.coverage.resources.find((resource) => resource.id.endsWith('agent_alias.live'));
    expect(alias?.after).toBe('unknown');
    expect(alias?.detail).toMatch(/known after apply/);
    expect(report.coverage.sinks.map((sink) => sink.logging)).toEqual(['unknown']);
    // Never guessed as unlogged: the finding says it may not be logged, and why.
    const unlogged = report.findings.filter((finding) => finding.ruleId === 'unlogged-ai-resource');
    for (const finding of unlogged) {
      expect(finding.title).toMatch(/may not be logged/);
      expect(finding.message).toMatch(/cannot be told before apply/);
    }
  });

  it('ignores resource types it does not know', async () => {
    const report = await analyzeInputs({ cwd: workspace.root, plans: ['unknown-types-plan.json'] });
    expect(report.inputs).toEqual([expect.objectContaining({ status: 'ok' })]);
    expect(report.coverage.resources).toEqual([]);
    expect(report.findings).toEqual([]);
  });

  it('throws a usage error, not a report, when no input is given', async () => {
    await expect(analyzeInputs({ cwd: workspace.root })).rejects.toBeInstanceOf(UsageError);
  });
});
