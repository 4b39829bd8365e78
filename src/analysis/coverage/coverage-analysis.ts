import type { Finding } from '../finding.js';
import type {
  CoverageStatus,
  CoverageTotals,
  ReportCoverageResource,
  ReportSink,
} from '../../model/report.js';
import type { ChangeAction } from '../../model/resource.js';
import type { Sink } from '../../model/sink.js';
import type { Snapshot } from '../../model/snapshot.js';
import { isUnknown } from '../../model/unknown.js';
import { findAiResources, type AiResourceEntry } from './ai-resources.js';
import { changeActionOf } from './change-action.js';
import { buildMatchContext, type MatchContext } from './match-context.js';
import { assessResourceCoverage } from './resource-coverage.js';
import { resourceFindings } from './resource-findings.js';
import type { ResourceState } from './resource-state.js';
import { sinkFindings } from './sink-findings.js';

/** What the coverage analysis reads: both snapshots, the source's change actions, and the config's sinks. */
export interface CoverageInput {
  before: Snapshot;
  after: Snapshot;
  changes: Readonly<Record<string, ChangeAction>>;
  /** Sinks declared in the config (kind 'external'), present on both sides. */
  externalSinks: readonly Sink[];
}

/** The coverage part of the report, and the coverage findings. */
export interface CoverageAnalysis {
  /** One per AI resource of either side, sorted by id. */
  resources: ReportCoverageResource[];
  sinks: ReportSink[];
  totals: { before: CoverageTotals; after: CoverageTotals };
  findings: Finding[];
}

function assessSide(
  entry: AiResourceEntry | undefined,
  sinks: readonly Sink[],
  context: MatchContext,
): ResourceState['before'] {
  if (entry === undefined) return undefined;
  return { entry, coverage: assessResourceCoverage(entry.resource, entry.dataResourceType, sinks, context) };
}

function countTotals(statuses: readonly (CoverageStatus | null)[]): CoverageTotals {
  const totals: CoverageTotals = { total: 0, full: 0, partial: 0, none: 0, unknown: 0 };
  for (const status of statuses) {
    if (status === null) continue;
    totals.total += 1;
    totals[status] += 1;
  }
  return totals;
}

/** The detail of a row: what the current side's status rests on, and a note when a known status became unknown. */
function detailOf(state: ResourceState): string | undefined {
  const current = (state.after ?? state.before)?.coverage;
  const was = state.before?.coverage.status;
  const base = current?.detail;
  if (state.after?.coverage.status === 'unknown' && was !== undefined && was !== 'unknown') {
    return `was ${was} before this change; now unknown: ${base ?? 'an unknown value'}`;
  }
  return base === '' ? undefined : base;
}

function reportRow(state: ResourceState): ReportCoverageResource {
  const side = state.after ?? state.before;
  if (side === undefined) throw new Error(`resource ${state.id} is on neither side`);
  const { entry, coverage } = side;
  const detail = detailOf(state);
  const location = entry.resource.location;
  return {
    id: state.id,
    iacType: entry.resource.iacType,
    dataResourceType: entry.dataResourceType,
    ...(typeof entry.resource.arn === 'string' ? { arn: entry.resource.arn } : {}),
    role: entry.role,
    action: state.action,
    before: state.before?.coverage.status ?? null,
    after: state.after?.coverage.status ?? null,
    ...(detail === undefined ? {} : { detail }),
    coveredBy: [...coverage.coveredBy],
    ...(location === undefined ? {} : { location: { ...location } }),
  };
}

function sinkRows(input: CoverageInput): ReportSink[] {
  const beforeSinks = new Map(input.before.sinks.map((sink) => [sink.id, sink]));
  const afterSinks = new Map(input.after.sinks.map((sink) => [sink.id, sink]));
  const ids = new Set([...beforeSinks.keys(), ...afterSinks.keys()]);
  const rows: ReportSink[] = [...ids].map((id) => {
    const before = beforeSinks.get(id);
    const after = afterSinks.get(id);
    const current = (after ?? before) as Sink;
    return {
      id,
      kind: current.kind,
      action: changeActionOf(id, before, after, input.changes),
      logging: isUnknown(current.logging) ? 'unknown' : current.logging,
    };
  });
  for (const sink of input.externalSinks) {
    rows.push({
      id: sink.id,
      kind: sink.kind,
      action: 'no-op',
      logging: isUnknown(sink.logging) ? 'unknown' : sink.logging,
    });
  }
  return rows.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * The coverage analysis (DESIGN.md section 3): which AI resources CloudTrail data events record before and
 * after the change, which sinks record them, and the findings about what the change makes worse.
 */
export function analyzeCoverage(input: CoverageInput): CoverageAnalysis {
  const beforeContext = buildMatchContext(input.before);
  const afterContext = buildMatchContext(input.after);
  const beforeSinks = [...input.before.sinks, ...input.externalSinks];
  const afterSinks = [...input.after.sinks, ...input.externalSinks];
  const beforeEntries = new Map(findAiResources(input.before).map((entry) => [entry.resource.id, entry]));
  const afterEntries = new Map(findAiResources(input.after).map((entry) => [entry.resource.id, entry]));
  const ids = [...new Set([...beforeEntries.keys(), ...afterEntries.keys()])].sort();
  const beforeResources = new Map(input.before.resources.map((resource) => [resource.id, resource]));
  const afterResources = new Map(input.after.resources.map((resource) => [resource.id, resource]));

  const states: ResourceState[] = ids.map((id) => {
    const entryBefore = beforeEntries.get(id);
    const entryAfter = afterEntries.get(id);
    const rawBefore = beforeResources.get(id) ?? entryBefore?.resource;
    const rawAfter = afterResources.get(id) ?? entryAfter?.resource;
    const before = assessSide(entryBefore, beforeSinks, beforeContext);
    const after = assessSide(entryAfter, afterSinks, afterContext);
    return {
      id,
      action: changeActionOf(id, rawBefore, rawAfter, input.changes),
      ...(before === undefined ? {} : { before }),
      ...(after === undefined ? {} : { after }),
    };
  });

  const resources = states.map(reportRow);
  const findings = [
    ...states.flatMap(resourceFindings),
    ...sinkFindings(
      {
        before: input.before.sinks,
        after: input.after.sinks,
        external: input.externalSinks,
        beforeContext,
        afterContext,
      },
      states,
    ),
  ];
  return {
    resources,
    sinks: sinkRows(input),
    totals: {
      before: countTotals(resources.map((row) => row.before)),
      after: countTotals(resources.map((row) => row.after)),
    },
    findings,
  };
}
