import type { Sink } from '../../model/sink.js';
import { unite, type Admission, type Match } from './admission.js';
import type { EventDescription } from './data-event.js';
import type { MatchContext } from './match-context.js';
import { matchSinkManagement } from './sink-match.js';

/**
 * Event sources of AI services whose management events matter: Bedrock model inference (InvokeModel, Converse
 * and their streaming forms) is recorded only as management events (reference section 0.1).
 */
export const AI_EVENT_SOURCES: readonly string[] = [
  'bedrock.amazonaws.com',
  'bedrock-agentcore.amazonaws.com',
  'sagemaker.amazonaws.com',
  'qbusiness.amazonaws.com',
];

/** One management event the comparison asks about: read or write events of one AI event source. */
export interface ManagementProbe {
  readonly eventSource: string;
  readonly readOnly: boolean;
}

/** Every probe, in a stable order. */
export const MANAGEMENT_PROBES: readonly ManagementProbe[] = AI_EVENT_SOURCES.flatMap((eventSource) => [
  { eventSource, readOnly: true },
  { eventSource, readOnly: false },
]);

function describeProbe(probe: ManagementProbe): EventDescription {
  return { eventCategory: 'Management', eventSource: probe.eventSource, readOnly: probe.readOnly };
}

/** How one sink records each management probe. */
export function matchManagementProbes(sink: Sink, context: MatchContext): Match[] {
  return MANAGEMENT_PROBES.map((probe) => matchSinkManagement(sink, describeProbe(probe), context));
}

/** How a set of sinks together records each management probe. */
export function matchManagementProbesOf(sinks: readonly Sink[], context: MatchContext): Match[] {
  const perSink = sinks.map((sink) => matchManagementProbes(sink, context));
  return MANAGEMENT_PROBES.map((_, index) => unite(perSink.map((matches) => matches[index] as Match)));
}

/** True when `after` records less than `before` did, and that is known. */
export function isNarrower(before: Admission, after: Admission): boolean {
  if (after === 'unknown') return false;
  return (before === 'all' && after !== 'all') || (before === 'some' && after === 'none');
}
