import type { AdvancedSelector, FieldSelector, SelectorOperator } from '../../model/sink.js';
import { isUnknown } from '../../model/unknown.js';
import { describeValue, type StringValue } from '../../model/value.js';
import {
  admissionOf,
  complement,
  intersect,
  MATCH_ALL,
  MATCH_NONE,
  matchSome,
  matchUnknown,
  unite,
  type Match,
} from './admission.js';
import { arnPatternOf } from './arn-pattern.js';
import { arnServiceOf } from './arn-service.js';
import type { EventDescription } from './data-event.js';
import type { MatchContext } from './match-context.js';
import { partsEndWith, partsEqual, partsStartWith, toParts, type PartsContext } from './string-parts.js';

/** The operators that select events; each negative one drops what its positive form would select. */
export type PositiveOperator = 'Equals' | 'StartsWith' | 'EndsWith';

const POSITIVE_OPERATORS: readonly PositiveOperator[] = ['Equals', 'StartsWith', 'EndsWith'];
const NEGATIVE_OF: Readonly<Record<PositiveOperator, SelectorOperator>> = {
  Equals: 'NotEquals',
  StartsWith: 'NotStartsWith',
  EndsWith: 'NotEndsWith',
};

/** Fields that only narrow which events of a resource count; the abstract events of coverage leave them open. */
const NARROWING_FIELDS = new Set(['eventType', 'userIdentity.arn', 'sessionCredentialFromConsole']);

/** Type names the documentation uses interchangeably (reference section 0.5): both are accepted. */
const TYPE_ALIASES: readonly (readonly string[])[] = [
  ['AWS::Bedrock::Prompt', 'AWS::Bedrock::PromptVersion'],
];

function sameType(a: string, b: string): boolean {
  return a === b || TYPE_ALIASES.some((group) => group.includes(a) && group.includes(b));
}

function compareLiteral(operator: PositiveOperator, actual: string, expected: string): boolean {
  if (operator === 'Equals') return actual === expected;
  if (operator === 'StartsWith') return actual.startsWith(expected);
  return actual.endsWith(expected);
}

/** Compares a known event attribute, or narrows when the abstract event leaves the attribute open. */
function matchAttribute(
  field: string,
  operator: PositiveOperator,
  actual: string | undefined,
  expected: StringValue,
): Match {
  if (typeof expected !== 'string') {
    return matchUnknown(`a ${field} value of a selector is not known (${describeValue(expected)})`);
  }
  if (actual === undefined) return matchSome(field);
  if (field === 'resources.type' && operator === 'Equals')
    return sameType(actual, expected) ? MATCH_ALL : MATCH_NONE;
  return compareLiteral(operator, actual, expected) ? MATCH_ALL : MATCH_NONE;
}

function isSageMaker(event: EventDescription): boolean {
  return event.dataResourceType?.startsWith('AWS::SageMaker::') ?? false;
}

/**
 * Matches the event's ARN set against one value: an exact ARN is admitted or not; an open set (a bucket's
 * objects) may be admitted all, in part (a longer prefix, a single object), or not at all.
 */
function matchArn(
  operator: PositiveOperator,
  event: EventDescription,
  expected: StringValue,
  context: MatchContext,
): Match {
  if (event.arn === undefined || event.dataResourceType === undefined) return matchSome('resources.ARN');
  // SageMaker lower-cases names in its ARNs (verified reference section 7).
  const foldCase = isSageMaker(event);
  const actualParts = toParts(event.arn, context.resolve, foldCase);
  if (isUnknown(actualParts)) return matchUnknown(`the resource ARN is not known (${actualParts.reason})`);
  const expectedParts = toParts(expected, context.resolve, foldCase);
  if (isUnknown(expectedParts)) {
    return matchUnknown(`a resources.ARN value of a selector is not known (${expectedParts.reason})`);
  }
  const eventService = arnServiceOf(event.dataResourceType);
  const ownRefs = new Set(actualParts.flatMap((part) => (typeof part === 'string' ? [] : [part.ref])));
  const partsContext: PartsContext = {
    serviceOf: (ref) => context.serviceOf(ref) ?? (ownRefs.has(ref.ref) ? eventService : undefined),
  };
  const pattern = arnPatternOf(event.dataResourceType, actualParts);
  const reason = `resources.ARN ${describeValue(expected)} against ${describeValue(event.arn)}`;
  if (!pattern.open) {
    if (operator === 'Equals')
      return admissionOf(partsEqual(pattern.parts, expectedParts, partsContext), reason);
    if (operator === 'StartsWith') {
      return admissionOf(partsStartWith(pattern.parts, expectedParts, partsContext), reason);
    }
    return admissionOf(partsEndWith(pattern.parts, expectedParts), reason);
  }
  if (operator === 'EndsWith') return expectedParts.length === 0 ? MATCH_ALL : matchSome('resources.ARN');
  const inside = partsStartWith(expectedParts, pattern.parts, partsContext);
  if (operator === 'Equals') {
    return inside === 'unknown' ? matchUnknown(reason) : inside ? matchSome('resources.ARN') : MATCH_NONE;
  }
  const covers = partsStartWith(pattern.parts, expectedParts, partsContext);
  if (covers === true) return MATCH_ALL;
  if (inside === true) return matchSome('resources.ARN');
  if (covers === false && inside === false) return MATCH_NONE;
  return matchUnknown(reason);
}

/** Matches an event against one value of one field, as the positive form of the operator. */
export function matchValue(
  field: string,
  operator: PositiveOperator,
  value: StringValue,
  event: EventDescription,
  context: MatchContext,
): Match {
  if (isUnknown(value)) return matchUnknown(`a ${field} value of a selector is not known (${value.reason})`);
  switch (field) {
    case 'resources.ARN':
      return matchArn(operator, event, value, context);
    case 'eventCategory':
      return matchAttribute(field, operator, event.eventCategory, value);
    case 'resources.type':
      return matchAttribute(field, operator, event.dataResourceType, value);
    case 'readOnly':
      return matchAttribute(
        field,
        operator,
        event.readOnly === 'any' ? undefined : String(event.readOnly),
        value,
      );
    case 'eventName':
      return matchAttribute(field, operator, event.eventName, value);
    case 'eventSource':
      return matchAttribute(field, operator, event.eventSource, value);
    default:
      if (NARROWING_FIELDS.has(field)) return matchSome(field);
      return matchUnknown(`the selector field ${field} cannot be evaluated`);
  }
}

/**
 * One field: its positive values OR, any negative value that matches drops the event, and the two groups AND.
 * An empty operator list imposes nothing, as an absent one does.
 */
export function matchFieldSelector(
  selector: FieldSelector,
  event: EventDescription,
  context: MatchContext,
): Match {
  const positives: Match[] = [];
  const negatives: Match[] = [];
  for (const operator of POSITIVE_OPERATORS) {
    for (const value of selector.operators[operator] ?? []) {
      positives.push(matchValue(selector.field, operator, value, event, context));
    }
    for (const value of selector.operators[NEGATIVE_OF[operator]] ?? []) {
      negatives.push(complement(matchValue(selector.field, operator, value, event, context)));
    }
  }
  const positive = positives.length === 0 ? MATCH_ALL : unite(positives);
  return intersect([positive, ...negatives]);
}

/** One advanced selector: all its field selectors must hold. */
export function matchAdvancedSelector(
  selector: AdvancedSelector,
  event: EventDescription,
  context: MatchContext,
): Match {
  return intersect(selector.fieldSelectors.map((field) => matchFieldSelector(field, event, context)));
}

/** A list of advanced selectors: an event is recorded when any of them matches. */
export function matchAdvancedSelectors(
  selectors: readonly AdvancedSelector[],
  event: EventDescription,
  context: MatchContext,
): Match {
  return unite(selectors.map((selector) => matchAdvancedSelector(selector, event, context)));
}
