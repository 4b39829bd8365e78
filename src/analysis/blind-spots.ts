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
  readonly actions: ActionInfo[][];
  readonly location?: SourceLocation;
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
    const key = JSON.stringify([grant.resource, types, bucketLevel]);
    const cached = cache.get(key);
    if (cached) return cached;
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
    cache.set(key, targets);
    return targets;
  };
}

/** The data-event actions a grant's action part names; memoised, since every role repeats the same wildcards. */
type ActionFinder = (grant: Grant) => readonly ActionInfo[];

function makeActionFinder(dataActions: DataEventActionIndex): ActionFinder {
  const expanded = new Map<string, readonly ActionInfo[]>();
  return (grant) => {
    if (grant.action.kind === 'action') {
      return dataActions.has(grant.action.action.name.toLowerCase()) ? [grant.action.action] : [];
    }
    if (grant.action.kind === 'opaque') return [];
    const part = grant.action;
    const key = part.except.join('\n');
    let actions = expanded.get(key);
    if (actions === undefined) {
      actions = [...dataActions.values()]
        .filter((entry) => includesAction(part, entry.action.name))
        .map((entry) => entry.action);
      expanded.set(key, actions);
    }
    return actions;
  };
}

function collectExposures(
  role: AiRoleGrants,
  findTargets: TargetFinder,
  findActions: ActionFinder,
  dataActions: DataEventActionIndex,
): Exposure[] {
  const exposures = new Map<string, Exposure>();
  for (const grant of role.grants) {
    // Uncertain grants (an unknown boundary) would make every blind spot a guess; they are left out.
    if (grant.effect !== 'Allow' || grant.uncertain !== undefined) continue;
    // Actions of one grant that land on the same targets are handled together: large plans repeat this a lot.
    const groups = new Map<string, { types: readonly string[]; actions: ActionInfo[] }>();
    for (const action of findActions(grant)) {
      if (!appliesToResource(action, grant)) continue;
      const types = dataActions.get(action.name.toLowerCase())?.dataResourceTypes ?? [];
      const key = `${types.join(',')}\u0000${S3_BUCKET_ACTIONS.has(action.name.toLowerCase())}`;
      const group = groups.get(key);
      if (group) group.actions.push(action);
      else groups.set(key, { types, actions: [action] });
    }
    for (const { types, actions } of groups.values()) {
      for (const target of findTargets(grant, actions[0]!, types)) {
        let exposure = exposures.get(target.key);
        if (!exposure) {
          exposure = {
            target,
            actions: [],
            ...(grant.source.location ? { location: grant.source.location } : {}),
          };
          exposures.set(target.key, exposure);
        }
        exposure.actions.push(actions);
      }
    }
  }
  return [...exposures.values()];
}

/** The actions of an exposure that no sink records, by (role, target) key. */
function findUnrecorded(
  roles: readonly AiRoleGrants[],
  snapshot: Snapshot,
  externalSinks: readonly Sink[],
  dataActions: DataEventActionIndex,
): Map<string, { role: Role; exposure: Exposure; unrecorded: ActionInfo[] }> {
  const result = new Map<string, { role: Role; exposure: Exposure; unrecorded: ActionInfo[] }>();
  // Many roles reach the same resources: ask the sinks once per target and direction.
  const answers = new Map<string, boolean>();
  const isRecorded = (target: Target, readOnly: boolean): boolean => {
    const key = `${target.key}\u0000${readOnly}`;
    let answer = answers.get(key);
    if (answer === undefined) {
      const recording = recordsEvent(snapshot, externalSinks, {
        dataResourceType: target.dataResourceType,
        arn: target.arn,
        readOnly,
        ...(target.resource ? { region: target.resource.region, account: target.resource.account } : {}),
      });
      // Only a definite "not recorded" is a blind spot; an unknown or partial answer is not claimed as one.
      answer = recording.recorded !== false;
      answers.set(key, answer);
    }
    return answer;
  };
  const findAll = makeTargetFinder(snapshot);
  const findActions = makeActionFinder(dataActions);
  // Most targets of a large plan are recorded both ways; dropping them once per target list keeps every role's
  // exposures to the few that may be blind spots.
  const open = new WeakMap<Target[], Target[]>();
  const findTargets: TargetFinder = (grant, action, types) => {
    const all = findAll(grant, action, types);
    let kept = open.get(all);
    if (kept === undefined) {
      kept = all.filter((target) => !(isRecorded(target, true) && isRecorded(target, false)));
      open.set(all, kept);
    }
    return kept;
  };
  for (const role of roles) {
    for (const exposure of collectExposures(role, findTargets, findActions, dataActions)) {
      const { target } = exposure;
      const readsRecorded = isRecorded(target, true);
      const writesRecorded = isRecorded(target, false);
      if (readsRecorded && writesRecorded) continue;
      const unrecorded = new Map<string, ActionInfo>();
      for (const list of exposure.actions) {
        for (const action of list) {
          const recorded = isReadOnlyLevel(action.accessLevel) ? readsRecorded : writesRecorded;
          if (!recorded) unrecorded.set(action.name, action);
        }
      }
      if (unrecorded.size > 0) {
        result.set(`${role.role.id}\u0000${target.key}`, {
          role: role.role,
          exposure,
          unrecorded: [...unrecorded.values()],
        });
      }
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
  const blindRoles = new Set([...after.values()].map(({ role }) => role.id));
  const before = findUnrecorded(
    input.rolesBefore.filter(({ role }) => blindRoles.has(role.id)),
    input.before,
    input.externalSinks,
    dataActions,
  );
  const groups = new Map<string, BlindSpotGroup>();
  for (const [key, { role, exposure, unrecorded }] of after) {
    const known = new Set((before.get(key)?.unrecorded ?? []).map((action) => action.name));
    const fresh = unrecorded.filter((action) => !known.has(action.name));
    if (fresh.length === 0) continue;
    const { target } = exposure;
    const groupKey = `${role.id}\u0000${target.dataResourceType}`;
    let group = groups.get(groupKey);
    if (group === undefined) {
      group = { role, dataResourceType: target.dataResourceType, actions: new Map(), targets: [] };
      groups.set(groupKey, group);
    }
    for (const action of fresh) group.actions.set(action.name, action);
    group.targets.push(target);
    group.location ??= exposure.location ?? role.location;
  }
  return [...groups.values()].map(describeGroup);
}
