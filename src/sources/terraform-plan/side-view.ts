import { parseAttributePath, readAttributePath } from '../../knowledge/attribute-path.js';
import type { Reference } from '../../model/resource.js';
import { isUnknown, unknownValue, type Maybe, type Unknown } from '../../model/unknown.js';
import { symbolic, type StringValue } from '../../model/value.js';
import type { ParsedAddress } from './address.js';
import { expressionsAt, type ConfigEntry } from './configuration-index.js';
import { AFTER_APPLY } from './marks.js';
import { normaliseAttribute, type PlanContext } from './plan-context.js';
import type { JsonObject } from './plan-json.js';

/** One resource on one side of the plan, with its values already masked (sensitive dropped, unknowns marked). */
export interface SideView {
  readonly context: PlanContext;
  readonly address: string;
  readonly parsed: ParsedAddress;
  readonly id: string;
  readonly type: string;
  readonly side: 'before' | 'after';
  readonly values: JsonObject;
  /** The resource's configuration; only the after side reads it, since it describes the new code. */
  readonly config: ConfigEntry | undefined;
  readonly region: Maybe<string>;
}

/** A value of the plan as an IR string: numbers and booleans as text, Unknowns kept, anything else unknown. */
export function toStringValue(value: unknown): StringValue {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (isUnknown(value)) return value;
  return unknownValue('not a string');
}

/** Every value a path reaches. */
export function valuesAt(view: SideView, path: string): unknown[] {
  return readAttributePath(view.values, path);
}

/** The ids (with prefix) and attributes of the resources the configuration expression at a path refers to. */
export function referencedAt(view: SideView, path: string): { id: string; attribute: string }[] {
  if (view.config === undefined) return [];
  const expressions = expressionsAt(view.config.resource.expressions, parseAttributePath(path));
  const targets: { id: string; attribute: string }[] = [];
  for (const expression of expressions) {
    for (const reference of view.context.configuration.resolveReferences(expression, view.config.module)) {
      const address = view.context.addressOf(reference, view.parsed);
      if (address === undefined) continue;
      targets.push({
        id: view.context.idOf(address),
        attribute: normaliseAttribute(reference.local, reference.attribute),
      });
    }
  }
  return targets;
}

/** The constant the configuration writes at a path, when it is one literal (after side only). */
export function constantAt(view: SideView, path: string): unknown {
  if (view.config === undefined) return undefined;
  const [expression, ...others] = expressionsAt(view.config.resource.expressions, parseAttributePath(path));
  return others.length === 0 ? expression?.constant_value : undefined;
}

/**
 * One reference to another IAM entity: the literal name or ARN the plan knows, together with the id of the
 * resource the configuration refers to, so that either can link it.
 */
export function principalReference(view: SideView, path: string): Reference {
  const [value] = valuesAt(view, path);
  const targets = referencedAt(view, path);
  const [only] = targets;
  const id = targets.length === 1 && only !== undefined ? { id: only.id } : {};
  if (typeof value === 'string' && value !== '') {
    return { ...id, ...(value.startsWith('arn:') ? { arn: value } : { name: value }) };
  }
  if (isUnknown(value)) return { ...id, name: value };
  return { ...id, name: unknownValue(`${path} is not set`) };
}

function isAfterApply(value: unknown): value is Unknown {
  return value === AFTER_APPLY;
}

/** The resource's own attribute, or a symbolic reference to it when it is known only after apply. */
export function ownStringAt(view: SideView, path: string | null, attribute: string): StringValue | undefined {
  if (path === null) return undefined;
  const [value] = valuesAt(view, path);
  if (value === undefined) return undefined;
  if (isAfterApply(value)) return symbolic([{ ref: view.id, attribute }]);
  return toStringValue(value);
}

/** A boolean attribute with the provider's default for null or absent; an unknown stays unknown. */
export function booleanAt(view: SideView, path: string, fallback: Maybe<boolean>): Maybe<boolean> {
  const [value] = valuesAt(view, path);
  if (value === undefined) return fallback;
  if (typeof value === 'boolean') return value;
  if (value === 'true' || value === 'false') return value === 'true';
  if (isUnknown(value)) return value;
  return unknownValue(`${path} is not a boolean`);
}

/**
 * References to other entities held at a path (role ARNs, role names, policy ARNs), one per value, plus the
 * configuration's references for the values known only after apply. A known literal that starts with `arn:` is
 * an ARN; other literals are names or ids.
 */
export function referencesAt(view: SideView, path: string): Reference[] {
  const references: Reference[] = [];
  let unresolved = false;
  for (const value of valuesAt(view, path)) {
    const items = Array.isArray(value) ? value : [value];
    for (const item of items) {
      if (typeof item === 'string') {
        if (item !== '') references.push(item.startsWith('arn:') ? { arn: item } : { name: item });
      } else if (isUnknown(item)) {
        if (isAfterApply(item)) unresolved = true;
        else references.push({ name: item });
      }
    }
  }
  if (unresolved) {
    const targets = referencedAt(view, path);
    for (const target of targets) references.push({ id: target.id });
    if (targets.length === 0) references.push({ name: AFTER_APPLY });
  }
  return references;
}
