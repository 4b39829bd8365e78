import {
  allOf,
  anyOf,
  isUnknown,
  not,
  unknownValue,
  type Tristate,
  type Unknown,
} from '../../model/unknown.js';
import { isSymbolic, symbolic, type AttributeRef, type StringValue } from '../../model/value.js';
import { isTemplateObject, type ParsedTemplate } from './parse-template.js';
import { NO_VALUE, type Resolution, type ResolvedValue } from './resolved-value.js';
import { splitSubTemplate } from './sub-template.js';

/** The pseudo parameters CloudFormation fills in at deploy time. */
export const PSEUDO_PARAMETERS = [
  'AWS::AccountId',
  'AWS::NotificationARNs',
  'AWS::Partition',
  'AWS::Region',
  'AWS::StackId',
  'AWS::StackName',
  'AWS::URLSuffix',
] as const;

/**
 * The attribute a pseudo parameter's symbolic reference names. Inside `Fn::Sub` and `Fn::Join` an unset pseudo
 * parameter stays a part `{ ref: 'AWS::Partition', attribute: 'value' }`, so that two ARNs written the same way
 * still compare equal; on its own it is Unknown.
 */
export const PSEUDO_ATTRIBUTE = 'value';

/** How a resource type answers `Ref` and `Fn::GetAtt`, in the IR's normalised attribute names. */
export interface AttributeNaming {
  /** `arn` when `Ref` returns the ARN, otherwise `name` or `id`. */
  refAttribute(iacType: string): string;
  /** `arn` for the type's own ARN attribute, `name` for its name attribute, otherwise the attribute as written. */
  getAttAttribute(iacType: string, attribute: string): string;
}

/** Everything the resolver needs to know about the template it works in. */
export interface ResolverScope {
  readonly template: ParsedTemplate;
  /** The IR id of a logical id (`<prefix><Stack>/<LogicalId>`). */
  readonly idOf: (logicalId: string) => string;
  /** Pseudo parameter values the caller knows (a CDK environment, a configured account). */
  readonly pseudoParameters: Readonly<Record<string, string>>;
  readonly naming: AttributeNaming;
}

const PSEUDO = new Set<string>(PSEUDO_PARAMETERS);

const DEPLOY_TIME_FUNCTIONS: Readonly<Record<string, string>> = {
  'Fn::GetAZs': 'the Availability Zones are known only at deploy time',
  'Fn::ImportValue': 'an imported value comes from another stack at deploy time',
  'Fn::Cidr': 'Fn::Cidr is not evaluated',
  'Fn::Transform': 'a macro is not expanded',
  'Fn::ToJsonString': 'Fn::ToJsonString is not evaluated',
  'Fn::Length': 'Fn::Length is not evaluated',
  'Fn::ForEach': 'Fn::ForEach is not expanded',
  'Fn::GetStackOutput': 'a stack output is read at deploy time',
};

/** The one key of an intrinsic function object (`Ref`, `Fn::Join`, ...), or undefined for ordinary objects. */
export function intrinsicName(value: unknown): string | undefined {
  if (!isTemplateObject(value)) return undefined;
  const keys = Object.keys(value);
  if (keys.length !== 1) return undefined;
  const key = keys[0] as string;
  return key === 'Ref' || key.startsWith('Fn::') ? key : undefined;
}

/**
 * Resolves CloudFormation intrinsic functions where the answer is certain, keeps references to other resources
 * symbolic, and turns everything else into an Unknown that says why. Never throws on template content.
 */
export class IntrinsicResolver {
  private readonly conditionCache = new Map<string, Tristate>();
  private readonly conditionsInProgress = new Set<string>();

  constructor(private readonly scope: ResolverScope) {}

  /** Resolves any template value; `NO_VALUE` means the property is to be dropped. */
  resolve(raw: unknown): Resolution {
    if (raw === null || raw === undefined) return null;
    if (typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean') return raw;
    if (Array.isArray(raw)) {
      const items: ResolvedValue[] = [];
      for (const item of raw) {
        const resolved = this.resolve(item);
        if (resolved !== NO_VALUE) items.push(resolved);
      }
      return items;
    }
    if (!isTemplateObject(raw)) return unknownValue('unreadable value');
    const fn = intrinsicName(raw);
    if (fn !== undefined) return this.resolveFunction(fn, raw[fn]);
    const result: Record<string, ResolvedValue> = {};
    for (const [key, value] of Object.entries(raw)) {
      const resolved = this.resolve(value);
      if (resolved === NO_VALUE) continue;
      if (key === '__proto__') {
        Object.defineProperty(result, key, {
          value: resolved,
          enumerable: true,
          writable: true,
          configurable: true,
        });
      } else {
        result[key] = resolved;
      }
    }
    return result;
  }

  /** Resolves a value that must end up a single string (a part of `Fn::Join`, a variable of `Fn::Sub`). */
  resolveString(raw: unknown): StringValue {
    const pseudo = this.pseudoPart(raw);
    if (pseudo !== undefined) return { parts: [pseudo] };
    return this.asString(this.resolve(raw));
  }

  /** Evaluates a named condition of the template, three-valued. */
  evaluateCondition(name: string): Tristate {
    const cached = this.conditionCache.get(name);
    if (cached !== undefined) return cached;
    if (this.conditionsInProgress.has(name)) return 'unknown';
    const expression = this.scope.template.conditions[name];
    if (expression === undefined) return 'unknown';
    this.conditionsInProgress.add(name);
    const result = this.evaluateConditionExpression(expression);
    this.conditionsInProgress.delete(name);
    this.conditionCache.set(name, result);
    return result;
  }

  private evaluateConditionExpression(raw: unknown): Tristate {
    if (typeof raw === 'boolean') return raw;
    if (typeof raw === 'string') return raw === 'true' ? true : raw === 'false' ? false : 'unknown';
    if (!isTemplateObject(raw)) return 'unknown';
    const keys = Object.keys(raw);
    if (keys.length !== 1) return 'unknown';
    const key = keys[0] as string;
    const args = raw[key];
    if (key === 'Condition') return typeof args === 'string' ? this.evaluateCondition(args) : 'unknown';
    if (!Array.isArray(args)) return 'unknown';
    switch (key) {
      case 'Fn::Equals':
        return this.evaluateEquals(args[0], args[1]);
      case 'Fn::And':
        return allOf(args.map((arg) => this.evaluateConditionExpression(arg)));
      case 'Fn::Or':
        return anyOf(args.map((arg) => this.evaluateConditionExpression(arg)));
      case 'Fn::Not':
        return not(this.evaluateConditionExpression(args[0]));
      default:
        return 'unknown';
    }
  }

  private evaluateEquals(left: unknown, right: unknown): Tristate {
    const a = this.resolve(left);
    const b = this.resolve(right);
    const known = (value: Resolution): string | undefined =>
      typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
        ? String(value)
        : undefined;
    const knownA = known(a);
    const knownB = known(b);
    if (knownA === undefined || knownB === undefined) return 'unknown';
    return knownA === knownB;
  }

  private resolveFunction(fn: string, args: unknown): Resolution {
    switch (fn) {
      case 'Ref':
        return typeof args === 'string' ? this.resolveRef(args) : unknownValue('Ref to a computed name');
      case 'Fn::GetAtt':
        return this.resolveGetAtt(args);
      case 'Fn::Sub':
        return this.resolveSub(args);
      case 'Fn::Join':
        return this.resolveJoin(args);
      case 'Fn::Select':
        return this.resolveSelect(args);
      case 'Fn::FindInMap':
        return this.resolveFindInMap(args);
      case 'Fn::If':
        return this.resolveIf(args);
      case 'Fn::Split':
        return this.resolveSplit(args);
      case 'Fn::Base64': {
        const text = this.resolve(args);
        return typeof text === 'string'
          ? Buffer.from(text, 'utf8').toString('base64')
          : unknownValue('Fn::Base64 of a value not known yet');
      }
      default:
        return unknownValue(DEPLOY_TIME_FUNCTIONS[fn] ?? `${fn} is not evaluated`);
    }
  }

  private resolveRef(name: string): Resolution {
    if (name === 'AWS::NoValue') return NO_VALUE;
    if (PSEUDO.has(name)) {
      return this.scope.pseudoParameters[name] ?? unknownValue(`${name} is known only at deploy time`);
    }
    const { parameters, resources } = this.scope.template;
    if (Object.hasOwn(parameters, name)) return this.resolveParameter(name, parameters[name]);
    if (Object.hasOwn(resources, name)) {
      const type = this.typeOf(name);
      if (type === undefined) return unknownValue(`resource ${name} has no Type`);
      return symbolic([{ ref: this.scope.idOf(name), attribute: this.scope.naming.refAttribute(type) }]);
    }
    return unknownValue(`Ref to ${name}, which the template does not declare`);
  }

  private resolveParameter(name: string, declaration: unknown): ResolvedValue {
    if (!isTemplateObject(declaration)) return unknownValue(`parameter ${name} is malformed`);
    // A secret's default must not reach any output, even though it is in the template text.
    if (declaration.NoEcho === true || declaration.NoEcho === 'true')
      return unknownValue(`parameter ${name} is NoEcho`);
    const type = typeof declaration.Type === 'string' ? declaration.Type : 'String';
    if (type.startsWith('AWS::SSM::Parameter::Value')) {
      return unknownValue(`parameter ${name} is read from SSM at deploy time`);
    }
    const fallback = declaration.Default;
    if (fallback === undefined || fallback === null) return unknownValue(`parameter ${name} has no default`);
    if (type.startsWith('List<') || type === 'CommaDelimitedList') {
      if (Array.isArray(fallback)) return fallback.map((item) => String(item));
      return String(fallback)
        .split(',')
        .map((item) => item.trim());
    }
    return typeof fallback === 'object'
      ? unknownValue(`parameter ${name} has a malformed default`)
      : String(fallback);
  }

  private typeOf(logicalId: string): string | undefined {
    const resource = this.scope.template.resources[logicalId];
    return isTemplateObject(resource) && typeof resource.Type === 'string' ? resource.Type : undefined;
  }

  private attributeRef(logicalId: string, attribute: string): AttributeRef | Unknown {
    if (!Object.hasOwn(this.scope.template.resources, logicalId)) {
      return unknownValue(`Fn::GetAtt of ${logicalId}, which the template does not declare`);
    }
    const type = this.typeOf(logicalId);
    if (type === undefined) return unknownValue(`resource ${logicalId} has no Type`);
    return { ref: this.scope.idOf(logicalId), attribute: this.scope.naming.getAttAttribute(type, attribute) };
  }

  private resolveGetAtt(args: unknown): ResolvedValue {
    let logicalId: unknown;
    let attribute: unknown;
    if (typeof args === 'string') {
      const dot = args.indexOf('.');
      if (dot < 0) return unknownValue(`Fn::GetAtt ${args} names no attribute`);
      logicalId = args.slice(0, dot);
      attribute = args.slice(dot + 1);
    } else if (Array.isArray(args)) {
      logicalId = args[0];
      attribute = this.resolve(args[1]);
    }
    if (typeof logicalId !== 'string' || typeof attribute !== 'string') {
      return unknownValue('Fn::GetAtt with a computed resource or attribute');
    }
    const ref = this.attributeRef(logicalId, attribute);
    return isUnknown(ref) ? ref : symbolic([ref]);
  }

  private pseudoPart(raw: unknown): AttributeRef | undefined {
    if (!isTemplateObject(raw) || intrinsicName(raw) !== 'Ref') return undefined;
    const name = raw.Ref;
    if (typeof name !== 'string' || !PSEUDO.has(name) || this.scope.pseudoParameters[name] !== undefined) {
      return undefined;
    }
    return { ref: name, attribute: PSEUDO_ATTRIBUTE };
  }

  private asString(value: Resolution): StringValue {
    if (value === NO_VALUE || value === null) return unknownValue('an empty value inside a string');
    if (typeof value === 'string' || isUnknown(value) || isSymbolic(value)) return value;
    if (typeof value === 'number' || typeof value === 'boolean') return String(value);
    return unknownValue('a list or mapping where a string is expected');
  }

  private concatenate(parts: readonly StringValue[]): StringValue {
    const flat: (string | AttributeRef)[] = [];
    for (const part of parts) {
      if (isUnknown(part)) return part;
      if (typeof part === 'string') flat.push(part);
      else flat.push(...part.parts);
    }
    return symbolic(flat);
  }

  private resolveSub(args: unknown): ResolvedValue {
    let template: unknown = args;
    let variables: Record<string, unknown> = {};
    if (Array.isArray(args)) {
      template = args[0];
      if (isTemplateObject(args[1])) variables = args[1];
    }
    if (typeof template !== 'string') return unknownValue('Fn::Sub of a computed string');
    const parts: StringValue[] = [];
    for (const piece of splitSubTemplate(template)) {
      if ('text' in piece) {
        parts.push(piece.text);
        continue;
      }
      const name = piece.variable;
      if (Object.hasOwn(variables, name)) {
        parts.push(this.resolveString(variables[name]));
      } else if (PSEUDO.has(name) || !name.includes('.')) {
        parts.push(this.resolveString({ Ref: name }));
      } else {
        const dot = name.indexOf('.');
        const ref = this.attributeRef(name.slice(0, dot), name.slice(dot + 1));
        parts.push(isUnknown(ref) ? ref : symbolic([ref]));
      }
    }
    return this.concatenate(parts);
  }

  private resolveJoin(args: unknown): ResolvedValue {
    if (!Array.isArray(args) || typeof args[0] !== 'string')
      return unknownValue('Fn::Join with a computed delimiter');
    const delimiter = args[0];
    const rawList = args[1];
    let items: readonly unknown[];
    if (Array.isArray(rawList)) {
      items = rawList;
    } else {
      const list = this.resolve(rawList);
      if (!Array.isArray(list))
        return isUnknown(list) ? list : unknownValue('Fn::Join of a list not known yet');
      items = list;
    }
    const parts: StringValue[] = [];
    for (const [index, item] of items.entries()) {
      if (index > 0) parts.push(delimiter);
      const resolved = Array.isArray(rawList) ? this.resolveString(item) : this.asString(item as Resolution);
      parts.push(resolved);
    }
    return this.concatenate(parts);
  }

  private resolveSelect(args: unknown): Resolution {
    if (!Array.isArray(args)) return unknownValue('Fn::Select is malformed');
    const index = this.resolve(args[0]);
    const list = this.resolve(args[1]);
    const position = typeof index === 'number' ? index : typeof index === 'string' ? Number(index) : NaN;
    if (!Number.isInteger(position)) return unknownValue('Fn::Select with an index not known yet');
    if (!Array.isArray(list))
      return isUnknown(list) ? list : unknownValue('Fn::Select from a list not known yet');
    const item = (list as readonly ResolvedValue[])[position];
    return item === undefined ? unknownValue(`Fn::Select index ${position} is out of range`) : item;
  }

  private resolveFindInMap(args: unknown): ResolvedValue {
    if (!Array.isArray(args)) return unknownValue('Fn::FindInMap is malformed');
    const [mapName, top, second] = args.slice(0, 3).map((arg) => this.resolve(arg));
    if (typeof mapName !== 'string' || typeof top !== 'string' || typeof second !== 'string') {
      return unknownValue('Fn::FindInMap with keys not known yet');
    }
    const mapping = this.scope.template.mappings[mapName];
    const entry = isTemplateObject(mapping) ? mapping[top] : undefined;
    const value = isTemplateObject(entry) && Object.hasOwn(entry, second) ? entry[second] : undefined;
    if (value === undefined) {
      const fallback = isTemplateObject(args[3]) ? args[3].DefaultValue : undefined;
      if (fallback !== undefined) {
        const resolved = this.resolve(fallback);
        return resolved === NO_VALUE ? null : resolved;
      }
      return unknownValue(`mapping ${mapName} has no entry ${top}.${second}`);
    }
    const resolved = this.resolve(value);
    return resolved === NO_VALUE ? null : resolved;
  }

  private resolveIf(args: unknown): Resolution {
    if (!Array.isArray(args) || typeof args[0] !== 'string') return unknownValue('Fn::If is malformed');
    const truth = this.evaluateCondition(args[0]);
    if (truth === 'unknown') return unknownValue(`depends on condition ${args[0]}`);
    return this.resolve(truth ? args[1] : args[2]);
  }

  private resolveSplit(args: unknown): ResolvedValue {
    if (!Array.isArray(args) || typeof args[0] !== 'string') return unknownValue('Fn::Split is malformed');
    const source = this.resolve(args[1]);
    if (typeof source !== 'string')
      return isUnknown(source) ? source : unknownValue('Fn::Split of a value not known yet');
    return source.split(args[0]);
  }
}
