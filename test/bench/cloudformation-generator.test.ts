import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateTemplatePair, writeTemplatePair } from '../../bench/generate/cloudformation.mjs';
import { CloudFormationSource } from '../../src/sources/cloudformation.js';

describe('the CloudFormation pair generator', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cfn-generator-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('builds two templates of about the requested number of resources that differ', () => {
    const { before, after } = generateTemplatePair({ resources: 300, seed: 3 });
    const afterIds = Object.keys(after.Resources);
    const beforeIds = Object.keys(before.Resources);
    expect(afterIds.length).toBeGreaterThanOrEqual(300);
    expect(afterIds.length).toBeLessThan(330);
    expect(afterIds.some((id) => !beforeIds.includes(id))).toBe(true);
    expect(beforeIds.some((id) => !afterIds.includes(id))).toBe(true);
    expect(JSON.stringify(before)).not.toBe(JSON.stringify(after));
  });

  it('loads through the CloudFormation source with roles, AI resources, trails and changes', async () => {
    const pair = writeTemplatePair(dir, { resources: 300, seed: 3 });
    const loaded = await new CloudFormationSource().load(
      { before: pair.before, after: pair.after, idPrefix: '' },
      { cwd: dir, maxInputBytes: 10_000_000 },
    );
    expect(loaded.format).toBe('cloudformation');
    expect(loaded.after.roles.length).toBeGreaterThan(10);
    expect(loaded.after.policies.length).toBeGreaterThan(10);
    expect(loaded.after.sinks).toHaveLength(2);
    const types = new Set(loaded.after.resources.map((resource) => resource.iacType));
    expect(types).toContain('AWS::Bedrock::AgentAlias');
    expect(types).toContain('AWS::Bedrock::KnowledgeBase');
    expect(types).toContain('AWS::S3::Bucket');
    const actions = new Set(Object.values(loaded.changes));
    expect(actions).toContain('create');
    expect(actions).toContain('delete');
    expect(actions).toContain('update');
  });
});
