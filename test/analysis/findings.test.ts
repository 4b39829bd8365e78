import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/analysis/finding.js';
import { applyFindingPolicy, reachesThreshold } from '../../src/analysis/findings.js';
import { configSchema } from '../../src/config/schema.js';

const finding = (overrides: Partial<Finding> = {}): Finding => ({
  ruleId: 'coverage-lost',
  title: 'Agent alias is no longer logged',
  message: 'The trail lost its selector.',
  resource: 'aws_bedrockagent_agent_alias.live',
  ...overrides,
});

describe('finding policy', () => {
  it('applies default severities and fails at the threshold', () => {
    const result = applyFindingPolicy([finding()], configSchema.parse({}), 'high');
    expect(result.findings[0]?.severity).toBe('high');
    expect(result.verdict).toEqual({ failOn: 'high', failed: true });
    expect(result.summary).toEqual({
      maxSeverity: 'high',
      counts: { critical: 0, high: 1, medium: 0, low: 0, info: 0 },
    });
  });

  it('passes below the threshold and never with failOn never', () => {
    const findings = [finding({ ruleId: 'partially-logged-ai-resource' })];
    expect(applyFindingPolicy(findings, configSchema.parse({}), 'high').verdict.failed).toBe(false);
    expect(applyFindingPolicy([finding()], configSchema.parse({}), 'never').verdict.failed).toBe(false);
    expect(applyFindingPolicy(findings, configSchema.parse({}), 'medium').verdict.failed).toBe(true);
  });

  it('overrides severities and drops rules that are off', () => {
    const config = configSchema.parse({ severity: { 'coverage-lost': 'low', 'coverage-gained': 'off' } });
    const result = applyFindingPolicy([finding(), finding({ ruleId: 'coverage-gained' })], config, 'high');
    expect(result.findings.map((f) => [f.ruleId, f.severity])).toEqual([['coverage-lost', 'low']]);
    expect(result.verdict.failed).toBe(false);
  });

  it('ignores matching findings until the ignore expires, and then says so', () => {
    const config = configSchema.parse({
      ignore: [
        {
          rule: 'coverage-lost',
          resource: 'aws_bedrockagent_agent_alias.*',
          reason: 'alias is retired',
          expires: '2026-12-31',
        },
      ],
    });
    const active = applyFindingPolicy([finding()], config, 'high', '2026-11-21');
    expect(active.findings[0]?.ignored).toEqual({ reason: 'alias is retired', expires: '2026-12-31' });
    expect(active.verdict.failed).toBe(false);
    expect(active.summary.counts.high).toBe(0);
    const expired = applyFindingPolicy([finding()], config, 'high', '2027-01-01');
    expect(expired.findings[0]?.ignored).toBeUndefined();
    expect(expired.findings[0]?.message).toContain('expired on 2026-12-31');
    expect(expired.verdict.failed).toBe(true);
  });

  it('does not let an ignore for one rule hide another rule', () => {
    const config = configSchema.parse({ ignore: [{ rule: 'blind-spot', resource: '**', reason: 'r' }] });
    expect(applyFindingPolicy([finding()], config, 'high').verdict.failed).toBe(true);
  });

  it('keeps standing gaps only with reportExisting, and they never fail', () => {
    const standing = finding({ existing: true });
    expect(applyFindingPolicy([standing], configSchema.parse({}), 'high').findings).toEqual([]);
    const shown = applyFindingPolicy([standing], configSchema.parse({ reportExisting: true }), 'info');
    expect(shown.findings).toHaveLength(1);
    expect(shown.verdict.failed).toBe(false);
  });

  it('orders findings most severe first', () => {
    const result = applyFindingPolicy(
      [finding({ ruleId: 'coverage-gained' }), finding({ ruleId: 'sink-disabled' }), finding()],
      configSchema.parse({}),
      'high',
    );
    expect(result.findings.map((f) => f.severity)).toEqual(['critical', 'high', 'info']);
  });

  it.each([
    ['critical', 'high', true],
    ['medium', 'high', false],
    ['info', 'info', true],
    ['critical', 'never', false],
  ] as const)('%s reaches %s: %s', (severity, failOn, expected) => {
    expect(reachesThreshold(severity, failOn)).toBe(expected);
  });
});
