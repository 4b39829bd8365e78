import { z } from 'zod';
import { RULE_IDS } from '../analysis/finding.js';
import { SEVERITIES } from '../model/report.js';
import type { Report } from '../model/report.js';

const severity = z.enum(SEVERITIES);
const changeAction = z.enum(['create', 'update', 'delete', 'replace', 'no-op']);
const coverageStatus = z.enum(['full', 'partial', 'none', 'unknown']);
const count = z.number().int().nonnegative();
const totals = z.strictObject({ total: count, full: count, partial: count, none: count, unknown: count });
const location = z.strictObject({ file: z.string(), line: z.number().int().positive().optional() });

const grant = z.strictObject({
  effect: z.enum(['Allow', 'Deny']),
  action: z.string(),
  resource: z.string(),
  condition: z.string().optional(),
  accessLevel: z.string(),
  risks: z.array(z.enum(RULE_IDS)),
});

const reachChange = z.enum(['added', 'removed', 'changed', 'unchanged']);
const reachRecording = z.enum(['recorded', 'partial', 'not-recorded', 'unknown']);

const reach = z.strictObject({
  workloads: z.array(
    z.strictObject({
      id: z.string(),
      iacType: z.string(),
      name: z.string(),
      action: changeAction,
      changed: z.boolean(),
      roles: z.array(
        z.strictObject({
          id: z.string(),
          name: z.string(),
          change: reachChange,
          access: z.array(
            z.strictObject({
              service: z.string(),
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
                  resourceCount: count,
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
          id: z.string(),
          change: reachChange,
        }),
      ),
    }),
  ),
});

/**
 * The JSON report as the publish half reads it from an artifact. The artifact comes from a run on a pull request's
 * code, so it is checked field by field before any renderer sees it.
 */
export const reportSchema = z.strictObject({
  schemaVersion: z.literal(2),
  tool: z.strictObject({ name: z.string(), version: z.string() }),
  inputs: z.array(
    z.strictObject({
      path: z.string(),
      format: z.enum(['terraform-plan', 'terraform-hcl', 'cloudformation', 'cdk-assembly']),
      status: z.enum(['ok', 'error']),
      error: z.string().optional(),
      notes: z.array(z.string()).optional(),
    }),
  ),
  coverage: z.strictObject({
    before: totals,
    after: totals,
    resources: z.array(
      z.strictObject({
        id: z.string(),
        iacType: z.string(),
        dataResourceType: z.string(),
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
        id: z.string(),
        kind: z.enum(['trail', 'event-data-store', 'external']),
        action: changeAction,
        logging: z.union([z.boolean(), z.literal('unknown')]),
      }),
    ),
  }),
  permissions: z.strictObject({
    roles: z.array(
      z.strictObject({
        id: z.string(),
        name: z.string(),
        action: changeAction,
        reasons: z.array(z.string()),
        added: z.array(grant),
        removed: z.array(grant),
        trust: z.strictObject({ added: z.array(z.string()), removed: z.array(z.string()) }),
      }),
    ),
  }),
  findings: z.array(
    z.strictObject({
      ruleId: z.enum(RULE_IDS),
      severity,
      title: z.string(),
      message: z.string(),
      resource: z.string(),
      location: location.optional(),
      ignored: z.strictObject({ reason: z.string(), expires: z.string().optional() }).optional(),
      existing: z.boolean().optional(),
    }),
  ),
  summary: z.strictObject({
    maxSeverity: z.union([severity, z.literal('none')]),
    counts: z.strictObject({ critical: count, high: count, medium: count, low: count, info: count }),
  }),
  verdict: z.strictObject({ failOn: z.union([severity, z.literal('never')]), failed: z.boolean() }),
  reach,
});

/** Checks that a parsed value has the Report's shape; returns the problem in words, or the report. */
export function parseReport(value: unknown): { report: Report } | { problem: string } {
  const result = reportSchema.safeParse(value);
  if (result.success) return { report: result.data };
  const issue = result.error.issues[0];
  const path =
    issue === undefined || issue.path.length === 0 ? '(top level)' : issue.path.map(String).join('.');
  return { problem: `${path}: ${issue?.message ?? 'not a report'}` };
}
