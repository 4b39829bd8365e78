import type { CloudResource } from '../../model/resource.js';
import type { Sink } from '../../model/sink.js';
import type { Snapshot } from '../../model/snapshot.js';
import type { Tristate } from '../../model/unknown.js';
import { unite } from './admission.js';
import { describeDataEvent, type DataEvent } from './data-event.js';
import { buildMatchContext } from './match-context.js';
import { matchSink } from './sink-match.js';

/** Whether the sinks of a snapshot record an event, and which of them do. */
export interface EventRecording {
  /** True when recorded in full, false when not at all, 'unknown' when it rests on an unknown or is partial. */
  readonly recorded: Tristate;
  /** True when only part of the events is recorded (a narrowing selector); `recorded` is then 'unknown'. */
  readonly partial: boolean;
  /** The sinks that record at least part of the events, sorted. */
  readonly by: string[];
  /** What narrows a partial answer, or what an unknown one rests on. */
  readonly detail?: string;
}

/**
 * Answers already given, by resource list, snapshot sinks and external sinks (references in selectors resolve
 * against the resources), then by event. Blind spots and reach ask about the same resource once per role that may
 * touch it, and each answer evaluates every selector of every sink.
 */
type AnswerCache = WeakMap<readonly Sink[], WeakMap<readonly Sink[], Map<string, EventRecording>>>;
const answered = new WeakMap<readonly CloudResource[], AnswerCache>();

function answersFor(snapshot: Snapshot, externalSinks: readonly Sink[]): Map<string, EventRecording> {
  let bySinks = answered.get(snapshot.resources);
  if (bySinks === undefined) answered.set(snapshot.resources, (bySinks = new WeakMap()));
  let byExternal = bySinks.get(snapshot.sinks);
  if (byExternal === undefined) bySinks.set(snapshot.sinks, (byExternal = new WeakMap()));
  let answers = byExternal.get(externalSinks);
  if (answers === undefined) byExternal.set(externalSinks, (answers = new Map()));
  return answers;
}

/** For blind spots: does any sink of this snapshot (plus external sinks) record this event? */
export function recordsEvent(
  snapshot: Snapshot,
  externalSinks: readonly Sink[],
  event: DataEvent,
): EventRecording {
  const answers = answersFor(snapshot, externalSinks);
  const key = JSON.stringify(event);
  let answer = answers.get(key);
  if (answer === undefined) {
    answer = recordEventUncached(snapshot, externalSinks, event);
    answers.set(key, answer);
  }
  return answer;
}

function recordEventUncached(
  snapshot: Snapshot,
  externalSinks: readonly Sink[],
  event: DataEvent,
): EventRecording {
  const context = buildMatchContext(snapshot);
  const description = describeDataEvent(event);
  const target = { region: event.region, account: event.account };
  const matches = [...snapshot.sinks, ...externalSinks].map((sink) => ({
    id: sink.id,
    match: matchSink(sink, description, target, context),
  }));
  const overall = unite(matches.map(({ match }) => match));
  const by = matches
    .filter(({ match }) => match.admission === 'all' || match.admission === 'some')
    .map(({ id }) => id)
    .sort();
  const partial = overall.admission === 'some';
  const recorded: Tristate =
    overall.admission === 'all' ? true : overall.admission === 'none' ? false : 'unknown';
  const detail = partial
    ? `recorded only in part: narrowed by ${overall.narrowedBy.join(', ')}`
    : overall.admission === 'unknown'
      ? overall.unknownBecause.join('; ')
      : undefined;
  return { recorded, partial, by, ...(detail === undefined ? {} : { detail }) };
}
