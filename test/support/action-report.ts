// Small builders for reports and a pipeline whose analysis returns a given report, rendered by the real renderers.
import type { Report, ReportFinding, Severity } from '../../src/model/report.js';
import { SEVERITIES } from '../../src/model/report.js';
import { renderJson, renderMarkdown, renderSarif } from '../../src/report/index.js';
import type { Pipeline } from '../../src/action/pipeline.js';
import type { Settings } from '../../src/settings.js';

/** A finding at `file:line`, with a severity. */
export function finding(
  severity: Severity,
  index: number,
  overrides: Partial<ReportFinding> = {},
): ReportFinding {
  return {
    ruleId: 'unlogged-ai-resource',
    severity,
    title: `Agent alias number ${index} is not logged`,
    message: `Bedrock agent alias ${index} has no data-event selector that records it.`,
    resource: `aws_bedrockagent_agent_alias.alias_${index}`,
    location: { file: 'infra/main.tf', line: index + 1 },
    ...overrides,
  };
}

/**
 * A report holding the given findings, with counts and the verdict computed for `failOn` as the finding policy
 * does: ignored findings and standing gaps neither count nor fail.
 */
export function report(findings: ReportFinding[], failOn: Report['verdict']['failOn'] = 'high'): Report {
  const counts = { critical: 0, high: 0, medium: 0, low: 0, info: 0 };
  const counted = findings.filter((item) => item.ignored === undefined && item.existing !== true);
  for (const item of counted) counts[item.severity] += 1;
  const maxSeverity = SEVERITIES.find((severity) => counts[severity] > 0) ?? 'none';
  const threshold = failOn === 'never' ? -1 : SEVERITIES.indexOf(failOn);
  const failed = counted.some((item) => SEVERITIES.indexOf(item.severity) <= threshold);
  return {
    schemaVersion: 2,
    tool: { name: 'ai-access-diff', version: '0.1.0' },
    inputs: [{ path: 'plan.json', format: 'terraform-plan', status: 'ok' }],
    coverage: {
      before: { total: 5, full: 3, partial: 1, none: 1, unknown: 0 },
      after: { total: 6, full: 3, partial: 1, none: 2, unknown: 0 },
      resources: [],
      sinks: [],
    },
    permissions: { roles: [] },
    findings,
    summary: { maxSeverity, counts },
    verdict: { failOn, failed },
    reach: { workloads: [] },
  };
}

/** A pipeline whose analysis returns `result` and records the settings it was given. */
export function fakePipeline(
  result: Report | ((settings: Settings) => Report),
): Pipeline & { settings: Settings[] } {
  const settings: Settings[] = [];
  return {
    settings,
    analyze: async (given) => {
      settings.push(given);
      return typeof result === 'function' ? result(given) : result;
    },
    renderMarkdown: (value, maxLength) => renderMarkdown(value, { maxLength }),
    renderJson: (value) => renderJson(value),
    renderSarif: (value) => renderSarif(value),
  };
}
