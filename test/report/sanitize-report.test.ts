import { describe, expect, it } from 'vitest';
import { sanitizeReport } from '../../src/report/sanitize-report.js';
import { failCoverageAndRoles } from '../support/sample-reports.js';

const KEY = 'AKIAABCDEFGHIJKLMNOP';

describe('sanitizeReport', () => {
  it('copies and masks a report once, however many renderers ask', () => {
    const report = failCoverageAndRoles();
    const first = sanitizeReport(report);
    expect(sanitizeReport(report)).toBe(first);
    expect(first).not.toBe(report);
  });

  it('masks a secret that repeats in several sections every time it appears', () => {
    const report = failCoverageAndRoles();
    const finding = report.findings[0]!;
    const role = report.permissions.roles[0]!;
    const leaky = {
      ...report,
      findings: [{ ...finding, message: `key ${KEY}`, title: `key ${KEY}` }, ...report.findings.slice(1)],
      permissions: { roles: [{ ...role, reasons: [`key ${KEY}`] }] },
    };
    const safe = sanitizeReport(leaky);
    const text = JSON.stringify(safe);
    expect(text).not.toContain(KEY);
    expect(safe.findings[0]?.message).toBe('key AKIA****');
    expect(safe.findings[0]?.title).toBe('key AKIA****');
    expect(safe.permissions.roles[0]?.reasons).toEqual(['key AKIA****']);
  });

  it('copies a new report object anew, so a report built from another is not answered from the cache', () => {
    const report = failCoverageAndRoles();
    const first = sanitizeReport(report);
    const changed = { ...report, findings: [] };
    expect(sanitizeReport(changed).findings).toEqual([]);
    expect(first.findings.length).toBeGreaterThan(0);
  });
});
