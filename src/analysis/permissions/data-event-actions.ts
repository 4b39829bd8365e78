import { DATA_EVENT_ACTIONS } from '../../knowledge/risky-actions.js';
import { expandActionPattern, listServiceActions, type ActionInfo } from './expand.js';

/** One action CloudTrail records as a data event, with the resource types it is recorded under. */
export interface DataEventAction {
  readonly action: ActionInfo;
  readonly dataResourceTypes: readonly string[];
}

/** Data-event actions by lower-case action name. */
export type DataEventActionIndex = ReadonlyMap<string, DataEventAction>;

let index: Promise<DataEventActionIndex> | undefined;

/** Loads (once) which actions are data events, from the knowledge table expanded against IAM data. */
export function loadDataEventActions(): Promise<DataEventActionIndex> {
  index ??= (async () => {
    const map = new Map<string, { action: ActionInfo; types: string[] }>();
    const add = (action: ActionInfo, type: string) => {
      const key = action.name.toLowerCase();
      const entry = map.get(key) ?? { action, types: [] };
      if (!entry.types.includes(type)) entry.types.push(type);
      map.set(key, entry);
    };
    for (const row of DATA_EVENT_ACTIONS) {
      for (const pattern of row.patterns) {
        const expansion = await expandActionPattern(pattern);
        if (expansion.kind === 'actions')
          for (const action of expansion.actions) add(action, row.dataResourceType);
      }
      if (row.iamResourceTypes) {
        const wanted = row.iamResourceTypes.types;
        for (const action of await listServiceActions(row.iamResourceTypes.service)) {
          if (action.resourceTypes.some((type) => wanted.includes(type))) add(action, row.dataResourceType);
        }
      }
    }
    return new Map(
      [...map].map(([key, entry]) => [key, { action: entry.action, dataResourceTypes: entry.types }]),
    );
  })();
  return index;
}

const readOnlyLevels = new Map<string, boolean>();

/** True when an access level reads without changing anything (Read, List), which CloudTrail calls readOnly. */
export function isReadOnlyLevel(accessLevel: string): boolean {
  let answer = readOnlyLevels.get(accessLevel);
  if (answer === undefined) {
    answer = accessLevel.split(',').every((level) => ['read', 'list'].includes(level.trim().toLowerCase()));
    readOnlyLevels.set(accessLevel, answer);
  }
  return answer;
}
