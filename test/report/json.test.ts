import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/model/report.js';
import { fileURLToPath } from 'node:url';
import { renderJson, renderJsonPieces } from '../../src/report/json.js';
import { sanitizeReport } from '../../src/report/sanitize-report.js';
import { analyzeInputs } from '../support/run-analysis.js';
import { failCoverageAndRoles, GOLDEN_REPORTS, manyFindings } from '../support/sample-reports.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Rebuilds every object with its keys in reverse order, as a producer with another build order would. */
function reverseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseKeys);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([key, inner]) => [key, reverseKeys(inner)]),
  );
}

describe('renderJson', () => {
  const sample = failCoverageAndRoles();
  const json = renderJson(sample);

  it('round-trips the report, pretty-printed with a trailing newline', () => {
    expect(JSON.parse(json)).toEqual(JSON.parse(JSON.stringify(sample)));
    expect(json.endsWith('}\n')).toBe(true);
    expect(json.split('\n')[1]).toBe('  "schemaVersion": 2,');
  });

  it('writes keys in the order of the Report type, whatever order they were built in', () => {
    expect(renderJson(reverseKeys(sample) as Report)).toBe(json);
    expect(Object.keys(JSON.parse(json) as object)).toEqual([
      'schemaVersion',
      'tool',
      'inputs',
      'coverage',
      'permissions',
      'findings',
      'summary',
      'verdict',
      'reach',
    ]);
  });

  it('keeps the notes of an input that loaded with parts it could not interpret, masked like any text', () => {
    const withNotes = {
      ...sample,
      inputs: [
        {
          path: 'stack.yaml',
          format: 'cloudformation',
          status: 'ok',
          notes: [
            'line 3: the AWS::Serverless-2016-10-31 transform is not expanded',
            'key AKIAIOSFODNN7EXAMPLE',
          ],
        },
      ],
    } satisfies Report;
    const inputs = (JSON.parse(renderJson(withNotes)) as Report).inputs;
    expect(inputs[0]?.notes).toEqual([
      'line 3: the AWS::Serverless-2016-10-31 transform is not expanded',
      'key AKIA****',
    ]);
  });

  it('drops fields the contract does not have', () => {
    const extra = { ...sample, debug: { token: 'internal' } } as Report;
    expect(renderJson(extra)).toBe(json);
  });
});

/** What the JSON report is by definition: the masked copy, pretty-printed, with a final newline. */
const asStringified = (report: Report): string => `${JSON.stringify(sanitizeReport(report), null, 2)}\n`;

describe('renderJsonPieces', () => {
  const reports: [string, Report][] = [
    ...GOLDEN_REPORTS.map(({ name, build }): [string, Report] => [name, build()]),
    ['many findings', manyFindings(3000)],
  ];

  for (const [name, report] of reports) {
    it(`writes the masked report as JSON.stringify would for ${name}`, () => {
      const pieces = [...renderJsonPieces(report)];
      expect(pieces.join('')).toBe(asStringified(report));
      expect(renderJson(report)).toBe(asStringified(report));
    });
  }

  it('writes the masked demo report, and hands a large report on in several pieces', async () => {
    const demo = await analyzeInputs({ cwd: ROOT, plans: ['fixtures/demo/plan.json'] });
    expect([...renderJsonPieces(demo)].join('')).toBe(asStringified(demo));
    const large = manyFindings(20_000);
    const pieces = [...renderJsonPieces(large)];
    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces.join('')).toBe(asStringified(large));
  });

  it('masks credentials in entries it copies as it writes', () => {
    const leaky = failCoverageAndRoles();
    const key = 'AKIA' + 'ABCDEFGHIJKLMNOP';
    const withSecret: Report = {
      ...leaky,
      findings: [{ ...leaky.findings[0]!, message: `key ${key} in a tag` }],
    };
    const text = [...renderJsonPieces(withSecret)].join('');
    expect(text).not.toContain(key);
    expect(text).toContain('AKIA****');
  });
});
