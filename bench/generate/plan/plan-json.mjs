// The JSON shapes of `terraform show -json` built from a generated resource: a resource change and a state resource.
import { PROVIDER } from './facts.mjs';

function localAddress(resource) {
  const key = resource.index === undefined ? '' : JSON.stringify(resource.index);
  return `${resource.type}.${resource.name}${key === '' ? '' : `[${key}]`}`;
}

function addressOf(resource) {
  const local = localAddress(resource);
  return resource.module === '' ? local : `${resource.module}.${local}`;
}

/** The after value Terraform writes for a created resource: computed attributes left out and marked unknown. */
export function plannedAfter(resource) {
  if (resource.after === null) return { after: null, unknown: {} };
  if (resource.actions[0] !== 'create') return { after: resource.after, unknown: {} };
  const after = { ...resource.after };
  const unknown = {};
  for (const key of resource.computed) {
    delete after[key];
    unknown[key] = true;
  }
  return { after, unknown };
}

/** The `resource_changes[]` entry of a resource. */
export function resourceChange(resource) {
  const { after, unknown } = plannedAfter(resource);
  const marks = resource.sensitive ?? {};
  return {
    address: addressOf(resource),
    ...(resource.module === '' ? {} : { module_address: resource.module }),
    mode: 'managed',
    type: resource.type,
    name: resource.name,
    ...(resource.index === undefined ? {} : { index: resource.index }),
    provider_name: PROVIDER,
    change: {
      actions: resource.actions,
      before: resource.before,
      after,
      after_unknown: unknown,
      before_sensitive: resource.before === null ? false : marks,
      after_sensitive: after === null ? false : marks,
    },
  };
}

/** The entry of a resource in `planned_values` or `prior_state`. */
export function stateResource(resource, values) {
  return {
    address: addressOf(resource),
    mode: 'managed',
    type: resource.type,
    name: resource.name,
    ...(resource.index === undefined ? {} : { index: resource.index }),
    provider_name: PROVIDER,
    schema_version: 0,
    values,
    sensitive_values: resource.sensitive ?? {},
  };
}
