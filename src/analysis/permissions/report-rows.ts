import type { ReportGrant } from '../../model/report.js';
import { UNKNOWN_ACCESS_LEVEL } from './expand.js';
import type { Grant, ResourcePart } from './grant.js';

/** Up to this many actions of a partly new wildcard are listed one by one; more fold into the pattern. */
export const MAX_LISTED_ACTIONS = 5;

/** One report row and the grants it stands for. */
export interface GrantRow {
  readonly row: ReportGrant;
  readonly grants: readonly Grant[];
}

/** Renders a resource part for people. */
export function describeResource(resource: ResourcePart): string {
  if (resource.kind === 'pattern') return resource.pattern;
  if (resource.kind === 'not') return `NotResource: ${resource.patterns.join(', ')}`;
  return resource.text;
}

/** Renders the action of a single grant for people. */
export function describeAction(grant: Grant): string {
  if (grant.action.kind === 'action') return grant.action.action.name;
  if (grant.action.kind === 'opaque') return grant.action.text;
  const written = grant.pattern;
  const except = grant.action.except;
  // A deny or boundary may have narrowed `*`: say what it excludes now.
  if (written === '*' && except.length > 0) return `* except ${except.join(', ')}`;
  return written;
}

function accessLevelOf(grants: readonly Grant[]): string {
  const levels = new Set<string>();
  for (const grant of grants) {
    if (grant.action.kind === 'action') {
      for (const level of grant.action.action.accessLevel.split(',')) levels.add(level.trim());
    } else if (grant.action.kind === 'all-except') {
      levels.add('All');
    } else {
      levels.add(UNKNOWN_ACCESS_LEVEL);
    }
  }
  return [...levels].sort().join(', ');
}

function conditionOf(grant: Grant): string | undefined {
  const parts = [
    grant.condition?.text,
    grant.uncertain === undefined ? undefined : `uncertain: ${grant.uncertain}`,
  ];
  const text = parts.filter((part): part is string => part !== undefined).join('; ');
  return text === '' ? undefined : text;
}

function rowOf(
  action: string,
  grants: readonly Grant[],
  risksOf: (grant: Grant) => readonly string[],
): GrantRow {
  const first = grants[0]!;
  const condition = conditionOf(first);
  const risks = new Set<string>();
  for (const grant of grants) for (const risk of risksOf(grant)) risks.add(risk);
  const row: ReportGrant = {
    effect: first.effect,
    action,
    resource: describeResource(first.resource),
    ...(condition === undefined ? {} : { condition }),
    accessLevel: accessLevelOf(grants),
    risks: [...risks].sort(),
  };
  return { row, grants };
}

/** How many recent row keys `foldGrants` recognises by identity: a statement naming more resources misses. */
const RECENT_ROWS = 8;

/** Grants that share these objects fall in the same row group (the converse need not hold). */
function sameRow(a: Grant, b: Grant): boolean {
  return (
    a.source === b.source &&
    a.pattern === b.pattern &&
    a.resource === b.resource &&
    a.effect === b.effect &&
    a.condition === b.condition &&
    a.uncertain === b.uncertain
  );
}

/**
 * Folds grants into report rows: one row per (effect, action, resource, condition), except that the actions of one
 * written wildcard fold back into the pattern (`s3:Get* (40 actions)`) when the whole pattern is new, or when more
 * than a handful of its actions are. Risks are still those of the single actions.
 */
export function foldGrants(
  grants: readonly Grant[],
  risksOf: (grant: Grant) => readonly string[],
): GrantRow[] {
  const groups = new Map<string, Grant[]>();
  // A statement's grants come in runs that share its source, pattern, resources and condition as the same objects:
  // the groups of the last few such combinations are found by identity, without building their key again.
  const recent: { readonly grant: Grant; readonly group: Grant[] }[] = [];
  for (const grant of grants) {
    const known = recent.find((entry) => sameRow(entry.grant, grant));
    if (known !== undefined) {
      known.group.push(grant);
      continue;
    }
    const key = JSON.stringify([
      grant.effect,
      grant.source.policyId,
      grant.source.statement,
      grant.pattern,
      describeResource(grant.resource),
      conditionOf(grant),
    ]);
    let group = groups.get(key);
    if (group) group.push(grant);
    else {
      group = [grant];
      groups.set(key, group);
    }
    if (recent.length === RECENT_ROWS) recent.shift();
    recent.push({ grant, group });
  }
  const rows: GrantRow[] = [];
  for (const group of groups.values()) {
    const first = group[0]!;
    const singles = group.filter((grant) => grant.action.kind === 'action');
    const others = group.filter((grant) => grant.action.kind !== 'action');
    for (const grant of others) rows.push(rowOf(describeAction(grant), [grant], risksOf));
    if (singles.length === 0) continue;
    if (first.patternSize > 1 && singles.length === first.patternSize) {
      rows.push(rowOf(`${first.pattern} (${singles.length} actions)`, singles, risksOf));
    } else if (first.patternSize > 1 && singles.length > MAX_LISTED_ACTIONS) {
      rows.push(
        rowOf(`${first.pattern} (${singles.length} of ${first.patternSize} actions)`, singles, risksOf),
      );
    } else {
      for (const grant of singles) rows.push(rowOf(describeAction(grant), [grant], risksOf));
    }
  }
  return rows;
}
