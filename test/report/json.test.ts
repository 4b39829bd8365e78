import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/model/report.js';
import { renderJson } from '../../src/report/json.js';
import { failCoverageAndRoles } from '../support/sample-reports.js';

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
