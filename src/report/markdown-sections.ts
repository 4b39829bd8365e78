import {
  SEVERITIES,
  type ReportCoverageResource,
  type ReportFinding,
  type ReportGrant,
  type ReportInput,
  type ReportRole,
  type Severity,
} from '../model/report.js';
import { controlTag, controlsOf } from '../knowledge/controls.js';
import { escapeLinkUrl, escapeMarkdown, fenceFor } from './escape.js';
import type { BudgetSection } from './markdown-budget.js';
import {
  SEVERITY_EMOJI,
  describeAction,
  describeLocation,
  describeStatus,
  formatCount,
  pluralize,
  statusEmoji,
  capitalize,
} from './presentation.js';
import { describeSink, serviceOf, type ReportView } from './report-view.js';
import { proposeSelector } from './selector-proposal.js';

/**
 * Turns a file and line into a link target (a blob URL on GitHub, with the path percent-encoded), or undefined to
 * show the location as text. The renderer accepts only http(s) results and encodes what could break the link.
 */
export type FileUrl = (file: string, line?: number) => string | undefined;

/** More rows than this in one table are folded into `<details>`. */
const FOLD_ROWS = 10;
/** At most this many grant rows per role: one huge role must not crowd out every other role. */
const MAX_GRANT_ROWS = 100;

const esc = escapeMarkdown;

function omittedLine(noun: string): (count: number) => string {
  return (count) => `\n_…and ${formatCount(count)} more ${noun}, cut to fit; see the full report._\n`;
}

function fold(summary: string, body: string): string {
  return `<details><summary>${summary}</summary>\n\n${body}\n</details>\n`;
}

function renderWhere(
  location: { file: string; line?: number } | undefined,
  fileUrl: FileUrl | undefined,
): string {
  if (location === undefined) return '';
  const text = esc(describeLocation(location));
  const line = location.line !== undefined && location.line >= 1 ? location.line : undefined;
  const url = fileUrl?.(location.file, line);
  const safeUrl = url === undefined ? undefined : escapeLinkUrl(url);
  return safeUrl === undefined ? text : `[${text}](${safeUrl})`;
}

/** The controls line under a finding: the catalogue tags of its rule, or nothing for a rule with none. */
function renderControls(ruleId: string): string {
  const tags = controlsOf(ruleId).map(controlTag);
  return tags.length === 0 ? '' : `  Controls: ${tags.map(esc).join(', ')}\n`;
}

function renderFindingItem(finding: ReportFinding, fileUrl: FileUrl | undefined): string {
  const where = renderWhere(finding.location, fileUrl);
  const subject = where !== '' ? where : esc(finding.resource);
  return (
    `- **${esc(finding.title)}**: ${esc(finding.message)} (${subject} · ${esc(finding.ruleId)})\n` +
    renderControls(finding.ruleId)
  );
}

/** One section per severity with the findings that count, most severe first. */
export function buildFindingSections(view: ReportView, fileUrl: FileUrl | undefined): BudgetSection[] {
  return SEVERITIES.map((severity: Severity) => {
    const findings = view.active[severity];
    return {
      key: `findings-${severity}`,
      label: `${severity} findings`,
      head: `### ${SEVERITY_EMOJI[severity]} ${capitalize(severity)} (${formatCount(findings.length)})\n\n`,
      items: findings.map((finding) => renderFindingItem(finding, fileUrl)),
      tail: '',
      omitted: omittedLine(`${severity} findings`),
    };
  });
}

/** Ignored findings, folded, each with the reason the config gives. */
export function buildIgnoredSection(view: ReportView): BudgetSection {
  return {
    key: 'ignored',
    label: 'ignored findings',
    head: `<details><summary>Ignored findings (${formatCount(view.ignored.length)})</summary>\n\n`,
    items: view.ignored.map((finding) => {
      const expires = finding.ignored?.expires !== undefined ? `, until ${esc(finding.ignored.expires)}` : '';
      return `- **${esc(finding.title)}** (${finding.severity}, ${esc(finding.ruleId)}, ${esc(finding.resource)}): ignored because ${esc(finding.ignored?.reason ?? '')}${expires}\n`;
    }),
    tail: '\n</details>\n',
    omitted: omittedLine('ignored findings'),
  };
}

function renderTransition(resource: ReportCoverageResource): string {
  const side = (status: ReportCoverageResource['before']): string =>
    `${statusEmoji(status)} ${describeStatus(status)}`.trim();
  return `${side(resource.before)} → ${side(resource.after)}`;
}

function renderCoverageRow(resource: ReportCoverageResource): string {
  const covered = resource.coveredBy.length > 0 ? resource.coveredBy.map(esc).join(', ') : '—';
  const detail = resource.detail !== undefined && resource.detail !== '' ? esc(resource.detail) : '—';
  return `| ${esc(resource.id)} | ${esc(resource.dataResourceType)} (${resource.role}, ${describeAction(resource.action)}) | ${renderTransition(resource)} | ${detail} | ${covered} |\n`;
}

/** The table of AI resources whose coverage changed. */
export function buildCoverageSection(view: ReportView): BudgetSection {
  const rows = view.changedResources.map(renderCoverageRow);
  const header = '| AI resource | Type | Before → after | Detail | Covered by |\n|---|---|---|---|---|\n';
  const folded = rows.length > FOLD_ROWS;
  return {
    key: 'coverage',
    label: 'coverage rows',
    head:
      `### Coverage changes\n\n` +
      (folded ? `<details><summary>${pluralize(rows.length, 'AI resource')} changed</summary>\n\n` : '') +
      header,
    items: rows,
    tail: folded ? '\n</details>\n' : '',
    omitted: omittedLine('coverage rows'),
  };
}

/** Trails and event data stores that the change touches, with their logging state after it. */
export function buildSinkSection(view: ReportView): BudgetSection {
  return {
    key: 'sinks',
    label: 'trail and event data store changes',
    head: '### Trails and event data stores changed\n\n',
    items: view.changedSinks.map((sink) => `- ${esc(sink.id)} (${describeSink(sink)})\n`),
    tail: '',
    omitted: omittedLine('trails and event data stores'),
  };
}

function renderGrantRow(change: '➕' | '➖', grant: ReportGrant): string {
  const condition =
    grant.condition !== undefined && grant.condition !== '' ? ` if ${esc(grant.condition)}` : '';
  const effect = grant.effect === 'Deny' ? 'Deny ' : '';
  const risks = grant.risks.length > 0 ? `⚠️ ${grant.risks.map(esc).join(', ')}` : '—';
  return `| ${change} | ${esc(serviceOf(grant.action))} | ${effect}${esc(grant.action)} | ${esc(grant.resource)}${condition} | ${esc(grant.accessLevel)} | ${risks} |\n`;
}

function compareGrants(left: ReportGrant, right: ReportGrant): number {
  const byService = serviceOf(left.action).localeCompare(serviceOf(right.action));
  return byService !== 0 ? byService : left.action.localeCompare(right.action);
}

function renderRole(role: ReportRole): string {
  const lines: string[] = [`#### ${esc(role.name)} (${esc(role.id)}, ${describeAction(role.action)})`, ''];
  if (role.reasons.length > 0) lines.push(`AI role because: ${role.reasons.map(esc).join('; ')}`, '');
  if (role.trust.added.length > 0) lines.push(`Trust added: ${role.trust.added.map(esc).join(', ')}`, '');
  if (role.trust.removed.length > 0)
    lines.push(`Trust removed: ${role.trust.removed.map(esc).join(', ')}`, '');
  const rows = [
    ...[...role.added].sort(compareGrants).map((grant) => renderGrantRow('➕', grant)),
    ...[...role.removed].sort(compareGrants).map((grant) => renderGrantRow('➖', grant)),
  ];
  if (rows.length > 0) {
    const shown = rows.slice(0, MAX_GRANT_ROWS);
    const more =
      rows.length > shown.length
        ? `\n_…and ${formatCount(rows.length - shown.length)} more grant changes._\n`
        : '';
    const table =
      '| | Service | Action | Resource | Access level | Risk |\n|---|---|---|---|---|---|\n' +
      shown.join('') +
      more;
    const summary = `${role.added.length} added, ${role.removed.length} removed`;
    lines.push(
      rows.length > FOLD_ROWS ? fold(`Grants: ${summary}`, table) : `Grants: ${summary}\n\n${table}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** One block per AI role whose permissions or trust changed. */
export function buildRoleSection(view: ReportView): BudgetSection {
  return {
    key: 'roles',
    label: 'role tables',
    head: '### AI role changes\n\n',
    items: view.changedRoles.map(renderRole),
    tail: '',
    omitted: omittedLine('AI roles'),
  };
}

function renderSuggestion(resource: ReportCoverageResource): string {
  const proposal = proposeSelector(resource);
  const intro = `For **${esc(resource.id)}** (${esc(resource.dataResourceType)})`;
  if (proposal.kind === 'none')
    return `${intro}: no selector can be suggested, because ${esc(proposal.reason)}.\n`;
  const fence = fenceFor(proposal.hcl);
  const note = proposal.note !== undefined ? ` Note: ${esc(proposal.note)}.` : '';
  return `${intro}, add to a trail or event data store:${note}\n\n${fence}hcl\n${proposal.hcl}\n${fence}\n`;
}

/** Terraform selectors that would record each AI resource nothing records after the change. */
export function buildSuggestionSection(view: ReportView): BudgetSection {
  const folded = view.uncoveredResources.length > 3;
  const intro =
    '### Suggested selectors\n\n' +
    'Data events are billed per event recorded; check the expected volume before you enable them.\n\n' +
    (folded
      ? `<details><summary>${pluralize(view.uncoveredResources.length, 'selector')}</summary>\n\n`
      : '');
  return {
    key: 'suggestions',
    label: 'suggested selectors',
    head: intro,
    items: view.uncoveredResources.map((resource) => `${renderSuggestion(resource)}\n`),
    tail: folded ? '</details>\n' : '',
    omitted: omittedLine('suggested selectors'),
  };
}

/** Standing gaps: findings about what was already missing, and AI resources that were and stay uncovered. */
export function buildStandingSection(view: ReportView, fileUrl: FileUrl | undefined): BudgetSection {
  const count = view.existing.length + view.standingResources.length;
  const items = [
    ...view.existing.map((finding) => renderFindingItem(finding, fileUrl)),
    ...view.standingResources.map((resource) => {
      const detail =
        resource.detail !== undefined && resource.detail !== '' ? `: ${esc(resource.detail)}` : '';
      return `- ${esc(resource.id)} (${esc(resource.dataResourceType)}): ${renderTransition(resource)}${detail}\n`;
    }),
  ];
  return {
    key: 'standing',
    label: 'standing gaps',
    head: `<details><summary>Standing gaps this change does not make worse (${formatCount(count)})</summary>\n\n`,
    items,
    tail: '\n</details>\n',
    omitted: omittedLine('standing gaps'),
  };
}

function renderInputError(input: ReportInput): string {
  return `- ${esc(input.path)} (${input.format}): ${esc(input.error ?? 'could not be read')}\n`;
}

/** Inputs that could not be read. */
export function buildInputSection(view: ReportView): BudgetSection {
  return {
    key: 'inputs',
    label: 'input errors',
    head: '### Inputs that could not be read\n\n',
    items: view.failedInputs.map(renderInputError),
    tail: '',
    omitted: omittedLine('inputs'),
  };
}
