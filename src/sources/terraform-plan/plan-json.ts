import { InputError } from '../input-error.js';

/** A plain JSON object as parsed from the plan. */
export type JsonObject = Record<string, unknown>;

/** One entry of `resource_changes[]` (only the fields this source reads). */
export interface RawResourceChange {
  readonly address: string;
  readonly mode?: string;
  readonly type: string;
  readonly name?: string;
  readonly index?: unknown;
  readonly module_address?: string;
  readonly provider_name?: string;
  readonly change: {
    readonly actions?: readonly string[];
    readonly before?: unknown;
    readonly after?: unknown;
    readonly after_unknown?: unknown;
    readonly before_sensitive?: unknown;
    readonly after_sensitive?: unknown;
  };
}

/** A resource of `planned_values` or `prior_state` (`values.root_module` with `child_modules`). */
export interface RawStateResource {
  readonly address: string;
  readonly mode?: string;
  readonly type: string;
  readonly values?: unknown;
  readonly sensitive_values?: unknown;
}

/** A module of `planned_values`/`prior_state`. */
export interface RawStateModule {
  readonly resources?: readonly RawStateResource[];
  readonly child_modules?: readonly RawStateModule[];
}

/** An expression of `configuration`: a constant, references, or nested blocks of expressions. */
export interface RawExpression {
  readonly constant_value?: unknown;
  readonly references?: readonly string[];
}

/** A resource of `configuration`. */
export interface RawConfigResource {
  readonly address: string;
  readonly mode?: string;
  readonly type: string;
  readonly name?: string;
  readonly provider_config_key?: string;
  readonly expressions?: JsonObject;
}

/** A module of `configuration`. */
export interface RawConfigModule {
  readonly resources?: readonly RawConfigResource[];
  readonly module_calls?: Readonly<Record<string, RawModuleCall>>;
  readonly outputs?: Readonly<Record<string, { readonly expression?: RawExpression }>>;
  readonly variables?: Readonly<Record<string, { readonly default?: unknown }>>;
}

/** A `module_calls` entry: its arguments and the called module. */
export interface RawModuleCall {
  readonly expressions?: JsonObject;
  readonly module?: RawConfigModule;
}

/** The provider configurations, keyed as resources' `provider_config_key` names them. */
export type RawProviderConfigs = Readonly<
  Record<string, { readonly name?: string; readonly expressions?: JsonObject } | undefined>
>;

/** The parts of `terraform show -json` output this source reads. */
export interface RawPlan {
  readonly format_version?: string;
  readonly resource_changes?: readonly RawResourceChange[];
  readonly planned_values?: { readonly root_module?: RawStateModule };
  readonly prior_state?: { readonly values?: { readonly root_module?: RawStateModule } };
  readonly configuration?: {
    readonly provider_config?: RawProviderConfigs;
    readonly root_module?: RawConfigModule;
  };
  readonly variables?: Readonly<Record<string, { readonly value?: unknown } | undefined>>;
}

const SUPPORTED = /^[01]\.\d+$/;

/** Tells a JSON object apart from arrays, null and scalars. */
export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Checks that parsed JSON is a plan this source can read, and says what it is instead when it is not: a state
 * file, a CloudFormation template, an empty object. The shape below the top level is trusted no further than the
 * readers check it, since the text is untrusted.
 */
export function validatePlan(raw: unknown, shown: string): RawPlan {
  const expected = 'expected a Terraform plan from `terraform show -json PLANFILE`';
  if (!isJsonObject(raw)) throw new InputError(shown, `is JSON but not an object; ${expected}`);
  const version = raw.format_version;
  if (version !== undefined && (typeof version !== 'string' || !SUPPORTED.test(version))) {
    throw new InputError(
      shown,
      `has plan format_version ${JSON.stringify(version)}; versions 0.x and 1.x are supported`,
    );
  }
  const hasChanges = raw.resource_changes !== undefined;
  const hasPlanned = raw.planned_values !== undefined;
  if (!hasChanges && !hasPlanned) {
    if (raw.values !== undefined) {
      throw new InputError(
        shown,
        `is a Terraform state (it has "values" but no "resource_changes" or "planned_values"); ${expected}`,
      );
    }
    if (raw.Resources !== undefined || raw.AWSTemplateFormatVersion !== undefined) {
      throw new InputError(shown, `is a CloudFormation template, not a Terraform plan; ${expected}`);
    }
    throw new InputError(shown, `has neither "resource_changes" nor "planned_values"; ${expected}`);
  }
  if (hasChanges && !Array.isArray(raw.resource_changes)) {
    throw new InputError(shown, `has a "resource_changes" that is not a list; ${expected}`);
  }
  return raw as RawPlan;
}
