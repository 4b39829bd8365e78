import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  complement,
  intersect,
  MATCH_ALL,
  unite,
  type Match,
} from '../../../src/analysis/coverage/admission.js';
import type { EventDescription } from '../../../src/analysis/coverage/data-event.js';
import { EMPTY_CONTEXT } from '../../../src/analysis/coverage/match-context.js';
import {
  matchAdvancedSelectors,
  matchValue,
  type PositiveOperator,
} from '../../../src/analysis/coverage/selector-match.js';
import type { AdvancedSelector, FieldSelector, SelectorOperator } from '../../../src/model/sink.js';
import { unknownValue } from '../../../src/model/unknown.js';
import type { StringValue } from '../../../src/model/value.js';

const NEGATIVE_OF: Record<PositiveOperator, SelectorOperator> = {
  Equals: 'NotEquals',
  StartsWith: 'NotStartsWith',
  EndsWith: 'NotEndsWith',
};

/** Every value of every field asked, in selector order: the definition the matcher's shortcuts must agree with. */
function matchEveryValue(selectors: readonly AdvancedSelector[], event: EventDescription): Match {
  return unite(
    selectors.map((selector) =>
      intersect(
        selector.fieldSelectors.map((field) => {
          const positives: Match[] = [];
          const negatives: Match[] = [];
          for (const operator of ['Equals', 'StartsWith', 'EndsWith'] as const) {
            for (const value of field.operators[operator] ?? []) {
              positives.push(matchValue(field.field, operator, value, event, EMPTY_CONTEXT));
            }
            for (const value of field.operators[NEGATIVE_OF[operator]] ?? []) {
              negatives.push(complement(matchValue(field.field, operator, value, event, EMPTY_CONTEXT)));
            }
          }
          return intersect([positives.length === 0 ? MATCH_ALL : unite(positives), ...negatives]);
        }),
      ),
    ),
  );
}

const TYPES = ['AWS::S3::Object', 'AWS::Bedrock::AgentAlias', 'AWS::Lambda::Function'];
const ARNS = [
  'arn:aws:s3:::docs',
  'arn:aws:s3:::docs/',
  'arn:aws:s3:::logs/',
  'arn:aws:bedrock:us-east-1:111111111111:agent-alias/A/B',
  'arn:aws:lambda:us-east-1:111111111111:function:tool',
  'arn:aws:',
];
const OPERATORS: SelectorOperator[] = [
  'Equals',
  'StartsWith',
  'EndsWith',
  'NotEquals',
  'NotStartsWith',
  'NotEndsWith',
];

const value = (choices: readonly string[]): fc.Arbitrary<StringValue> =>
  fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...choices) },
    { weight: 1, arbitrary: fc.constant(unknownValue('known after apply')) },
  );

const fieldOf = (name: string, choices: readonly string[]): fc.Arbitrary<FieldSelector> =>
  fc
    .array(
      fc.tuple(fc.constantFrom(...OPERATORS), fc.array(value(choices), { minLength: 1, maxLength: 3 })),
      {
        minLength: 1,
        maxLength: 2,
      },
    )
    .map((entries) => ({ field: name, operators: Object.fromEntries(entries) }));

const selector: fc.Arbitrary<AdvancedSelector> = fc
  .subarray(
    [
      fieldOf('eventCategory', ['Data', 'Management']),
      fieldOf('resources.type', TYPES),
      fieldOf('resources.ARN', ARNS),
      fieldOf('readOnly', ['true', 'false']),
      fieldOf('eventName', ['GetObject', 'InvokeAgent']),
    ],
    { minLength: 1 },
  )
  .chain((fields) => fc.tuple(...fields))
  .map((fieldSelectors) => ({ fieldSelectors }));

const event: fc.Arbitrary<EventDescription> = fc.record({
  eventCategory: fc.constant('Data' as const),
  dataResourceType: fc.constantFrom(...TYPES),
  arn: fc.constantFrom(...ARNS),
  readOnly: fc.constantFrom(true, false, 'any' as const),
});

describe('matchAdvancedSelectors shortcuts', () => {
  it('answers exactly as asking every value of every field, reasons and their order included', () => {
    fc.assert(
      fc.property(fc.array(selector, { minLength: 1, maxLength: 3 }), event, (selectors, described) => {
        expect(matchAdvancedSelectors(selectors, described, EMPTY_CONTEXT)).toEqual(
          matchEveryValue(selectors, described),
        );
      }),
      { numRuns: 500 },
    );
  });
});

describe('answers remembered for selectors without an ARN field', () => {
  const readOnlyBuckets: AdvancedSelector = {
    fieldSelectors: [
      { field: 'eventCategory', operators: { Equals: ['Data'] } },
      { field: 'resources.type', operators: { Equals: ['AWS::S3::Object', 'AWS::Bedrock::AgentAlias'] } },
      { field: 'readOnly', operators: { Equals: ['true'] } },
    ],
  };
  const events: EventDescription[] = ['AWS::S3::Object', 'AWS::Bedrock::AgentAlias', 'AWS::Lambda::Function']
    .flatMap((type) => [true, false, 'any' as const].map((readOnly) => ({ type, readOnly })))
    .flatMap(({ type, readOnly }) =>
      ['arn:aws:s3:::one/key', 'arn:aws:s3:::two/key'].map((arn) => ({
        eventCategory: 'Data' as const,
        dataResourceType: type,
        arn,
        readOnly,
      })),
    );

  it('give every event of a kind the answer a fresh selector gives it, in any order', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray(events, { minLength: events.length }), (order) => {
        for (const event of order) {
          const fresh = structuredClone(readOnlyBuckets);
          expect(matchAdvancedSelectors([readOnlyBuckets], event, EMPTY_CONTEXT)).toEqual(
            matchAdvancedSelectors([fresh], event, EMPTY_CONTEXT),
          );
        }
      }),
      { numRuns: 20 },
    );
  });
});
