import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LoadedInput } from '../../src/model/snapshot.js';
import { loadTerraformPlan } from '../../src/sources/terraform-plan.js';
import { tempDir } from './temp-tree.js';

/** A plan document as `terraform show -json` writes it, loosely typed for building test inputs. */
export type PlanDocument = Record<string, unknown>;

/** What a generated resource change may carry besides its address and type. */
export interface ChangeOptions {
  readonly actions?: readonly string[];
  readonly before?: unknown;
  readonly after?: unknown;
  readonly afterUnknown?: unknown;
  readonly beforeSensitive?: unknown;
  readonly afterSensitive?: unknown;
  readonly mode?: 'managed' | 'data';
}

/** One `resource_changes[]` entry; the type and module address are read from the address. */
export function change(address: string, options: ChangeOptions = {}): Record<string, unknown> {
  const parts = address.split('.');
  const dataIndex = parts.lastIndexOf('data');
  const type = dataIndex >= 0 ? parts[dataIndex + 1] : parts[parts.length - 2];
  const actions = options.actions ?? ['create'];
  return {
    address,
    mode: options.mode ?? (dataIndex >= 0 ? 'data' : 'managed'),
    type,
    change: {
      actions,
      before: options.before ?? null,
      after: options.after ?? (actions.includes('delete') && actions.length === 1 ? null : {}),
      after_unknown: options.afterUnknown ?? {},
      before_sensitive: options.beforeSensitive ?? false,
      after_sensitive: options.afterSensitive ?? {},
    },
  };
}

/** A plan of format 1.2 with the given changes, an aws provider in `region`, and optional configuration. */
export function plan(
  changes: readonly Record<string, unknown>[],
  extra: {
    region?: string;
    rootModule?: Record<string, unknown>;
    priorState?: unknown;
    [key: string]: unknown;
  } = {},
): PlanDocument {
  const { region = 'us-east-1', rootModule = {}, priorState, ...rest } = extra;
  return {
    format_version: '1.2',
    terraform_version: '1.9.0',
    resource_changes: changes,
    configuration: {
      provider_config: { aws: { name: 'aws', expressions: { region: { constant_value: region } } } },
      root_module: rootModule,
    },
    ...(priorState === undefined ? {} : { prior_state: priorState }),
    ...rest,
  };
}

/** Writes text to a fresh temporary file, removed when the current test finishes, and gives its path. */
export function writeTemp(name: string, content: string | Uint8Array): string {
  const path = join(tempDir('plan-test'), name);
  writeFileSync(path, content);
  return path;
}

/** Loads a generated plan through the real source, from a temporary file. */
export async function loadPlan(
  document: PlanDocument,
  idPrefix = '',
  maxInputBytes = 1 << 30,
): Promise<LoadedInput> {
  const path = writeTemp('plan.json', JSON.stringify(document));
  return loadTerraformPlan({ before: null, after: path, idPrefix }, { cwd: tmpdir(), maxInputBytes });
}
