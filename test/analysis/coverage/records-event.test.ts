import { describe, expect, it } from 'vitest';
import { recordsEvent, suggestSelector } from '../../../src/analysis/coverage/index.js';
import { unknownValue } from '../../../src/model/unknown.js';
import { bucket, dataSelector, externalSink, field, snapshot, trail } from '../../support/builders.js';

const docsSelector = dataSelector(
  'AWS::S3::Object',
  field('resources.ARN', { StartsWith: ['arn:aws:s3:::docs/'] }),
);

describe('recordsEvent', () => {
  const snap = snapshot({
    resources: [bucket('docs')],
    sinks: [trail('t', { advancedSelectors: [docsSelector] })],
  });

  it('records an object read under a recorded bucket', () => {
    const result = recordsEvent(snap, [], {
      dataResourceType: 'AWS::S3::Object',
      arn: 'arn:aws:s3:::docs/*',
      readOnly: true,
      eventName: 'GetObject',
    });
    expect(result).toEqual({ recorded: true, partial: false, by: ['t'] });
  });

  it('does not record another bucket', () => {
    const result = recordsEvent(snap, [], {
      dataResourceType: 'AWS::S3::Object',
      arn: 'arn:aws:s3:::other/*',
      readOnly: true,
    });
    expect(result).toEqual({ recorded: false, partial: false, by: [] });
  });

  it('says when only part is recorded', () => {
    const result = recordsEvent(snap, [], { dataResourceType: 'AWS::S3::Object', arn: '*', readOnly: 'any' });
    expect(result.recorded).toBe('unknown');
    expect(result.partial).toBe(true);
    expect(result.detail).toContain('resources.ARN');
  });

  it('counts external sinks', () => {
    const org = externalSink('external:org', { advancedSelectors: [dataSelector('AWS::Lambda::Function')] });
    const result = recordsEvent(snapshot(), [org], {
      dataResourceType: 'AWS::Lambda::Function',
      arn: 'arn:aws:lambda:us-east-1:111111111111:function:tool',
      readOnly: false,
    });
    expect(result).toEqual({ recorded: true, partial: false, by: ['external:org'] });
  });

  it('rests on an unknown ARN', () => {
    const result = recordsEvent(snap, [], {
      dataResourceType: 'AWS::S3::Object',
      arn: unknownValue('known after apply'),
      readOnly: true,
    });
    expect(result.recorded).toBe('unknown');
    expect(result.partial).toBe(false);
    expect(result.detail).toContain('known after apply');
  });
});

describe('suggestSelector', () => {
  it('writes a type-wide block for an unknown ARN', () => {
    expect(suggestSelector({ dataResourceType: 'AWS::Bedrock::Guardrail' })).toBe(
      [
        'advanced_event_selector {',
        '  name = "Log data events for AWS::Bedrock::Guardrail"',
        '  field_selector {',
        '    field  = "eventCategory"',
        '    equals = ["Data"]',
        '  }',
        '  field_selector {',
        '    field  = "resources.type"',
        '    equals = ["AWS::Bedrock::Guardrail"]',
        '  }',
        '}',
      ].join('\n'),
    );
  });

  it('names a known ARN exactly, and every object of a bucket', () => {
    const arn = 'arn:aws:bedrock:us-east-1:111111111111:agent-alias/A/L';
    expect(suggestSelector({ dataResourceType: 'AWS::Bedrock::AgentAlias', arn })).toContain(
      `    field  = "resources.ARN"\n    equals = ["${arn}"]`,
    );
    expect(suggestSelector({ dataResourceType: 'AWS::S3::Object', arn: 'arn:aws:s3:::docs' })).toContain(
      '    field       = "resources.ARN"\n    starts_with = ["arn:aws:s3:::docs/"]',
    );
  });

  it('escapes untrusted text so that it cannot interpolate or break the string', () => {
    const block = suggestSelector({ dataResourceType: 'AWS::S3::Object', arn: 'arn:aws:s3:::a"${b}' });
    expect(block).toContain('starts_with = ["arn:aws:s3:::a\\"$${b}/"]');
  });

  it('the suggested selector covers the resource', () => {
    const docs = bucket('docs');
    const suggested = dataSelector(
      'AWS::S3::Object',
      field('resources.ARN', { StartsWith: ['arn:aws:s3:::docs/'] }),
    );
    const block = suggestSelector({ dataResourceType: 'AWS::S3::Object', arn: 'arn:aws:s3:::docs' });
    expect(block).toContain('arn:aws:s3:::docs/');
    const snap = snapshot({ resources: [docs], sinks: [trail('t', { advancedSelectors: [suggested] })] });
    expect(
      recordsEvent(snap, [], { dataResourceType: 'AWS::S3::Object', arn: docs.arn, readOnly: 'any' })
        .recorded,
    ).toBe(true);
  });
});
