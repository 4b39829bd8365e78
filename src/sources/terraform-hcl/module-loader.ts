import { readdir, realpath, stat } from 'node:fs/promises';
import { readFileSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, posix, relative, resolve, sep } from 'node:path';
import type { SourceLocation } from '../../model/location.js';
import type { InputNote } from '../../model/snapshot.js';
import { unknownValue, type Unknown } from '../../model/unknown.js';
import { InputError } from '../input-error.js';
import { readInputTextSync } from '../read-input.js';
import { evaluateParsedValue } from './evaluator.js';
import type { HclObject, HclValue } from './hcl-value.js';
import {
  collectModuleConfig,
  type ConfigFile,
  type ModuleCall,
  type ResourceDeclaration,
} from './module-config.js';
import { ModuleInstance, type ModuleContext } from './module-instance.js';
import { HclParsing } from './parse-pool.js';
import { readVariableFiles } from './variable-files.js';

/** Module nesting deeper than this is almost certainly a loop through symbolic links or odd sources. */
const MAX_MODULE_DEPTH = 16;

/** `file()` reads at most this much: policies and templates are small, and anything larger is not one. */
const MAX_FILE_BYTES = 1024 * 1024;

/** Arguments of a module block that are not inputs of the module. */
const MODULE_META_ARGUMENTS = new Set(['source', 'version', 'count', 'for_each', 'providers', 'depends_on']);

/** One resource or data source of a loaded configuration, evaluated as far as the configuration allows. */
export interface EvaluatedResource {
  /** The Terraform address with the input's prefix: `module.kb.aws_iam_role.kb`, `data.aws_iam_policy_document.x`. */
  readonly id: string;
  readonly mode: 'managed' | 'data';
  readonly type: string;
  readonly values: HclObject;
  readonly location: SourceLocation;
  /** True when `count`/`for_each` on it, or on a module around it, multiplies it at apply time. */
  readonly expandedAtApply: boolean;
  readonly declaration: ResourceDeclaration;
  /** The module instance that declares it, for finding where its policies' statements are written. */
  readonly module: ModuleInstance;
}

/** A configuration directory, evaluated. */
export interface LoadedConfiguration {
  readonly resources: readonly EvaluatedResource[];
  /** The provider region when written literally (`provider "aws" { region = "eu-west-1" }`). */
  readonly region: string | undefined;
  readonly notes: readonly InputNote[];
}

/** Where to read from and how to show what was read. */
export interface LoadRequest {
  /** A directory of `.tf` files, or one `.tf` file. */
  readonly path: string;
  /** How people see `path` (relative to the working directory, or the path at the base ref). */
  readonly shownPath: string;
  /** No file outside this directory is read, whatever a module source or `file()` says. */
  readonly boundary: string;
  /** Prefixed to every id. */
  readonly idPrefix: string;
  /** Largest `.tf` file read, as for any other input. */
  readonly maxInputBytes: number;
}

function isInside(path: string, folder: string): boolean {
  const offset = relative(folder, path);
  return offset === '' || (!offset.startsWith('..') && !isAbsolute(offset));
}

function shownPathFor(request: LoadRequest, root: string, absolute: string): string {
  const offset = relative(root, absolute).split(sep).join('/');
  return offset === '' ? request.shownPath : posix.normalize(posix.join(request.shownPath, offset));
}

async function readConfigFiles(
  directory: string,
  show: (path: string) => string,
  limits: { readonly maxInputBytes: number },
  only?: string,
): Promise<ConfigFile[]> {
  const names =
    only === undefined ? (await readdir(directory)).filter((name) => name.endsWith('.tf')).sort() : [only];
  // Read every file first, then parse them together (in two threads when there is enough text). A file that cannot
  // be read stops the input as before, but only after the files ahead of it, whose syntax errors come first.
  const parsing = new HclParsing(names.length);
  const read: { absolutePath: string; shownPath: string; text: string }[] = [];
  let unreadable: InputError | undefined;
  for (const name of names) {
    const absolutePath = join(directory, name);
    const shownPath = show(absolutePath);
    // The same checks as every input: the size limit, byte-order marks, UTF-16 and binary files. The read is
    // synchronous: hcl2json parses on this thread anyway, and hundreds of small asynchronous reads cost more in
    // trips through the event loop than the reads themselves.
    try {
      read.push({ absolutePath, shownPath, text: readInputTextSync(absolutePath, shownPath, limits) });
    } catch (error) {
      if (!(error instanceof InputError)) {
        await parsing.close();
        throw error;
      }
      unreadable = error;
      break;
    }
  }
  const parses = await parsing.parse(read);
  const files: ConfigFile[] = [];
  for (const [index, file] of read.entries()) {
    const parse = parses[index];
    if (parse === undefined) continue;
    if ('error' in parse) throw parse.error;
    files.push({
      absolutePath: file.absolutePath,
      shownPath: file.shownPath,
      source: parse.source,
      body: parse.body,
    });
  }
  if (unreadable !== undefined) throw unreadable;
  return files;
}

function literalRegion(
  block: Readonly<Record<string, unknown>> | undefined,
  instance: ModuleInstance,
): string | undefined {
  if (block === undefined || block.region === undefined) return undefined;
  const region = evaluateParsedValue(block.region, instance);
  return typeof region === 'string' ? region : undefined;
}

/** Reads `.tf` directories and follows local modules, keeping every read inside the boundary. */
class ConfigurationLoader {
  readonly resources: EvaluatedResource[] = [];
  readonly notes: InputNote[] = [];
  region: string | undefined;
  private rootDirectory = '';
  /** Module directories read so far, by path: a module called from several blocks is read and parsed once. */
  private readonly moduleFiles = new Map<string, Promise<ConfigFile[]>>();

  constructor(private readonly request: LoadRequest) {}

  async load(): Promise<LoadedConfiguration> {
    const info = await stat(this.request.path).catch((error: unknown) => {
      throw new InputError(
        this.request.shownPath,
        `cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`,
      );
    });
    const single = info.isFile() ? basename(this.request.path) : undefined;
    this.rootDirectory = single === undefined ? this.request.path : dirname(this.request.path);
    const root = single === undefined ? this.request.path : this.rootDirectory;
    const show = (path: string): string =>
      single === undefined
        ? shownPathFor(this.request, root, path)
        : shownPathFor(this.request, this.request.path, path);
    const files = await readConfigFiles(this.rootDirectory, show, this.request, single);
    const variables =
      single === undefined ? await readVariableFiles(this.rootDirectory, this.notes) : new Map();
    await this.instantiate(files, show, {
      prefix: this.request.idPrefix,
      modulePath: '.',
      inputs: variables,
      region: undefined,
      expanded: false,
      depth: 0,
      stack: [resolve(this.rootDirectory)],
    });
    return { resources: this.resources, region: this.region, notes: this.notes };
  }

  private readFileInside(path: string): string | Unknown {
    const absolute = resolve(this.rootDirectory, path);
    try {
      const real = realpathSync(absolute);
      if (!isInside(real, realpathSync(this.request.boundary))) {
        return unknownValue(`file("${path}") is outside the repository`);
      }
      if (statSync(real).size > MAX_FILE_BYTES) return unknownValue(`file("${path}") is too large to read`);
      return readFileSync(real, 'utf8');
    } catch {
      return unknownValue(`file("${path}") cannot be read`);
    }
  }

  private async instantiate(
    files: readonly ConfigFile[],
    show: (path: string) => string,
    frame: {
      prefix: string;
      modulePath: string;
      inputs: ReadonlyMap<string, HclValue>;
      region: string | undefined;
      expanded: boolean;
      depth: number;
      stack: readonly string[];
    },
  ): Promise<ModuleInstance> {
    const config = collectModuleConfig(files);
    const children = new Map<string, ModuleInstance>();
    const context: ModuleContext = {
      prefix: frame.prefix,
      modulePath: frame.modulePath,
      inputs: frame.inputs,
      region: frame.region,
      readFile: (path) => this.readFileInside(path),
      childOutputs: (name) => children.get(name),
    };
    let instance = new ModuleInstance(config, context);
    const region = literalRegion(config.providers.get('aws') ?? config.providers.get('awscc'), instance);
    if (region !== undefined && region !== frame.region) {
      instance = new ModuleInstance(config, { ...context, region });
    }
    if (frame.depth === 0) this.region = region;

    for (const call of config.modules) {
      const child = await this.instantiateChild(call, instance, show, frame);
      if (child !== undefined) children.set(call.name, child);
    }
    for (const declaration of config.resources) {
      const multiplied = declaration.body.count !== undefined || declaration.body.for_each !== undefined;
      const id = instance.addressOf(declaration);
      if (multiplied) {
        this.notes.push({
          message: `${id} uses ${declaration.body.count !== undefined ? 'count' : 'for_each'}: one entry stands for all its instances`,
          ...(declaration.line === undefined ? {} : { line: declaration.line }),
        });
      }
      this.resources.push({
        id,
        mode: declaration.mode,
        type: declaration.type,
        values: instance.resourceBody(declaration),
        location: {
          file: declaration.file.shownPath,
          ...(declaration.line === undefined ? {} : { line: declaration.line }),
        },
        expandedAtApply: multiplied || frame.expanded,
        declaration,
        module: instance,
      });
    }
    return instance;
  }

  private async instantiateChild(
    call: ModuleCall,
    parent: ModuleInstance,
    show: (path: string) => string,
    frame: {
      prefix: string;
      modulePath: string;
      region: string | undefined;
      expanded: boolean;
      depth: number;
      stack: readonly string[];
    },
  ): Promise<ModuleInstance | undefined> {
    const id = `${frame.prefix}module.${call.name}`;
    const note = (message: string): void => {
      this.notes.push({
        message: `${id}: ${message}`,
        ...(call.line === undefined ? {} : { line: call.line }),
      });
    };
    const source = call.body.source;
    if (typeof source !== 'string') {
      note('module source is not a literal string; not analysed');
      return undefined;
    }
    if (!source.startsWith('./') && !source.startsWith('../')) {
      note(`remote module "${source}" is not analysed`);
      return undefined;
    }
    const directory = resolve(dirname(call.file.absolutePath), source);
    const real = await realpath(directory).catch(() => undefined);
    if (
      real === undefined ||
      !(await stat(real).then(
        (info) => info.isDirectory(),
        () => false,
      ))
    ) {
      note(`local module "${source}" is not present; not analysed`);
      return undefined;
    }
    if (!isInside(real, await realpath(this.request.boundary))) {
      note(`local module "${source}" is outside the repository; not analysed`);
      return undefined;
    }
    if (frame.stack.includes(real) || frame.depth >= MAX_MODULE_DEPTH) {
      note(`local module "${source}" includes itself; not analysed again`);
      return undefined;
    }
    const inputs = new Map<string, HclValue>();
    for (const [name, raw] of Object.entries(call.body)) {
      if (!MODULE_META_ARGUMENTS.has(name)) inputs.set(name, evaluateParsedValue(raw, parent));
    }
    const multiplied = call.body.count !== undefined || call.body.for_each !== undefined;
    if (multiplied) note('uses count or for_each: its resources stand for all instances');
    let files = this.moduleFiles.get(directory);
    if (files === undefined) {
      files = readConfigFiles(directory, show, this.request);
      this.moduleFiles.set(directory, files);
    }
    const modulePath = posix.normalize(posix.join(frame.modulePath, source));
    return this.instantiate(await files, show, {
      prefix: `${id}.`,
      modulePath,
      inputs,
      region: parent.context.region,
      expanded: frame.expanded || multiplied,
      depth: frame.depth + 1,
      stack: [...frame.stack, real],
    });
  }
}

/** Loads a `.tf` directory (or a single `.tf` file) and its local modules into evaluated resources. */
export function loadConfiguration(request: LoadRequest): Promise<LoadedConfiguration> {
  return new ConfigurationLoader(request).load();
}
