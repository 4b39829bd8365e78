import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EventDescription } from '../../../src/analysis/coverage/data-event.js';
import { buildMatchContext, EMPTY_CONTEXT } from '../../../src/analysis/coverage/match-context.js';
import { assessResourceCoverage } from '../../../src/analysis/coverage/resource-coverage.js';
import { matchAdvancedSelectors, matchFieldSelector } from '../../../src/analysis/coverage/selector-match.js';
import type { CoverageStatus } from '../../../src/model/report.js';
import type { CloudResource } from '../../../src/model/resource.js';
import { SELECTOR_OPERATORS, type AdvancedSelector, type FieldSelector } from '../../../src/model/sink.js';
import { unknownValue } from '../../../src/model/unknown.js';
import type { StringValue } from '../../../src/model/value.js';
import {
  advancedSelector,
  aiResource,
  bucket,
  field,
  ref,
  snapshot,
  sym,
  trail,
} from '../../support/builders.js';

const ALIAS_TYPE = 'AWS::Bedrock::AgentAlias';
const ALIAS_ARN = 'arn:aws:bedrock:us-east-1:111111111111:agent-alias/A1/L1';

const resources: readonly CloudResource[] = [
  aiResource('S/Alias', ALIAS_TYPE, ALIAS_ARN),
  aiResource('S/Alias', ALIAS_TYPE, sym(ref('S/Alias'))),
  aiResource('S/Alias', ALIAS_TYPE, unknownValue('known after apply')),
  bucket('S/Docs', { arn: 'arn:aws:s3:::docs' }),
  bucket('S/Docs', { arn: sym(ref('S/Docs')) }),
];

/** Values that matter for each field: matching, near misses, symbolic and unknown ones. */
const VALUES: Readonly<Record<string, readonly StringValue[]>> = {
  eventCategory: ['Data', 'Management'],
  'resources.type': [ALIAS_TYPE, 'AWS::S3::Object', 'AWS::Lambda::Function'],
  'resources.ARN': [
    ALIAS_ARN,
    `${ALIAS_ARN}2`,
    'arn:aws:bedrock:',
    'arn:aws:s3',
    'arn:aws:s3:::docs/',
    'arn:aws:s3:::docs/logs/',
    '/L1',
    sym(ref('S/Docs'), '/'),
    sym(ref('S/Other'), '/'),
    sym(ref('S/Alias')),
    unknownValue('known after apply'),
  ],
  readOnly: ['true', 'false'],
  eventName: ['InvokeAgent', 'GetObject'],
  eventSource: ['bedrock.amazonaws.com', 's3.amazonaws.com'],
  eventType: ['AwsApiCall'],
  'userIdentity.arn': ['arn:aws:sts::111111111111:assumed-role/ci/x'],
  errorCode: ['VpceAccessDenied'],
};

const fieldSelectorArb: fc.Arbitrary<FieldSelector> = fc
  .constantFrom(...Object.keys(VALUES))
  .chain((name) =>
    fc
      .tuple(fc.constantFrom(...SELECTOR_OPERATORS), fc.subarray([...(VALUES[name] ?? [])], { minLength: 1 }))
      .map(([operator, values]) => field(name, { [operator]: values })),
  );

/** Mostly well-formed data selectors (category and type first), sometimes anything. */
const selectorArb: fc.Arbitrary<AdvancedSelector> = fc
  .tuple(
    fc.boolean(),
    fc.constantFrom(ALIAS_TYPE, 'AWS::S3::Object'),
    fc.array(fieldSelectorArb, { maxLength: 3 }),
  )
  .map(([typed, type, rest]) =>
    typed
      ? advancedSelector(
          field('eventCategory', { Equals: ['Data'] }),
          field('resources.type', { Equals: [type] }),
          ...rest,
        )
      : advancedSelector(...rest),
  );

function statusOf(resource: CloudResource, selectors: readonly AdvancedSelector[]): CoverageStatus {
  const sink = trail('t', { advancedSelectors: [...selectors] });
  const context = buildMatchContext(snapshot({ resources: [resource], sinks: [sink] }));
  return assessResourceCoverage(resource, resource.dataResourceType ?? '', [sink], context).status;
}

const RANK: Readonly<Record<Exclude<CoverageStatus, 'unknown'>, number>> = { none: 0, partial: 1, full: 2 };

describe('coverage properties', () => {
  it('adding a selector never lowers a resource coverage', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...resources),
        fc.array(selectorArb, { maxLength: 3 }),
        selectorArb,
        (resource, selectors, extra) => {
          const before = statusOf(resource, selectors);
          const after = statusOf(resource, [...selectors, extra]);
          if (before === 'full') expect(after).toBe('full');
          if (before !== 'unknown' && after !== 'unknown')
            expect(RANK[after]).toBeGreaterThanOrEqual(RANK[before]);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('NotEquals [a, b] excludes both a and b, and keeps any other value', () => {
    const arnArb = fc.stringMatching(
      /^arn:aws:bedrock:us-east-1:111111111111:agent-alias\/[A-Z0-9]{1,6}\/[A-Z0-9]{1,6}$/,
    );
    fc.assert(
      fc.property(arnArb, arnArb, arnArb, (a, b, c) => {
        const notEquals = field('resources.ARN', { NotEquals: [a, b] });
        const eventOn = (arn: string): EventDescription => ({
          eventCategory: 'Data',
          dataResourceType: ALIAS_TYPE,
          arn,
          readOnly: true,
        });
        expect(matchFieldSelector(notEquals, eventOn(a), EMPTY_CONTEXT).admission).toBe('none');
        expect(matchFieldSelector(notEquals, eventOn(b), EMPTY_CONTEXT).admission).toBe('none');
        if (c !== a && c !== b)
          expect(matchFieldSelector(notEquals, eventOn(c), EMPTY_CONTEXT).admission).toBe('all');
      }),
    );
  });

  it('the order of selectors, and of field selectors, changes nothing', () => {
    const normalise = (match: ReturnType<typeof matchAdvancedSelectors>) => ({
      admission: match.admission,
      narrowedBy: [...match.narrowedBy].sort(),
      unknownBecause: [...match.unknownBecause].sort(),
    });
    fc.assert(
      fc.property(
        fc.constantFrom(...resources),
        fc.boolean(),
        fc.array(selectorArb, { maxLength: 4 }),
        fc.infiniteStream(fc.nat()),
        (resource, readOnly, selectors, seeds) => {
          const event: EventDescription = {
            eventCategory: 'Data',
            dataResourceType: resource.dataResourceType ?? '',
            arn: resource.arn,
            readOnly,
          };
          const context = buildMatchContext(snapshot({ resources: [resource] }));
          const shuffle = <T>(items: readonly T[]): T[] => {
            const copy = [...items];
            for (let index = copy.length - 1; index > 0; index -= 1) {
              const other = (seeds.next().value as number) % (index + 1);
              [copy[index], copy[other]] = [copy[other] as T, copy[index] as T];
            }
            return copy;
          };
          const shuffled = shuffle(selectors).map((selector) =>
            advancedSelector(...shuffle(selector.fieldSelectors)),
          );
          expect(normalise(matchAdvancedSelectors(shuffled, event, context))).toEqual(
            normalise(matchAdvancedSelectors(selectors, event, context)),
          );
        },
      ),
      { numRuns: 300 },
    );
  });
});
