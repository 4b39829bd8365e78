import { describe, expect, it } from 'vitest';
import { RULE_IDS } from '../../src/analysis/finding.js';
import { RULE_DOCS } from '../../src/report/rule-docs.js';
import { SARIF_MAX_RESULTS, renderSarif } from '../../src/report/sarif.js';
import { finding, input, report } from '../support/report-builders.js';
import { failCoverageAndRoles } from '../support/sample-reports.js';

interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations: { physicalLocation: { artifactLocation: { uri: string }; region?: { startLine: number } } }[];
}

interface SarifLog {
  $schema: string;
  version: string;
  runs: {
    tool: {
      driver: {
        name: string;
        version: string;
        informationUri: string;
        rules: {
          id: string;
          shortDescription: { text: string };
          fullDescription: { text: string };
          help: { text: string };
          defaultConfiguration: { level: string };
          properties: { tags: string[] };
        }[];
      };
    };
    invocations?: { toolExecutionNotifications: { message: { text: string } }[] }[];
    results: SarifResult[];
  }[];
}

function parse(text: string): SarifLog {
  return JSON.parse(text) as SarifLog;
}

function onlyRun(log: SarifLog): SarifLog['runs'][number] {
  expect(log.runs).toHaveLength(1);
  const run = log.runs[0];
  if (run === undefined) throw new Error('no run');
  return run;
}

describe('renderSarif', () => {
  const log = parse(renderSarif(failCoverageAndRoles()));
  const run = onlyRun(log);

  it('is SARIF 2.1.0 with a described driver', () => {
    expect(log.version).toBe('2.1.0');
    expect(log.$schema).toMatch(/sarif-2\.1\.0/);
    expect(run.tool.driver.name).toBe('ai-access-diff');
    expect(run.tool.driver.version).toBe('0.1.0');
    expect(run.tool.driver.informationUri).toMatch(/^https:\/\//);
  });

  it('has exactly one rule per rule id that appears, each fully described', () => {
    const used = [...new Set(run.results.map((result) => result.ruleId))].sort();
    expect(run.tool.driver.rules.map((rule) => rule.id)).toEqual(used);
    for (const rule of run.tool.driver.rules) {
      expect(rule.shortDescription.text).not.toBe('');
      expect(rule.fullDescription.text).toMatch(/^Fires /);
      expect(rule.help.text).toBe(rule.fullDescription.text);
      expect(['error', 'warning', 'note']).toContain(rule.defaultConfiguration.level);
      expect(rule.properties.tags.length).toBeGreaterThan(0);
    }
    for (const result of run.results) {
      expect(run.tool.driver.rules[result.ruleIndex]?.id).toBe(result.ruleId);
    }
  });

  it('maps severities to levels and leaves ignored findings out', () => {
    const levels = Object.fromEntries(run.results.map((result) => [result.ruleId, result.level]));
    expect(levels['privilege-escalation']).toBe('error');
    expect(levels['coverage-lost']).toBe('error');
    expect(levels['partially-logged-ai-resource']).toBe('warning');
    expect(levels['coverage-gained']).toBe('note');
    expect(levels['confused-deputy']).toBeUndefined();
  });

  it('points at the file and line, relative to the repository', () => {
    const critical = run.results.find((result) => result.ruleId === 'privilege-escalation');
    expect(critical?.locations).toEqual([
      { physicalLocation: { artifactLocation: { uri: 'infra/iam.tf' }, region: { startLine: 31 } } },
    ]);
  });

  it('omits the region when the line is unknown or not a valid line', () => {
    const sarif = parse(
      renderSarif(
        report({
          findings: [
            finding({ location: { file: 'a.tf' } }),
            finding({ location: { file: 'b.tf', line: 0 } }),
            finding({ location: { file: './c d.tf', line: 2.5 } }),
          ],
        }),
      ),
    );
    const locations = onlyRun(sarif).results.map((result) => result.locations[0]?.physicalLocation);
    expect(locations).toEqual([
      { artifactLocation: { uri: 'a.tf' } },
      { artifactLocation: { uri: 'b.tf' } },
      { artifactLocation: { uri: 'c%20d.tf' } },
    ]);
  });

  it('never writes an absolute path or a path outside the repository, pointing at an input instead', () => {
    const sarif = parse(
      renderSarif(
        report({
          inputs: [
            input({ path: '/tmp/abs.json' }),
            input({ path: 'plan.json' }),
            input({ path: 'other.json' }),
          ],
          findings: [
            finding({ location: { file: '/home/runner/work/x/main.tf', line: 3 } }),
            finding({ location: { file: 'C:\\work\\main.tf', line: 3 } }),
            finding({ location: { file: '../outside.tf', line: 3 } }),
            finding({ location: { file: 'file:///etc/passwd', line: 3 } }),
          ],
        }),
      ),
    );
    const results = onlyRun(sarif).results;
    expect(results).toHaveLength(4);
    for (const result of results) {
      expect(result.locations).toEqual([{ physicalLocation: { artifactLocation: { uri: 'plan.json' } } }]);
    }
  });

  it('leaves out, and counts, results that no file in the repository can hold', () => {
    const sarif = onlyRun(
      parse(
        renderSarif(
          report({
            inputs: [input({ path: '/abs/plan.json' })],
            findings: [finding({ location: undefined })],
          }),
        ),
      ),
    );
    expect(sarif.results).toEqual([]);
    expect(sarif.tool.driver.rules).toEqual([]);
    expect(sarif.invocations?.[0]?.toolExecutionNotifications[0]?.message.text).toMatch(
      /^1 result was left out/,
    );
  });

  it('gives every result a location with a non-empty relative URI', () => {
    for (const result of run.results) {
      expect(result.locations).toHaveLength(1);
      expect(result.locations[0]?.physicalLocation.artifactLocation.uri).toMatch(/^[^/]/);
    }
  });

  it('falls back to the input an input error is about', () => {
    const sarif = parse(
      renderSarif(
        report({
          inputs: [
            input({ path: 'plans/a.json' }),
            input({ path: 'plans/b.json', status: 'error', error: 'bad' }),
          ],
          findings: [finding({ ruleId: 'input-error', resource: 'plans/b.json', location: undefined })],
        }),
      ),
    );
    expect(onlyRun(sarif).results[0]?.locations).toEqual([
      { physicalLocation: { artifactLocation: { uri: 'plans/b.json' } } },
    ]);
  });

  it(`keeps at most ${SARIF_MAX_RESULTS} results, most severe first, and says how many were left out`, () => {
    const findings = Array.from({ length: SARIF_MAX_RESULTS + 7 }, (_unused, index) =>
      finding({ severity: index === SARIF_MAX_RESULTS + 6 ? 'critical' : 'low', title: `f${index}` }),
    );
    const sarif = onlyRun(parse(renderSarif(report({ findings }))));
    expect(sarif.results).toHaveLength(SARIF_MAX_RESULTS);
    expect(sarif.results[0]?.level).toBe('error');
    expect(sarif.invocations?.[0]?.toolExecutionNotifications[0]?.message.text).toMatch(
      /^7 less severe results were left out/,
    );
  });
});

describe('the rule catalogue', () => {
  it('describes every rule id with one sentence', () => {
    for (const ruleId of RULE_IDS) {
      const doc = RULE_DOCS[ruleId];
      expect(doc.description).toMatch(/^Fires when\b.*\.$/);
      expect(doc.description.split('. ')).toHaveLength(1);
    }
  });
});
