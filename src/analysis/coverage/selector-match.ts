import type { AdvancedSelector, FieldSelector, SelectorOperator } from '../../model/sink.js';
import { isUnknown, type Tristate, type Unknown } from '../../model/unknown.js';
import { describeValue, type StringValue } from '../../model/value.js';
import { remember } from '../remember.js';
import {
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
import {
  partsEndWith,
  partsEqual,
  partsStartWith,
  toParts,
  type Parts,
  type PartsContext,
} from './string-parts.js';

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

/** What matching an event's ARN needs from the event alone, worked out once per event and context. */
interface EventArn {
  readonly context: MatchContext;
  readonly arn: StringValue;
  readonly dataResourceType: string;
  readonly parts: Parts | Unknown;
  readonly foldCase: boolean;
  readonly partsContext: PartsContext;
  /** The event's ARN as a pattern, when its parts are known. */
  readonly pattern?: ReturnType<typeof arnPatternOf>;
}

/** Each event is matched against every value of every selector of every sink; its own side never changes. */
const eventArns = new WeakMap<EventDescription, EventArn>();

function eventArnOf(
  event: EventDescription,
  arn: StringValue,
  type: string,
  context: MatchContext,
): EventArn {
  const known = eventArns.get(event);
  if (
    known !== undefined &&
    known.context === context &&
    known.arn === arn &&
    known.dataResourceType === type
  ) {
    return known;
  }
  // SageMaker lower-cases names in its ARNs (verified reference section 7).
  const foldCase = type.startsWith('AWS::SageMaker::');
  const parts = toParts(arn, context.resolve, foldCase);
  const eventService = arnServiceOf(type);
  const ownRefs = new Set(
    isUnknown(parts) ? [] : parts.flatMap((part) => (typeof part === 'string' ? [] : [part.ref])),
  );
  const prepared: EventArn = {
    context,
    arn,
    dataResourceType: type,
    parts,
    foldCase,
    partsContext: {
      serviceOf: (ref) => context.serviceOf(ref) ?? (ownRefs.has(ref.ref) ? eventService : undefined),
    },
    ...(isUnknown(parts) ? {} : { pattern: arnPatternOf(type, parts) }),
  };
  eventArns.set(event, prepared);
  return prepared;
}

/** A selector's ARN values as parts, per context and case folding: every event is matched against the same few. */
const expectedArns = new WeakMap<
  MatchContext,
  readonly [Map<StringValue, Parts | Unknown>, Map<StringValue, Parts | Unknown>]
>();

function expectedPartsOf(expected: StringValue, context: MatchContext, foldCase: boolean): Parts | Unknown {
  const byCase = remember(expectedArns, context, () => [new Map(), new Map()] as const);
  return remember(byCase[foldCase ? 1 : 0], expected, () => toParts(expected, context.resolve, foldCase));
}

/** An answer of a comparison as a match; the reason is built only when it is unknown, since most are decided. */
function decideArn(value: Tristate, expected: StringValue, prepared: EventArn): Match {
  if (value === 'unknown') {
    return matchUnknown(`resources.ARN ${describeValue(expected)} against ${describeValue(prepared.arn)}`);
  }
  return value ? MATCH_ALL : MATCH_NONE;
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
  const prepared = eventArnOf(event, event.arn, event.dataResourceType, context);
  const actualParts = prepared.parts;
  if (isUnknown(actualParts)) return matchUnknown(`the resource ARN is not known (${actualParts.reason})`);
  const expectedParts = expectedPartsOf(expected, context, prepared.foldCase);
  if (isUnknown(expectedParts)) {
    return matchUnknown(`a resources.ARN value of a selector is not known (${expectedParts.reason})`);
  }
  const { partsContext } = prepared;
  const pattern = prepared.pattern ?? arnPatternOf(event.dataResourceType, actualParts);
  if (!pattern.open) {
    if (operator === 'Equals')
      return decideArn(partsEqual(pattern.parts, expectedParts, partsContext), expected, prepared);
    if (operator === 'StartsWith')
      return decideArn(partsStartWith(pattern.parts, expectedParts, partsContext), expected, prepared);
    return decideArn(partsEndWith(pattern.parts, expectedParts), expected, prepared);
  }
  if (operator === 'EndsWith') return expectedParts.length === 0 ? MATCH_ALL : matchSome('resources.ARN');
  const inside = partsStartWith(expectedParts, pattern.parts, partsContext);
  if (operator === 'Equals') {
    if (inside === 'unknown') return decideArn(inside, expected, prepared);
    return inside ? matchSome('resources.ARN') : MATCH_NONE;
  }
  const covers = partsStartWith(pattern.parts, expectedParts, partsContext);
  if (covers === true) return MATCH_ALL;
  if (inside === true) return matchSome('resources.ARN');
  if (covers === false && inside === false) return MATCH_NONE;
  return decideArn('unknown', expected, prepared);
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
 * An empty operator list imposes nothing, as an absent one does. A positive value that admits all settles the
 * positives, and positives that admit nothing settle the field: a selector may list many ARNs.
 */
export function matchFieldSelector(
  selector: FieldSelector,
  event: EventDescription,
  context: MatchContext,
): Match {
  const positive = matchPositives(selector, event, context);
  if (positive.admission === 'none') return MATCH_NONE;
  // Built only when the selector has negative values: most have none, and one match is its own intersection.
  let matches: Match[] | undefined;
  for (const operator of POSITIVE_OPERATORS) {
    for (const value of selector.operators[NEGATIVE_OF[operator]] ?? []) {
      (matches ??= [positive]).push(complement(matchValue(selector.field, operator, value, event, context)));
    }
  }
  return matches === undefined ? positive : intersect(matches);
}

function matchPositives(selector: FieldSelector, event: EventDescription, context: MatchContext): Match {
  let first: Match | undefined;
  let more: Match[] | undefined;
  for (const operator of POSITIVE_OPERATORS) {
    for (const value of selector.operators[operator] ?? []) {
      const match = matchValue(selector.field, operator, value, event, context);
      if (match.admission === 'all') return MATCH_ALL;
      if (first === undefined) first = match;
      else (more ??= [first]).push(match);
    }
  }
  // A single value, the usual case, is its own union.
  return more !== undefined ? unite(more) : (first ?? MATCH_ALL);
}

/** Fields whose values cost a string comparison; `resources.ARN` (symbolic parts, patterns) costs far more. */
function isCheapField(selector: FieldSelector): boolean {
  return selector.field !== 'resources.ARN';
}

/**
 * One advanced selector: all its field selectors must hold. Since no field can undo a `none`, the cheap fields
 * (category, type, readOnly) are asked first, and a selector for another resource type never reaches ARN matching.
 */
export function matchAdvancedSelector(
  selector: AdvancedSelector,
  event: EventDescription,
  context: MatchContext,
): Match {
  if (selector.fieldSelectors.some((field) => !isCheapField(field))) {
    return matchFields(selector, event, context);
  }
  // Without an ARN field the answer depends on the kind of event alone, which a few thousand resources share.
  let byKind = answersWithoutArn.get(selector);
  if (byKind === undefined) {
    byKind = new Map();
    answersWithoutArn.set(selector, byKind);
  }
  const kind = `${event.eventCategory}\u0000${event.dataResourceType ?? ''}\u0000${String(event.readOnly)}\u0000${event.eventName ?? ''}\u0000${event.eventSource ?? ''}`;
  let match = byKind.get(kind);
  if (match === undefined) {
    match = matchFields(selector, event, context);
    byKind.set(kind, match);
  }
  return match;
}

/** Answers of selectors that name no ARN, by selector and kind of event. */
const answersWithoutArn = new WeakMap<AdvancedSelector, Map<string, Match>>();

function matchFields(selector: AdvancedSelector, event: EventDescription, context: MatchContext): Match {
  const fields = selector.fieldSelectors;
  const matches: Match[] = new Array<Match>(fields.length);
  for (let index = 0; index < fields.length; index += 1) {
    const field = fields[index]!;
    if (!isCheapField(field)) continue;
    const match = matchFieldSelector(field, event, context);
    if (match.admission === 'none') return MATCH_NONE;
    matches[index] = match;
  }
  // The remaining fields fill their own places, so that reasons keep the order of the selector.
  for (let index = 0; index < fields.length; index += 1) {
    matches[index] ??= matchFieldSelector(fields[index]!, event, context);
  }
  return intersect(matches);
}

/** A list of advanced selectors: an event is recorded when any of them matches; one that admits all settles it. */
export function matchAdvancedSelectors(
  selectors: readonly AdvancedSelector[],
  event: EventDescription,
  context: MatchContext,
): Match {
  const matches: Match[] = [];
  for (const selector of selectors) {
    const match = matchAdvancedSelector(selector, event, context);
    if (match.admission === 'all') return MATCH_ALL;
    matches.push(match);
  }
  return unite(matches);
}
