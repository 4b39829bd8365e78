import type { PathStep } from '../../knowledge/attribute-path.js';
import { joinAddress, parseAddress, type ParsedAddress } from './address.js';
import type {
  JsonObject,
  RawConfigModule,
  RawConfigResource,
  RawExpression,
  RawModuleCall,
} from './plan-json.js';

/** A module of the configuration, with its place in the tree. */
export interface ConfigModule {
  /** `module.a.module.b`, or '' for the root. */
  readonly path: string;
  readonly module: RawConfigModule;
  /** The call that instantiates it (absent for the root). */
  readonly call?: RawModuleCall;
  readonly parent?: ConfigModule;
}

/** A resource of the configuration and the module it is written in. */
export interface ConfigEntry {
  readonly resource: RawConfigResource;
  readonly module: ConfigModule;
}

/** A reference resolved to a resource: its configuration address, instance key (if written) and attribute. */
export interface ResolvedReference {
  /** The module path of the referenced resource, without keys. */
  readonly moduleConfig: string;
  /** `aws_iam_role.x` or `data.aws_iam_policy_document.p`. */
  readonly local: string;
  /** The key written in the reference (`[0]`), or ''. */
  readonly key: string;
  /** The attribute after the resource (`arn`, `name`), or '' for the whole resource. */
  readonly attribute: string;
}

const NOT_RESOURCES = new Set(['var', 'local', 'each', 'count', 'path', 'self', 'terraform', 'module']);

/** Bounds the walk through module outputs and variables, which a malformed plan could make cyclic. */
const MAX_DEPTH = 16;

/** An index of `configuration` by resource address, built in one walk of the module tree. */
export class ConfigurationIndex {
  private readonly entries = new Map<string, ConfigEntry>();

  constructor(root: RawConfigModule | undefined) {
    if (root !== undefined) this.indexModule({ path: '', module: root });
  }

  private indexModule(module: ConfigModule): void {
    for (const resource of asArray<RawConfigResource>(module.module.resources)) {
      if (typeof resource?.address !== 'string') continue;
      this.entries.set(joinAddress(module.path, resource.address), { resource, module });
    }
    const calls = module.module.module_calls;
    if (typeof calls !== 'object' || calls === null) return;
    for (const [name, call] of Object.entries(calls)) {
      if (typeof call?.module !== 'object' || call.module === null) continue;
      this.indexModule({
        path: joinAddress(module.path, `module.${name}`),
        module: call.module,
        call,
        parent: module,
      });
    }
  }

  /** The configuration of a resource, by its address in `resource_changes` (instance keys are ignored). */
  entryFor(address: string | ParsedAddress): ConfigEntry | undefined {
    const parsed = typeof address === 'string' ? parseAddress(address) : address;
    return this.entries.get(joinAddress(parsed.moduleConfig, parsed.local));
  }

  /**
   * The resources an expression refers to, following module outputs and input variables into the modules that
   * define them. One entry per resource: Terraform lists both `aws_iam_role.x.arn` and `aws_iam_role.x`, and the
   * one with the attribute is kept.
   */
  resolveReferences(expression: RawExpression | undefined, module: ConfigModule): ResolvedReference[] {
    const found = new Map<string, ResolvedReference>();
    this.collect(expression, module, found, 0);
    return [...found.values()];
  }

  private collect(
    expression: RawExpression | undefined,
    module: ConfigModule,
    found: Map<string, ResolvedReference>,
    depth: number,
  ): void {
    if (depth > MAX_DEPTH || expression === undefined || !Array.isArray(expression.references)) return;
    for (const reference of expression.references) {
      if (typeof reference !== 'string') continue;
      const parts = reference.split('.');
      const head = parts[0] ?? '';
      if (
        head === 'var' &&
        parts[1] !== undefined &&
        module.call !== undefined &&
        module.parent !== undefined
      ) {
        const argument = module.call.expressions?.[parts[1]];
        this.collect(asExpression(argument), module.parent, found, depth + 1);
        continue;
      }
      if (head === 'module' && parts[1] !== undefined && parts[2] !== undefined) {
        const name = parts[1].replace(/\[.*$/, '');
        const call = module.module.module_calls?.[name];
        const output = call?.module?.outputs?.[parts[2]];
        if (call?.module !== undefined && output !== undefined) {
          const child: ConfigModule = {
            path: joinAddress(module.path, `module.${name}`),
            module: call.module,
            call,
            parent: module,
          };
          this.collect(output.expression, child, found, depth + 1);
        }
        continue;
      }
      if (NOT_RESOURCES.has(head)) continue;
      const resolved = toResourceReference(reference, module.path);
      if (resolved === undefined) continue;
      const id = `${joinAddress(resolved.moduleConfig, resolved.local)}${resolved.key}`;
      const seen = found.get(id);
      if (seen === undefined || (seen.attribute === '' && resolved.attribute !== '')) found.set(id, resolved);
    }
  }
}

/** Reads `aws_iam_role.x[0].arn` (or `data.t.n.json`) written in a module as a resource reference. */
function toResourceReference(reference: string, modulePath: string): ResolvedReference | undefined {
  const match = /^((?:data\.)?[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)((?:\[[^\]]*\])?)(?:\.([A-Za-z0-9_-]+))?/.exec(
    reference,
  );
  if (match === null) return undefined;
  return { moduleConfig: modulePath, local: match[1] ?? '', key: match[2] ?? '', attribute: match[3] ?? '' };
}

/** The expression at a key of an expressions object, when it is a leaf expression. */
export function asExpression(value: unknown): RawExpression | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const candidate = value as RawExpression;
  return candidate.references !== undefined || candidate.constant_value !== undefined ? candidate : undefined;
}

function asArray<T>(value: unknown): readonly T[] {
  return Array.isArray(value) ? (value as T[]) : [];
}

/**
 * The leaf expressions a path reaches in a resource's `expressions`: nested blocks are lists of expression
 * objects, attributes are leaves. A leaf met before the path ends (an object-typed attribute written as one
 * expression) stands for everything below it.
 */
export function expressionsAt(
  expressions: JsonObject | undefined,
  steps: readonly PathStep[],
): RawExpression[] {
  let current: unknown[] = expressions === undefined ? [] : [expressions];
  for (const step of steps) {
    const next: unknown[] = [];
    for (const node of current) {
      const leaf = asExpression(node);
      if (leaf !== undefined) {
        next.push(leaf);
        continue;
      }
      if (Array.isArray(node)) {
        if ('index' in step) next.push(node[step.index]);
        else if ('each' in step) next.push(...node);
        else for (const item of node) next.push(keyOf(item, step.key));
      } else if ('key' in step) {
        next.push(keyOf(node, step.key));
      } else {
        next.push(node);
      }
    }
    current = next.filter((node) => node !== undefined && node !== null);
  }
  return current.map(asExpression).filter((node): node is RawExpression => node !== undefined);
}

function keyOf(node: unknown, key: string): unknown {
  if (typeof node !== 'object' || node === null || Array.isArray(node)) return undefined;
  return Object.hasOwn(node, key) ? (node as JsonObject)[key] : undefined;
}
