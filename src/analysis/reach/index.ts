import type { Role } from '../../model/iam.js';
import type {
  ReachChange,
  ReportReach,
  ReportReachAccess,
  ReportReachLink,
  ReportReachRole,
  ReportReachTarget,
  ReportReachWorkload,
} from '../../model/report.js';
import type { ChangeAction } from '../../model/resource.js';
import type { Sink } from '../../model/sink.js';
import type { Snapshot } from '../../model/snapshot.js';
import { describeValue } from '../../model/value.js';
import { indexIam } from '../permissions/attached-policies.js';
import { loadDataEventActions, type DataEventActionIndex } from '../permissions/data-event-actions.js';
import { collectRoleGrants } from '../permissions/effective.js';
import type { RoleGrantsSide } from '../permissions/index.js';
import { accountOfRoleArn } from '../permissions/trust-findings.js';
import { mapRoleAccess, type SideAccess, type SideTarget } from './role-access.js';
import { findWorkloads, type Workload, type WorkloadUse } from './workloads.js';

/** What the reach analysis reads: both snapshots, the change actions, and the sinks kept outside the inputs. */
export interface ReachInput {
  readonly before: Snapshot;
  readonly after: Snapshot;
  readonly changes: Readonly<Record<string, ChangeAction>>;
  readonly externalSinks: readonly Sink[];
  /** The IAM index and role grants per side, as the permissions analysis computed them; built here when absent. */
  readonly iam?: { readonly before: RoleGrantsSide; readonly after: RoleGrantsSide };
}

/** At most this many action names per access in the report; `actionCount` gives the total. */
export const MAX_LISTED_REACH_ACTIONS = 12;

interface SideRole {
  readonly role: Role;
  readonly access: ReadonlyMap<string, SideAccess>;
}

interface Side {
  readonly workloads: ReadonlyMap<string, Workload>;
  readonly roles: ReadonlyMap<string, SideRole>;
}

async function analyzeSide(
  snapshot: Snapshot,
  externalSinks: readonly Sink[],
  dataActions: DataEventActionIndex,
  iam: RoleGrantsSide | undefined,
): Promise<Side> {
  const workloads = findWorkloads(snapshot);
  const index = iam?.index ?? indexIam(snapshot);
  const scope = { snapshot, sinks: [...snapshot.sinks, ...externalSinks], externalSinks };
  const roles = new Map<string, SideRole>();
  for (const workload of workloads) {
    for (const role of workload.roles) {
      if (roles.has(role.id)) continue;
      const grants = iam?.grants.get(role.id) ?? (await collectRoleGrants(index, role));
      const account = accountOfRoleArn(typeof role.arn === 'string' ? role.arn : undefined);
      roles.set(role.id, { role, access: mapRoleAccess(grants, dataActions, scope, account) });
    }
  }
  return { workloads: new Map(workloads.map((workload) => [workload.resource.id, workload])), roles };
}

function changeOf<T>(
  before: T | undefined,
  after: T | undefined,
  same: (a: T, b: T) => boolean,
): ReachChange {
  if (before === undefined) return 'added';
  if (after === undefined) return 'removed';
  return same(before, after) ? 'unchanged' : 'changed';
}

function sameTarget(before: SideTarget, after: SideTarget): boolean {
  return before.recording === after.recording;
}

export { MAX_LISTED_TARGET_RESOURCES } from './target-recording.js';

function diffTargets(
  before: ReadonlyMap<string, SideTarget> | undefined,
  after: ReadonlyMap<string, SideTarget> | undefined,
): ReportReachTarget[] {
  const keys = [...new Set([...(before?.keys() ?? []), ...(after?.keys() ?? [])])].sort();
  return keys.map((key) => {
    const old = before?.get(key);
    const now = after?.get(key);
    const shown = (now ?? old)!;
    const change = changeOf(old, now, sameTarget);
    return {
      resource: shown.resource,
      ...(shown.condition !== undefined ? { condition: shown.condition } : {}),
      resources: [...shown.resources],
      resourceCount: shown.resourceCount,
      change,
      recording: shown.recording,
      ...(old && now && old.recording !== now.recording ? { recordingBefore: old.recording } : {}),
      recordedBy: [...shown.recordedBy],
      ...(shown.detail !== undefined ? { detail: shown.detail } : {}),
    };
  });
}

function sameActions(before: SideAccess, after: SideAccess): boolean {
  return (
    before.actions.size === after.actions.size && [...before.actions].every((name) => after.actions.has(name))
  );
}

function diffAccess(
  before: ReadonlyMap<string, SideAccess> | undefined,
  after: ReadonlyMap<string, SideAccess> | undefined,
): ReportReachAccess[] {
  const keys = [...new Set([...(before?.keys() ?? []), ...(after?.keys() ?? [])])].sort();
  return keys.map((key) => {
    const old = before?.get(key);
    const now = after?.get(key);
    const shown = (now ?? old)!;
    const targets = diffTargets(old?.targets, now?.targets);
    let change = changeOf(old, now, sameActions);
    if (change === 'unchanged' && targets.some((target) => target.change !== 'unchanged')) change = 'changed';
    const actions = [...shown.actions].sort();
    return {
      service: shown.service,
      accessLevel: shown.accessLevel,
      eventCategory: shown.eventCategory,
      actions: actions.slice(0, MAX_LISTED_REACH_ACTIONS),
      actionCount: actions.length,
      change,
      targets,
    };
  });
}

function diffRoles(
  before: Side,
  after: Side,
  oldWorkload?: Workload,
  newWorkload?: Workload,
): ReportReachRole[] {
  const ids = [
    ...new Set([...(oldWorkload?.roles ?? []), ...(newWorkload?.roles ?? [])].map((role) => role.id)),
  ].sort();
  return ids.map((id) => {
    const linkedBefore = oldWorkload?.roles.some((role) => role.id === id) ?? false;
    const linkedAfter = newWorkload?.roles.some((role) => role.id === id) ?? false;
    const old = linkedBefore ? before.roles.get(id) : undefined;
    const now = linkedAfter ? after.roles.get(id) : undefined;
    const shown = (now ?? old)!;
    // A role newly linked to the workload brings all it can do as new reach.
    const access = diffAccess(old?.access, now?.access);
    return {
      id,
      name: describeValue(shown.role.name),
      change: changeOf(old, now, () => true),
      access,
    };
  });
}

function diffUses(before: readonly WorkloadUse[], after: readonly WorkloadUse[]): ReportReachLink[] {
  const key = (use: WorkloadUse) => `${use.relation}\u0000${use.id}`;
  const old = new Map(before.map((use) => [key(use), use]));
  const now = new Map(after.map((use) => [key(use), use]));
  return [...new Set([...old.keys(), ...now.keys()])].sort().map((k) => {
    const use = (now.get(k) ?? old.get(k))!;
    return { relation: use.relation, id: use.id, change: changeOf(old.get(k), now.get(k), () => true) };
  });
}

function isChanged(workload: Omit<ReportReachWorkload, 'changed'>): boolean {
  return (
    workload.action !== 'no-op' ||
    workload.uses.some((use) => use.change !== 'unchanged') ||
    workload.roles.some(
      (role) =>
        role.change !== 'unchanged' ||
        role.access.some(
          (access) =>
            access.change !== 'unchanged' || access.targets.some((target) => target.change !== 'unchanged'),
        ),
    )
  );
}

/**
 * Builds the AI access map: for each AI workload on either side of the change, the roles it runs as, what each
 * role can do (grouped by service, access level and event category), on which resources, and which sinks record
 * it, with every element marked as added, removed, changed or unchanged.
 */
export async function analyzeReach(input: ReachInput): Promise<ReportReach> {
  const dataActions = await loadDataEventActions();
  const before = await analyzeSide(input.before, input.externalSinks, dataActions, input.iam?.before);
  const after = await analyzeSide(input.after, input.externalSinks, dataActions, input.iam?.after);
  const ids = [...new Set([...before.workloads.keys(), ...after.workloads.keys()])].sort();
  const workloads: ReportReachWorkload[] = ids.map((id) => {
    const old = before.workloads.get(id);
    const now = after.workloads.get(id);
    const resource = (now ?? old)!.resource;
    const stated = input.changes[id];
    const action: ChangeAction =
      stated ?? (old === undefined ? 'create' : now === undefined ? 'delete' : 'no-op');
    const partial = {
      id,
      iacType: resource.iacType,
      name: describeValue(resource.name),
      action,
      roles: diffRoles(before, after, old, now),
      uses: diffUses(old?.uses ?? [], now?.uses ?? []),
    };
    const { roles, uses, ...head } = partial;
    return { ...head, changed: isChanged(partial), roles, uses };
  });
  return { workloads };
}
