import { resourceTypeForTerraform } from '../../knowledge/resource-types.js';
import { sinkTypeFor } from '../../knowledge/sink-types.js';
import type { ChangeAction } from '../../model/resource.js';
import type { InputNote, LoadedInput } from '../../model/snapshot.js';
import { unknownValue, type Maybe } from '../../model/unknown.js';
import { accountOfArn } from './account.js';
import { parseAddress, type ParsedAddress } from './address.js';
import { toChangeAction } from './change-action.js';
import { buildCloudResource } from './cloud-resources.js';
import { ConfigurationIndex } from './configuration-index.js';
import { iamReaderFor } from './iam.js';
import { applyMarks } from './marks.js';
import { PlanContext } from './plan-context.js';
import {
  isJsonObject,
  type JsonObject,
  type RawPlan,
  type RawResourceChange,
  type RawStateModule,
  type RawStateResource,
} from './plan-json.js';
import { planRegion } from './provider-region.js';
import type { SideView } from './side-view.js';
import { buildSink } from './sinks.js';
import { emptyParts, finishSnapshot, type SnapshotParts } from './snapshot-parts.js';

/** One managed resource of the plan with the views of its two sides. */
interface PlannedResource {
  readonly id: string;
  readonly type: string;
  readonly action: ChangeAction;
  readonly before: SideView | undefined;
  readonly after: SideView | undefined;
}

function isChange(value: unknown): value is RawResourceChange {
  return (
    isJsonObject(value) &&
    typeof value.address === 'string' &&
    value.address !== '' &&
    typeof value.type === 'string' &&
    isJsonObject(value.change)
  );
}

function* stateResources(module: RawStateModule | undefined, depth = 0): Generator<RawStateResource> {
  if (!isJsonObject(module) || depth > 64) return;
  if (Array.isArray(module.resources)) {
    for (const resource of module.resources as unknown[]) {
      if (
        isJsonObject(resource) &&
        typeof resource.address === 'string' &&
        typeof resource.type === 'string'
      ) {
        yield resource as unknown as RawStateResource;
      }
    }
  }
  if (Array.isArray(module.child_modules)) {
    for (const child of module.child_modules) yield* stateResources(child, depth + 1);
  }
}

/** Tells whether this source turns a type into IR; any other type is left out without a word, as the contract says. */
export function isModelled(type: string): boolean {
  return (
    resourceTypeForTerraform(type) !== undefined ||
    sinkTypeFor(type) !== undefined ||
    iamReaderFor(type) !== undefined
  );
}

/** Builds the views of both sides of one resource, parsing its address and finding its configuration once. */
function sideViews(
  context: PlanContext,
  address: string,
  parsed: ParsedAddress,
  type: string,
  before: unknown,
  after: unknown,
): { before: SideView | undefined; after: SideView | undefined } {
  if (!isJsonObject(before) && !isJsonObject(after)) return { before: undefined, after: undefined };
  const config = context.configuration.entryFor(parsed);
  const id = context.idOf(address);
  const view = (side: 'before' | 'after', values: unknown): SideView | undefined =>
    isJsonObject(values)
      ? {
          context,
          address,
          parsed,
          id,
          type,
          side,
          values,
          config: side === 'after' ? config : undefined,
          region: context.regionOf(config, type, values),
        }
      : undefined;
  return { before: view('before', before), after: view('after', after) };
}

/** The plan's account: the one every known ARN names, else unknown. */
function accountOfPlan(resources: readonly PlannedResource[]): Maybe<string> {
  const accounts = new Set<string>();
  for (const resource of resources) {
    for (const view of [resource.before, resource.after]) {
      const arn = view?.values.arn;
      if (typeof arn !== 'string') continue;
      const account = accountOfArn(arn);
      if (account !== undefined) accounts.add(account);
    }
  }
  if (accounts.size === 1) return [...accounts][0] ?? unknownValue('no ARN in the plan names the account');
  if (accounts.size > 1) return unknownValue('the plan names several accounts');
  return unknownValue('no ARN in the plan names the account');
}

function addToParts(view: SideView, parts: SnapshotParts, account: Maybe<string>): void {
  const row = resourceTypeForTerraform(view.type);
  if (row !== undefined) {
    const { resource, links } = buildCloudResource(view, row, account);
    parts.resources.push(resource);
    parts.links.push(...links);
    if (row.idAttribute !== null) {
      const serviceId = view.values[row.idAttribute];
      if (typeof serviceId === 'string' && serviceId !== '') parts.serviceIds.set(serviceId, view.id);
    }
    return;
  }
  const sink = sinkTypeFor(view.type);
  if (sink !== undefined) {
    parts.sinks.push(buildSink(view, sink, account));
    return;
  }
  iamReaderFor(view.type)?.(view, parts, account);
}

/**
 * Reads a validated plan into a LoadedInput: indexes the configuration and data sources once, lays the sensitive
 * and unknown marks over each modelled resource's sides, and builds both snapshots.
 */
export function readPlan(plan: RawPlan, shown: string, idPrefix: string): LoadedInput {
  const notes: InputNote[] = [];
  const configuration = new ConfigurationIndex(
    isJsonObject(plan.configuration) && isJsonObject(plan.configuration.root_module)
      ? plan.configuration.root_module
      : undefined,
  );
  const context = new PlanContext(plan, configuration, shown, idPrefix);
  if (plan.format_version === undefined) {
    notes.push({ message: 'the plan has no format_version; it was read as a plan of format 1.x' });
  }

  const rawChanges: unknown[] = Array.isArray(plan.resource_changes) ? plan.resource_changes : [];
  const changes: RawResourceChange[] = [];
  let malformed = 0;
  for (const change of rawChanges) {
    if (isChange(change)) changes.push(change);
    else malformed += 1;
  }
  if (malformed > 0)
    notes.push({
      message: `${malformed} resource change(s) without an address, type or change were skipped`,
    });

  // Only modelled resources and data sources can be the target of a link; other types are not indexed.
  const parsedAddresses = new Map<RawResourceChange, ParsedAddress>();
  for (const change of changes) {
    if (change.mode !== 'data' && !isModelled(change.type)) continue;
    const parsed = parseAddress(change.address);
    parsedAddresses.set(change, parsed);
    context.addInstance(change.address, parsed);
  }
  const priorRoot =
    isJsonObject(plan.prior_state) && isJsonObject(plan.prior_state.values)
      ? plan.prior_state.values.root_module
      : undefined;
  for (const resource of stateResources(priorRoot)) {
    if (resource.mode !== 'data') continue;
    context.addInstance(resource.address);
    context.dataSources.set(
      resource.address,
      applyMarks(resource.values, undefined, resource.sensitive_values) as JsonObject,
    );
  }
  for (const change of changes) {
    if (change.mode !== 'data') continue;
    const after = applyMarks(change.change.after, change.change.after_unknown, change.change.after_sensitive);
    if (isJsonObject(after)) context.dataSources.set(change.address, after);
  }

  const resources: PlannedResource[] = [];
  for (const change of changes) {
    if (change.mode === 'data' || !isModelled(change.type)) continue;
    const { before, after, after_unknown: afterUnknown, before_sensitive: beforeSensitive } = change.change;
    resources.push({
      id: context.idOf(change.address),
      type: change.type,
      action: toChangeAction(change.change.actions),
      ...sideViews(
        context,
        change.address,
        parsedAddresses.get(change) ?? parseAddress(change.address),
        change.type,
        applyMarks(before, undefined, beforeSensitive),
        applyMarks(after, afterUnknown, change.change.after_sensitive),
      ),
    });
  }

  if (plan.resource_changes === undefined) {
    // Without resource_changes the planned values are all there is: read them as resources the plan leaves as they are.
    notes.push({
      message: 'the plan has no resource_changes; its planned values were read as unchanged resources',
    });
    const plannedRoot = isJsonObject(plan.planned_values) ? plan.planned_values.root_module : undefined;
    for (const resource of stateResources(plannedRoot)) {
      if (resource.mode === 'data') {
        context.addInstance(resource.address);
        const values = applyMarks(resource.values, undefined, resource.sensitive_values);
        if (isJsonObject(values) && !context.dataSources.has(resource.address)) {
          context.dataSources.set(resource.address, values);
        }
        continue;
      }
      if (!isModelled(resource.type)) continue;
      const parsed = parseAddress(resource.address);
      context.addInstance(resource.address, parsed);
      const values = applyMarks(resource.values, undefined, resource.sensitive_values);
      resources.push({
        id: context.idOf(resource.address),
        type: resource.type,
        action: 'no-op',
        ...sideViews(context, resource.address, parsed, resource.type, values, values),
      });
    }
  }

  const account = accountOfPlan(resources);
  const before = emptyParts();
  const after = emptyParts();
  const actions: Record<string, ChangeAction> = {};
  for (const resource of resources) {
    actions[resource.id] = resource.action;
    if (resource.before !== undefined) addToParts(resource.before, before, account);
    if (resource.after !== undefined) addToParts(resource.after, after, account);
  }

  return {
    path: shown,
    format: 'terraform-plan',
    before: finishSnapshot(before),
    after: finishSnapshot(after),
    changes: actions,
    region: planRegion(plan),
    account,
    notes,
  };
}
