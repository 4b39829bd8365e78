import type { CoverageStatus } from '../../model/report.js';
import type { CloudResource } from '../../model/resource.js';
import type { Sink } from '../../model/sink.js';
import { unite, type Match } from './admission.js';
import type { EventDescription } from './data-event.js';
import type { MatchContext } from './match-context.js';
import { matchSink } from './sink-match.js';

/** How one sink records the read and the write data events of one resource. */
export interface SinkRecording {
  readonly read: Match;
  readonly write: Match;
}

/** The coverage of one AI resource in one snapshot. */
export interface ResourceCoverage {
  readonly status: CoverageStatus;
  /** What narrows a partial status, or what an unknown status rests on. */
  readonly detail?: string;
  /** The sinks that record at least part of its data events, sorted. */
  readonly coveredBy: readonly string[];
  /** Per sink id, how it records the resource's events. */
  readonly bySink: ReadonlyMap<string, SinkRecording>;
}

function eventOf(resource: CloudResource, dataResourceType: string, readOnly: boolean): EventDescription {
  return { eventCategory: 'Data', dataResourceType, arn: resource.arn, readOnly };
}

/** Puts the read and write answers together into one status and the words that explain it. */
export function summarizeRecording(read: Match, write: Match): { status: CoverageStatus; detail?: string } {
  if (read.admission === 'all' && write.admission === 'all') return { status: 'full' };
  if (read.admission === 'none' && write.admission === 'none') return { status: 'none' };
  if (read.admission === 'unknown' || write.admission === 'unknown') {
    const reasons = [...new Set([...read.unknownBecause, ...write.unknownBecause])];
    return { status: 'unknown', detail: reasons.join('; ') };
  }
  const notes: string[] = [];
  if (read.admission === 'none') notes.push('write-only');
  if (write.admission === 'none') notes.push('read-only');
  const narrowing = [...new Set([...read.narrowedBy, ...write.narrowedBy])];
  if (narrowing.length > 0) notes.push(`narrowed by ${narrowing.join(', ')}`);
  return { status: 'partial', detail: notes.join('; ') };
}

/**
 * The coverage of one resource by a set of sinks: read events and write events are asked separately, and each
 * may be recorded by a different selector or sink.
 */
export function assessResourceCoverage(
  resource: CloudResource,
  dataResourceType: string,
  sinks: readonly Sink[],
  context: MatchContext,
): ResourceCoverage {
  const target = { region: resource.region, account: resource.account };
  // The same two events for every sink, so that what is worked out about an event's ARN is kept across sinks.
  const read = eventOf(resource, dataResourceType, true);
  const write = eventOf(resource, dataResourceType, false);
  const bySink = new Map<string, SinkRecording>();
  for (const sink of sinks) {
    bySink.set(sink.id, {
      read: matchSink(sink, read, target, context),
      write: matchSink(sink, write, target, context),
    });
  }
  const recordings = [...bySink.values()];
  const summary = summarizeRecording(
    unite(recordings.map((recording) => recording.read)),
    unite(recordings.map((recording) => recording.write)),
  );
  const coveredBy = [...bySink.entries()]
    .filter(([, recording]) => records(recording))
    .map(([id]) => id)
    .sort();
  return { ...summary, coveredBy, bySink };
}

/** Whether a sink records at least part of a resource's events. */
export function records(recording: SinkRecording): boolean {
  const recorded = (match: Match) => match.admission === 'all' || match.admission === 'some';
  return recorded(recording.read) || recorded(recording.write);
}
