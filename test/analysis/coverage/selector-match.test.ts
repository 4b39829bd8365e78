import { describe, expect, it } from 'vitest';
import type { Admission } from '../../../src/analysis/coverage/admission.js';
import type { EventDescription } from '../../../src/analysis/coverage/data-event.js';
import { buildMatchContext, EMPTY_CONTEXT } from '../../../src/analysis/coverage/match-context.js';
import { matchAdvancedSelectors, matchFieldSelector } from '../../../src/analysis/coverage/selector-match.js';
import type { AdvancedSelector, FieldSelector } from '../../../src/model/sink.js';
import { unknownValue } from '../../../src/model/unknown.js';
import { advancedSelector, bucket, dataSelector, field, ref, snapshot, sym } from '../../support/builders.js';

const ALIAS_ARN = 'arn:aws:bedrock:us-east-1:111111111111:agent-alias/AGENT1/ALIAS1';
const ALIAS_TYPE = 'AWS::Bedrock::AgentAlias';

const readAlias: EventDescription = {
  eventCategory: 'Data',
  dataResourceType: ALIAS_TYPE,
  arn: ALIAS_ARN,
  readOnly: true,
};
const invokeAlias: EventDescription = {
  ...readAlias,
  eventName: 'InvokeAgent',
  eventSource: 'bedrock.amazonaws.com',
};

/** Turns `[name, input, expected]` rows into objects, so that test titles show the name and the expectation. */
function named<T>(
  rows: readonly (readonly [string, T, Admission])[],
): { name: string; input: T; expected: Admission }[] {
  return rows.map(([name, input, expected]) => ({ name, input, expected }));
}

function admissionOf(fieldSelector: FieldSelector, event: EventDescription = readAlias): Admission {
  return matchFieldSelector(fieldSelector, event, EMPTY_CONTEXT).admission;
}

interface FieldCase {
  readonly name: string;
  readonly selector: FieldSelector;
  readonly event?: EventDescription;
  readonly expected: Admission;
}

const fieldCases: readonly FieldCase[] = [
  // eventCategory
  {
    name: 'eventCategory Equals Data',
    selector: field('eventCategory', { Equals: ['Data'] }),
    expected: 'all',
  },
  {
    name: 'eventCategory Equals Management',
    selector: field('eventCategory', { Equals: ['Management'] }),
    expected: 'none',
  },
  {
    name: 'eventCategory NotEquals Data',
    selector: field('eventCategory', { NotEquals: ['Data'] }),
    expected: 'none',
  },
  {
    name: 'eventCategory NotEquals Management',
    selector: field('eventCategory', { NotEquals: ['Management'] }),
    expected: 'all',
  },
  {
    name: 'eventCategory StartsWith Da',
    selector: field('eventCategory', { StartsWith: ['Da'] }),
    expected: 'all',
  },
  {
    name: 'eventCategory NotStartsWith Da',
    selector: field('eventCategory', { NotStartsWith: ['Da'] }),
    expected: 'none',
  },
  {
    name: 'eventCategory EndsWith ta',
    selector: field('eventCategory', { EndsWith: ['ta'] }),
    expected: 'all',
  },
  {
    name: 'eventCategory NotEndsWith ment',
    selector: field('eventCategory', { NotEndsWith: ['ment'] }),
    expected: 'all',
  },
  // resources.type
  { name: 'type Equals own', selector: field('resources.type', { Equals: [ALIAS_TYPE] }), expected: 'all' },
  {
    name: 'type Equals other',
    selector: field('resources.type', { Equals: ['AWS::S3::Object'] }),
    expected: 'none',
  },
  {
    name: 'type Equals [other, own] ORs',
    selector: field('resources.type', { Equals: ['AWS::S3::Object', ALIAS_TYPE] }),
    expected: 'all',
  },
  {
    name: 'type NotEquals [other, own] drops',
    selector: field('resources.type', { NotEquals: ['AWS::S3::Object', ALIAS_TYPE] }),
    expected: 'none',
  },
  {
    name: 'type NotEquals [a, b] neither',
    selector: field('resources.type', { NotEquals: ['AWS::S3::Object', 'AWS::Lambda::Function'] }),
    expected: 'all',
  },
  {
    name: 'type StartsWith service',
    selector: field('resources.type', { StartsWith: ['AWS::Bedrock::'] }),
    expected: 'all',
  },
  {
    name: 'type NotStartsWith service',
    selector: field('resources.type', { NotStartsWith: ['AWS::Bedrock::'] }),
    expected: 'none',
  },
  {
    name: 'type EndsWith Alias',
    selector: field('resources.type', { EndsWith: ['Alias'] }),
    expected: 'all',
  },
  {
    name: 'type NotEndsWith Alias',
    selector: field('resources.type', { NotEndsWith: ['Alias'] }),
    expected: 'none',
  },
  {
    name: 'type Prompt accepted for PromptVersion',
    selector: field('resources.type', { Equals: ['AWS::Bedrock::Prompt'] }),
    event: {
      ...readAlias,
      dataResourceType: 'AWS::Bedrock::PromptVersion',
      arn: 'arn:aws:bedrock:us-east-1:1:prompt/P:1',
    },
    expected: 'all',
  },
  // resources.ARN on an exact ARN
  { name: 'ARN Equals own', selector: field('resources.ARN', { Equals: [ALIAS_ARN] }), expected: 'all' },
  {
    name: 'ARN Equals other',
    selector: field('resources.ARN', { Equals: [`${ALIAS_ARN}X`] }),
    expected: 'none',
  },
  {
    name: 'ARN Equals [other, own]',
    selector: field('resources.ARN', { Equals: ['arn:aws:bedrock:x', ALIAS_ARN] }),
    expected: 'all',
  },
  {
    name: 'ARN NotEquals own',
    selector: field('resources.ARN', { NotEquals: [ALIAS_ARN] }),
    expected: 'none',
  },
  {
    name: 'ARN NotEquals [other, own]',
    selector: field('resources.ARN', { NotEquals: ['arn:aws:bedrock:x', ALIAS_ARN] }),
    expected: 'none',
  },
  {
    name: 'ARN NotEquals [a, b] neither',
    selector: field('resources.ARN', { NotEquals: ['arn:a', 'arn:b'] }),
    expected: 'all',
  },
  {
    name: 'ARN StartsWith prefix',
    selector: field('resources.ARN', {
      StartsWith: ['arn:aws:bedrock:us-east-1:111111111111:agent-alias/AGENT1/'],
    }),
    expected: 'all',
  },
  {
    name: 'ARN StartsWith other prefix',
    selector: field('resources.ARN', {
      StartsWith: ['arn:aws:bedrock:us-east-1:111111111111:agent-alias/AGENT2/'],
    }),
    expected: 'none',
  },
  {
    name: 'ARN NotStartsWith prefix',
    selector: field('resources.ARN', { NotStartsWith: ['arn:aws:bedrock:us-east-1:'] }),
    expected: 'none',
  },
  {
    name: 'ARN NotStartsWith other prefix',
    selector: field('resources.ARN', { NotStartsWith: ['arn:aws:bedrock:eu-west-1:'] }),
    expected: 'all',
  },
  {
    name: 'ARN EndsWith alias id',
    selector: field('resources.ARN', { EndsWith: ['/ALIAS1'] }),
    expected: 'all',
  },
  {
    name: 'ARN EndsWith other id',
    selector: field('resources.ARN', { EndsWith: ['/ALIAS2'] }),
    expected: 'none',
  },
  {
    name: 'ARN NotEndsWith alias id',
    selector: field('resources.ARN', { NotEndsWith: ['/ALIAS1'] }),
    expected: 'none',
  },
  {
    name: 'ARN NotEndsWith other id',
    selector: field('resources.ARN', { NotEndsWith: ['/ALIAS2'] }),
    expected: 'all',
  },
  {
    name: 'ARN positive and negative AND: prefix minus own',
    selector: field('resources.ARN', { StartsWith: ['arn:aws:bedrock:'], NotEquals: [ALIAS_ARN] }),
    expected: 'none',
  },
  {
    name: 'ARN positive and negative AND: prefix minus other',
    selector: field('resources.ARN', { StartsWith: ['arn:aws:bedrock:'], NotEquals: [`${ALIAS_ARN}X`] }),
    expected: 'all',
  },
  {
    name: 'ARN empty operator lists impose nothing',
    selector: field('resources.ARN', { Equals: [], NotEquals: [] }),
    expected: 'all',
  },
  // readOnly
  {
    name: 'readOnly Equals true on a read',
    selector: field('readOnly', { Equals: ['true'] }),
    expected: 'all',
  },
  {
    name: 'readOnly Equals true on a write',
    selector: field('readOnly', { Equals: ['true'] }),
    event: { ...readAlias, readOnly: false },
    expected: 'none',
  },
  {
    name: 'readOnly Equals false on a write',
    selector: field('readOnly', { Equals: ['false'] }),
    event: { ...readAlias, readOnly: false },
    expected: 'all',
  },
  {
    name: 'readOnly NotEquals true on a read',
    selector: field('readOnly', { NotEquals: ['true'] }),
    expected: 'none',
  },
  {
    name: 'readOnly Equals true on any',
    selector: field('readOnly', { Equals: ['true'] }),
    event: { ...readAlias, readOnly: 'any' },
    expected: 'some',
  },
  // eventName, open and given
  {
    name: 'eventName Equals on any event',
    selector: field('eventName', { Equals: ['InvokeAgent'] }),
    expected: 'some',
  },
  {
    name: 'eventName NotEquals on any event',
    selector: field('eventName', { NotEquals: ['InvokeAgent'] }),
    expected: 'some',
  },
  {
    name: 'eventName Equals given',
    selector: field('eventName', { Equals: ['InvokeAgent'] }),
    event: invokeAlias,
    expected: 'all',
  },
  {
    name: 'eventName Equals [a, given]',
    selector: field('eventName', { Equals: ['GetAgent', 'InvokeAgent'] }),
    event: invokeAlias,
    expected: 'all',
  },
  {
    name: 'eventName NotEquals given',
    selector: field('eventName', { NotEquals: ['InvokeAgent'] }),
    event: invokeAlias,
    expected: 'none',
  },
  {
    name: 'eventName NotEquals [a, b] neither',
    selector: field('eventName', { NotEquals: ['GetAgent', 'ListAgents'] }),
    event: invokeAlias,
    expected: 'all',
  },
  {
    name: 'eventName StartsWith given',
    selector: field('eventName', { StartsWith: ['Invoke'] }),
    event: invokeAlias,
    expected: 'all',
  },
  {
    name: 'eventName NotStartsWith given',
    selector: field('eventName', { NotStartsWith: ['Invoke'] }),
    event: invokeAlias,
    expected: 'none',
  },
  {
    name: 'eventName EndsWith given',
    selector: field('eventName', { EndsWith: ['Agent'] }),
    event: invokeAlias,
    expected: 'all',
  },
  {
    name: 'eventName NotEndsWith given',
    selector: field('eventName', { NotEndsWith: ['Flow'] }),
    event: invokeAlias,
    expected: 'all',
  },
  // eventSource
  {
    name: 'eventSource Equals on any event',
    selector: field('eventSource', { Equals: ['bedrock.amazonaws.com'] }),
    expected: 'some',
  },
  {
    name: 'eventSource Equals given',
    selector: field('eventSource', { Equals: ['bedrock.amazonaws.com'] }),
    event: invokeAlias,
    expected: 'all',
  },
  {
    name: 'eventSource NotEquals given',
    selector: field('eventSource', { NotEquals: ['bedrock.amazonaws.com'] }),
    event: invokeAlias,
    expected: 'none',
  },
  {
    name: 'eventSource StartsWith given',
    selector: field('eventSource', { StartsWith: ['bedrock.'] }),
    event: invokeAlias,
    expected: 'all',
  },
  {
    name: 'eventSource NotStartsWith given',
    selector: field('eventSource', { NotStartsWith: ['kms.'] }),
    event: invokeAlias,
    expected: 'all',
  },
  {
    name: 'eventSource EndsWith given',
    selector: field('eventSource', { EndsWith: ['.amazonaws.com'] }),
    event: invokeAlias,
    expected: 'all',
  },
  {
    name: 'eventSource NotEndsWith given',
    selector: field('eventSource', { NotEndsWith: ['.amazonaws.com'] }),
    event: invokeAlias,
    expected: 'none',
  },
  // fields that only narrow
  { name: 'eventType Equals', selector: field('eventType', { Equals: ['AwsApiCall'] }), expected: 'some' },
  {
    name: 'eventType NotEquals',
    selector: field('eventType', { NotEquals: ['AwsServiceEvent'] }),
    expected: 'some',
  },
  {
    name: 'userIdentity.arn StartsWith',
    selector: field('userIdentity.arn', { StartsWith: ['arn:aws:sts::1:assumed-role/x'] }),
    expected: 'some',
  },
  {
    name: 'userIdentity.arn NotStartsWith',
    selector: field('userIdentity.arn', { NotStartsWith: ['arn:aws:sts::1:assumed-role/x'] }),
    expected: 'some',
  },
  {
    name: 'userIdentity.arn EndsWith',
    selector: field('userIdentity.arn', { EndsWith: ['/x'] }),
    expected: 'some',
  },
  {
    name: 'userIdentity.arn NotEndsWith',
    selector: field('userIdentity.arn', { NotEndsWith: ['/x'] }),
    expected: 'some',
  },
  {
    name: 'sessionCredentialFromConsole Equals',
    selector: field('sessionCredentialFromConsole', { Equals: ['true'] }),
    expected: 'some',
  },
  {
    name: 'sessionCredentialFromConsole NotEquals',
    selector: field('sessionCredentialFromConsole', { NotEquals: ['true'] }),
    expected: 'some',
  },
  // what cannot be decided
  {
    name: 'unknown field',
    selector: field('errorCode', { Equals: ['VpceAccessDenied'] }),
    expected: 'unknown',
  },
  {
    name: 'unknown value',
    selector: field('resources.type', { Equals: [unknownValue('known after apply')] }),
    expected: 'unknown',
  },
  {
    name: 'unknown value among known ones that match',
    selector: field('resources.type', { Equals: [unknownValue('x'), ALIAS_TYPE] }),
    expected: 'all',
  },
  {
    name: 'unknown negative value',
    selector: field('resources.ARN', { NotEquals: [unknownValue('known after apply')] }),
    expected: 'unknown',
  },
  {
    name: 'known negative match beats an unknown one',
    selector: field('resources.ARN', { NotEquals: [unknownValue('x'), ALIAS_ARN] }),
    expected: 'none',
  },
];

describe('matchFieldSelector, every field and operator', () => {
  it.each(fieldCases)('$name -> $expected', ({ selector, event, expected }) => {
    expect(admissionOf(selector, event)).toBe(expected);
  });
});

const BUCKET_ARN = 'arn:aws:s3:::docs';
const bucketObjects: EventDescription = {
  eventCategory: 'Data',
  dataResourceType: 'AWS::S3::Object',
  arn: BUCKET_ARN,
  readOnly: true,
};

describe('resources.ARN on the objects of a bucket', () => {
  const cases: readonly [string, FieldSelector, Admission][] = [
    ['the bucket with /', field('resources.ARN', { StartsWith: ['arn:aws:s3:::docs/'] }), 'all'],
    [
      'a prefix inside the bucket',
      field('resources.ARN', { StartsWith: ['arn:aws:s3:::docs/logs/'] }),
      'some',
    ],
    ['all of S3', field('resources.ARN', { StartsWith: ['arn:aws:s3'] }), 'all'],
    ['all buckets', field('resources.ARN', { StartsWith: ['arn:aws:s3:::'] }), 'all'],
    ['another bucket', field('resources.ARN', { StartsWith: ['arn:aws:s3:::other/'] }), 'none'],
    ['a shorter name prefix', field('resources.ARN', { StartsWith: ['arn:aws:s3:::doc'] }), 'all'],
    ['one object', field('resources.ARN', { Equals: ['arn:aws:s3:::docs/a.txt'] }), 'some'],
    ['an object of another bucket', field('resources.ARN', { Equals: ['arn:aws:s3:::other/a.txt'] }), 'none'],
    ['all but a prefix', field('resources.ARN', { NotStartsWith: ['arn:aws:s3:::docs/tmp/'] }), 'some'],
    ['all but the bucket', field('resources.ARN', { NotStartsWith: ['arn:aws:s3:::docs/'] }), 'none'],
    ['a suffix', field('resources.ARN', { EndsWith: ['.pdf'] }), 'some'],
    ['all but a suffix', field('resources.ARN', { NotEndsWith: ['.tmp'] }), 'some'],
  ];
  it.each(named(cases))('$name -> $expected', ({ input: selector, expected }) => {
    expect(admissionOf(selector, bucketObjects)).toBe(expected);
  });

  it('names resources.ARN as the narrowing of a prefix that covers part of the bucket', () => {
    const match = matchFieldSelector(
      field('resources.ARN', { StartsWith: ['arn:aws:s3:::docs/logs/'] }),
      bucketObjects,
      EMPTY_CONTEXT,
    );
    expect(match.narrowedBy).toEqual(['resources.ARN']);
  });
});

describe('symbolic ARNs', () => {
  const ownBucket = sym(ref('Stack/Docs'));
  const objects: EventDescription = { ...bucketObjects, arn: ownBucket };
  const cases: readonly [string, FieldSelector, Admission][] = [
    [
      'the same bucket reference with /',
      field('resources.ARN', { StartsWith: [sym(ref('Stack/Docs'), '/')] }),
      'all',
    ],
    [
      'another bucket reference with /',
      field('resources.ARN', { StartsWith: [sym(ref('Stack/Other'), '/')] }),
      'none',
    ],
    [
      'a prefix under the same bucket',
      field('resources.ARN', { StartsWith: [sym(ref('Stack/Docs'), '/logs/')] }),
      'some',
    ],
    ['all buckets', field('resources.ARN', { StartsWith: ['arn:aws:s3:::'] }), 'all'],
    [
      'all buckets in another partition spelling',
      field('resources.ARN', { StartsWith: ['arn:aws-cn:s3'] }),
      'all',
    ],
    ['Lambda functions', field('resources.ARN', { StartsWith: ['arn:aws:lambda'] }), 'none'],
    ['a literal bucket', field('resources.ARN', { StartsWith: ['arn:aws:s3:::docs/'] }), 'unknown'],
    [
      'another bucket reference without /',
      field('resources.ARN', { StartsWith: [sym(ref('Stack/Other'))] }),
      'unknown',
    ],
  ];
  it.each(named(cases))('$name -> $expected', ({ input: selector, expected }) => {
    expect(admissionOf(selector, objects)).toBe(expected);
  });

  const alias: EventDescription = { ...readAlias, arn: sym(ref('Stack/Alias')) };
  const aliasCases: readonly [string, FieldSelector, Admission][] = [
    ['Equals the same reference', field('resources.ARN', { Equals: [sym(ref('Stack/Alias'))] }), 'all'],
    ['Equals another resource ARN', field('resources.ARN', { Equals: [sym(ref('Stack/Other'))] }), 'none'],
    [
      'NotEquals another resource ARN',
      field('resources.ARN', { NotEquals: [sym(ref('Stack/Other'))] }),
      'all',
    ],
    [
      'Equals the same resource name',
      field('resources.ARN', { Equals: [sym(ref('Stack/Alias', 'name'))] }),
      'unknown',
    ],
    ['Equals a literal of the same service', field('resources.ARN', { Equals: [ALIAS_ARN] }), 'unknown'],
    ['Equals a literal of another service', field('resources.ARN', { Equals: ['arn:aws:s3:::x'] }), 'none'],
    ['StartsWith the Bedrock service', field('resources.ARN', { StartsWith: ['arn:aws:bedrock:'] }), 'all'],
    ['EndsWith a literal', field('resources.ARN', { EndsWith: ['/ALIAS1'] }), 'unknown'],
  ];
  it.each(named(aliasCases))('$name -> $expected', ({ input: selector, expected }) => {
    expect(admissionOf(selector, alias)).toBe(expected);
  });

  it('resolves a reference whose value the snapshot knows', () => {
    const context = buildMatchContext(snapshot({ resources: [bucket('Stack/Docs', { arn: BUCKET_ARN })] }));
    const selector = field('resources.ARN', { StartsWith: [sym(ref('Stack/Docs'), '/')] });
    expect(matchFieldSelector(selector, bucketObjects, context).admission).toBe('all');
  });
});

describe('unknown ARNs', () => {
  const unknownAlias: EventDescription = { ...readAlias, arn: unknownValue('known after apply') };
  it('a type-wide selector records every resource of the type', () => {
    expect(matchAdvancedSelectors([dataSelector(ALIAS_TYPE)], unknownAlias, EMPTY_CONTEXT).admission).toBe(
      'all',
    );
  });
  it('an ARN-filtered selector cannot be decided', () => {
    const selector = dataSelector(ALIAS_TYPE, field('resources.ARN', { Equals: [ALIAS_ARN] }));
    const match = matchAdvancedSelectors([selector], unknownAlias, EMPTY_CONTEXT);
    expect(match.admission).toBe('unknown');
    expect(match.unknownBecause.join(' ')).toContain('known after apply');
  });
  it('an ARN-filtered selector of another type still does not match', () => {
    const selector = dataSelector(
      'AWS::S3::Object',
      field('resources.ARN', { StartsWith: ['arn:aws:s3:::x/'] }),
    );
    expect(matchAdvancedSelectors([selector], unknownAlias, EMPTY_CONTEXT).admission).toBe('none');
  });
});

describe('SageMaker ARNs compare without case', () => {
  const endpoint: EventDescription = {
    eventCategory: 'Data',
    dataResourceType: 'AWS::SageMaker::Endpoint',
    arn: 'arn:aws:sagemaker:us-east-1:111111111111:endpoint/myendpoint',
    readOnly: true,
  };
  it('matches a name written in another case', () => {
    const selector = field('resources.ARN', {
      Equals: ['arn:aws:sagemaker:us-east-1:111111111111:endpoint/MyEndpoint'],
    });
    expect(admissionOf(selector, endpoint)).toBe('all');
  });
  it('keeps case for other services', () => {
    expect(admissionOf(field('resources.ARN', { Equals: [ALIAS_ARN.toLowerCase()] }))).toBe('none');
  });
});

describe('selectors and field selectors combine', () => {
  const typeOnly = dataSelector(ALIAS_TYPE);
  const otherType = dataSelector('AWS::S3::Object');
  const narrowed = dataSelector(ALIAS_TYPE, field('eventName', { Equals: ['InvokeAgent'] }));
  const cases: readonly [string, AdvancedSelector[], Admission][] = [
    ['no selectors', [], 'none'],
    ['one matching selector', [typeOnly], 'all'],
    ['another type only', [otherType], 'none'],
    [
      'fields AND: the category fails',
      [
        advancedSelector(
          field('eventCategory', { Equals: ['Management'] }),
          field('resources.type', { Equals: [ALIAS_TYPE] }),
        ),
      ],
      'none',
    ],
    ['selectors OR: one of two', [otherType, typeOnly], 'all'],
    ['a narrowed selector', [narrowed], 'some'],
    ['a narrowed and a full selector', [narrowed, typeOnly], 'all'],
    ['a narrowed and a non-matching selector', [otherType, narrowed], 'some'],
  ];
  it.each(named(cases))('$name -> $expected', ({ input: selectors, expected }) => {
    expect(matchAdvancedSelectors(selectors, readAlias, EMPTY_CONTEXT).admission).toBe(expected);
  });
});
