import type { ParsedBody } from './parse-file.js';
import type { ScannedSource } from './block-lines.js';

/** One `.tf` file of a module: where it is, how people see its path, its text and its parse. */
export interface ConfigFile {
  readonly absolutePath: string;
  /** The path shown in locations and messages. */
  readonly shownPath: string;
  readonly source: ScannedSource;
  readonly body: ParsedBody;
}

/** A `resource` or `data` block. */
export interface ResourceDeclaration {
  readonly mode: 'managed' | 'data';
  readonly type: string;
  readonly name: string;
  readonly body: Readonly<Record<string, unknown>>;
  readonly file: ConfigFile;
  readonly line?: number;
}

/** A `module` block. */
export interface ModuleCall {
  readonly name: string;
  readonly body: Readonly<Record<string, unknown>>;
  readonly file: ConfigFile;
  readonly line?: number;
}

/** A `variable` block. */
export interface VariableDeclaration {
  readonly name: string;
  readonly hasDefault: boolean;
  readonly default: unknown;
  readonly sensitive: boolean;
}

/** Everything one module directory declares, merged over its files. */
export interface ModuleConfig {
  readonly files: readonly ConfigFile[];
  readonly variables: ReadonlyMap<string, VariableDeclaration>;
  readonly locals: ReadonlyMap<string, unknown>;
  readonly outputs: ReadonlyMap<string, unknown>;
  readonly resources: readonly ResourceDeclaration[];
  /** The first declaration of each address (`resourceKey`), so references find theirs without a scan. */
  readonly resourcesByKey: ReadonlyMap<string, ResourceDeclaration>;
  /** Every type declared, managed or data: a root name that is none of them cannot be a resource. */
  readonly resourceTypes: ReadonlySet<string>;
  readonly modules: readonly ModuleCall[];
  /** Provider blocks by provider name (`aws`, `awscc`); aliased configurations are left out. */
  readonly providers: ReadonlyMap<string, Readonly<Record<string, unknown>>>;
}

/** The lookup key of a declaration in `resourcesByKey`; labels may hold any character, dots included. */
export function resourceKey(mode: ResourceDeclaration['mode'], type: string, name: string): string {
  return JSON.stringify([mode, type, name]);
}

function bodiesOf(value: unknown): Readonly<Record<string, unknown>>[] {
  const list = Array.isArray(value) ? value : [value];
  return list.filter(
    (item): item is Record<string, unknown> =>
      typeof item === 'object' && item !== null && !Array.isArray(item),
  );
}

function entriesOf(value: unknown): [string, unknown][] {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? Object.entries(value) : [];
}

function lineOf(file: ConfigFile, key: string): number | undefined {
  return file.source.blocks.find((block) => block.key === key)?.line;
}

/** Merges the declarations of a module's files (Terraform reads all `.tf` files of a directory as one). */
export function collectModuleConfig(files: readonly ConfigFile[]): ModuleConfig {
  const variables = new Map<string, VariableDeclaration>();
  const locals = new Map<string, unknown>();
  const outputs = new Map<string, unknown>();
  const resources: ResourceDeclaration[] = [];
  const modules: ModuleCall[] = [];
  const providers = new Map<string, Readonly<Record<string, unknown>>>();
  for (const file of files) {
    const { body } = file;
    for (const [name, declared] of entriesOf(body.variable)) {
      const block = bodiesOf(declared)[0] ?? {};
      variables.set(name, {
        name,
        hasDefault: Object.hasOwn(block, 'default'),
        default: block.default,
        sensitive: block.sensitive === true,
      });
    }
    for (const block of bodiesOf(body.locals)) {
      for (const [name, value] of Object.entries(block)) locals.set(name, value);
    }
    for (const [name, declared] of entriesOf(body.output)) outputs.set(name, bodiesOf(declared)[0]?.value);
    for (const mode of ['resource', 'data'] as const) {
      for (const [type, byName] of entriesOf(body[mode])) {
        for (const [name, declared] of entriesOf(byName)) {
          const line = lineOf(file, `${mode}.${type}.${name}`);
          resources.push({
            mode: mode === 'resource' ? 'managed' : 'data',
            type,
            name,
            body: bodiesOf(declared)[0] ?? {},
            file,
            ...(line === undefined ? {} : { line }),
          });
        }
      }
    }
    for (const [name, declared] of entriesOf(body.module)) {
      const line = lineOf(file, `module.${name}`);
      modules.push({
        name,
        body: bodiesOf(declared)[0] ?? {},
        file,
        ...(line === undefined ? {} : { line }),
      });
    }
    for (const [name, declared] of entriesOf(body.provider)) {
      const block = bodiesOf(declared).find((candidate) => candidate.alias === undefined);
      if (block !== undefined && !providers.has(name)) providers.set(name, block);
    }
  }
  const resourcesByKey = new Map<string, ResourceDeclaration>();
  for (const declaration of resources) {
    const key = resourceKey(declaration.mode, declaration.type, declaration.name);
    if (!resourcesByKey.has(key)) resourcesByKey.set(key, declaration);
  }
  const resourceTypes = new Set(resources.map((declaration) => declaration.type));
  return { files, variables, locals, outputs, resources, resourcesByKey, resourceTypes, modules, providers };
}
