import { describe, expect, it } from 'vitest';
import { analyzeCoverage, type CoverageInput } from '../../../src/analysis/coverage/index.js';
import type { ChangeAction } from '../../../src/model/resource.js';
import type { Snapshot } from '../../../src/model/snapshot.js';
import { unknownValue } from '../../../src/model/unknown.js';
import {
  aiResource,
  basicSelector,
  bucket,
  dataSelector,
  externalSink,
  field,
  link,
  managementSelector,
  snapshot,
  trail,
} from '../../support/builders.js';

const ALIAS_TYPE = 'AWS::Bedrock::AgentAlias';
const ALIAS_ARN = 'arn:aws:bedrock:us-east-1:111111111111:agent-alias/A1/L1';
const alias = aiResource('aws_bedrockagent_agent_alias.live', ALIAS_TYPE, ALIAS_ARN, {
  location: { file: 'main.tf', line: 12 },
});
const aliasTrail = trail('aws_cloudtrail.main', {
  advancedSelectors: [managementSelector(), dataSelector(ALIAS_TYPE)],
});
const readOnlyTrail = trail('aws_cloudtrail.main', {
  advancedSelectors: [
    managementSelector(),
    dataSelector(ALIAS_TYPE, field('readOnly', { Equals: ['true'] })),
  ],
});
const managementOnly = trail('aws_cloudtrail.main', { advancedSelectors: [managementSelector()] });

function analyze(
  before: Snapshot,
  after: Snapshot,
  changes: Record<string, ChangeAction> = {},
  input: Partial<CoverageInput> = {},
) {
  return analyzeCoverage({ before, after, changes, externalSinks: [], ...input });
}

function rules(findings: readonly { ruleId: string; existing?: boolean }[]): string[] {
  return findings.map((finding) => `${finding.ruleId}${finding.existing ? ' (existing)' : ''}`).sort();
}

describe('resource findings', () => {
  it('a new AI resource that no sink records: unlogged-ai-resource, with the fix in the message', () => {
    const result = analyze(
      snapshot({ sinks: [managementOnly] }),
      snapshot({ resources: [alias], sinks: [managementOnly] }),
    );
    expect(rules(result.findings)).toEqual(['unlogged-ai-resource']);
    const finding = result.findings[0];
    expect(finding?.resource).toBe(alias.id);
    expect(finding?.location).toEqual({ file: 'main.tf', line: 12 });
    expect(finding?.message).toContain(`resources.type Equals ${ALIAS_TYPE}`);
    expect(finding?.message).toContain(`resources.ARN Equals ${ALIAS_ARN}`);
    expect(result.resources).toEqual([
      expect.objectContaining({
        id: alias.id,
        action: 'create',
        before: null,
        after: 'none',
        role: 'ai',
        arn: ALIAS_ARN,
      }),
    ]);
  });

  it('a new AI resource that is partly recorded: partially-logged-ai-resource', () => {
    const result = analyze(
      snapshot({ sinks: [readOnlyTrail] }),
      snapshot({ resources: [alias], sinks: [readOnlyTrail] }),
    );
    expect(rules(result.findings)).toEqual(['partially-logged-ai-resource']);
    expect(result.resources[0]?.detail).toBe('read-only');
  });

  it('a new AI resource that is fully recorded gives no finding', () => {
    const result = analyze(
      snapshot({ sinks: [aliasTrail] }),
      snapshot({ resources: [alias], sinks: [aliasTrail] }),
    );
    expect(result.findings).toEqual([]);
    expect(result.resources[0]?.coveredBy).toEqual(['aws_cloudtrail.main']);
  });

  it('full to partial is coverage-lost', () => {
    const result = analyze(
      snapshot({ resources: [alias], sinks: [aliasTrail] }),
      snapshot({ resources: [alias], sinks: [readOnlyTrail] }),
    );
    expect(rules(result.findings)).toEqual(['coverage-lost']);
  });

  it('partial to none is coverage-lost, and the sink that stops covering it is disabled', () => {
    const result = analyze(
      snapshot({ resources: [alias], sinks: [readOnlyTrail] }),
      snapshot({ resources: [alias], sinks: [managementOnly] }),
    );
    expect(rules(result.findings)).toEqual(['coverage-lost', 'sink-disabled']);
    const disabled = result.findings.find((finding) => finding.ruleId === 'sink-disabled');
    expect(disabled?.message).toContain('no longer cover any AI resource');
  });

  it('a standing gap gives only existing findings', () => {
    const none = analyze(
      snapshot({ resources: [alias], sinks: [managementOnly] }),
      snapshot({ resources: [alias], sinks: [managementOnly] }),
    );
    expect(rules(none.findings)).toEqual(['unlogged-ai-resource (existing)']);
    const partial = analyze(
      snapshot({ resources: [alias], sinks: [readOnlyTrail] }),
      snapshot({ resources: [alias], sinks: [readOnlyTrail] }),
    );
    expect(rules(partial.findings)).toEqual(['partially-logged-ai-resource (existing)']);
  });

  it('a deleted resource gives no coverage-lost', () => {
    const result = analyze(
      snapshot({ resources: [alias], sinks: [aliasTrail] }),
      snapshot({ sinks: [aliasTrail] }),
    );
    expect(result.findings).toEqual([]);
    expect(result.resources[0]).toMatchObject({
      action: 'delete',
      before: 'full',
      after: null,
      coveredBy: ['aws_cloudtrail.main'],
    });
  });

  it('none to full is coverage-gained', () => {
    const result = analyze(
      snapshot({ resources: [alias], sinks: [managementOnly] }),
      snapshot({ resources: [alias], sinks: [aliasTrail] }),
    );
    expect(rules(result.findings)).toEqual(['coverage-gained']);
  });

  it('full to unknown says it may no longer be logged, with a note in the detail', () => {
    const computed = trail('aws_cloudtrail.main', { advancedSelectors: unknownValue('known after apply') });
    const result = analyze(
      snapshot({ resources: [alias], sinks: [aliasTrail] }),
      snapshot({ resources: [alias], sinks: [computed] }),
    );
    expect(result.findings.map((finding) => [finding.ruleId, finding.title])).toEqual([
      ['coverage-lost', 'aws_bedrockagent_agent_alias.live may no longer be logged'],
    ]);
    expect(result.resources[0]?.after).toBe('unknown');
    expect(result.resources[0]?.detail).toMatch(
      /^was full before this change; now unknown: .*known after apply/,
    );
  });

  it('a bucket that becomes AI data through a new link counts as new', () => {
    const kb = aiResource(
      'kb',
      'AWS::Bedrock::KnowledgeBase',
      'arn:aws:bedrock:us-east-1:111111111111:knowledge-base/K',
    );
    const docs = bucket('docs');
    const kbTrail = trail('t', {
      advancedSelectors: [managementSelector(), dataSelector('AWS::Bedrock::KnowledgeBase')],
    });
    const result = analyze(
      snapshot({ resources: [kb, docs], sinks: [kbTrail] }),
      snapshot({
        resources: [kb, docs],
        sinks: [kbTrail],
        links: [link('kb', 'data-source-bucket', 'docs')],
      }),
    );
    expect(rules(result.findings)).toEqual(['unlogged-ai-resource']);
    expect(result.findings[0]?.message).toContain('becomes part of an AI workload');
    expect(result.findings[0]?.message).toContain('resources.ARN StartsWith arn:aws:s3:::docs/');
    expect(result.resources.find((row) => row.id === 'docs')).toMatchObject({
      role: 'ai-data',
      before: null,
      after: 'none',
      action: 'no-op',
    });
  });
});

describe('sink-disabled', () => {
  it('fires when a sink that covered an AI resource is deleted', () => {
    const result = analyze(
      snapshot({ resources: [alias], sinks: [aliasTrail] }),
      snapshot({ resources: [alias] }),
    );
    // The deleted trail also recorded management events; sink-disabled already reports it.
    expect(rules(result.findings)).toEqual(['coverage-lost', 'sink-disabled']);
    expect(result.findings.find((finding) => finding.ruleId === 'sink-disabled')?.message).toContain(
      'it is deleted',
    );
  });

  it('fires when a sink stops logging', () => {
    const stopped = { ...aliasTrail, logging: false };
    const result = analyze(
      snapshot({ resources: [alias], sinks: [aliasTrail] }),
      snapshot({ resources: [alias], sinks: [stopped] }),
    );
    expect(rules(result.findings)).toEqual(['coverage-lost', 'sink-disabled']);
    expect(result.findings.find((finding) => finding.ruleId === 'sink-disabled')?.message).toContain(
      'stops logging',
    );
  });

  it('does not fire when the sink still covers part of it', () => {
    const result = analyze(
      snapshot({ resources: [alias], sinks: [aliasTrail] }),
      snapshot({ resources: [alias], sinks: [readOnlyTrail] }),
    );
    expect(rules(result.findings)).not.toContain('sink-disabled');
  });

  it('does not fire when the AI resources it covered are deleted with it', () => {
    const result = analyze(snapshot({ resources: [alias], sinks: [aliasTrail] }), snapshot({}));
    expect(rules(result.findings)).not.toContain('sink-disabled');
  });

  it('does not fire for a sink that covered no AI resource', () => {
    const result = analyze(
      snapshot({
        resources: [alias],
        sinks: [aliasTrail, trail('other', { advancedSelectors: [managementSelector()] })],
      }),
      snapshot({ resources: [alias], sinks: [aliasTrail] }),
    );
    expect(result.findings).toEqual([]);
  });
});

describe('management-events-excluded', () => {
  const basicTrail = (overrides: Parameters<typeof basicSelector>[0]) =>
    trail('aws_cloudtrail.main', { basicSelectors: [basicSelector(overrides)] });

  it('fires when include_management_events turns false', () => {
    const result = analyze(
      snapshot({ sinks: [basicTrail({})] }),
      snapshot({ sinks: [basicTrail({ includeManagementEvents: false })] }),
    );
    expect(rules(result.findings)).toEqual(['management-events-excluded']);
    expect(result.findings[0]?.message).toContain('bedrock.amazonaws.com (read and write)');
  });

  it('fires when the management selector is removed in favour of data selectors', () => {
    const result = analyze(
      snapshot({ sinks: [trail('t')] }),
      snapshot({ sinks: [trail('t', { advancedSelectors: [dataSelector(ALIAS_TYPE)] })] }),
    );
    expect(rules(result.findings)).toEqual(['management-events-excluded']);
  });

  it('fires when the management selector is narrowed to reads', () => {
    const result = analyze(
      snapshot({ sinks: [trail('t', { advancedSelectors: [managementSelector()] })] }),
      snapshot({
        sinks: [
          trail('t', { advancedSelectors: [managementSelector(field('readOnly', { Equals: ['true'] }))] }),
        ],
      }),
    );
    expect(rules(result.findings)).toEqual(['management-events-excluded']);
    expect(result.findings[0]?.message).toContain('bedrock.amazonaws.com (write)');
  });

  it('fires when an AI event source is excluded, by basic or advanced selectors', () => {
    const basic = analyze(
      snapshot({ sinks: [basicTrail({})] }),
      snapshot({ sinks: [basicTrail({ excludeManagementEventSources: ['bedrock.amazonaws.com'] })] }),
    );
    expect(rules(basic.findings)).toEqual(['management-events-excluded']);
    const advanced = analyze(
      snapshot({ sinks: [trail('t', { advancedSelectors: [managementSelector()] })] }),
      snapshot({
        sinks: [
          trail('t', {
            advancedSelectors: [
              managementSelector(field('eventSource', { NotEquals: ['sagemaker.amazonaws.com'] })),
            ],
          }),
        ],
      }),
    );
    expect(rules(advanced.findings)).toEqual(['management-events-excluded']);
    expect(advanced.findings[0]?.message).toContain('sagemaker.amazonaws.com');
    expect(advanced.findings[0]?.message).not.toContain('bedrock.amazonaws.com (');
  });

  it('does not fire for the exclusion of a source that is not an AI service', () => {
    const result = analyze(
      snapshot({ sinks: [basicTrail({})] }),
      snapshot({ sinks: [basicTrail({ excludeManagementEventSources: ['kms.amazonaws.com'] })] }),
    );
    expect(result.findings).toEqual([]);
  });

  it('does not fire when another sink still records them in full', () => {
    const result = analyze(
      snapshot({ sinks: [basicTrail({})] }),
      snapshot({ sinks: [basicTrail({ includeManagementEvents: false })] }),
      {},
      {
        externalSinks: [
          externalSink('external:org', { advancedSelectors: [managementSelector()], organization: true }),
        ],
      },
    );
    expect(result.findings).toEqual([]);
  });

  it('fires when a sink that recorded them is deleted and no other sink does', () => {
    const result = analyze(snapshot({ sinks: [trail('t')] }), snapshot({}));
    expect(rules(result.findings)).toEqual(['management-events-excluded']);
    expect(result.findings[0]?.message).toContain('is deleted');
  });

  it('does not fire when the new value is unknown', () => {
    const result = analyze(
      snapshot({ sinks: [basicTrail({})] }),
      snapshot({ sinks: [basicTrail({ includeManagementEvents: unknownValue('var.management') })] }),
    );
    expect(result.findings).toEqual([]);
  });
});

describe('report rows, sinks and totals', () => {
  it('counts statuses per side and lists sinks with their actions', () => {
    const kb = aiResource('kb', 'AWS::Bedrock::KnowledgeBase', unknownValue('known after apply'));
    const before = snapshot({ resources: [alias], sinks: [aliasTrail] });
    const after = snapshot({
      resources: [alias, kb],
      sinks: [{ ...aliasTrail, location: { file: 'main.tf', line: 99 } }, trail('new')],
    });
    const result = analyze(
      before,
      after,
      {},
      { externalSinks: [externalSink('external:org', { logging: unknownValue('x') })] },
    );
    expect(result.totals.before).toEqual({ total: 1, full: 1, partial: 0, none: 0, unknown: 0 });
    expect(result.totals.after).toEqual({ total: 2, full: 1, partial: 0, none: 1, unknown: 0 });
    expect(result.sinks).toEqual([
      { id: 'aws_cloudtrail.main', kind: 'trail', action: 'no-op', logging: true },
      { id: 'external:org', kind: 'external', action: 'no-op', logging: 'unknown' },
      { id: 'new', kind: 'trail', action: 'create', logging: true },
    ]);
    expect(result.resources.map((row) => row.id)).toEqual([alias.id, 'kb']);
  });

  it('takes the source change action when given, and derives update from content', () => {
    const renamed = { ...alias, name: 'other' };
    expect(
      analyze(snapshot({ resources: [alias] }), snapshot({ resources: [renamed] })).resources[0]?.action,
    ).toBe('update');
    expect(
      analyze(snapshot({ resources: [alias] }), snapshot({ resources: [alias] }), { [alias.id]: 'replace' })
        .resources[0]?.action,
    ).toBe('replace');
  });
});
