// A strict zod schema of the JSON report (src/model/report.ts), used by the reliability and fuzz tests to check that
// every successful run, whatever its input, yields a well-formed report. It is stricter than the type: unknown keys
// are refused, counts must agree with the findings, and totals with the resources.
import { z } from 'zod';
import { RULE_IDS } from '../../src/analysis/finding.js';
import { SEVERITIES } from '../../src/model/report.js';

const severity = z.enum(SEVERITIES);
const changeAction = z.enum(['create', 'update', 'delete', 'replace', 'no-op']);
const coverageStatus = z.enum(['full', 'partial', 'none', 'unknown']);
const count = z.number().int().nonnegative();
const location = z.strictObject({ file: z.string().min(1), line: z.number().int().positive().optional() });

const totals = z
  .strictObject({ total: count, full: count, partial: count, none: count, unknown: count })
  .refine((value) => value.full + value.partial + value.none + value.unknown === value.total, {
    message: 'the statuses do not add up to the total',
  });

const grant = z.strictObject({
  effect: z.enum(['Allow', 'Deny']),
  action: z.string().min(1),
  resource: z.string().min(1),
  condition: z.string().optional(),
  accessLevel: z.string(),
  risks: z.array(z.enum(RULE_IDS)),
});

const finding = z.strictObject({
  ruleId: z.enum(RULE_IDS),
  severity,
  title: z.string().min(1),
  message: z.string().min(1),
  resource: z.string(),
  location: location.optional(),
  ignored: z.strictObject({ reason: z.string(), expires: z.string().optional() }).optional(),
  existing: z.boolean().optional(),
});

const reachChange = z.enum(['added', 'removed', 'changed', 'unchanged']);
const reachRecording = z.enum(['recorded', 'partial', 'not-recorded', 'unknown']);

/** The AI access map that schemaVersion 2 adds. */
const reach = z.strictObject({
  workloads: z.array(
    z.strictObject({
      id: z.string().min(1),
      iacType: z.string().min(1),
      name: z.string(),
      action: changeAction,
      changed: z.boolean(),
      roles: z.array(
        z.strictObject({
          id: z.string().min(1),
          name: z.string(),
          change: reachChange,
          access: z.array(
            z.strictObject({
              service: z.string().min(1),
              accessLevel: z.string(),
              eventCategory: z.enum(['data', 'management', 'unknown']),
              actions: z.array(z.string()),
              actionCount: count,
              change: reachChange,
              targets: z.array(
                z.strictObject({
                  resource: z.string(),
                  condition: z.string().optional(),
                  resources: z.array(z.string()),
                  change: reachChange,
                  recording: reachRecording,
                  recordingBefore: reachRecording.optional(),
                  recordedBy: z.array(z.string()),
                  detail: z.string().optional(),
                }),
              ),
            }),
          ),
        }),
      ),
      uses: z.array(
        z.strictObject({
          relation: z.enum(['tool-function', 'uses-knowledge-base', 'data-source-bucket', 'stores-data-in']),
          id: z.string().min(1),
          change: reachChange,
        }),
      ),
    }),
  ),
});

/**
 * The JSON report, with the invariants that tie its parts together. Version 2 adds `reach`; version 1 reports
 * (from before it) are still accepted so the tests do not depend on which one the pipeline writes today.
 */
export const reportSchema = z
  .strictObject({
    schemaVersion: z.union([z.literal(1), z.literal(2)]),
    reach: reach.optional(),
    tool: z.strictObject({ name: z.literal('ai-access-diff'), version: z.string().min(1) }),
    inputs: z.array(
      z.strictObject({
        path: z.string().min(1),
        format: z.enum(['terraform-plan', 'terraform-hcl', 'cloudformation', 'cdk-assembly']),
        status: z.enum(['ok', 'error']),
        error: z.string().min(1).optional(),
        notes: z.array(z.string()).optional(),
      }),
    ),
    coverage: z.strictObject({
      before: totals,
      after: totals,
      resources: z.array(
        z.strictObject({
          id: z.string().min(1),
          iacType: z.string().min(1),
          dataResourceType: z.string().min(1),
          arn: z.string().optional(),
          role: z.enum(['ai', 'ai-data', 'ai-tool']),
          action: changeAction,
          before: coverageStatus.nullable(),
          after: coverageStatus.nullable(),
          detail: z.string().optional(),
          coveredBy: z.array(z.string()),
          location: location.optional(),
        }),
      ),
      sinks: z.array(
        z.strictObject({
          id: z.string().min(1),
          kind: z.enum(['trail', 'event-data-store', 'external']),
          action: changeAction,
          logging: z.union([z.boolean(), z.literal('unknown')]),
        }),
      ),
    }),
    permissions: z.strictObject({
      roles: z.array(
        z.strictObject({
          id: z.string().min(1),
          name: z.string(),
          action: changeAction,
          reasons: z.array(z.string()),
          added: z.array(grant),
          removed: z.array(grant),
          trust: z.strictObject({ added: z.array(z.string()), removed: z.array(z.string()) }),
        }),
      ),
    }),
    findings: z.array(finding),
    summary: z.strictObject({
      maxSeverity: z.union([severity, z.literal('none')]),
      counts: z.strictObject({ critical: count, high: count, medium: count, low: count, info: count }),
    }),
    verdict: z.strictObject({ failOn: z.union([severity, z.literal('never')]), failed: z.boolean() }),
  })
  .superRefine((report, context) => {
    if (report.schemaVersion === 2 && report.reach === undefined)
      context.addIssue({ code: 'custom', message: 'a version 2 report without reach' });
    const errors = report.inputs.filter((input) => input.status === 'error');
    for (const input of errors) {
      if (input.error === undefined)
        context.addIssue({ code: 'custom', message: `input ${input.path} failed without an error text` });
    }
    const inputErrors = report.findings.filter((entry) => entry.ruleId === 'input-error');
    if (inputErrors.length < errors.length)
      context.addIssue({ code: 'custom', message: 'an input failed without an input-error finding' });
    const resources = report.coverage.resources;
    if (resources.filter((resource) => resource.after !== null).length !== report.coverage.after.total)
      context.addIssue({ code: 'custom', message: 'the after total does not match the resources' });
    if (resources.filter((resource) => resource.before !== null).length !== report.coverage.before.total)
      context.addIssue({ code: 'custom', message: 'the before total does not match the resources' });
  });

/** Validates a report and returns the issues as readable lines (empty when it passes). */
export function reportIssues(report: unknown): string[] {
  const result = reportSchema.safeParse(report);
  if (result.success) return [];
  return result.error.issues.map(
    (issue) => `${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`,
  );
}
