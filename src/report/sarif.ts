import {
  SEVERITIES,
  type Report,
  type ReportFinding,
  type ReportInput,
  type Severity,
} from '../model/report.js';
import { controlTag, controlsOf } from '../knowledge/controls.js';
import { flattenText } from './escape.js';
import { pluralize } from './presentation.js';
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

interface SarifLocation {
  physicalLocation: { artifactLocation: { uri: string }; region?: { startLine: number } };
}

/**
 * Where code scanning should show a finding. It refuses a result without a file, so a finding with no usable
 * location of its own points at the input it is about, or else at the first input; undefined when there is none.
 */
function locate(finding: ReportFinding, inputs: readonly ReportInput[]): SarifLocation | undefined {
  const own = finding.location;
  const ownUri = own === undefined ? undefined : toRelativeUri(own.file);
  if (own !== undefined && ownUri !== undefined) {
    const line = own.line;
    return {
      physicalLocation: {
        artifactLocation: { uri: ownUri },
        ...(line !== undefined && Number.isInteger(line) && line >= 1 ? { region: { startLine: line } } : {}),
      },
    };
  }
  const fallbacks = [
    ...inputs.filter((input) => input.path === finding.resource),
    ...inputs.filter((input) => input.status === 'ok'),
    ...inputs,
  ];
  for (const input of fallbacks) {
    const uri = toRelativeUri(input.path);
    if (uri !== undefined) return { physicalLocation: { artifactLocation: { uri } } };
  }
  return undefined;
}

/** "1 result was left out", "3 results were left out". */
function describeLeftOut(count: number, noun: string): string {
  return `${pluralize(count, noun)} ${count === 1 ? 'was' : 'were'} left out`;
}

function notify(text: string): { level: 'warning'; message: { text: string } } {
  return { level: 'warning', message: { text } };
}

function bySeverity(left: ReportFinding, right: ReportFinding): number {
  return SEVERITIES.indexOf(left.severity) - SEVERITIES.indexOf(right.severity);
}

/**
 * Renders SARIF 2.1.0 for GitHub code scanning: one run, one rule per rule id that fired, one result per finding
 * that is not ignored and can be placed in a file (most severe first, at most 25,000); a notification says what
 * was left out.
 */
export function renderSarif(report: Report): string {
  const safe = sanitizeReport(report);
  const located = safe.findings
    .filter((finding) => finding.ignored === undefined)
    .sort(bySeverity)
    .map((finding) => ({ finding, location: locate(finding, safe.inputs) }));
  const placeable = located.filter(
    (entry): entry is { finding: ReportFinding; location: SarifLocation } => entry.location !== undefined,
  );
  const kept = placeable.slice(0, SARIF_MAX_RESULTS);
  const ruleIds = [...new Set(kept.map(({ finding }) => finding.ruleId))].sort();
  const rules = ruleIds.map((ruleId) => {
    const doc = describeRule(ruleId);
    return {
      id: ruleId,
      name: doc.name,
      shortDescription: { text: doc.summary },
      fullDescription: { text: doc.description },
      help: { text: doc.description },
      defaultConfiguration: { level: LEVELS[doc.defaultSeverity] },
      // Control tags (`NIST-CSF-2.0/PR.PS-04`) let code scanning filter alerts by the controls they concern.
      properties: {
        tags: [...doc.tags, ...controlsOf(ruleId).map(controlTag)],
        'security-severity': SECURITY_SEVERITY[doc.defaultSeverity],
      },
    };
  });
  const results = kept.map(({ finding, location }) => ({
    ruleId: finding.ruleId,
    ruleIndex: ruleIds.indexOf(finding.ruleId),
    level: LEVELS[finding.severity],
    message: { text: `${flattenText(finding.title)}: ${flattenText(finding.message)}` },
    locations: [location],
    properties: {
      severity: finding.severity,
      resource: flattenText(finding.resource),
      ...(finding.existing === true ? { existing: true } : {}),
    },
  }));
  const notifications: ReturnType<typeof notify>[] = [];
  const unplaced = located.length - placeable.length;
  if (unplaced > 0) {
    notifications.push(
      notify(
        `${describeLeftOut(unplaced, 'result')}: no file in the repository to point them at. The JSON report has them.`,
      ),
    );
  }
  const truncated = placeable.length - kept.length;
  if (truncated > 0) {
    notifications.push(
      notify(
        `${describeLeftOut(truncated, 'less severe result')}: code scanning accepts at most ${SARIF_MAX_RESULTS} per run. The JSON report has them all.`,
      ),
    );
  }
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
    ...(notifications.length > 0
      ? { invocations: [{ executionSuccessful: true, toolExecutionNotifications: notifications }] }
      : {}),
    results,
  };
  return `${JSON.stringify({ $schema: SARIF_SCHEMA, version: '2.1.0', runs: [run] }, null, 2)}\n`;
}
