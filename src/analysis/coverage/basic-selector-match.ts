import type { BasicSelector } from '../../model/sink.js';
import { isUnknown } from '../../model/unknown.js';
import { describeValue, type StringValue } from '../../model/value.js';
import { intersect, MATCH_ALL, MATCH_NONE, matchSome, matchUnknown, unite, type Match } from './admission.js';
import type { EventDescription } from './data-event.js';
import type { MatchContext } from './match-context.js';
import { matchValue } from './selector-match.js';

/** Lambda and DynamoDB basic values are exact ARNs, except the service prefix alone, which means all of them. */
const ALL_OF_SERVICE: Readonly<Record<string, RegExp>> = {
  'AWS::Lambda::Function': /^arn:[a-z0-9-]+:lambda:?$/,
  'AWS::DynamoDB::Table': /^arn:[a-z0-9-]+:dynamodb:?$/,
};

function matchReadWriteType(selector: BasicSelector, event: EventDescription): Match {
  const type = selector.readWriteType;
  if (isUnknown(type))
    return matchUnknown(`the read/write type of a basic selector is not known (${type.reason})`);
  if (type === 'All') return MATCH_ALL;
  if (event.readOnly === 'any') return matchSome('readOnly');
  return (type === 'ReadOnly') === event.readOnly ? MATCH_ALL : MATCH_NONE;
}

function matchDataValue(value: StringValue, event: EventDescription, context: MatchContext): Match {
  const type = event.dataResourceType ?? '';
  const allPattern = ALL_OF_SERVICE[type];
  if (allPattern !== undefined) {
    if (typeof value === 'string' && allPattern.test(value)) return MATCH_ALL;
    return matchValue('resources.ARN', 'Equals', value, event, context);
  }
  // An S3 value is a prefix of object ARNs (verified reference section 1).
  return matchValue('resources.ARN', 'StartsWith', value, event, context);
}

function matchData(selector: BasicSelector, event: EventDescription, context: MatchContext): Match {
  const resources = selector.dataResources.filter((resource) => resource.type === event.dataResourceType);
  const values = resources.flatMap((resource) => resource.values);
  if (values.length === 0) return MATCH_NONE;
  return intersect([
    matchReadWriteType(selector, event),
    unite(values.map((value) => matchDataValue(value, event, context))),
  ]);
}

function matchExcludedSource(source: StringValue, event: EventDescription): Match {
  if (typeof source !== 'string') {
    return matchUnknown(`an excluded management event source is not known (${describeValue(source)})`);
  }
  if (event.eventSource === undefined) return matchSome('excludeManagementEventSources');
  return event.eventSource === source ? MATCH_NONE : MATCH_ALL;
}

function matchManagement(selector: BasicSelector, event: EventDescription): Match {
  const include = selector.includeManagementEvents;
  if (isUnknown(include)) {
    return matchUnknown(
      `whether a basic selector includes management events is not known (${include.reason})`,
    );
  }
  if (!include) return MATCH_NONE;
  return intersect([
    matchReadWriteType(selector, event),
    ...selector.excludeManagementEventSources.map((source) => matchExcludedSource(source, event)),
  ]);
}

/**
 * One basic (classic) selector: data events only for the S3, Lambda and DynamoDB types it lists, management
 * events when it includes them, both limited by its read/write type.
 */
export function matchBasicSelector(
  selector: BasicSelector,
  event: EventDescription,
  context: MatchContext,
): Match {
  return event.eventCategory === 'Data'
    ? matchData(selector, event, context)
    : matchManagement(selector, event);
}

/** A trail's basic selectors: an event is recorded when any of them matches. */
export function matchBasicSelectors(
  selectors: readonly BasicSelector[],
  event: EventDescription,
  context: MatchContext,
): Match {
  return unite(selectors.map((selector) => matchBasicSelector(selector, event, context)));
}
