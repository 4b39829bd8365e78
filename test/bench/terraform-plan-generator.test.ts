import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeTerraformPlan, type GeneratedPlanStats } from '../../bench/generate/terraform-plan.mjs';
import type { LoadedInput } from '../../src/model/snapshot.js';
import { isUnknown } from '../../src/model/unknown.js';
import { loadTerraformPlan } from '../../src/sources/terraform-plan.js';

const TARGET = 400_000;

describe('the Terraform plan generator', () => {
  let dir: string;
  let path: string;
  let stats: GeneratedPlanStats;
  let loaded: LoadedInput;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'plan-generator-'));
    path = join(dir, 'plan.json');
    stats = writeTerraformPlan(path, { targetBytes: TARGET, seed: 7 });
    loaded = await loadTerraformPlan(
      { before: null, after: path, idPrefix: '' },
      { cwd: dir, maxInputBytes: 10_000_000 },
    );
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes valid plan JSON of format 1.2 close to the target size', () => {
    const plan = JSON.parse(readFileSync(path, 'utf8')) as {
      format_version: string;
      resource_changes: unknown[];
      planned_values: unknown;
      prior_state: unknown;
      configuration: unknown;
    };
    expect(plan.format_version).toBe('1.2');
    expect(plan.resource_changes).toHaveLength(stats.resourceChanges);
    expect(plan.planned_values).toBeDefined();
    expect(plan.prior_state).toBeDefined();
    expect(plan.configuration).toBeDefined();
    expect(stats.bytes).toBe(readFileSync(path).length);
    expect(Math.abs(stats.bytes - TARGET) / TARGET).toBeLessThan(0.25);
  });

  it('is the same for the same seed', () => {
    const again = join(dir, 'again.json');
    writeTerraformPlan(again, { targetBytes: TARGET, seed: 7 });
    expect(readFileSync(again, 'utf8')).toBe(readFileSync(path, 'utf8'));
  });

  it('loads through the plan source with roles, policies, AI resources and sinks on both sides', () => {
    expect(loaded.format).toBe('terraform-plan');
    expect(loaded.after.roles.length).toBeGreaterThan(5);
    expect(loaded.after.policies.length).toBeGreaterThan(5);
    expect(loaded.after.attachments.length).toBeGreaterThan(0);
    expect(loaded.after.sinks.map((sink) => sink.id)).toEqual(
      expect.arrayContaining(['aws_cloudtrail.ai_data', 'aws_cloudtrail_event_data_store.ai_lake']),
    );
    const types = new Set(loaded.after.resources.map((resource) => resource.iacType));
    for (const type of [
      'aws_bedrockagent_agent_alias',
      'aws_bedrockagent_knowledge_base',
      'aws_s3_bucket',
      'aws_lambda_function',
    ]) {
      expect(types).toContain(type);
    }
    expect(Object.values(loaded.changes)).toEqual(
      expect.arrayContaining(['create', 'update', 'no-op', 'delete']),
    );
  });

  it('links agents to their execution roles through module references', () => {
    const roleIds = new Set(loaded.after.roles.map((role) => role.id));
    const executionLinks = loaded.after.links.filter(
      (link) => link.relation === 'execution-role' && link.from.includes('aws_bedrockagent_agent.this'),
    );
    expect(executionLinks.length).toBeGreaterThan(0);
    for (const link of executionLinks) expect(roleIds.has(link.to.id ?? '')).toBe(true);
  });

  it('gives created resources unknown ARNs and computed selectors an unknown value', () => {
    const created = loaded.after.resources.filter((resource) => loaded.changes[resource.id] === 'create');
    expect(created.length).toBeGreaterThan(0);
    expect(created.some((resource) => !isUnknown(resource.arn) && typeof resource.arn !== 'string')).toBe(
      true,
    );
    const computed = loaded.after.sinks.find((sink) => sink.id === 'aws_cloudtrail.computed');
    expect(computed !== undefined && isUnknown(computed.advancedSelectors)).toBe(true);
  });

  it('marks secrets sensitive so that the source drops them', () => {
    const text = readFileSync(path, 'utf8');
    expect(text).toContain('tok-live-');
    expect(JSON.stringify(loaded)).not.toContain('tok-live-');
    expect(JSON.stringify(loaded)).not.toMatch(/"pw-[A-Z0-9]{20}"/);
  });
});
