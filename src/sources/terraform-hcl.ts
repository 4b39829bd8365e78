import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { ChangeAction } from '../model/resource.js';
import { emptySnapshot, type InputNote, type LoadedInput, type Snapshot } from '../model/snapshot.js';
import { unknownValue, type Maybe } from '../model/unknown.js';
import type { InputSource, PairSpec, SourceContext } from './source.js';
import { loadConfiguration, type LoadedConfiguration } from './terraform-hcl/module-loader.js';
import { buildSnapshot } from './terraform-hcl/snapshot-builder.js';

interface LoadedSide {
  readonly snapshot: Snapshot;
  readonly configuration: LoadedConfiguration;
}

function toShown(path: string): string {
  const shown = path.split(sep).join('/');
  return shown === '' ? '.' : shown;
}

/**
 * The directory no read may leave: the working directory when the input lies inside it (modules and `file()`
 * may reach across the repository), else the input itself. For a side read from a git ref, the extracted root
 * stands for the working directory.
 */
function boundaryFor(path: string, shownPath: string, cwd: string): string {
  const absolute = resolve(cwd, path);
  const offset = relative(cwd, absolute);
  if (offset !== '' && !offset.startsWith('..') && !isAbsolute(offset)) return cwd;
  const shown = shownPath.split('/').filter((part) => part !== '' && part !== '.');
  if (!shownPath.startsWith('..') && !isAbsolute(shownPath) && shown.length > 0) {
    const parts = absolute.split(sep);
    if (parts.slice(-shown.length).join('/') === shown.join('/'))
      return parts.slice(0, -shown.length).join(sep) || sep;
  }
  return absolute;
}

async function loadSide(
  path: string,
  shownPath: string,
  spec: PairSpec,
  context: SourceContext,
): Promise<LoadedSide> {
  const configuration = await loadConfiguration({
    path: resolve(context.cwd, path),
    shownPath,
    boundary: boundaryFor(path, shownPath, context.cwd),
    idPrefix: spec.idPrefix,
    maxInputBytes: context.maxInputBytes,
  });
  const region: Maybe<string> =
    configuration.region ?? unknownValue('provider region not set in the configuration');
  return { snapshot: buildSnapshot(configuration.resources, region), configuration };
}

function deriveChanges(before: LoadedSide | null, after: LoadedSide | null): Record<string, ChangeAction> {
  const changes: Record<string, ChangeAction> = {};
  // By id, the last declaration winning; values are only serialised to compare an id both sides declare.
  const beforeById = new Map(before?.configuration.resources.map((item) => [item.id, item]));
  const afterById = new Map(after?.configuration.resources.map((item) => [item.id, item]));
  for (const [id, item] of afterById) {
    const previous = beforeById.get(id);
    changes[id] =
      previous === undefined
        ? 'create'
        : JSON.stringify(previous.values) === JSON.stringify(item.values)
          ? 'no-op'
          : 'update';
  }
  for (const id of beforeById.keys()) {
    if (!afterById.has(id)) changes[id] = 'delete';
  }
  return changes;
}

function notesOf(side: LoadedSide | null, label: string): InputNote[] {
  return (side?.configuration.notes ?? []).map((note) => ({ ...note, message: `${label}: ${note.message}` }));
}

/**
 * Terraform configuration directories (`.tf` files, their tfvars and local modules), read without Terraform:
 * literal values are evaluated, references between resources stay symbolic, everything else becomes Unknown.
 */
export const terraformHclSource: InputSource = {
  format: 'terraform-hcl',
  async load(spec: PairSpec, context: SourceContext): Promise<LoadedInput> {
    const afterShown =
      spec.after === null ? null : toShown(relative(context.cwd, resolve(context.cwd, spec.after)));
    const beforeShown =
      spec.before === null
        ? null
        : (spec.beforeDisplayPath ?? toShown(relative(context.cwd, resolve(context.cwd, spec.before))));
    const before =
      spec.before === null || beforeShown === null
        ? null
        : await loadSide(spec.before, beforeShown, spec, context);
    const after =
      spec.after === null || afterShown === null
        ? null
        : await loadSide(spec.after, afterShown, spec, context);
    const regionSource = after ?? before;
    return {
      path: afterShown ?? beforeShown ?? '.',
      format: 'terraform-hcl',
      before: before?.snapshot ?? emptySnapshot(),
      after: after?.snapshot ?? emptySnapshot(),
      changes: deriveChanges(before, after),
      region:
        regionSource?.configuration.region ?? unknownValue('provider region not set in the configuration'),
      account: unknownValue('account not stated in the configuration'),
      notes: [...notesOf(before, 'before'), ...notesOf(after, 'after')],
    };
  },
};
