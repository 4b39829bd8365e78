import { AI_RUNTIME_ACTION_PATTERNS } from '../../knowledge/risky-actions.js';
import { compileResourceGlob } from '../../config/resource-glob.js';
import type { Role } from '../../model/iam.js';
import type { CloudResource } from '../../model/resource.js';
import type { Snapshot } from '../../model/snapshot.js';
import { describeValue } from '../../model/value.js';
import type { Grant } from './grant.js';
import { indexEntities, resolveReference, type EntityIndex } from './resolve.js';
import { isAiService, listTrustEntries } from './trust.js';
import { coversAction } from './wildcard.js';

/** The config's `aiRoles` globs, on role names and ids. */
export interface AiRoleGlobs {
  readonly include: readonly string[];
  readonly exclude: readonly string[];
}

/** Why a role counts as an AI role; empty when it does not. */
export type AiRoleReasons = readonly string[];

function matchesAny(globs: readonly string[], candidates: readonly string[]): string | undefined {
  return globs.find((glob) => {
    const pattern = compileResourceGlob(glob);
    return candidates.some((candidate) => pattern.test(candidate));
  });
}

/** Whether an action name is an AI runtime action, by name; roles of a large plan share most of their actions. */
const runtimeActions = new Map<string, boolean>();

function isAiRuntimeAction(name: string): boolean {
  let known = runtimeActions.get(name);
  if (known === undefined) {
    known = AI_RUNTIME_ACTION_PATTERNS.some((pattern) => coversAction(pattern, name));
    runtimeActions.set(name, known);
  }
  return known;
}

/** The AI runtime actions among explicit grants; `*` and NotAction do not count, or every admin role would be one. */
export function listAiRuntimeActions(grants: readonly Grant[]): string[] {
  const names = new Set<string>();
  for (const grant of grants) {
    if (grant.effect !== 'Allow' || grant.action.kind !== 'action') continue;
    const name = grant.action.action.name;
    if (isAiRuntimeAction(name)) names.add(name);
  }
  return [...names].sort();
}

/**
 * For each role linked as an execution role, the resources that run as it: AI resources, and Lambda functions that
 * an AI resource calls as a tool.
 */
export function mapExecutionRoles(snapshot: Snapshot, roles: EntityIndex<Role>): Map<string, string[]> {
  const resources = indexEntities<CloudResource>(snapshot.resources);
  const toolOf = new Map<string, string>();
  for (const link of snapshot.links) {
    if (link.relation !== 'tool-function') continue;
    const from = resources.byId.get(link.from);
    const target = resolveReference(link.to, resources);
    if (from?.kind === 'ai' && target) toolOf.set(target.id, from.id);
  }
  const users = new Map<string, string[]>();
  for (const link of snapshot.links) {
    if (link.relation !== 'execution-role') continue;
    const from = resources.byId.get(link.from);
    if (!from) continue;
    let reason: string | undefined;
    if (from.kind === 'ai') reason = `execution role of ${from.id}`;
    else if (from.kind === 'function' && toolOf.has(from.id)) {
      reason = `execution role of Lambda function ${from.id}, a tool of ${toolOf.get(from.id)}`;
    }
    const role = reason === undefined ? undefined : resolveReference(link.to, roles);
    if (!role || reason === undefined) continue;
    const list = users.get(role.id) ?? [];
    if (!list.includes(reason)) list.push(reason);
    users.set(role.id, list);
  }
  return users;
}

/**
 * Lists why a role is an AI role: it trusts an AI service principal, it runs an AI resource or an AI tool, it is
 * granted AI runtime actions, or the config names it. A role the config excludes is never one.
 */
export function explainAiRole(
  role: Role,
  grants: readonly Grant[],
  executionRoleOf: ReadonlyMap<string, readonly string[]>,
  globs: AiRoleGlobs,
): AiRoleReasons {
  const names = [role.id, describeValue(role.name)];
  if (matchesAny(globs.exclude, names) !== undefined) return [];
  const reasons: string[] = [];
  const services = new Set(
    listTrustEntries(role.trustPolicy)
      .filter((entry) => entry.kind === 'Service' && isAiService(entry.service))
      .map((entry) => entry.principal.slice('Service:'.length)),
  );
  for (const service of [...services].sort()) reasons.push(`trusts ${service}`);
  reasons.push(...(executionRoleOf.get(role.id) ?? []));
  const runtime = listAiRuntimeActions(grants);
  if (runtime.length > 0) {
    const shown = runtime.slice(0, 3).join(', ');
    reasons.push(
      `granted AI runtime actions (${shown}${runtime.length > 3 ? `, and ${runtime.length - 3} more` : ''})`,
    );
  }
  const included = matchesAny(globs.include, names);
  if (included !== undefined) reasons.push(`matches aiRoles.include "${included}"`);
  return reasons;
}
