import type { ChangeAction, InputFormat } from './resource.js';
import type { SinkKind } from './sink.js';

/** Finding severities, most severe first. */
export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const;
/** One finding severity. */
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

/**
 * How one element of the access map changes: new with this change, gone, present on both sides with different
 * content, or the same on both sides.
 */
export type ReachChange = 'added' | 'removed' | 'changed' | 'unchanged';

/** Whether the sinks record the events of one access: fully, in part, not at all, or unknown. */
export type ReachRecording = 'recorded' | 'partial' | 'not-recorded' | 'unknown';

/** The resources one access reaches, as the grant names them (an ARN pattern, `*`, or a NotResource). */
export interface ReportReachTarget {
  /** The resource as written in the grant. */
  resource: string;
  /** The condition the grant carries, when it has one. */
  condition?: string;
  /** Ids of declared resources the pattern reaches, sorted; at most 20, `resourceCount` says how many there are. */
  resources: string[];
  /** How many declared resources the pattern reaches. */
  resourceCount: number;
  change: ReachChange;
  /** How the sinks record these events after the change (before, for a removed target). */
  recording: ReachRecording;
  /** The recording before the change, when the target exists on both sides and it differs. */
  recordingBefore?: ReachRecording;
  /** The sinks that record at least part of these events. */
  recordedBy: string[];
  /** What makes the recording partial or unknown, or why the grant may not be effective. */
  detail?: string;
}

/** What a role can do in one service at one access level, and on which resources. */
export interface ReportReachAccess {
  /** The IAM service prefix (`s3`, `secretsmanager`), or `*` for every service. */
  service: string;
  /** List, Read, Write, Permissions management, Tagging, a compound of those, or All. */
  accessLevel: string;
  /** How CloudTrail records these actions: as data events, as management events, or unknown to this tool. */
  eventCategory: 'data' | 'management' | 'unknown';
  /** The actions, sorted; at most a dozen, `actionCount` says how many there are. */
  actions: string[];
  actionCount: number;
  change: ReachChange;
  targets: ReportReachTarget[];
}

/** A role an AI workload runs as, and what it can reach. */
export interface ReportReachRole {
  id: string;
  name: string;
  /** How the link from the workload to this role changes. */
  change: ReachChange;
  access: ReportReachAccess[];
}

/** A resource an AI workload uses directly: a Lambda tool, a knowledge base, a bucket. */
export interface ReportReachLink {
  relation: 'tool-function' | 'uses-knowledge-base' | 'data-source-bucket' | 'stores-data-in';
  /** The id of the resource, or its ARN or name when it is not declared in the inputs. */
  id: string;
  change: ReachChange;
}

/** One AI workload (an agent, a knowledge base, a runtime, a model, a Lambda tool) and its reach. */
export interface ReportReachWorkload {
  id: string;
  iacType: string;
  name: string;
  action: ChangeAction;
  /** True when the change alters anything along this workload's chain. */
  changed: boolean;
  roles: ReportReachRole[];
  uses: ReportReachLink[];
}

/** The AI access map: for each AI workload, role, access by service and level, reachable resources, and sinks. */
export interface ReportReach {
  workloads: ReportReachWorkload[];
}

/** The JSON report (schemaVersion 2: version 1 plus `reach`). Every renderer reads only this. */
export interface Report {
  schemaVersion: 2;
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
  /** The AI access map (new in schemaVersion 2). */
  reach: ReportReach;
}
