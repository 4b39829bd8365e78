import { describe, expect, it } from 'vitest';
import type { EventDescription } from '../../../src/analysis/coverage/data-event.js';
import { EMPTY_CONTEXT } from '../../../src/analysis/coverage/match-context.js';
import { matchSink } from '../../../src/analysis/coverage/sink-match.js';
import { matchSinkScope } from '../../../src/analysis/coverage/sink-scope.js';
import { unknownValue } from '../../../src/model/unknown.js';
import { basicSelector, dataSelector, eventDataStore, externalSink, trail } from '../../support/builders.js';

const GUARDRAIL = 'AWS::Bedrock::Guardrail';
const guardrailRead: EventDescription = {
  eventCategory: 'Data',
  dataResourceType: GUARDRAIL,
  arn: 'arn:aws:bedrock:eu-west-1:111111111111:guardrail/g1',
  readOnly: true,
};
const inEuWest = { region: 'eu-west-1', account: '111111111111' };

describe('matchSinkScope', () => {
  it('a trail that is logging, multi-region, same account records', () => {
    expect(matchSinkScope(trail('t'), inEuWest).admission).toBe('all');
  });
  it('a trail with logging off records nothing', () => {
    expect(matchSinkScope(trail('t', { logging: false }), inEuWest).admission).toBe('none');
  });
  it('a suspended event data store records nothing', () => {
    expect(matchSinkScope(eventDataStore('e', { logging: false }), inEuWest).admission).toBe('none');
  });
  it('logging that is not known leaves the answer unknown', () => {
    const match = matchSinkScope(
      trail('t', { logging: unknownValue('a variable without a default') }),
      inEuWest,
    );
    expect(match.admission).toBe('unknown');
    expect(match.unknownBecause.join()).toContain('a variable without a default');
  });
  it('a single-region trail in another region records nothing', () => {
    expect(
      matchSinkScope(trail('t', { multiRegion: false, homeRegion: 'us-east-1' }), inEuWest).admission,
    ).toBe('none');
  });
  it('a single-region trail in the resource region records', () => {
    expect(
      matchSinkScope(trail('t', { multiRegion: false, homeRegion: 'eu-west-1' }), inEuWest).admission,
    ).toBe('all');
  });
  it('a single-region trail and a resource of unknown region cannot be decided', () => {
    const target = { region: unknownValue('provider region from a variable'), account: '111111111111' };
    expect(matchSinkScope(trail('t', { multiRegion: false }), target).admission).toBe('unknown');
  });
  it('a multi-region trail records a resource of unknown region', () => {
    expect(matchSinkScope(trail('t'), { region: unknownValue('x') }).admission).toBe('all');
  });
  it('a trail of another account records nothing, unless it is an organisation trail', () => {
    const other = { region: 'eu-west-1', account: '222222222222' };
    expect(matchSinkScope(trail('t'), other).admission).toBe('none');
    expect(matchSinkScope(trail('t', { organization: true }), other).admission).toBe('all');
    expect(matchSinkScope(trail('t', { organization: unknownValue('x') }), other).admission).toBe('unknown');
  });
  it('an unknown account is taken as the same account', () => {
    expect(matchSinkScope(trail('t'), { region: 'eu-west-1', account: unknownValue('x') }).admission).toBe(
      'all',
    );
    expect(matchSinkScope(trail('t', { account: unknownValue('x') }), inEuWest).admission).toBe('all');
  });
});

describe('matchSink', () => {
  it('a trail with no selectors records management events only', () => {
    expect(matchSink(trail('t'), guardrailRead, inEuWest, EMPTY_CONTEXT).admission).toBe('none');
    const management: EventDescription = { eventCategory: 'Management', readOnly: true };
    expect(matchSink(trail('t'), management, inEuWest, EMPTY_CONTEXT).admission).toBe('all');
  });
  it('advanced selectors that are computed give unknown', () => {
    const sink = eventDataStore('e', { advancedSelectors: unknownValue('known after apply') });
    expect(matchSink(sink, guardrailRead, inEuWest, EMPTY_CONTEXT).admission).toBe('unknown');
  });
  it('an event data store ignores basic selectors', () => {
    const basic = basicSelector({ dataResources: [{ type: 'AWS::S3::Object', values: ['arn:aws:s3'] }] });
    const s3Read: EventDescription = {
      eventCategory: 'Data',
      dataResourceType: 'AWS::S3::Object',
      arn: 'arn:aws:s3:::docs',
      readOnly: true,
    };
    expect(
      matchSink(trail('t', { basicSelectors: [basic] }), s3Read, inEuWest, EMPTY_CONTEXT).admission,
    ).toBe('all');
    expect(
      matchSink(eventDataStore('e', { basicSelectors: [basic] }), s3Read, inEuWest, EMPTY_CONTEXT).admission,
    ).toBe('none');
  });
  it('scope and selectors both hold', () => {
    const selectors = [dataSelector(GUARDRAIL)];
    expect(
      matchSink(trail('t', { advancedSelectors: selectors }), guardrailRead, inEuWest, EMPTY_CONTEXT)
        .admission,
    ).toBe('all');
    const off = trail('t', { advancedSelectors: selectors, logging: false });
    expect(matchSink(off, guardrailRead, inEuWest, EMPTY_CONTEXT).admission).toBe('none');
    const elsewhere = trail('t', {
      advancedSelectors: selectors,
      multiRegion: false,
      homeRegion: 'us-east-1',
    });
    expect(matchSink(elsewhere, guardrailRead, inEuWest, EMPTY_CONTEXT).admission).toBe('none');
  });
  it('an external sink counts like any other', () => {
    const sink = externalSink('external:org', {
      advancedSelectors: [dataSelector(GUARDRAIL)],
      organization: true,
    });
    expect(
      matchSink(sink, guardrailRead, { region: 'eu-west-1', account: '999' }, EMPTY_CONTEXT).admission,
    ).toBe('all');
  });
});

describe('basic selectors', () => {
  const lambdaArn = 'arn:aws:lambda:eu-west-1:111111111111:function:tool';
  const invoke: EventDescription = {
    eventCategory: 'Data',
    dataResourceType: 'AWS::Lambda::Function',
    arn: lambdaArn,
    readOnly: false,
  };
  const withValues = (
    type: string,
    values: string[],
    readWriteType: 'All' | 'ReadOnly' | 'WriteOnly' = 'All',
  ) => trail('t', { basicSelectors: [basicSelector({ readWriteType, dataResources: [{ type, values }] })] });
  const cases: readonly [string, ReturnType<typeof trail>, EventDescription, string][] = [
    ['Lambda exact ARN', withValues('AWS::Lambda::Function', [lambdaArn]), invoke, 'all'],
    [
      'Lambda ARN that only starts alike',
      withValues('AWS::Lambda::Function', [`${lambdaArn}2`]),
      invoke,
      'none',
    ],
    [
      'Lambda prefix of another function is not a prefix match',
      withValues('AWS::Lambda::Function', [lambdaArn.slice(0, -1)]),
      invoke,
      'none',
    ],
    ['all Lambda functions', withValues('AWS::Lambda::Function', ['arn:aws:lambda']), invoke, 'all'],
    [
      'WriteOnly on a write',
      withValues('AWS::Lambda::Function', ['arn:aws:lambda'], 'WriteOnly'),
      invoke,
      'all',
    ],
    [
      'ReadOnly on a write',
      withValues('AWS::Lambda::Function', ['arn:aws:lambda'], 'ReadOnly'),
      invoke,
      'none',
    ],
    ['S3 type does not cover a function', withValues('AWS::S3::Object', ['arn:aws:s3']), invoke, 'none'],
    [
      'all DynamoDB tables',
      withValues('AWS::DynamoDB::Table', ['arn:aws:dynamodb']),
      {
        ...invoke,
        dataResourceType: 'AWS::DynamoDB::Table',
        arn: 'arn:aws:dynamodb:eu-west-1:1:table/memory',
      },
      'all',
    ],
    [
      'S3 bucket prefix with /',
      withValues('AWS::S3::Object', ['arn:aws:s3:::docs/']),
      { ...invoke, dataResourceType: 'AWS::S3::Object', arn: 'arn:aws:s3:::docs' },
      'all',
    ],
    [
      'S3 key prefix',
      withValues('AWS::S3::Object', ['arn:aws:s3:::docs/logs/']),
      { ...invoke, dataResourceType: 'AWS::S3::Object', arn: 'arn:aws:s3:::docs' },
      'some',
    ],
  ];
  it.each(cases.map(([name, sink, event, expected]) => ({ name, sink, event, expected })))(
    '$name -> $expected',
    ({ sink, event, expected }) => {
      expect(matchSink(sink, event, inEuWest, EMPTY_CONTEXT).admission).toBe(expected);
    },
  );
  it('a read/write type that is not known gives unknown', () => {
    const sink = trail('t', {
      basicSelectors: [
        basicSelector({
          readWriteType: unknownValue('var.rw'),
          dataResources: [{ type: 'AWS::Lambda::Function', values: ['arn:aws:lambda'] }],
        }),
      ],
    });
    expect(matchSink(sink, invoke, inEuWest, EMPTY_CONTEXT).admission).toBe('unknown');
  });
});

describe('one unknown region shared by a sink and a resource', () => {
  it('is the same region', () => {
    const stackRegion = unknownValue('the region is chosen when the stack is deployed');
    const sink = trail('t', { multiRegion: false, homeRegion: stackRegion });
    expect(matchSinkScope(sink, { region: stackRegion }).admission).toBe('all');
  });
  it('two unknowns that only read alike are not', () => {
    const sink = trail('t', { multiRegion: false, homeRegion: unknownValue('the stack region') });
    expect(matchSinkScope(sink, { region: unknownValue('the stack region') }).admission).toBe('unknown');
  });
});
