import { existsSync } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';
import type { ChangeAction } from '../model/resource.js';
import { mergeSnapshots, type InputNote, type LoadedInput, type Snapshot } from '../model/snapshot.js';
import { unknownValue, type Maybe } from '../model/unknown.js';
import { environmentOf, type CloudFormationOptions } from './cloudformation.js';
import { displayPath } from './display-path.js';
import { insideAssembly, listAssemblyStacks } from './cloudformation/cdk-manifest.js';
import { isTemplateObject, parseTemplate, type ParsedTemplate } from './cloudformation/parse-template.js';
import { loadTemplatePair } from './cloudformation/template-pair.js';
import { readInputText } from './read-input.js';
import type { InputSource, PairSpec, SourceContext } from './source.js';

/** One stack of an assembly, parsed, with the pseudo parameters its environment pins. */
interface AssemblyTemplate {
  readonly template: ParsedTemplate;
  readonly pseudoParameters: Readonly<Record<string, string>>;
}

/** How deep nested stacks are followed; CDK nests a few levels at most. */
const MAX_NESTED_DEPTH = 5;

/** The template an `AWS::CloudFormation::Stack` resource deploys, when CDK wrote it into the assembly as an asset. */
function nestedTemplatePath(resource: unknown): string | undefined {
  if (!isTemplateObject(resource) || resource.Type !== 'AWS::CloudFormation::Stack') return undefined;
  const metadata = resource.Metadata;
  if (!isTemplateObject(metadata)) return undefined;
  const path = metadata['aws:asset:path'];
  return typeof path === 'string' && path.endsWith('.json') ? path : undefined;
}

/** Reads every stack of one cdk.out directory, nested stacks included, keyed by stack name. */
async function readAssembly(
  root: string,
  shown: string,
  context: SourceContext,
  pseudoParameters: Readonly<Record<string, string>>,
  notes: InputNote[],
): Promise<Map<string, AssemblyTemplate>> {
  const stacks = new Map<string, AssemblyTemplate>();
  const readStack = async (
    stack: string,
    file: string,
    pseudo: Readonly<Record<string, string>>,
    depth: number,
  ) => {
    const fileShown = `${shown}/${file}`;
    const text = await readInputText(insideAssembly(root, file, shown), fileShown, context);
    const template = parseTemplate(text, fileShown);
    stacks.set(stack, { template, pseudoParameters: pseudo });
    for (const [logicalId, resource] of Object.entries(template.resources)) {
      const asset = nestedTemplatePath(resource);
      if (asset === undefined) continue;
      const nestedFile = join(dirname(file), asset);
      if (depth >= MAX_NESTED_DEPTH || !existsSync(insideAssembly(root, nestedFile, shown))) {
        notes.push({
          message: `${stack}: the template of nested stack ${logicalId} (${asset}) is not in the cdk.out directory`,
        });
        continue;
      }
      await readStack(`${stack}/${logicalId}`, nestedFile, pseudo, depth + 1);
    }
  };
  for (const entry of await listAssemblyStacks(root, shown, context)) {
    await readStack(entry.stack, entry.templateFile, { ...pseudoParameters, ...entry.environment }, 0);
  }
  return stacks;
}

/** One value when every stack agrees on it, else Unknown. */
function commonValue(values: readonly Maybe<string>[], what: string): Maybe<string> {
  const known = values.filter((value): value is string => typeof value === 'string');
  if (known.length === 0)
    return values[0] ?? unknownValue(`the ${what} is chosen when the stacks are deployed`);
  if (known.length === values.length && known.every((value) => value === known[0])) return known[0] as string;
  return unknownValue(`the stacks are deployed to different ${what}s, or some to one not known yet`);
}

/**
 * A CDK cloud assembly (`cdk.out`): follows `manifest.json` to each stack template, nested assemblies and nested
 * stacks included, and reads each before/after pair of stacks (matched by stack name) as CloudFormation.
 */
export class CdkAssemblySource implements InputSource {
  readonly format = 'cdk-assembly' as const;
  private readonly pseudoParameters: Readonly<Record<string, string>>;

  constructor(options: CloudFormationOptions = {}) {
    this.pseudoParameters = options.pseudoParameters ?? {};
  }

  /** Loads a pair of cdk.out directories; a null side is an assembly that does not exist yet (or any more). */
  async load(spec: PairSpec, context: SourceContext): Promise<LoadedInput> {
    const absolute = (path: string): string => (isAbsolute(path) ? path : join(context.cwd, path));
    const notes: InputNote[] = [];
    const read = async (path: string | null, shown: string | undefined) =>
      path === null
        ? new Map<string, AssemblyTemplate>()
        : readAssembly(
            absolute(path),
            shown ?? displayPath(path, context.cwd),
            context,
            this.pseudoParameters,
            notes,
          );
    const after = await read(spec.after, undefined);
    const before = await read(spec.before, spec.beforeDisplayPath);
    const beforeSnapshots: Snapshot[] = [];
    const afterSnapshots: Snapshot[] = [];
    const changes: Record<string, ChangeAction> = {};
    const regions: Maybe<string>[] = [];
    const accounts: Maybe<string>[] = [];
    for (const stack of new Set([...after.keys(), ...before.keys()])) {
      const pseudo = (after.get(stack) ?? before.get(stack))?.pseudoParameters ?? this.pseudoParameters;
      const environment = environmentOf(pseudo);
      regions.push(environment.region);
      accounts.push(environment.account);
      const loaded = loadTemplatePair(
        { before: before.get(stack)?.template ?? null, after: after.get(stack)?.template ?? null, stack },
        { idPrefix: spec.idPrefix, pseudoParameters: pseudo, ...environment },
      );
      beforeSnapshots.push(loaded.before);
      afterSnapshots.push(loaded.after);
      Object.assign(changes, loaded.changes);
      notes.push(...loaded.notes.map((note) => ({ ...note, message: `${stack}: ${note.message}` })));
    }
    return {
      path: displayPath(spec.after ?? spec.before ?? '', context.cwd),
      format: this.format,
      before: mergeSnapshots(beforeSnapshots),
      after: mergeSnapshots(afterSnapshots),
      changes,
      region: commonValue(regions, 'region'),
      account: commonValue(accounts, 'account'),
      notes,
    };
  }
}
