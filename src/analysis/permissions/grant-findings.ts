import { RISK_PHRASES } from '../../knowledge/risky-actions.js';
import type { SourceLocation } from '../../model/location.js';
import type { Finding } from '../finding.js';
import type { Grant } from './grant.js';
import type { GrantRow } from './report-rows.js';
import { GRANT_RULES, type GrantRule } from './risks.js';

/** The role a finding is about, as findings name it. */
export interface RoleSubject {
  readonly id: string;
  readonly name: string;
  readonly location?: SourceLocation;
}

/** At most this many grants are spelled out in one finding's message. */
const MAX_GRANTS_IN_MESSAGE = 5;

function describeRow(row: GrantRow): string {
  const condition = row.row.condition === undefined ? '' : ` when ${row.row.condition}`;
  return `${row.row.action} on ${row.row.resource}${condition}`;
}

function describeStatement(grant: Grant): string {
  const where = grant.source.location
    ? ` (${grant.source.location.file}${grant.source.location.line === undefined ? '' : `:${grant.source.location.line}`})`
    : '';
  return `${grant.source.statement} of ${grant.source.awsManaged ? 'AWS managed policy ' : 'policy '}${grant.source.policyName}${where}`;
}

function listRows(rows: readonly GrantRow[]): string {
  const shown = rows.slice(0, MAX_GRANTS_IN_MESSAGE).map(describeRow).join('; ');
  const more = rows.length - MAX_GRANTS_IN_MESSAGE;
  return more > 0 ? `${shown}; and ${more} more` : shown;
}

const ADVICE: Readonly<Record<GrantRule, string>> = {
  'admin-access': 'Give the role only the actions its workload calls.',
  'privilege-escalation':
    'Limit iam:PassRole to named roles with an iam:PassedToService condition, and do not let the role change policies.',
  'audit-tampering': 'An AI workload has no need to change CloudTrail or logging; remove these actions.',
  'secret-access':
    'Scope secret and key access to the named secrets, parameters and keys the workload needs.',
  'wildcard-action': 'List the actions the workload calls instead of a wildcard.',
  'wildcard-resource': 'Name the resources these actions may change instead of `*`.',
};

/**
 * One finding per rule and statement for the new grants of an AI role: which role, which statement, and exactly
 * which grants it gains. A statement that grants administrator access gets that finding alone ("role `x` can now stop or weaken ... (cloudtrail:StopLogging on *)").
 */
export function findGrantRisks(
  role: RoleSubject,
  addedRows: readonly GrantRow[],
  risksOf: (grant: Grant) => readonly string[],
): Finding[] {
  const findings: Finding[] = [];
  // Administrator access says it all: the same statement's lesser rules would only repeat it.
  const adminStatements = new Set<string>();
  for (const rule of GRANT_RULES) {
    const byStatement = new Map<string, GrantRow[]>();
    for (const row of addedRows) {
      if (!row.row.risks.includes(rule)) continue;
      const grant = row.grants.find((candidate) => risksOf(candidate).includes(rule)) ?? row.grants[0]!;
      const key = `${grant.source.policyId}\u0000${grant.source.statement}`;
      if (rule !== 'admin-access' && adminStatements.has(key)) continue;
      if (rule === 'admin-access') adminStatements.add(key);
      byStatement.set(key, [...(byStatement.get(key) ?? []), row]);
    }
    for (const rows of byStatement.values()) {
      const grant = rows[0]!.grants[0]!;
      const location = grant.source.location ?? role.location;
      findings.push({
        ruleId: rule,
        title: `Role ${role.name} can now ${RISK_PHRASES[rule] ?? rule}`,
        message:
          `Role ${role.name} can now ${RISK_PHRASES[rule] ?? rule} (${listRows(rows)}), ` +
          `granted by ${describeStatement(grant)}. ${ADVICE[rule]}`,
        resource: role.id,
        ...(location ? { location } : {}),
      });
    }
  }
  return findings;
}

/** The info finding for an AI role that loses grants or trusted principals. */
export function findReduction(
  role: RoleSubject,
  removedRows: readonly GrantRow[],
  removedTrust: readonly string[],
): Finding[] {
  const allows = removedRows.filter((row) => row.row.effect === 'Allow');
  if (allows.length === 0 && removedTrust.length === 0) return [];
  const parts: string[] = [];
  if (allows.length > 0)
    parts.push(`loses ${allows.length === 1 ? 'a grant' : `${allows.length} grants`} (${listRows(allows)})`);
  if (removedTrust.length > 0) parts.push(`no longer trusts ${removedTrust.join(', ')}`);
  return [
    {
      ruleId: 'permissions-reduced',
      title: `Role ${role.name} has fewer permissions`,
      message: `Role ${role.name} ${parts.join(' and ')}.`,
      resource: role.id,
      ...(role.location ? { location: role.location } : {}),
    },
  ];
}
