import type { Sink } from '../../model/sink.js';
import { isUnknown } from '../../model/unknown.js';
import { intersect, MATCH_ALL, MATCH_NONE, matchUnknown, type Match } from './admission.js';
import { matchBasicSelectors } from './basic-selector-match.js';
import type { EventDescription } from './data-event.js';
import type { MatchContext } from './match-context.js';
import { matchAdvancedSelectors } from './selector-match.js';
import { matchLogging, matchSinkScope, type ScopeTarget } from './sink-scope.js';

/**
 * The selectors of a sink, without its scope. An event data store reads only advanced selectors; a trail uses
 * advanced selectors when it has them (they replace basic ones), else basic ones. With neither, a sink records
 * all management events and no data events.
 */
export function matchSinkSelectors(sink: Sink, event: EventDescription, context: MatchContext): Match {
  const advanced = sink.advancedSelectors;
  if (isUnknown(advanced)) {
    return matchUnknown(`the advanced event selectors of ${sink.id} are not known (${advanced.reason})`);
  }
  if (advanced !== null) return matchAdvancedSelectors(advanced, event, context);
  if (sink.kind !== 'event-data-store' && sink.basicSelectors !== null) {
    return matchBasicSelectors(sink.basicSelectors, event, context);
  }
  return event.eventCategory === 'Management' ? MATCH_ALL : MATCH_NONE;
}

/** Whether a sink records an event that happens where `target` says. */
export function matchSink(
  sink: Sink,
  event: EventDescription,
  target: ScopeTarget,
  context: MatchContext,
): Match {
  const scope = matchSinkScope(sink, target);
  if (scope.admission === 'none') return scope;
  return intersect([scope, matchSinkSelectors(sink, event, context)]);
}

/**
 * Whether a sink records a management event, by its logging and selectors alone: management events have no
 * resource whose region or account could be compared, and the rule about them asks only what the selectors drop.
 */
export function matchSinkManagement(sink: Sink, event: EventDescription, context: MatchContext): Match {
  return intersect([matchLogging(sink), matchSinkSelectors(sink, event, context)]);
}
