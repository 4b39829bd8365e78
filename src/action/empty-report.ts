import type { FailOn, Report } from '../model/report.js';
import { TOOL_NAME, TOOL_VERSION } from '../version.js';

/** The report of a run that had nothing to analyse: no inputs, no findings, a passing (neutral) verdict. */
export function createEmptyReport(failOn: FailOn): Report {
  const totals = () => ({ total: 0, full: 0, partial: 0, none: 0, unknown: 0 });
  return {
    schemaVersion: 2,
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    inputs: [],
    coverage: { before: totals(), after: totals(), resources: [], sinks: [] },
    permissions: { roles: [] },
    findings: [],
    summary: { maxSeverity: 'none', counts: { critical: 0, high: 0, medium: 0, low: 0, info: 0 } },
    verdict: { failOn, failed: false },
    reach: { workloads: [] },
  };
}
