import {
  SEVERITIES,
  type Report,
  type ReportCoverageResource,
  type ReportFinding,
  type ReportGrant,
  type ReportRole,
  type Severity,
} from '../model/report.js';
import { escapeTerminal } from './escape.js';
import {
  capitalize,
  describeAction,
  describeLocation,
  describeStatus,
  formatCount,
  pluralize,
} from './presentation.js';
import { describeFullyLogged, describeSink, describeVerdict, serviceOf, viewReport } from './report-view.js';
import { sanitizeReport } from './sanitize-report.js';
import { proposeSelector } from './selector-proposal.js';

/** How the terminal report is rendered. */
export interface TextOptions {
  /** Colour severities and the verdict with ANSI escape codes. */
  color?: boolean;
}

type Paint = (code: number, text: string) => string;

const ANSI = { bold: 1, red: 31, green: 32, yellow: 33, blue: 34, magenta: 35, gray: 90 } as const;

const SEVERITY_COLOR: Readonly<Record<Severity, number>> = {
  critical: ANSI.magenta,
  high: ANSI.red,
  medium: ANSI.yellow,
  low: ANSI.blue,
  info: ANSI.gray,
};

const t = escapeTerminal;

function renderFinding(finding: ReportFinding, paint: Paint): string {
  const where = finding.location !== undefined ? describeLocation(finding.location) : finding.resource;
  const label = paint(SEVERITY_COLOR[finding.severity], `[${finding.severity.toUpperCase()}]`);
  return `  ${label} ${t(finding.title)} (${t(finding.ruleId)})\n      ${t(finding.message)}\n      at ${t(where)}`;
}

function renderTransition(resource: ReportCoverageResource): string {
  return `${describeStatus(resource.before)} -> ${describeStatus(resource.after)}`;
}

function renderResource(resource: ReportCoverageResource): string {
  const detail = resource.detail !== undefined && resource.detail !== '' ? `; ${t(resource.detail)}` : '';
  const covered = resource.coveredBy.length > 0 ? `; covered by ${resource.coveredBy.map(t).join(', ')}` : '';
  return `  ${t(resource.id)} (${t(resource.dataResourceType)}, ${resource.role}, ${describeAction(resource.action)}): ${renderTransition(resource)}${detail}${covered}`;
}

function renderGrant(sign: '+' | '-', grant: ReportGrant): string {
  const condition =
    grant.condition !== undefined && grant.condition !== '' ? ` if ${t(grant.condition)}` : '';
  const risks = grant.risks.length > 0 ? ` [${grant.risks.map(t).join(', ')}]` : '';
  const effect = grant.effect === 'Deny' ? 'Deny ' : '';
  return `    ${sign} ${effect}${t(grant.action)} on ${t(grant.resource)}${condition} (${t(grant.accessLevel)})${risks}`;
}

function renderRole(role: ReportRole): string[] {
  const lines = [`  ${t(role.name)} (${t(role.id)}, ${describeAction(role.action)})`];
  if (role.reasons.length > 0) lines.push(`    AI role because: ${role.reasons.map(t).join('; ')}`);
  if (role.trust.added.length > 0) lines.push(`    trust added: ${role.trust.added.map(t).join(', ')}`);
  if (role.trust.removed.length > 0) lines.push(`    trust removed: ${role.trust.removed.map(t).join(', ')}`);
  const byService = (left: ReportGrant, right: ReportGrant): number =>
    serviceOf(left.action).localeCompare(serviceOf(right.action)) || left.action.localeCompare(right.action);
  lines.push(...[...role.added].sort(byService).map((grant) => renderGrant('+', grant)));
  lines.push(...[...role.removed].sort(byService).map((grant) => renderGrant('-', grant)));
  return lines;
}

function renderSuggestion(resource: ReportCoverageResource): string[] {
  const proposal = proposeSelector(resource);
  const intro = `  ${t(resource.id)} (${t(resource.dataResourceType)})`;
  if (proposal.kind === 'none') return [`${intro}: no selector can be suggested, because ${proposal.reason}`];
  const note = proposal.note !== undefined ? ` (${t(proposal.note)})` : '';
  return [`${intro}${note}:`, ...proposal.hcl.split('\n').map((line) => `    ${line}`)];
}

/**
 * Renders the report for a terminal: the same content as the PR comment, compact and plain. ANSI colours only
 * when asked; untrusted text is stripped of control characters so it cannot move the cursor or recolour output.
 */
export function renderText(report: Report, options: TextOptions = {}): string {
  const paint: Paint =
    options.color === true ? (code, text) => `\u001b[${code}m${text}\u001b[0m` : (_code, text) => text;
  const safe = sanitizeReport(report);
  const view = viewReport(safe);
  const out: string[] = [paint(ANSI.bold, `${t(safe.tool.name)} ${t(safe.tool.version)}`)];
  if (view.quiet) {
    out.push('No AI-relevant changes: no AI resource, trail or AI role is affected.');
    return `${out.join('\n')}\n`;
  }
  const verdict = describeVerdict(safe, view);
  out.push(
    paint(
      safe.verdict.failed ? ANSI.red : ANSI.green,
      safe.verdict.failed ? `FAIL ${verdict}` : `PASS ${verdict}`,
    ),
  );
  out.push(
    `AI resources fully logged: ${describeFullyLogged(safe.coverage.before)} -> ${describeFullyLogged(safe.coverage.after)}`,
    `Grants on AI roles: +${formatCount(view.grantsAdded)} / -${formatCount(view.grantsRemoved)} across ${pluralize(view.changedRoles.length, 'role')}`,
  );
  const section = (title: string, lines: readonly string[]): void => {
    if (lines.length > 0) out.push('', paint(ANSI.bold, title), ...lines);
  };
  for (const severity of SEVERITIES) {
    const findings = view.active[severity];
    section(
      `${capitalize(severity)} findings (${formatCount(findings.length)})`,
      findings.map((finding) => renderFinding(finding, paint)),
    );
  }
  section(
    `Ignored findings (${formatCount(view.ignored.length)})`,
    view.ignored.map((finding) => {
      const expires = finding.ignored?.expires !== undefined ? `, until ${t(finding.ignored.expires)}` : '';
      return `  [${finding.severity}] ${t(finding.title)} (${t(finding.ruleId)}, ${t(finding.resource)}): ignored because ${t(finding.ignored?.reason ?? '')}${expires}`;
    }),
  );
  section('Coverage changes', view.changedResources.map(renderResource));
  section(
    'Trails and event data stores changed',
    view.changedSinks.map((sink) => `  ${t(sink.id)} (${describeSink(sink)})`),
  );
  section('AI role changes', view.changedRoles.flatMap(renderRole));
  section(
    'Suggested selectors (data events are billed per event recorded)',
    view.uncoveredResources.flatMap(renderSuggestion),
  );
  section(
    `Standing gaps this change does not make worse (${formatCount(view.existing.length + view.standingResources.length)})`,
    [
      ...view.existing.map((finding) => renderFinding(finding, paint)),
      ...view.standingResources.map(renderResource),
    ],
  );
  section(
    'Inputs that could not be read',
    view.failedInputs.map(
      (input) => `  ${t(input.path)} (${input.format}): ${t(input.error ?? 'could not be read')}`,
    ),
  );
  return `${out.join('\n')}\n`;
}
