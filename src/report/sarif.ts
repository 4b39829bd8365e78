import { SEVERITIES, type Report, type ReportFinding, type Severity } from '../model/report.js';
import { flattenText } from './escape.js';
import { describeRule } from './rule-docs.js';
import { sanitizeReport } from './sanitize-report.js';

/** The most results GitHub code scanning accepts in one run. */
export const SARIF_MAX_RESULTS = 25_000;

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const INFORMATION_URI = 'https://github.com/ai-access-diff/ai-access-diff';

type SarifLevel = 'error' | 'warning' | 'note';

const LEVELS: Readonly<Record<Severity, SarifLevel>> = {
  critical: 'error',
  high: 'error',
  medium: 'warning',
  low: 'note',
  info: 'note',
};

/** GitHub sorts and labels alerts by this score (0.0 to 10.0) when it is present. */
const SECURITY_SEVERITY: Readonly<Record<Severity, string>> = {
  critical: '9.5',
  high: '8.0',
  medium: '5.5',
  low: '3.0',
  info: '0.0',
};

/**
 * A repository-relative URI for a report path, or undefined when the path cannot be one (absolute, a drive
 * letter, a URI with a scheme, or climbing out of the repository): code scanning rejects those.
 */
function toRelativeUri(path: string): string | undefined {
  const slashed = flattenText(path)
    .replace(/\\/g, '/')
    .replace(/^(\.\/)+/, '');
  if (slashed === '' || slashed.startsWith('/') || /^[A-Za-z][A-Za-z0-9+.-]*:/.test(slashed))
    return undefined;
  if (slashed.split('/').includes('..')) return undefined;
  return slashed
    .split('/')
    .map((segment) => encodeURIComponent(segment))
    .join('/');
}

function locate(finding: ReportFinding, report: Report): object[] {
  // Code scanning needs a file for every alert: fall back to the input the finding is about, then to the only input.
  const candidates = [
    finding.location,
    report.inputs.some((input) => input.path === finding.resource) ? { file: finding.resource } : undefined,
    report.inputs.length === 1 && report.inputs[0] !== undefined
      ? { file: report.inputs[0].path }
      : undefined,
  ];
  for (const candidate of candidates) {
    if (candidate === undefined) continue;
    const uri = toRelativeUri(candidate.file);
    if (uri === undefined) continue;
    const line = candidate === finding.location ? finding.location.line : undefined;
    return [
      {
        physicalLocation: {
          artifactLocation: { uri },
          ...(line !== undefined && Number.isInteger(line) && line >= 1
            ? { region: { startLine: line } }
            : {}),
        },
      },
    ];
  }
  return [];
}

function bySeverity(left: ReportFinding, right: ReportFinding): number {
  return SEVERITIES.indexOf(left.severity) - SEVERITIES.indexOf(right.severity);
}

/**
 * Renders SARIF 2.1.0 for GitHub code scanning: one run, one rule per rule id that fired, one result per finding
 * that is not ignored (most severe first, at most 25,000, with a notification when more were left out).
 */
export function renderSarif(report: Report): string {
  const safe = sanitizeReport(report);
  const counted = safe.findings.filter((finding) => finding.ignored === undefined).sort(bySeverity);
  const kept = counted.slice(0, SARIF_MAX_RESULTS);
  const ruleIds = [...new Set(kept.map((finding) => finding.ruleId))].sort();
  const rules = ruleIds.map((ruleId) => {
    const doc = describeRule(ruleId);
    return {
      id: ruleId,
      name: doc.name,
      shortDescription: { text: doc.summary },
      fullDescription: { text: doc.description },
      help: { text: doc.description },
      defaultConfiguration: { level: LEVELS[doc.defaultSeverity] },
      properties: { tags: [...doc.tags], 'security-severity': SECURITY_SEVERITY[doc.defaultSeverity] },
    };
  });
  const results = kept.map((finding) => ({
    ruleId: finding.ruleId,
    ruleIndex: ruleIds.indexOf(finding.ruleId),
    level: LEVELS[finding.severity],
    message: { text: `${flattenText(finding.title)}: ${flattenText(finding.message)}` },
    locations: locate(finding, safe),
    properties: {
      severity: finding.severity,
      resource: flattenText(finding.resource),
      ...(finding.existing === true ? { existing: true } : {}),
    },
  }));
  const omitted = counted.length - kept.length;
  const run = {
    tool: {
      driver: {
        name: safe.tool.name,
        version: safe.tool.version,
        semanticVersion: safe.tool.version,
        informationUri: INFORMATION_URI,
        rules,
      },
    },
    ...(omitted > 0
      ? {
          invocations: [
            {
              executionSuccessful: true,
              toolExecutionNotifications: [
                {
                  level: 'warning',
                  message: {
                    text: `${omitted} less severe results were left out: code scanning accepts at most ${SARIF_MAX_RESULTS} per run. The JSON report has them all.`,
                  },
                },
              ],
            },
          ],
        }
      : {}),
    results,
  };
  return `${JSON.stringify({ $schema: SARIF_SCHEMA, version: '2.1.0', runs: [run] }, null, 2)}\n`;
}
