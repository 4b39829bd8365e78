import type { Finding } from '../finding.js';
import type { Sink } from '../../model/sink.js';
import type { Match } from './admission.js';
import { describeSink, listIds } from './finding-text.js';
import {
  isNarrower,
  MANAGEMENT_PROBES,
  matchManagementProbes,
  matchManagementProbesOf,
} from './management-events.js';
import type { MatchContext } from './match-context.js';
import { records } from './resource-coverage.js';
import type { ResourceState } from './resource-state.js';

/** The sinks and contexts of both sides. */
export interface SinkSides {
  readonly before: readonly Sink[];
  readonly after: readonly Sink[];
  readonly external: readonly Sink[];
  readonly beforeContext: MatchContext;
  readonly afterContext: MatchContext;
}

function locationOf(sink: Sink): Pick<Finding, 'location'> {
  return sink.location === undefined ? {} : { location: sink.location };
}

/** Why a sink that recorded AI resources no longer does, or undefined when it still does (or that is unknown). */
function disabledReason(
  sink: Sink,
  after: Sink | undefined,
  stillAi: readonly ResourceState[],
): string | undefined {
  if (after === undefined) return 'it is deleted';
  if (after.logging === false) return 'it stops logging';
  const recordsNothing = stillAi.every((state) => {
    const recording = state.after?.coverage.bySink.get(sink.id);
    return (
      recording !== undefined && recording.read.admission === 'none' && recording.write.admission === 'none'
    );
  });
  return recordsNothing ? 'its selectors no longer cover any AI resource' : undefined;
}

/** `sink-disabled`: a sink that recorded AI resources before is deleted, stops logging, or covers none of them. */
function sinkDisabledFindings(sides: SinkSides, states: readonly ResourceState[]): Finding[] {
  const findings: Finding[] = [];
  for (const sink of sides.before) {
    const coveredBefore = states.filter((state) => {
      const recording = state.before?.coverage.bySink.get(sink.id);
      return recording !== undefined && records(recording);
    });
    const stillAi = coveredBefore.filter((state) => state.after !== undefined && state.action !== 'delete');
    if (stillAi.length === 0) continue;
    const after = sides.after.find((candidate) => candidate.id === sink.id);
    const reason = disabledReason(sink, after, stillAi);
    if (reason === undefined) continue;
    const ids = stillAi.map((state) => state.id);
    findings.push({
      ruleId: 'sink-disabled',
      title: `${describeSink(sink.kind, sink.id)} no longer records AI resources`,
      message:
        `${describeSink(sink.kind, sink.id)} recorded data events of ${listIds(ids)} before this change; ` +
        `after it, ${reason}. Keep it logging with its data-event selectors, or record these resources in ` +
        'another trail or event data store.',
      resource: sink.id,
      ...locationOf(after ?? sink),
    });
  }
  return findings;
}

function describeLoss(lost: readonly number[]): string {
  const sources = new Map<string, string[]>();
  for (const index of lost) {
    const probe = MANAGEMENT_PROBES[index];
    if (probe === undefined) continue;
    const kinds = sources.get(probe.eventSource) ?? [];
    kinds.push(probe.readOnly ? 'read' : 'write');
    sources.set(probe.eventSource, kinds);
  }
  return [...sources.entries()].map(([source, kinds]) => `${source} (${kinds.join(' and ')})`).join(', ');
}

/**
 * `management-events-excluded`: a sink records fewer management events of AI services than before, and no
 * other sink records them in full after the change. Sinks already reported as disabled are left out.
 */
function managementFindings(sides: SinkSides, disabled: ReadonlySet<string>): Finding[] {
  const findings: Finding[] = [];
  for (const sink of sides.before) {
    if (disabled.has(sink.id)) continue;
    const after = sides.after.find((candidate) => candidate.id === sink.id);
    const was = matchManagementProbes(sink, sides.beforeContext);
    const now: readonly (Match | undefined)[] =
      after === undefined ? [] : matchManagementProbes(after, sides.afterContext);
    const others = matchManagementProbesOf(
      [...sides.after.filter((candidate) => candidate.id !== sink.id), ...sides.external],
      sides.afterContext,
    );
    const lost = was.flatMap((before, index) => {
      const nowAdmission = now[index]?.admission ?? 'none';
      const compensated = others[index]?.admission === 'all';
      return isNarrower(before.admission, nowAdmission) && !compensated ? [index] : [];
    });
    if (lost.length === 0) continue;
    const how = after === undefined ? 'is deleted' : 'no longer records all of them';
    findings.push({
      ruleId: 'management-events-excluded',
      title: `${describeSink(sink.kind, sink.id)} stops recording AI management events`,
      message:
        `${describeSink(sink.kind, sink.id)} recorded management events of ${describeLoss(lost)} before this ` +
        `change and ${how} after it; no other sink records them in full. Bedrock model inference (InvokeModel, ` +
        'Converse and their streaming forms) is recorded only as management events. Record management events ' +
        '(include_management_events = true, or an advanced selector with eventCategory Equals Management) ' +
        'without a readOnly filter or an exclusion of these event sources.',
      resource: sink.id,
      ...locationOf(after ?? sink),
    });
  }
  return findings;
}

/** The rules about sinks: `sink-disabled`, then `management-events-excluded` for the sinks not disabled. */
export function sinkFindings(sides: SinkSides, states: readonly ResourceState[]): Finding[] {
  const disabled = sinkDisabledFindings(sides, states);
  const disabledIds = new Set(disabled.map((finding) => finding.resource));
  return [...disabled, ...managementFindings(sides, disabledIds)];
}
