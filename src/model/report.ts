import type { ChangeAction, InputFormat } from './resource.js';
import type { SinkKind } from './sink.js';

/** Finding severities, most severe first. */
export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** The `failOn` threshold: a severity, or `never` to never fail. */
export type FailOn = Severity | 'never';

/** Coverage of one AI resource in one snapshot. */
export type CoverageStatus = 'full' | 'partial' | 'none' | 'unknown';

/** Why an AI resource matters: its own data events, the data AI reads or writes, or a tool AI calls. */
export type AiRole = 'ai' | 'ai-data' | 'ai-tool';

/** Counts of AI resources per coverage status. */
export interface CoverageTotals {
  total: number;
  full: number;
  partial: number;
  none: number;
  unknown: number;
}

/** A file and line a finding points at. */
export interface ReportLocation {
  file: string;
  line?: number;
}

/** One input as the report lists it. */
export interface ReportInput {
  path: string;
  format: InputFormat;
  status: 'ok' | 'error';
  error?: string;
  /** What the source could not interpret but did not stop on (unexpanded macros, remote modules, ...). */
  notes?: string[];
}

/** The coverage of one AI resource before and after. */
export interface ReportCoverageResource {
  id: string;
  iacType: string;
  dataResourceType: string;
  /** The resource's ARN when known: lets a reader (and the suggested selector) name it exactly. */
  arn?: string;
  role: AiRole;
  action: ChangeAction;
  before: CoverageStatus | null;
  after: CoverageStatus | null;
  /** What narrows a partial status, or what an unknown status rests on. */
  detail?: string;
  /** The sinks that record it after the change (before, for a deleted resource). */
  coveredBy: string[];
  location?: ReportLocation;
}

/** One sink as the report lists it. */
export interface ReportSink {
  id: string;
  kind: SinkKind;
  action: ChangeAction;
  logging: boolean | 'unknown';
}

/** One effective grant of an AI role. */
export interface ReportGrant {
  effect: 'Allow' | 'Deny';
  action: string;
  resource: string;
  condition?: string;
  accessLevel: string;
  risks: string[];
}

/** How one AI role's permissions change. */
export interface ReportRole {
  id: string;
  name: string;
  action: ChangeAction;
  reasons: string[];
  added: ReportGrant[];
  removed: ReportGrant[];
  trust: { added: string[]; removed: string[] };
}

/** A rule that fired. */
export interface ReportFinding {
  ruleId: string;
  severity: Severity;
  title: string;
  message: string;
  /** The id of the resource or role the finding is about, or the input path for `input-error`. */
  resource: string;
  location?: ReportLocation;
  /** Present when a config `ignore` entry matched: the finding does not count toward the verdict. */
  ignored?: { reason: string; expires?: string };
  /** True for a standing gap that the change did not make worse (shown only with `reportExisting`). */
  existing?: boolean;
}

/** The JSON report (schemaVersion 1). Every renderer reads only this. */
export interface Report {
  schemaVersion: 1;
  tool: { name: string; version: string };
  inputs: ReportInput[];
  coverage: {
    before: CoverageTotals;
    after: CoverageTotals;
    resources: ReportCoverageResource[];
    sinks: ReportSink[];
  };
  permissions: { roles: ReportRole[] };
  findings: ReportFinding[];
  summary: { maxSeverity: Severity | 'none'; counts: Record<Severity, number> };
  verdict: { failOn: FailOn; failed: boolean };
}
