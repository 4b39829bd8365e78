import type { Reference } from '../../model/resource.js';
import { isUnknown, unknownValue, type Maybe, type Unknown } from '../../model/unknown.js';
import { isSymbolic, type StringValue } from '../../model/value.js';
import type { LinkTarget } from '../../knowledge/resource-types.js';
import { PSEUDO_ATTRIBUTE, intrinsicName } from './intrinsics.js';
import { isTemplateObject } from './parse-template.js';
import { isResolvedObject, referenceOf, toStringValue, type ResolvedValue } from './resolved-value.js';

/** The resolved properties of one resource. */
export type ResolvedProperties = { readonly [key: string]: ResolvedValue };

/** A string property, or undefined when absent. */
export function readString(properties: ResolvedProperties, key: string): StringValue | undefined {
  const value = properties[key];
  return value === undefined || value === null ? undefined : toStringValue(value, key);
}

/**
 * A boolean property. CloudFormation accepts `true`/`false` and their strings in any case; absent gives the
 * documented default, and a value that is not known gives an Unknown.
 */
export function readBoolean(
  properties: ResolvedProperties,
  key: string,
  fallback: Maybe<boolean>,
): Maybe<boolean> {
  const value = properties[key];
  if (value === undefined || value === null) return fallback;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string') {
    const lower = value.toLowerCase();
    if (lower === 'true') return true;
    if (lower === 'false') return false;
    return unknownValue(`${key} is not true or false`);
  }
  if (isUnknown(value)) return value;
  return unknownValue(`${key} is not known until deploy time`);
}

/** A list property: its items, an Unknown when the list is computed, or undefined when absent. */
export function readList(
  properties: ResolvedProperties,
  key: string,
): readonly ResolvedValue[] | Unknown | undefined {
  const value = properties[key];
  if (value === undefined || value === null) return undefined;
  if (Array.isArray(value)) return value as readonly ResolvedValue[];
  if (isUnknown(value)) return value;
  // A single value where a list is expected is taken as a one-item list, as IAM does for its string-or-list fields.
  return [value as ResolvedValue];
}

/** A list of strings (policy ARNs, role names); a computed list gives one Unknown item so it is not lost. */
export function readStringList(properties: ResolvedProperties, key: string): StringValue[] {
  const list = readList(properties, key);
  if (list === undefined) return [];
  if (isUnknown(list)) return [list];
  return list.map((item) => toStringValue(item, key));
}

/**
 * Points at another entity: by IR id when the value is a `Ref`/`Fn::GetAtt` of a resource in the same template,
 * otherwise by ARN or name as the value reads.
 */
export function toReference(value: StringValue, holds: LinkTarget = 'name'): Reference {
  const ref = referenceOf(value);
  if (ref !== undefined && ref.attribute !== PSEUDO_ATTRIBUTE) return { id: ref.ref };
  if (typeof value === 'string') return value.startsWith('arn:') ? { arn: value } : { name: value };
  if (isSymbolic(value)) {
    const first = value.parts[0];
    return typeof first === 'string' && first.startsWith('arn:') ? { arn: value } : { name: value };
  }
  return holds === 'arn' ? { arn: value } : { name: value };
}

/** The properties as resolved, or an empty mapping when they are absent or not a mapping. */
export function asProperties(value: ResolvedValue | symbol): ResolvedProperties {
  return isResolvedObject(value) ? value : {};
}

/** A key of a mapping as written (not an intrinsic function), for reaching nested parts and their lines. */
export function rawChild(raw: unknown, key: string): unknown {
  if (!isTemplateObject(raw) || intrinsicName(raw) !== undefined) return undefined;
  return raw[key];
}
