import type { ReachRecording } from '../../model/report.js';
import type { DataEventActionIndex } from '../permissions/data-event-actions.js';
import { isReadOnlyLevel } from '../permissions/data-event-actions.js';
import type { ActionInfo } from '../permissions/expand.js';
import type { Grant } from '../permissions/grant.js';
import { describeAction, describeResource } from '../permissions/report-rows.js';
import { appliesToResource } from '../permissions/risks.js';
import { remember } from '../remember.js';
import { categorizeAction, type EventCategory } from './event-category.js';
import { recordDataTarget, recordManagementTarget, type RecordingScope } from './target-recording.js';

/** The resources one access reaches on one side, with how they are recorded there. */
export interface SideTarget {
  readonly resource: string;
  readonly condition?: string;
  /** The first reached resources in order, and how many there are in all. */
  readonly resources: readonly string[];
  readonly resourceCount: number;
  readonly recording: ReachRecording;
  readonly recordedBy: readonly string[];
  readonly detail?: string;
}

/** One (service, access level, event category) of a role on one side, with every action it stands for. */
export interface SideAccess {
  readonly service: string;
  readonly accessLevel: string;
  readonly eventCategory: EventCategory;
  readonly actions: ReadonlySet<string>;
  readonly targets: ReadonlyMap<string, SideTarget>;
}

interface Group {
  service: string;
  accessLevel: string;
  eventCategory: EventCategory;
  actions: Set<string>;
  dataTypes: Set<string>;
  targets: Map<string, { grant: Grant; resource: string; condition?: string; uncertain?: string }>;
}

/** The key an access has on both sides of the change. */
export function accessKey(service: string, accessLevel: string, eventCategory: EventCategory): string {
  return `${service}\u0000${accessLevel}\u0000${eventCategory}`;
}

/** What places a grant's action in a group: its service, access level and event category, and its data types. */
interface Shape {
  readonly service: string;
  readonly accessLevel: string;
  readonly eventCategory: EventCategory;
  readonly action: string;
  readonly dataTypes: readonly string[];
  /** The group's key, `accessKey` of the three. */
  readonly key: string;
}

function shapeWith(
  service: string,
  accessLevel: string,
  eventCategory: EventCategory,
  action: string,
  dataTypes: readonly string[],
): Shape {
  return {
    service,
    accessLevel,
    eventCategory,
    action,
    dataTypes,
    key: accessKey(service, accessLevel, eventCategory),
  };
}

/** Shapes of single actions, by action: every role's grants name the same few hundred actions. */
const shapesOfActions = new WeakMap<DataEventActionIndex, WeakMap<ActionInfo, Shape>>();

function shapeOf(grant: Grant, dataActions: DataEventActionIndex): Shape {
  if (grant.action.kind === 'action') {
    const { action } = grant.action;
    const shapes = remember(shapesOfActions, dataActions, () => new WeakMap<ActionInfo, Shape>());
    return remember(shapes, action, () => {
      const name = action.name;
      return shapeWith(
        name.slice(0, name.indexOf(':')).toLowerCase(),
        action.accessLevel,
        categorizeAction(name, dataActions),
        name,
        dataActions.get(name.toLowerCase())?.dataResourceTypes ?? [],
      );
    });
  }
  if (grant.action.kind === 'all-except') return shapeWith('*', 'All', 'unknown', describeAction(grant), []);
  return shapeWith('?', 'Unknown', 'unknown', grant.action.text, []);
}

/**
 * Groups a role's effective allow grants by service, access level and event category, with the resources each
 * group reaches, and asks the sinks of the side how they record each. `account` is the role's account, for
 * management events.
 */
export function mapRoleAccess(
  grants: readonly Grant[],
  dataActions: DataEventActionIndex,
  scope: RecordingScope,
  account: string | undefined,
): Map<string, SideAccess> {
  return recordGroups(groupGrants(grants, dataActions), scope, account);
}

/**
 * Groups by list: a role the change leaves as it was has one list of grants on both sides (see GrantCache), so it
 * is grouped once; only the recording is asked per side.
 */
const groupsByGrants = new WeakMap<
  DataEventActionIndex,
  WeakMap<readonly Grant[], ReadonlyMap<string, Group>>
>();

function groupGrants(
  grants: readonly Grant[],
  dataActions: DataEventActionIndex,
): ReadonlyMap<string, Group> {
  const remembered = remember(
    groupsByGrants,
    dataActions,
    () => new WeakMap<readonly Grant[], ReadonlyMap<string, Group>>(),
  );
  return remember(remembered, grants, () => {
    const groups = new Map<string, Group>();
    for (const grant of grants) {
      if (grant.effect !== 'Allow') continue;
      // An action with no resource type is only ever granted on `*`; a statement naming resources does not grant it.
      if (grant.action.kind === 'action' && !appliesToResource(grant.action.action, grant)) continue;
      const shape = shapeOf(grant, dataActions);
      const key = shape.key;
      const group: Group = groups.get(key) ?? {
        service: shape.service,
        accessLevel: shape.accessLevel,
        eventCategory: shape.eventCategory,
        actions: new Set<string>(),
        dataTypes: new Set<string>(),
        targets: new Map(),
      };
      group.actions.add(shape.action);
      for (const type of shape.dataTypes) group.dataTypes.add(type);
      const resource = describeResource(grant.resource);
      const condition = grant.condition?.text;
      const targetKey = `${resource}\u0000${condition ?? ''}`;
      if (!group.targets.has(targetKey)) {
        group.targets.set(targetKey, {
          grant,
          resource,
          ...(condition !== undefined ? { condition } : {}),
          ...(grant.uncertain !== undefined ? { uncertain: grant.uncertain } : {}),
        });
      }
      groups.set(key, group);
    }
    return groups;
  });
}

function recordGroups(
  groups: ReadonlyMap<string, Group>,
  scope: RecordingScope,
  account: string | undefined,
): Map<string, SideAccess> {
  const result = new Map<string, SideAccess>();
  for (const [key, group] of groups) {
    const readOnly = isReadOnlyLevel(group.accessLevel);
    const targets = new Map<string, SideTarget>();
    for (const [targetKey, target] of group.targets) {
      const recorded =
        group.eventCategory === 'data'
          ? recordDataTarget(scope, target.grant.resource, [...group.dataTypes].sort(), readOnly)
          : group.eventCategory === 'management'
            ? recordManagementTarget(scope, group.service, readOnly, account)
            : {
                recording: 'unknown' as const,
                recordedBy: [],
                resources: [],
                detail:
                  group.service === '*'
                    ? 'an allow of every action: this tool does not follow it into each service'
                    : `this tool does not know how CloudTrail records ${group.service} calls`,
              };
      const details = [
        recorded.detail,
        target.uncertain === undefined ? undefined : `may not be effective: ${target.uncertain}`,
      ].filter((part): part is string => part !== undefined);
      targets.set(targetKey, {
        resource: target.resource,
        ...(target.condition !== undefined ? { condition: target.condition } : {}),
        resources: recorded.resources,
        resourceCount: recorded.resourceCount ?? recorded.resources.length,
        recording: recorded.recording,
        recordedBy: recorded.recordedBy,
        ...(details.length > 0 ? { detail: details.join('; ') } : {}),
      });
    }
    result.set(key, {
      service: group.service,
      accessLevel: group.accessLevel,
      eventCategory: group.eventCategory,
      actions: group.actions,
      targets,
    });
  }
  return result;
}
