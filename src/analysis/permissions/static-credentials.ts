import { AI_SERVICE_PREFIXES } from '../../knowledge/service-principals.js';
import { compileResourceGlob } from '../../config/resource-glob.js';
import type { Snapshot } from '../../model/snapshot.js';
import type { ChangeAction } from '../../model/resource.js';
import { describeValue } from '../../model/value.js';
import type { Finding } from '../finding.js';
import type { AiRoleGlobs } from './ai-roles.js';
import { listAiRuntimeActions } from './ai-roles.js';
import { indexIam, type IamIndex } from './attached-policies.js';
import { collectUserGrants } from './effective.js';
import type { Grant } from './grant.js';
import { describeReference, resolveReference } from './resolve.js';

function aiServiceActions(grants: readonly Grant[]): string[] {
  const names = new Set<string>();
  for (const grant of grants) {
    if (grant.effect !== 'Allow' || grant.action.kind !== 'action') continue;
    const service = grant.action.action.name.split(':')[0]?.toLowerCase();
    if (service !== undefined && AI_SERVICE_PREFIXES.includes(service)) names.add(grant.action.action.name);
  }
  return [...names].sort();
}

/**
 * `static-credentials`: an access key the change creates for an IAM user that has AI permissions (AI runtime
 * actions, any action of an AI service) or that the config's `aiRoles.include` names. A long-lived key of such a
 * user is a credential that can drive the AI workload from anywhere. `afterIndex`, when given, is the after side's
 * IAM index, already built by the caller.
 */
export async function findStaticCredentials(
  before: Snapshot,
  after: Snapshot,
  changes: Readonly<Record<string, ChangeAction>>,
  globs: AiRoleGlobs,
  afterIndex?: IamIndex,
): Promise<Finding[]> {
  const existing = new Set(before.accessKeys.map((key) => key.id));
  const created = after.accessKeys.filter(
    (key) =>
      key.active !== false &&
      (changes[key.id] === 'create' || changes[key.id] === 'replace' || !existing.has(key.id)),
  );
  if (created.length === 0) return [];
  const index = afterIndex ?? indexIam(after);
  const findings: Finding[] = [];
  for (const key of created) {
    const user = resolveReference(key.user, index.users);
    const userName = user ? describeValue(user.name) : describeReference(key.user);
    const grants = user ? await collectUserGrants(index, user) : [];
    const runtime = listAiRuntimeActions(grants);
    const aiActions = runtime.length > 0 ? runtime : aiServiceActions(grants);
    const named = globs.include.find((glob) =>
      [user?.id ?? '', userName].some((candidate) => compileResourceGlob(glob).test(candidate)),
    );
    if (aiActions.length === 0 && named === undefined) continue;
    const why =
      aiActions.length > 0
        ? `it may call ${aiActions.slice(0, 4).join(', ')}${aiActions.length > 4 ? ` and ${aiActions.length - 4} more` : ''}`
        : `the config names it as AI-relevant ("${named}")`;
    findings.push({
      ruleId: 'static-credentials',
      title: `A long-lived access key is created for AI user ${userName}`,
      message:
        `Access key ${key.id} is created for IAM user ${userName}, and ${why}. A static key works from anywhere ` +
        `until someone rotates it; let the workload assume a role instead.`,
      resource: key.id,
      ...(key.location ? { location: key.location } : {}),
    });
  }
  return findings;
}
