import type { Role } from '../../model/iam.js';
import type { ReportRole } from '../../model/report.js';
import type { ChangeAction } from '../../model/resource.js';
import type { Sink } from '../../model/sink.js';
import type { Snapshot } from '../../model/snapshot.js';
import { describeValue } from '../../model/value.js';
import { findBlindSpots, type AiRoleGrants } from '../blind-spots.js';
import type { Finding } from '../finding.js';
import { remember } from '../remember.js';
import { explainAiRole, mapExecutionRoles, type AiRoleGlobs } from './ai-roles.js';
import { indexIam, type IamIndex } from './attached-policies.js';
import { diffGrants } from './diff.js';
import { collectRoleGrants, GrantCache } from './effective.js';
import type { Grant } from './grant.js';
import { findGrantRisks, findReduction, type RoleSubject } from './grant-findings.js';
import { foldGrants } from './report-rows.js';
import { classifyGrant, loadRiskCatalog, type RiskCatalog } from './risks.js';
import { findStaticCredentials } from './static-credentials.js';
import { accountOfRoleArn, findTrustRisks } from './trust-findings.js';
import { describeTrustEntry, diffTrust, listTrustEntries } from './trust.js';

/** What the permissions analysis reads. */
export interface PermissionsInput {
  readonly before: Snapshot;
  readonly after: Snapshot;
  /** The change action per id, where the source states it. */
  readonly changes: Readonly<Record<string, ChangeAction>>;
  /** The config's `aiRoles` globs. */
  readonly aiRoles: AiRoleGlobs;
  /** Sinks declared in the config, for blind spots. */
  readonly externalSinks: readonly Sink[];
}

/** One side's IAM index and the effective grants of each of its roles, by role id. */
export interface RoleGrantsSide {
  readonly index: IamIndex;
  readonly grants: ReadonlyMap<string, readonly Grant[]>;
}

/** The AI roles whose permissions the change touches, and the findings about them. */
export interface PermissionsAnalysis {
  readonly roles: ReportRole[];
  readonly findings: Finding[];
  /** The index and grants of every role on each side, so that later stages need not compute them again. */
  readonly iam: { readonly before: RoleGrantsSide; readonly after: RoleGrantsSide };
}

/** One side of the change, with the grants and AI-role reasons of every role. */
interface Side extends RoleGrantsSide {
  readonly reasons: ReadonlyMap<string, readonly string[]>;
}

async function analyzeSide(snapshot: Snapshot, globs: AiRoleGlobs, cache: GrantCache): Promise<Side> {
  const index = indexIam(snapshot);
  const executionRoleOf = mapExecutionRoles(snapshot, index.roles);
  const grants = new Map<string, readonly Grant[]>();
  const reasons = new Map<string, readonly string[]>();
  for (const role of snapshot.roles) {
    if (grants.has(role.id)) continue;
    const roleGrants = await collectRoleGrants(index, role, cache);
    grants.set(role.id, roleGrants);
    reasons.set(role.id, explainAiRole(role, roleGrants, executionRoleOf, globs));
  }
  return { index, grants, reasons };
}

function changeActionOf(
  id: string,
  inBefore: boolean,
  inAfter: boolean,
  changes: PermissionsInput['changes'],
): ChangeAction {
  const stated = changes[id];
  if (stated !== undefined) return stated;
  if (!inBefore) return 'create';
  if (!inAfter) return 'delete';
  return 'no-op';
}

function subjectOf(role: Role): RoleSubject & { account?: string } {
  const account = accountOfRoleArn(typeof role.arn === 'string' ? role.arn : undefined);
  return {
    id: role.id,
    name: describeValue(role.name),
    ...(role.location ? { location: role.location } : {}),
    ...(account ? { account } : {}),
  };
}

function boundaryRemoved(subject: RoleSubject, before: Role | undefined, after: Role): Finding[] {
  if (before?.permissionsBoundary == null || after.permissionsBoundary !== null) return [];
  return [
    {
      ruleId: 'boundary-removed',
      title: `Role ${subject.name} loses its permissions boundary`,
      message:
        `Role ${subject.name} no longer has a permissions boundary, so nothing caps what its policies grant ` +
        `now or later. Keep the boundary on AI roles.`,
      resource: subject.id,
      ...(subject.location ? { location: subject.location } : {}),
    },
  ];
}

/**
 * Compares the AI roles before and after the change: their grants (subsumption-aware), their trust policies and
 * boundaries, and the findings for what the change makes worse; then the access keys of AI users and the blind
 * spots between AI permissions and data-event coverage.
 */
export async function analyzePermissions(input: PermissionsInput): Promise<PermissionsAnalysis> {
  const risks: RiskCatalog = await loadRiskCatalog();
  // A grant is classified for its report row and again for its findings.
  const classified = new WeakMap<Grant, readonly string[]>();
  const risksOf = (grant: Grant): readonly string[] =>
    remember(classified, grant, () => classifyGrant(grant, risks));
  // One cache for both sides: a role the change leaves as it was gets the same list of grants on each.
  const cache = new GrantCache();
  const before = await analyzeSide(input.before, input.aiRoles, cache);
  const after = await analyzeSide(input.after, input.aiRoles, cache);
  const rolesBefore = new Map(input.before.roles.map((role) => [role.id, role]));
  const rolesAfter = new Map(input.after.roles.map((role) => [role.id, role]));
  const roles: ReportRole[] = [];
  const findings: Finding[] = [];
  const aiBefore: AiRoleGrants[] = [];
  const aiAfter: AiRoleGrants[] = [];

  for (const id of new Set([...rolesBefore.keys(), ...rolesAfter.keys()])) {
    const oldRole = rolesBefore.get(id);
    const newRole = rolesAfter.get(id);
    const wasAi = (before.reasons.get(id) ?? []).length > 0;
    const isAi = (after.reasons.get(id) ?? []).length > 0;
    if (oldRole && wasAi) aiBefore.push({ role: oldRole, grants: before.grants.get(id) ?? [] });
    if (newRole && isAi) aiAfter.push({ role: newRole, grants: after.grants.get(id) ?? [] });
    // A role that stops being an AI role leaves this analysis; a deleted AI role is listed with what it loses.
    if (!(isAi || (wasAi && newRole === undefined))) continue;
    const shown = (newRole ?? oldRole)!;
    const subject = subjectOf(shown);
    // A role that becomes an AI role counts everything it can do as new.
    const baseGrants = wasAi ? (before.grants.get(id) ?? []) : [];
    const baseTrust = wasAi && oldRole ? listTrustEntries(oldRole.trustPolicy) : [];
    const newTrust = newRole ? listTrustEntries(newRole.trustPolicy) : [];
    const diff = diffGrants(baseGrants, newRole ? (after.grants.get(id) ?? []) : []);
    const trust = diffTrust(baseTrust, newTrust);
    const added = foldGrants(diff.added, risksOf);
    const removed = foldGrants(diff.removed, risksOf);
    const action = changeActionOf(id, oldRole !== undefined, newRole !== undefined, input.changes);
    const lostBoundary = newRole ? boundaryRemoved(subject, oldRole, newRole) : [];
    const changed =
      added.length + removed.length + trust.added.length + trust.removed.length + lostBoundary.length > 0;
    if (!changed && wasAi === isAi) continue;
    roles.push({
      id,
      name: subject.name,
      action,
      reasons: [...((isAi ? after.reasons.get(id) : before.reasons.get(id)) ?? [])],
      added: added.map((row) => row.row),
      removed: removed.map((row) => row.row),
      trust: { added: trust.added.map(describeTrustEntry), removed: trust.removed.map(describeTrustEntry) },
    });
    if (!newRole) continue;
    findings.push(...findGrantRisks(subject, added, risksOf));
    findings.push(...findTrustRisks(subject, baseTrust, trust.added, wasAi));
    findings.push(...lostBoundary);
    if (wasAi) findings.push(...findReduction(subject, removed, trust.removed.map(describeTrustEntry)));
  }

  findings.push(
    ...(await findStaticCredentials(input.before, input.after, input.changes, input.aiRoles, after.index)),
  );
  findings.push(
    ...(await findBlindSpots({
      before: input.before,
      after: input.after,
      externalSinks: input.externalSinks,
      rolesBefore: aiBefore,
      rolesAfter: aiAfter,
    })),
  );
  return {
    roles,
    findings,
    iam: {
      before: { index: before.index, grants: before.grants },
      after: { index: after.index, grants: after.grants },
    },
  };
}
