import { unknownValue, type Maybe } from '../../model/unknown.js';
import type { ConfigEntry } from './configuration-index.js';
import type { JsonObject, RawPlan } from './plan-json.js';

const NO_REGION = unknownValue('the provider region is not set in the configuration');

function constantString(expression: unknown): string | undefined {
  if (typeof expression !== 'object' || expression === null) return undefined;
  const value = (expression as { constant_value?: unknown }).constant_value;
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/**
 * A region written as `var.x` in the root module, read from the plan's variable values. A variable declared
 * sensitive is never read: its value must not reach any output.
 */
function variableRegion(plan: RawPlan, expression: unknown): string | undefined {
  if (typeof expression !== 'object' || expression === null) return undefined;
  const references = (expression as { references?: unknown }).references;
  if (!Array.isArray(references) || references.length === 0) return undefined;
  const first = references[0];
  if (typeof first !== 'string' || !first.startsWith('var.')) return undefined;
  const name = first.slice(4);
  const declared = plan.configuration?.root_module?.variables?.[name] as { sensitive?: unknown } | undefined;
  if (declared?.sensitive === true) return undefined;
  const value = plan.variables?.[name]?.value;
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function regionOfProvider(plan: RawPlan, key: string): string | undefined {
  const config = plan.configuration?.provider_config?.[key];
  const expressions = config?.expressions as JsonObject | undefined;
  const expression = expressions?.region;
  return constantString(expression) ?? variableRegion(plan, expression);
}

/**
 * The region of a resource's provider: the `provider_config_key` of its configuration (a module-scoped key such
 * as `module.x:aws` falls back to the provider it names), else the unaliased `aws` or `awscc` provider.
 */
export function providerRegion(plan: RawPlan, entry: ConfigEntry | undefined, type: string): Maybe<string> {
  const key = entry?.resource.provider_config_key;
  const candidates: string[] = [];
  if (typeof key === 'string') {
    candidates.push(key);
    const colon = key.lastIndexOf(':');
    if (colon >= 0) candidates.push(key.slice(colon + 1));
  }
  candidates.push(type.startsWith('awscc_') ? 'awscc' : 'aws');
  for (const candidate of candidates) {
    const region = regionOfProvider(plan, candidate);
    if (region !== undefined) return region;
  }
  return NO_REGION;
}

/** The default region of the plan: the root `aws` provider's, else the `awscc` provider's. */
export function planRegion(plan: RawPlan): Maybe<string> {
  return regionOfProvider(plan, 'aws') ?? regionOfProvider(plan, 'awscc') ?? NO_REGION;
}
