import { describe, expect, it } from 'vitest';
import { findAiResources } from '../../../src/analysis/coverage/ai-resources.js';
import { buildMatchContext } from '../../../src/analysis/coverage/match-context.js';
import { assessResourceCoverage } from '../../../src/analysis/coverage/resource-coverage.js';
import type { CloudResource } from '../../../src/model/resource.js';
import type { Sink } from '../../../src/model/sink.js';
import type { Snapshot } from '../../../src/model/snapshot.js';
import { unknownValue } from '../../../src/model/unknown.js';
import {
  aiResource,
  bucket,
  dataSelector,
  eventDataStore,
  field,
  lambdaFunction,
  link,
  ref,
  snapshot,
  sym,
  table,
  trail,
} from '../../support/builders.js';

const KB_TYPE = 'AWS::Bedrock::KnowledgeBase';
const KB_ARN = 'arn:aws:bedrock:us-east-1:111111111111:knowledge-base/KB1';
const kb = aiResource('kb', KB_TYPE, KB_ARN);

function coverageOf(resource: CloudResource, sinks: Sink[], type = resource.dataResourceType ?? '') {
  const snap = snapshot({ resources: [resource], sinks });
  return assessResourceCoverage(resource, type, sinks, buildMatchContext(snap));
}

describe('assessResourceCoverage', () => {
  it('full: a type-wide selector records reads and writes', () => {
    const result = coverageOf(kb, [trail('t', { advancedSelectors: [dataSelector(KB_TYPE)] })]);
    expect(result.status).toBe('full');
    expect(result.detail).toBeUndefined();
    expect(result.coveredBy).toEqual(['t']);
  });

  it('full: reads and writes recorded by different sinks', () => {
    const reads = trail('reads', {
      advancedSelectors: [dataSelector(KB_TYPE, field('readOnly', { Equals: ['true'] }))],
    });
    const writes = eventDataStore('writes', {
      advancedSelectors: [dataSelector(KB_TYPE, field('readOnly', { Equals: ['false'] }))],
    });
    const result = coverageOf(kb, [reads, writes]);
    expect(result.status).toBe('full');
    expect(result.coveredBy).toEqual(['reads', 'writes']);
  });

  it('partial, read-only', () => {
    const sink = trail('t', {
      advancedSelectors: [dataSelector(KB_TYPE, field('readOnly', { Equals: ['true'] }))],
    });
    expect(coverageOf(kb, [sink])).toMatchObject({ status: 'partial', detail: 'read-only' });
  });

  it('partial, write-only', () => {
    const sink = trail('t', {
      advancedSelectors: [dataSelector(KB_TYPE, field('readOnly', { Equals: ['false'] }))],
    });
    expect(coverageOf(kb, [sink])).toMatchObject({ status: 'partial', detail: 'write-only' });
  });

  it('partial, narrowed by eventName and userIdentity.arn', () => {
    const sink = trail('t', {
      advancedSelectors: [
        dataSelector(
          KB_TYPE,
          field('eventName', { Equals: ['Retrieve'] }),
          field('userIdentity.arn', { NotStartsWith: ['arn:aws:sts::111111111111:assumed-role/ci'] }),
        ),
      ],
    });
    expect(coverageOf(kb, [sink])).toMatchObject({
      status: 'partial',
      detail: 'narrowed by eventName, userIdentity.arn',
    });
  });

  it('partial, an S3 prefix that admits only part of the bucket', () => {
    const docs = bucket('docs');
    const sink = trail('t', {
      advancedSelectors: [
        dataSelector('AWS::S3::Object', field('resources.ARN', { StartsWith: ['arn:aws:s3:::docs/logs/'] })),
      ],
    });
    expect(coverageOf(docs, [sink])).toMatchObject({
      status: 'partial',
      detail: 'narrowed by resources.ARN',
    });
  });

  it('none: no sink, or a sink for other types', () => {
    expect(coverageOf(kb, []).status).toBe('none');
    expect(
      coverageOf(kb, [trail('t', { advancedSelectors: [dataSelector('AWS::S3::Object')] })]),
    ).toMatchObject({
      status: 'none',
      coveredBy: [],
    });
  });

  it('unknown: the ARN is unknown and only an ARN-filtered selector could match', () => {
    const pending = aiResource('kb', KB_TYPE, unknownValue('known after apply'));
    const sink = trail('t', {
      advancedSelectors: [dataSelector(KB_TYPE, field('resources.ARN', { Equals: [KB_ARN] }))],
    });
    const result = coverageOf(pending, [sink]);
    expect(result.status).toBe('unknown');
    expect(result.detail).toContain('known after apply');
  });

  it('full for an unknown ARN when a type-wide selector records the type', () => {
    const pending = aiResource('kb', KB_TYPE, unknownValue('known after apply'));
    expect(coverageOf(pending, [trail('t', { advancedSelectors: [dataSelector(KB_TYPE)] })]).status).toBe(
      'full',
    );
  });

  it('full for a symbolic ARN named by the same reference', () => {
    const symbolicKb = aiResource('Stack/Kb', KB_TYPE, sym(ref('Stack/Kb')));
    const sink = trail('t', {
      advancedSelectors: [dataSelector(KB_TYPE, field('resources.ARN', { Equals: [sym(ref('Stack/Kb'))] }))],
    });
    expect(coverageOf(symbolicKb, [sink]).status).toBe('full');
  });

  it('unknown when the sink region cannot be compared', () => {
    const sink = trail('t', {
      multiRegion: false,
      homeRegion: unknownValue('provider region'),
      advancedSelectors: [dataSelector(KB_TYPE)],
    });
    expect(coverageOf(kb, [sink]).status).toBe('unknown');
  });
});

function rolesOf(snap: Snapshot): Record<string, string> {
  return Object.fromEntries(findAiResources(snap).map((entry) => [entry.resource.id, entry.role]));
}

describe('findAiResources', () => {
  it('counts AI resources with a data-event type, not those without', () => {
    const agent = aiResource('agent', null, 'arn:aws:bedrock:us-east-1:1:agent/A');
    const alias = aiResource(
      'alias',
      'AWS::Bedrock::AgentAlias',
      'arn:aws:bedrock:us-east-1:1:agent-alias/A/L',
    );
    const loose = bucket('unrelated');
    expect(rolesOf(snapshot({ resources: [agent, alias, loose] }))).toEqual({ alias: 'ai' });
  });

  it('follows a knowledge base, its data source and the bucket', () => {
    const dataSource = aiResource('ds', null, unknownValue('no ARN'), { kind: 'other' });
    const docs = bucket('docs');
    const snap = snapshot({
      resources: [kb, dataSource, docs],
      links: [link('ds', 'part-of', 'kb'), link('ds', 'data-source-bucket', { arn: 'arn:aws:s3:::docs' })],
    });
    expect(rolesOf(snap)).toEqual({ kb: 'ai', docs: 'ai-data' });
  });

  it('follows an agent, its action group and the Lambda tool', () => {
    const agent = aiResource('agent', null, 'arn:aws:bedrock:us-east-1:1:agent/A');
    const group = aiResource('group', null, unknownValue('no ARN'), { kind: 'other' });
    const tool = lambdaFunction('tool');
    const snap = snapshot({
      resources: [agent, group, tool],
      links: [
        link('group', 'part-of', { arn: 'arn:aws:bedrock:us-east-1:1:agent/A' }),
        link('group', 'tool-function', { name: 'tool' }),
      ],
    });
    expect(rolesOf(snap)).toEqual({ tool: 'ai-tool' });
  });

  it('resolves a link by a reference to the target ARN', () => {
    const docs = bucket('Stack/Docs', { arn: sym(ref('Stack/Docs')) });
    const snap = snapshot({
      resources: [kb, docs],
      links: [link('kb', 'stores-data-in', { arn: sym(ref('Stack/Docs')) })],
    });
    expect(rolesOf(snap)).toEqual({ kb: 'ai', 'Stack/Docs': 'ai-data' });
  });

  it('adds a bucket or function known only by ARN as a synthetic entry', () => {
    const snap = snapshot({
      resources: [kb],
      links: [
        link('kb', 'data-source-bucket', { arn: 'arn:aws:s3:::shared-docs' }),
        link('kb', 'tool-function', { arn: 'arn:aws:lambda:eu-west-1:222222222222:function:f' }),
        link('kb', 'data-source-bucket', { arn: unknownValue('known after apply') }),
      ],
    });
    const entries = findAiResources(snap);
    expect(entries.map((entry) => [entry.resource.id, entry.role, entry.synthetic])).toEqual([
      ['arn:aws:lambda:eu-west-1:222222222222:function:f', 'ai-tool', true],
      ['arn:aws:s3:::shared-docs', 'ai-data', true],
      ['kb', 'ai', false],
    ]);
    const lambda = entries[0]?.resource;
    expect(lambda?.region).toBe('eu-west-1');
    expect(lambda?.account).toBe('222222222222');
  });

  it('counts a DynamoDB table an AI resource stores data in', () => {
    const memory = table('memory');
    const snap = snapshot({ resources: [kb, memory], links: [link('kb', 'stores-data-in', 'memory')] });
    expect(findAiResources(snap).find((entry) => entry.resource.id === 'memory')?.dataResourceType).toBe(
      'AWS::DynamoDB::Table',
    );
  });

  it('ignores links from resources that are not AI', () => {
    const other = aiResource('app', null, 'x', { kind: 'other' });
    const snap = snapshot({
      resources: [other, bucket('docs')],
      links: [link('app', 'stores-data-in', 'docs')],
    });
    expect(findAiResources(snap)).toEqual([]);
  });
});
