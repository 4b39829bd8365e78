// The report schema that the publish half checks artifacts with (unknown keys refused), plus the cross-field
// facts every sound run must satisfy. The reliability and fuzz tests check every report against it.
import { reportSchema as artifactReportSchema } from '../../src/action/report-schema.js';

/** The artifact schema, with counts that must agree with the findings, and totals with the resources. */
export const reportSchema = artifactReportSchema.superRefine((report, context) => {
  const errors = report.inputs.filter((input) => input.status === 'error');
  for (const input of errors) {
    if (input.error === undefined)
      context.addIssue({ code: 'custom', message: `input ${input.path} failed without an error text` });
  }
  const inputErrors = report.findings.filter((entry) => entry.ruleId === 'input-error');
  if (inputErrors.length < errors.length)
    context.addIssue({ code: 'custom', message: 'an input failed without an input-error finding' });
  for (const side of ['before', 'after'] as const) {
    const totals = report.coverage[side];
    if (totals.full + totals.partial + totals.none + totals.unknown !== totals.total)
      context.addIssue({ code: 'custom', message: `the ${side} statuses do not add up to the total` });
    const present = report.coverage.resources.filter((resource) => resource[side] !== null).length;
    if (present !== totals.total)
      context.addIssue({ code: 'custom', message: `the ${side} total does not match the resources` });
  }
  for (const entry of report.findings) {
    if (entry.title === '' || entry.message === '')
      context.addIssue({ code: 'custom', message: `a ${entry.ruleId} finding without a title or message` });
  }
});

/** Validates a report and returns the issues as readable lines (empty when it passes). */
export function reportIssues(report: unknown): string[] {
  const result = reportSchema.safeParse(report);
  if (result.success) return [];
  return result.error.issues.map(
    (issue) => `${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`,
  );
}
