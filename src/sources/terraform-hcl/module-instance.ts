import { isUnknown, unknownValue, type Unknown } from '../../model/unknown.js';
import { normaliseAttribute } from '../terraform-plan/plan-context.js';
import {
  applySteps,
  bindNames,
  evaluateParsedValue,
  type EvaluationScope,
  type ResolvedStep,
} from './evaluator.js';
import { isHclObject, unknownExpression, type HclObject, type HclValue } from './hcl-value.js';
import { resourceKey, type ModuleConfig, type ResourceDeclaration } from './module-config.js';
import { buildPolicyDocument } from './policy-document-data.js';

/** Arguments of a resource block that steer Terraform rather than describe the resource. */
const RESOURCE_META_ARGUMENTS = new Set([
  'count',
  'for_each',
  'provider',
  'depends_on',
  'lifecycle',
  'provisioner',
  'connection',
  'dynamic',
]);

/** Data sources that only describe where Terraform runs; their attributes stay symbolic. */
const ENVIRONMENT_DATA_SOURCES = new Set(['aws_partition', 'aws_caller_identity', 'aws_region']);

const IN_PROGRESS = Symbol('in progress');

/** How a module instance was reached, and what it may read. */
export interface ModuleContext {
  /** The id prefix of everything it declares: the input's prefix plus `module.x.` per level. */
  readonly prefix: string;
  /** The module directory relative to the root module, as `path.module` gives it (`.` for the root). */
  readonly modulePath: string;
  /** Values of its variables: inputs of the module block, or tfvars for the root module. */
  readonly inputs: ReadonlyMap<string, HclValue>;
  /** The provider region, where a parent or this module set it literally. */
  readonly region: string | undefined;
  /** Reads a file for `file()`, relative to the root module. */
  readFile(path: string): string | Unknown;
  /** Child module instances, made on demand by the loader. */
  childOutputs(name: string): ModuleInstanceOutputs | undefined;
}

/** What a parent can ask of a child module: its outputs. */
export interface ModuleInstanceOutputs {
  output(name: string): HclValue;
}

/**
 * The evaluation of one module: its variables, locals, resources and outputs, each computed once on demand, with
 * cycles turned into Unknown.
 */
export class ModuleInstance implements EvaluationScope, ModuleInstanceOutputs {
  private readonly locals = new Map<string, HclValue | typeof IN_PROGRESS>();
  private readonly resourceValues = new Map<ResourceDeclaration, HclObject | typeof IN_PROGRESS>();
  private readonly outputs = new Map<string, HclValue | typeof IN_PROGRESS>();

  constructor(
    readonly config: ModuleConfig,
    readonly context: ModuleContext,
  ) {}

  readFile(path: string): string | Unknown {
    return this.context.readFile(path);
  }

  /** The id a declaration gets in the IR. */
  addressOf(declaration: ResourceDeclaration): string {
    const mode = declaration.mode === 'data' ? 'data.' : '';
    return `${this.context.prefix}${mode}${declaration.type}.${declaration.name}`;
  }

  resolve(root: string, steps: readonly ResolvedStep[], text: string): HclValue {
    const [first, ...rest] = steps;
    const name = first?.kind === 'attribute' ? first.name : undefined;
    switch (root) {
      case 'var':
        return name === undefined ? unknownExpression(text) : applySteps(this.variable(name), rest, text);
      case 'local':
        return name === undefined ? unknownExpression(text) : applySteps(this.local(name, text), rest, text);
      case 'module':
        return name === undefined ? unknownExpression(text) : this.moduleOutput(name, rest, text);
      case 'path':
        return name === 'module'
          ? this.context.modulePath
          : name === 'root' || name === 'cwd'
            ? '.'
            : unknownExpression(text);
      case 'data': {
        const second = rest[0];
        if (name === undefined || second?.kind !== 'attribute') return unknownExpression(text);
        return this.resourceAttribute('data', name, second.name, rest.slice(1), text);
      }
      default:
        if (name === undefined || !this.config.resourceTypes.has(root)) {
          // count.index, each.value, self, terraform.workspace and undeclared names: not known before apply.
          return unknownExpression(text);
        }
        return this.resourceAttribute('managed', root, name, rest, text);
    }
  }

  private variable(name: string): HclValue {
    const declaration = this.config.variables.get(name);
    // A value marked sensitive must never reach a report, so it is dropped before anything reads it.
    if (declaration?.sensitive) return unknownValue(`var.${name} is sensitive`);
    const given = this.context.inputs.get(name);
    if (given !== undefined) return given;
    if (declaration?.hasDefault) return evaluateParsedValue(declaration.default, this);
    return unknownValue(`var.${name} has no value in the configuration`);
  }

  private local(name: string, text: string): HclValue {
    const known = this.locals.get(name);
    if (known === IN_PROGRESS) return unknownValue(`local.${name} refers to itself`);
    if (known !== undefined) return known;
    if (!this.config.locals.has(name)) return unknownExpression(text);
    this.locals.set(name, IN_PROGRESS);
    const value = evaluateParsedValue(this.config.locals.get(name), this);
    this.locals.set(name, value);
    return value;
  }

  output(name: string): HclValue {
    const known = this.outputs.get(name);
    if (known === IN_PROGRESS) return unknownValue(`output ${name} refers to itself`);
    if (known !== undefined) return known;
    if (!this.config.outputs.has(name)) return unknownValue(`the module has no output ${name}`);
    this.outputs.set(name, IN_PROGRESS);
    const value = evaluateParsedValue(this.config.outputs.get(name), this);
    this.outputs.set(name, value);
    return value;
  }

  private moduleOutput(name: string, steps: readonly ResolvedStep[], text: string): HclValue {
    const child = this.context.childOutputs(name);
    const [first, ...rest] = steps[0]?.kind === 'index' ? steps.slice(1) : steps;
    if (child === undefined || first?.kind !== 'attribute') return unknownExpression(text);
    return applySteps(child.output(first.name), rest, text);
  }

  private resourceAttribute(
    mode: 'managed' | 'data',
    type: string,
    name: string,
    steps: readonly ResolvedStep[],
    text: string,
  ): HclValue {
    const declaration = this.config.resourcesByKey.get(resourceKey(mode, type, name));
    if (declaration === undefined) return unknownExpression(text);
    // One IR entity stands for every instance of a counted resource, so an instance key adds nothing.
    const afterInstance = steps[0]?.kind === 'index' ? steps.slice(1) : steps;
    const [attributeStep, ...rest] = afterInstance;
    if (attributeStep?.kind !== 'attribute') return unknownExpression(text);
    const attribute = attributeStep.name;
    const address = this.addressOf(declaration);
    if (mode === 'data' && ENVIRONMENT_DATA_SOURCES.has(type)) {
      if (type === 'aws_region' && (attribute === 'name' || attribute === 'region') && this.context.region) {
        return this.context.region;
      }
      return rest.length === 0 ? { parts: [{ ref: address, attribute }] } : unknownExpression(text);
    }
    const values = this.resourceBody(declaration);
    if (
      mode === 'data' &&
      type === 'aws_iam_policy_document' &&
      (attribute === 'json' || attribute === 'minified_json')
    ) {
      return applySteps(buildPolicyDocument(values), rest, text);
    }
    const configured = values[attribute];
    // A configured value that cannot be known is still that resource's attribute: the reference keeps the link.
    if (configured !== undefined && configured !== null && !(isUnknown(configured) && rest.length === 0)) {
      return applySteps(configured, rest, text);
    }
    if (rest.length > 0) return unknownExpression(text);
    return {
      parts: [
        {
          ref: address,
          attribute: normaliseAttribute(`${mode === 'data' ? 'data.' : ''}${type}.${name}`, attribute),
        },
      ],
    };
  }

  /** The evaluated arguments of a resource, without meta-arguments, with dynamic blocks expanded. */
  resourceBody(declaration: ResourceDeclaration): HclObject {
    const known = this.resourceValues.get(declaration);
    if (known === IN_PROGRESS) return {};
    if (known !== undefined) return known;
    this.resourceValues.set(declaration, IN_PROGRESS);
    const values = evaluateBlockBody(declaration.body, this, RESOURCE_META_ARGUMENTS);
    this.resourceValues.set(declaration, values);
    return values;
  }
}

function iteratorName(raw: unknown, fallback: string): string {
  if (typeof raw !== 'string') return fallback;
  return /^\$\{\s*([A-Za-z_][A-Za-z0-9_-]*)\s*\}$/.exec(raw)?.[1] ?? raw;
}

/** Expands one `dynamic "label"` block into the blocks it stands for, or Unknown when its collection is unknown. */
function expandDynamic(
  label: string,
  raw: Readonly<Record<string, unknown>>,
  scope: EvaluationScope,
): HclValue {
  const collection = evaluateParsedValue(raw.for_each, scope);
  if (isUnknown(collection)) return collection;
  let entries: [HclValue, HclValue][];
  if (Array.isArray(collection))
    entries = (collection as readonly HclValue[]).map((item, index) => [index, item]);
  else if (isHclObject(collection)) entries = Object.entries(collection);
  else if (collection === null) entries = [];
  else return unknownValue(`dynamic "${label}" for_each is not a collection`);
  const iterator = iteratorName(raw.iterator, label);
  const content = Array.isArray(raw.content) ? raw.content[0] : raw.content;
  const body = typeof content === 'object' && content !== null ? (content as Record<string, unknown>) : {};
  return entries.map(([key, value]) =>
    evaluateBlockBody(body, bindNames(scope, { [iterator]: { key, value } }), new Set()),
  );
}

/**
 * Evaluates a block body as hcl2json gives it. Nested blocks (lists of objects) are evaluated as bodies in turn,
 * so that dynamic blocks at any depth expand when their collections are known.
 */
export function evaluateBlockBody(
  body: Readonly<Record<string, unknown>>,
  scope: EvaluationScope,
  skip: ReadonlySet<string>,
): HclObject {
  const result: Record<string, HclValue> = {};
  for (const [key, raw] of Object.entries(body)) {
    if (skip.has(key) || key === 'dynamic') continue;
    result[key] =
      Array.isArray(raw) &&
      raw.length > 0 &&
      raw.every((item) => typeof item === 'object' && item !== null && !Array.isArray(item))
        ? raw.map((item) => evaluateBlockBody(item as Record<string, unknown>, scope, new Set()))
        : evaluateParsedValue(raw, scope);
  }
  const dynamic = body.dynamic;
  if (typeof dynamic === 'object' && dynamic !== null && !Array.isArray(dynamic)) {
    for (const [label, blocks] of Object.entries(dynamic as Record<string, unknown>)) {
      for (const block of Array.isArray(blocks) ? blocks : [blocks]) {
        if (typeof block !== 'object' || block === null) continue;
        const expanded = expandDynamic(label, block as Record<string, unknown>, scope);
        const existing = result[label];
        if (isUnknown(expanded) || isUnknown(existing))
          result[label] = isUnknown(existing) ? existing : expanded;
        else
          result[label] = [
            ...(Array.isArray(existing) ? (existing as HclValue[]) : []),
            ...(expanded as HclValue[]),
          ];
      }
    }
  }
  return result;
}
