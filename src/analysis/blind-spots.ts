import { dataEventType } from '../knowledge/data-event-types.js';
import type { SourceLocation } from '../model/location.js';
import type { Role } from '../model/iam.js';
import type { CloudResource } from '../model/resource.js';
import type { Sink } from '../model/sink.js';
import type { Snapshot } from '../model/snapshot.js';
import { isUnknown, unknownValue } from '../model/unknown.js';
import { describeValue, type StringValue } from '../model/value.js';
import { describeFix, recordsEvent } from './coverage/index.js';
import type { Finding } from './finding.js';
import {
  isReadOnlyLevel,
  loadDataEventActions,
  type DataEventActionIndex,
} from './permissions/data-event-actions.js';
import type { ActionInfo } from './permissions/expand.js';
import type { Grant } from './permissions/grant.js';
import { appliesToResource } from './permissions/risks.js';
import { includesAction, isUnrestrictedResource } from './permissions/subsume.js';
import { coversPattern, overlapsPattern } from './permissions/wildcard.js';
import { remember } from './remember.js';
import { resourceArnIndexOf } from './resource-arn-index.js';

/** An AI role of one snapshot with its effective grants. */
export interface AiRoleGrants {
  readonly role: Role;
  readonly grants: readonly Grant[];
}

/** What blind-spot detection compares: both snapshots, their AI roles, and the sinks kept outside the inputs. */
export interface BlindSpotInput {
  readonly before: Snapshot;
  readonly after: Snapshot;
  readonly externalSinks: readonly Sink[];
  /** AI roles before the change; a role that was not an AI role then is absent, so all it can do is new. */
  readonly rolesBefore: readonly AiRoleGrants[];
  readonly rolesAfter: readonly AiRoleGrants[];
}

/** Where an AI role's data-event actions land: a declared resource, or every resource of a runtime-only type. */
interface Target {
  readonly key: string;
  readonly dataResourceType: string;
  readonly label: string;
  readonly arn: StringValue;
  readonly resource?: CloudResource;
}

/** The data-event actions one role may take on one target (in lists, one per grant), and the first statement. */
interface Exposure {
  readonly target: Target;
  /** The action lists of the grant groups that reach the target; shared with the groups, never changed. */
  readonly actions: (readonly ActionInfo[])[];
  /** Where the first grant that reaches the target is written, when the source knows. */
  readonly location: SourceLocation | undefined;
}

const S3_BUCKET_ACTIONS = new Set(['s3:listbucket', 's3:listbucketversions']);

function concernsResource(grant: Grant, action: ActionInfo, resource: CloudResource): boolean {
  const arnValue = resource.arn;
  if (grant.resource.kind === 'opaque') return false;
  if (isUnknown(arnValue)) return grant.resource.kind === 'pattern' && grant.resource.pattern === '*';
  let arn = describeValue(arnValue);
  // Object-level S3 actions act on `bucket/key`; ListBucket acts on the bucket itself.
  if (resource.dataResourceType === 'AWS::S3::Object' && !S3_BUCKET_ACTIONS.has(action.name.toLowerCase())) {
    arn = `${arn}/*`;
  }
  // SageMaker writes names in lower case in its ARNs.
  const fold = (text: string) => (arn.includes(':sagemaker:') ? text.toLowerCase() : text);
  if (grant.resource.kind === 'not') {
    return !grant.resource.patterns.some((excluded) => coversPattern(fold(excluded), fold(arn)));
  }
  return overlapsPattern(fold(grant.resource.pattern), fold(arn));
}

/** Finds the targets a grant's resource reaches for one action; memoised per snapshot, since roles repeat patterns. */
type TargetFinder = (grant: Grant, action: ActionInfo, types: readonly string[]) => Target[];

function makeTargetFinder(snapshot: Snapshot): TargetFinder {
  const index = resourceArnIndexOf(snapshot);
  const cache = new Map<string, Target[]>();
  return (grant, action, types) => {
    const bucketLevel = S3_BUCKET_ACTIONS.has(action.name.toLowerCase());
    return remember(cache, JSON.stringify([grant.resource, types, bucketLevel]), () => {
      const targets: Target[] = [];
      const anywhere = isUnrestrictedResource(grant.resource);
      for (const type of types) {
        if (dataEventType(type)?.runtimeOnly) {
          if (!anywhere) continue;
          targets.push({
            key: `type:${type}`,
            dataResourceType: type,
            label: `every ${type} (these have no declared resource)`,
            arn: unknownValue(`${type} resources exist only at run time`),
          });
          continue;
        }
        const candidates =
          grant.resource.kind === 'pattern'
            ? index.candidatesFor(type, grant.resource.pattern)
            : index.resourcesOf(type);
        for (const resource of candidates) {
          if (!concernsResource(grant, action, resource)) continue;
          targets.push({
            key: `resource:${resource.id}:${type}`,
            dataResourceType: type,
            label: `${resource.id} (${describeValue(resource.arn)})`,
            arn: resource.arn,
            resource,
          });
        }
      }
      return targets;
    });
  };
}

/** The data-event actions a grant's action part names; memoised, since every role repeats the same wildcards. */
type ActionFinder = (grant: Grant) => readonly ActionInfo[];

const NO_ACTIONS: readonly ActionInfo[] = [];

function makeActionFinder(dataActions: DataEventActionIndex): ActionFinder {
  const expanded = new Map<string, readonly ActionInfo[]>();
  // One list per action, so that the grouping below can be remembered per list.
  const single = new Map<ActionInfo, readonly ActionInfo[]>();
  return (grant) => {
    if (grant.action.kind === 'action') {
      const { action } = grant.action;
      return remember(single, action, () =>
        dataActions.has(action.name.toLowerCase()) ? [action] : NO_ACTIONS,
      );
    }
    if (grant.action.kind === 'opaque') return NO_ACTIONS;
    const part = grant.action;
    return remember(expanded, part.except.join('\n'), () =>
      [...dataActions.values()]
        .filter((entry) => includesAction(part, entry.action.name))
        .map((entry) => entry.action),
    );
  };
}

/** Actions of one grant that land on the same targets: handled together, since large plans repeat this a lot. */
interface ActionGroup {
  readonly types: readonly string[];
  readonly actions: ActionInfo[];
}

/**
 * Groups a grant's data-event actions by the targets they land on. The grouping depends only on the list of actions
 * and on whether the grant's resource is unrestricted, so it is remembered per list; the groups' action lists are
 * then shared by every exposure they reach, which lets the recording checks below be remembered per list too.
 */
type ActionGrouper = (grant: Grant, actions: readonly ActionInfo[]) => readonly ActionGroup[];

function makeActionGrouper(dataActions: DataEventActionIndex): ActionGrouper {
  // By whether the grant's resource is unrestricted, then by list.
  const memo = [new Map<readonly ActionInfo[], readonly ActionGroup[]>(), new Map()];
  return (grant, actions) => {
    if (actions.length === 0) return [];
    return remember(memo[isUnrestrictedResource(grant.resource) ? 1 : 0]!, actions, () => {
      const groups = new Map<string, ActionGroup>();
      for (const action of actions) {
        if (!appliesToResource(action, grant)) continue;
        const types = dataActions.get(action.name.toLowerCase())?.dataResourceTypes ?? [];
        const key = `${types.join(',')}\u0000${S3_BUCKET_ACTIONS.has(action.name.toLowerCase())}`;
        const group = groups.get(key);
        if (group) group.actions.push(action);
        else groups.set(key, { types, actions: [action] });
      }
      return [...groups.values()];
    });
  };
}

function collectExposures(
  role: AiRoleGrants,
  findTargets: TargetFinder,
  findActions: ActionFinder,
  groupActions: ActionGrouper,
): Iterable<Exposure> {
  const exposures = new Map<string, Exposure>();
  for (const grant of role.grants) {
    // Uncertain grants (an unknown boundary) would make every blind spot a guess; they are left out.
    if (grant.effect !== 'Allow' || grant.uncertain !== undefined) continue;
    for (const { types, actions } of groupActions(grant, findActions(grant))) {
      for (const target of findTargets(grant, actions[0]!, types)) {
        let exposure = exposures.get(target.key);
        if (!exposure) {
          exposure = { target, actions: [], location: grant.source.location };
          exposures.set(target.key, exposure);
        }
        exposure.actions.push(actions);
      }
    }
  }
  return exposures.values();
}

/** The actions of the lists that the recording in their direction misses, each name once, in order of the lists. */
function unrecordedActions(
  lists: readonly (readonly ActionInfo[])[],
  readsRecorded: boolean,
  writesRecorded: boolean,
): ActionInfo[] {
  const unrecorded = new Map<string, ActionInfo>();
  for (const list of lists) {
    for (const action of list) {
      const recorded = isReadOnlyLevel(action.accessLevel) ? readsRecorded : writesRecorded;
      if (!recorded) unrecorded.set(action.name, action);
    }
  }
  return [...unrecorded.values()];
}

/** The exposures of one role that no sink records in full, with the actions left unrecorded, by target key. */
interface RoleUnrecorded {
  readonly role: Role;
  readonly byTarget: Map<string, { readonly exposure: Exposure; readonly unrecorded: ActionInfo[] }>;
}

/** The actions of each exposure that no sink records, by role id and then target key. */
function findUnrecorded(
  roles: readonly AiRoleGrants[],
  snapshot: Snapshot,
  externalSinks: readonly Sink[],
  dataActions: DataEventActionIndex,
): Map<string, RoleUnrecorded> {
  const result = new Map<string, RoleUnrecorded>();
  // Many roles reach the same resources: ask the sinks once per target and direction (reads, then writes).
  const answers = [new Map<string, boolean>(), new Map<string, boolean>()];
  const isRecorded = (target: Target, readOnly: boolean): boolean =>
    remember(answers[readOnly ? 0 : 1]!, target.key, () => {
      const recording = recordsEvent(snapshot, externalSinks, {
        dataResourceType: target.dataResourceType,
        arn: target.arn,
        readOnly,
        ...(target.resource ? { region: target.resource.region, account: target.resource.account } : {}),
      });
      // Only a definite "not recorded" is a blind spot; an unknown or partial answer is not claimed as one.
      return recording.recorded !== false;
    });
  const findAll = makeTargetFinder(snapshot);
  const findActions = makeActionFinder(dataActions);
  const groupActions = makeActionGrouper(dataActions);
  // Most targets of a large plan are recorded both ways; dropping them once per target list keeps every role's
  // exposures to the few that may be blind spots.
  const open = new WeakMap<Target[], Target[]>();
  const findTargets: TargetFinder = (grant, action, types) => {
    const all = findAll(grant, action, types);
    return remember(open, all, () =>
      all.filter((target) => !(isRecorded(target, true) && isRecorded(target, false))),
    );
  };
  // An exposure through one grant group shares that group's list: its unrecorded part is worked out once per list
  // and recording (a wide grant reaches hundreds of resources recorded alike).
  // By whether reads are recorded, then writes, then by list.
  const unrecordedOfList = [
    [new Map<readonly ActionInfo[], ActionInfo[]>(), new Map<readonly ActionInfo[], ActionInfo[]>()],
    [new Map<readonly ActionInfo[], ActionInfo[]>(), new Map<readonly ActionInfo[], ActionInfo[]>()],
  ];
  const unrecordedOf = (
    exposure: Exposure,
    readsRecorded: boolean,
    writesRecorded: boolean,
  ): ActionInfo[] => {
    const list = exposure.actions.length === 1 ? exposure.actions[0] : undefined;
    if (list === undefined) return unrecordedActions(exposure.actions, readsRecorded, writesRecorded);
    const byList = unrecordedOfList[readsRecorded ? 1 : 0]![writesRecorded ? 1 : 0]!;
    return remember(byList, list, () => unrecordedActions([list], readsRecorded, writesRecorded));
  };
  for (const role of roles) {
    for (const exposure of collectExposures(role, findTargets, findActions, groupActions)) {
      const { target } = exposure;
      const readsRecorded = isRecorded(target, true);
      const writesRecorded = isRecorded(target, false);
      if (readsRecorded && writesRecorded) continue;
      const unrecorded = unrecordedOf(exposure, readsRecorded, writesRecorded);
      if (unrecorded.length === 0) continue;
      const ofRole = remember(result, role.role.id, () => ({ role: role.role, byTarget: new Map() }));
      ofRole.byTarget.set(target.key, { exposure, unrecorded });
    }
  }
  return result;
}

function describeActions(actions: readonly ActionInfo[]): string {
  const names = actions.map((action) => action.name).sort();
  return names.length > 6 ? `${names.slice(0, 6).join(', ')} and ${names.length - 6} more` : names.join(', ');
}

/** At most this many resources are named in one finding; the rest are counted. */
export const MAX_LISTED_BLIND_SPOT_TARGETS = 5;

/** The fresh blind spots of one role on one data-event type: one finding, however many resources it reaches. */
interface BlindSpotGroup {
  readonly role: Role;
  readonly dataResourceType: string;
  readonly actions: Map<string, ActionInfo>;
  /** The unrecorded lists already added to `actions`: most targets of a wide grant share one. */
  readonly merged: Set<readonly ActionInfo[]>;
  readonly targets: Target[];
  location?: SourceLocation;
}

function describeTargets(targets: readonly Target[]): string {
  const labels = targets.map((target) => target.label).sort();
  const shown = labels.slice(0, MAX_LISTED_BLIND_SPOT_TARGETS).join(', ');
  const rest = labels.length - MAX_LISTED_BLIND_SPOT_TARGETS;
  return rest > 0 ? `${shown} and ${rest} more` : shown;
}

function describeGroup(group: BlindSpotGroup): Finding {
  const { role, dataResourceType, targets } = group;
  const roleName = describeValue(role.name);
  // A few resources get a selector on their ARNs; many, or one without a known ARN, get one on the whole type.
  const arns = targets.flatMap((target) => (typeof target.arn === 'string' ? [target.arn] : []));
  const named = arns.length === targets.length && arns.length <= MAX_LISTED_BLIND_SPOT_TARGETS;
  const where =
    targets.length === 1
      ? describeTargets(targets)
      : `${targets.length} ${dataResourceType} resources (${describeTargets(targets)})`;
  return {
    ruleId: 'blind-spot',
    title: `Role ${roleName} can act on ${dataResourceType} data that no trail records`,
    message:
      `Role ${roleName} may call ${describeActions([...group.actions.values()])} on ${where}, and no trail or ` +
      `event data store records these ${dataResourceType} data events. ` +
      describeFix({ dataResourceType, ...(named ? { arns: [...arns].sort() } : {}) }),
    resource: role.id,
    ...(group.location ? { location: group.location } : {}),
  };
}

/**
 * Finds the data-event actions AI roles may take, after the change, on resources whose data events no sink records,
 * and reports those the change made true: a new permission, a role that became an AI role, or coverage lost. Each
 * role gets one finding per data-event type, since a wide grant reaches many resources that one selector would fix.
 */
export async function findBlindSpots(input: BlindSpotInput): Promise<Finding[]> {
  const dataActions = await loadDataEventActions();
  const after = findUnrecorded(input.rolesAfter, input.after, input.externalSinks, dataActions);
  if (after.size === 0) return [];
  // The before side only tells which of these were already blind: only the roles with one need asking.
  const before = findUnrecorded(
    input.rolesBefore.filter(({ role }) => after.has(role.id)),
    input.before,
    input.externalSinks,
    dataActions,
  );
  const findings: Finding[] = [];
  for (const [roleId, { role, byTarget }] of after) {
    const wasBlind = before.get(roleId)?.byTarget;
    const groups = new Map<string, BlindSpotGroup>();
    for (const [targetKey, { exposure, unrecorded }] of byTarget) {
      const already = wasBlind?.get(targetKey)?.unrecorded;
      const fresh = already === undefined ? unrecorded : withoutActionsOf(unrecorded, already);
      if (fresh.length === 0) continue;
      const { target } = exposure;
      const group = remember(groups, target.dataResourceType, (): BlindSpotGroup => ({
        role,
        dataResourceType: target.dataResourceType,
        actions: new Map(),
        merged: new Set(),
        targets: [],
      }));
      if (!group.merged.has(fresh)) {
        group.merged.add(fresh);
        for (const action of fresh) group.actions.set(action.name, action);
      }
      group.targets.push(target);
      group.location ??= exposure.location ?? role.location;
    }
    for (const group of groups.values()) findings.push(describeGroup(group));
  }
  return findings;
}

/** The actions of a list whose names another list does not have. */
function withoutActionsOf(actions: readonly ActionInfo[], known: readonly ActionInfo[]): ActionInfo[] {
  const names = new Set(known.map((action) => action.name));
  return actions.filter((action) => !names.has(action.name));
}
