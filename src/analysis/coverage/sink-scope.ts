import type { Sink } from '../../model/sink.js';
import { isUnknown, type Maybe } from '../../model/unknown.js';
import { describeValue } from '../../model/value.js';
import { intersect, MATCH_ALL, MATCH_NONE, matchUnknown, type Match } from './admission.js';

/** Where the events in question happen. Absent means not known. */
export interface ScopeTarget {
  readonly region?: Maybe<string>;
  readonly account?: Maybe<string>;
}

/** Whether the sink records anything at all: a trail that is logging, an event data store that ingests. */
export function matchLogging(sink: Sink): Match {
  if (isUnknown(sink.logging)) {
    return matchUnknown(`whether ${sink.id} is logging is not known (${sink.logging.reason})`);
  }
  return sink.logging ? MATCH_ALL : MATCH_NONE;
}

function matchRegion(sink: Sink, region: Maybe<string> | undefined): Match {
  if (sink.multiRegion === true) return MATCH_ALL;
  const home = sink.homeRegion;
  // A source gives every resource of one input the very same Unknown for a region it cannot know (the region a
  // stack is deployed to): the same object is the same region, whatever it turns out to be.
  if (isUnknown(home) && home === region) return MATCH_ALL;
  if (typeof home === 'string' && typeof region === 'string') {
    if (home === region) return MATCH_ALL;
    if (sink.multiRegion === false) return MATCH_NONE;
  }
  const why = isUnknown(sink.multiRegion)
    ? `whether ${sink.id} is multi-region is not known (${sink.multiRegion.reason})`
    : typeof home !== 'string'
      ? `the home region of ${sink.id} is not known (${describeValue(home)})`
      : `the region of the resource is not known${isUnknown(region) ? ` (${region.reason})` : ''}`;
  return matchUnknown(why);
}

/**
 * Same account, or an organisation sink. An unknown account is taken as the sink's own account, because one input
 * describes one account unless it says otherwise.
 */
function matchAccount(sink: Sink, account: Maybe<string> | undefined): Match {
  if (sink.organization === true) return MATCH_ALL;
  if (typeof sink.account !== 'string' || typeof account !== 'string' || sink.account === account)
    return MATCH_ALL;
  if (sink.organization === false) return MATCH_NONE;
  return matchUnknown(
    `whether ${sink.id} is an organisation sink is not known (${sink.organization.reason})`,
  );
}

/** Whether a sink records events of a resource in this region and account at all, before any selector. */
export function matchSinkScope(sink: Sink, target: ScopeTarget): Match {
  return intersect([
    matchLogging(sink),
    matchRegion(sink, target.region),
    matchAccount(sink, target.account),
  ]);
}
