import { describe, expect, it } from 'vitest';
import { suggestSelector } from '../../src/report/suggest-selector.js';

describe('suggestSelector', () => {
  it('names a known ARN exactly', () => {
    const suggestion = suggestSelector({
      id: 'aws_bedrockagent_agent_alias.live',
      dataResourceType: 'AWS::Bedrock::AgentAlias',
      arn: 'arn:aws:bedrock:us-east-1:123456789012:agent-alias/AGENT1234/ALIAS5678',
    });
    expect(suggestion).toEqual({
      kind: 'selector',
      scope: 'resource',
      hcl: [
        'advanced_event_selector {',
        '  name = "AI data events: aws_bedrockagent_agent_alias.live"',
        '  field_selector {',
        '    field  = "eventCategory"',
        '    equals = ["Data"]',
        '  }',
        '  field_selector {',
        '    field  = "resources.type"',
        '    equals = ["AWS::Bedrock::AgentAlias"]',
        '  }',
        '  field_selector {',
        '    field  = "resources.ARN"',
        '    equals = ["arn:aws:bedrock:us-east-1:123456789012:agent-alias/AGENT1234/ALIAS5678"]',
        '  }',
        '}',
      ].join('\n'),
    });
  });

  it('covers a bucket by object prefix', () => {
    const suggestion = suggestSelector({
      id: 'aws_s3_bucket.docs',
      dataResourceType: 'AWS::S3::Object',
      arn: 'arn:aws:s3:::kb-docs',
    });
    expect(suggestion.kind === 'selector' && suggestion.hcl).toContain(
      '    field       = "resources.ARN"\n    starts_with = ["arn:aws:s3:::kb-docs/"]',
    );
  });

  it('covers the whole type when the ARN is unknown, and says so', () => {
    const suggestion = suggestSelector({ id: 'kb', dataResourceType: 'AWS::Bedrock::KnowledgeBase' });
    expect(suggestion).toMatchObject({ kind: 'selector', scope: 'type' });
    expect(suggestion.kind === 'selector' && suggestion.note).toMatch(/not known yet/);
    expect(suggestion.kind === 'selector' && suggestion.hcl).not.toContain('resources.ARN');
  });

  it.each([
    '${aws_s3_bucket.docs.arn}',
    'arn:aws:s3:::x"] }\n  malicious = ["',
    '(unknown: known after apply)',
  ])('keeps an ARN that is not plain (%j) out of the code', (arn) => {
    const suggestion = suggestSelector({ id: 'x', dataResourceType: 'AWS::S3::Object', arn });
    expect(suggestion).toMatchObject({ kind: 'selector', scope: 'type' });
    expect(suggestion.kind === 'selector' && suggestion.hcl).not.toContain(arn);
  });

  it('writes only safe characters into the selector name', () => {
    const suggestion = suggestSelector({
      id: 'module.x["a\\"b${c}"]\n',
      dataResourceType: 'AWS::Lambda::Function',
    });
    expect(suggestion.kind === 'selector' && suggestion.hcl.split('\n')[1]).toBe(
      '  name = "AI data events: module.x__a__b__c____"',
    );
  });

  it('writes nothing for a type that is not a CloudTrail type name', () => {
    expect(suggestSelector({ id: 'x', dataResourceType: 'AWS::S3::Object"]' })).toEqual({
      kind: 'none',
      reason: 'its data-event resource type is not a CloudTrail type name',
    });
  });
});
