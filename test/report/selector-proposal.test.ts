import { describe, expect, it } from 'vitest';
import { proposeSelector } from '../../src/report/selector-proposal.js';

describe('proposeSelector', () => {
  it('names a known ARN exactly', () => {
    const proposal = proposeSelector({
      dataResourceType: 'AWS::Bedrock::AgentAlias',
      arn: 'arn:aws:bedrock:us-east-1:123456789012:agent-alias/AGENT1234/ALIAS5678',
    });
    expect(proposal).toMatchObject({ kind: 'selector', scope: 'resource' });
    expect(proposal.kind === 'selector' && proposal.hcl).toContain(
      [
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
    );
  });

  it('covers a bucket by object prefix', () => {
    const proposal = proposeSelector({ dataResourceType: 'AWS::S3::Object', arn: 'arn:aws:s3:::kb-docs' });
    expect(proposal.kind === 'selector' && proposal.hcl).toContain(
      '    field       = "resources.ARN"\n    starts_with = ["arn:aws:s3:::kb-docs/"]',
    );
  });

  it('covers the whole type when the ARN is unknown, and says so', () => {
    const proposal = proposeSelector({ dataResourceType: 'AWS::Bedrock::KnowledgeBase' });
    expect(proposal).toMatchObject({ kind: 'selector', scope: 'type' });
    expect(proposal.kind === 'selector' && proposal.note).toMatch(/not known yet/);
    expect(proposal.kind === 'selector' && proposal.hcl).not.toContain('resources.ARN');
  });

  it.each([
    '${aws_s3_bucket.docs.arn}',
    'arn:aws:s3:::x"] }\n  malicious = ["',
    '(unknown: known after apply)',
  ])('keeps an ARN that is not plain (%j) out of the code', (arn) => {
    const proposal = proposeSelector({ dataResourceType: 'AWS::S3::Object', arn });
    expect(proposal).toMatchObject({ kind: 'selector', scope: 'type' });
    expect(proposal.kind === 'selector' && proposal.hcl).not.toContain(arn);
    expect(proposal.kind === 'selector' && proposal.note).toMatch(/not a plain ARN/);
  });

  it('proposes nothing for a type that is not a CloudTrail type name', () => {
    expect(proposeSelector({ dataResourceType: 'AWS::S3::Object"]' })).toEqual({
      kind: 'none',
      reason: 'its data-event resource type is not a CloudTrail type name',
    });
  });
});
