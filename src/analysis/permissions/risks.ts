import {
  ADMIN_MANAGED_POLICIES,
  RISKY_ACTIONS,
  type ActionRiskRule,
  type RiskyAction,
} from '../../knowledge/risky-actions.js';
import type { RuleId } from '../finding.js';
import { remember } from '../remember.js';
import { expandActionPattern, type ActionInfo } from './expand.js';
import type { Grant } from './grant.js';
import { includesAction, isUnrestrictedResource } from './subsume.js';

/** The grant rules, in the order findings list them. */
export const GRANT_RULES = [
  'admin-access',
  'privilege-escalation',
  'audit-tampering',
  'secret-access',
  'wildcard-action',
  'wildcard-resource',
] as const satisfies readonly RuleId[];

/** One of the rules a single grant can trigger. */
export type GrantRule = (typeof GRANT_RULES)[number];

interface CatalogEntry {
  readonly risky: RiskyAction;
  /** The concrete actions the risky pattern stands for. */
  readonly actions: readonly ActionInfo[];
  /** The same actions by lower-case name: most grants name one action, and every grant is classified. */
  readonly byName: ReadonlyMap<string, readonly ActionInfo[]>;
}

function indexByName(actions: readonly ActionInfo[]): Map<string, ActionInfo[]> {
  const byName = new Map<string, ActionInfo[]>();
  for (const action of actions) {
    const name = action.name.toLowerCase();
    const list = byName.get(name);
    if (list) list.push(action);
    else byName.set(name, [action]);
  }
  return byName;
}

/** The risky action patterns of each rule, expanded once against IAM data. */
export interface RiskCatalog {
  readonly rules: ReadonlyMap<ActionRiskRule, readonly CatalogEntry[]>;
  /** The lower-case names of every concrete action of every rule: most grants name one harmless action. */
  readonly actionNames: ReadonlySet<string>;
}

let catalog: Promise<RiskCatalog> | undefined;

/** Loads (once) the risky actions of each rule, expanded to concrete action names. */
export function loadRiskCatalog(): Promise<RiskCatalog> {
  catalog ??= (async () => {
    const map = new Map<ActionRiskRule, CatalogEntry[]>();
    for (const [rule, entries] of Object.entries(RISKY_ACTIONS) as [
      ActionRiskRule,
      readonly RiskyAction[],
    ][]) {
      const expanded = await Promise.all(
        entries.map(async (risky): Promise<CatalogEntry> => {
          const expansion = await expandActionPattern(risky.pattern);
          const actions = expansion.kind === 'actions' ? expansion.actions : [];
          return { risky, actions, byName: indexByName(actions) };
        }),
      );
      map.set(rule, expanded);
    }
    const actionNames = new Set(
      [...map.values()].flatMap((entries) => entries.flatMap((entry) => [...entry.byName.keys()])),
    );
    return { rules: map, actionNames };
  })();
  return catalog;
}

const WRITE_LEVELS = ['write', 'permissions management'];

/** The rules decided by the catalogue of risky actions. */
const ACTION_RULES = ['privilege-escalation', 'audit-tampering', 'secret-access'] as const;

const writeLevels = new Map<string, boolean>();

function isWriteLevel(accessLevel: string): boolean {
  // IAM data knows a handful of access levels; every grant asks.
  return remember(writeLevels, accessLevel, () =>
    accessLevel
      .toLowerCase()
      .split(',')
      .some((level) => WRITE_LEVELS.includes(level.trim())),
  );
}

function isUnrestrictedForRoles(grant: Grant): boolean {
  // Every role of an account (`arn:aws:iam::123456789012:role/*`) is no limit for passing or assuming roles.
  return (
    isUnrestrictedResource(grant.resource) ||
    (grant.resource.kind === 'pattern' && /:role\/\*$/.test(grant.resource.pattern))
  );
}

function riskyActionApplies(grant: Grant, entry: CatalogEntry, actionName: string | undefined): boolean {
  if (entry.risky.onlyOnAnyResource && !isUnrestrictedForRoles(grant)) return false;
  if (entry.risky.limitedByConditionKey && grant.condition?.keys.includes(entry.risky.limitedByConditionKey))
    return false;
  if (actionName !== undefined) {
    return (entry.byName.get(actionName) ?? []).some((action) => appliesToResource(action, grant));
  }
  return entry.actions.some(
    (action) => includesAction(grant.action, action.name) && appliesToResource(action, grant),
  );
}

/**
 * An action that supports no resource type is only ever requested on `*`, so a statement that names specific
 * resources does not grant it at all.
 */
export function appliesToResource(action: ActionInfo, grant: Grant): boolean {
  return !action.wildcardOnly || isUnrestrictedResource(grant.resource);
}

/** Tells whether the action as written is a wildcard over a whole service or over everything. */
export function isWildcardAction(grant: Grant): boolean {
  return grant.action.kind === 'all-except' || grant.pattern === '*' || grant.pattern.endsWith(':*');
}

/** The rules one allow grant triggers, whatever the change; the caller decides whether the grant is new. */
export function classifyGrant(grant: Grant, risks: RiskCatalog): GrantRule[] {
  if (grant.effect !== 'Allow' || grant.action.kind === 'opaque') return [];
  if (grant.action.kind === 'action' && !appliesToResource(grant.action.action, grant)) return [];
  const rules: GrantRule[] = [];
  const everything = grant.action.kind === 'all-except' && grant.action.except.length === 0;
  const adminPolicy =
    grant.source.awsManaged !== undefined && ADMIN_MANAGED_POLICIES.includes(grant.source.awsManaged);
  if ((everything && isUnrestrictedResource(grant.resource)) || adminPolicy) rules.push('admin-access');
  // A grant of one action is looked up by its name instead of being compared with every risky action.
  const actionName = grant.action.kind === 'action' ? grant.action.action.name.toLowerCase() : undefined;
  // Most grants name one harmless action: one lookup settles every rule of the catalogue.
  const mayBeRisky = actionName === undefined || risks.actionNames.has(actionName);
  for (const rule of mayBeRisky ? ACTION_RULES : []) {
    if ((risks.rules.get(rule) ?? []).some((entry) => riskyActionApplies(grant, entry, actionName)))
      rules.push(rule);
  }
  if (isWildcardAction(grant)) rules.push('wildcard-action');
  if (isUnrestrictedResource(grant.resource)) {
    const writes =
      grant.action.kind === 'all-except' ||
      (isWriteLevel(grant.action.action.accessLevel) && !grant.action.action.wildcardOnly);
    if (writes) rules.push('wildcard-resource');
  }
  return rules;
}
