import { isUnknown, type Unknown } from './unknown.js';

/**
 * A reference to an attribute of another resource in the same snapshot, kept symbolic because its value is not
 * known yet (a CloudFormation `Fn::GetAtt`, a Terraform reference whose value is known only after apply).
 */
export interface AttributeRef {
  /** The id of the referenced resource (Terraform address or `Stack/LogicalId`). */
  readonly ref: string;
  /** The attribute, normalised: `arn` for any ARN attribute, `name`, `id`, or the source's own attribute name. */
  readonly attribute: string;
}

/** A string made of literal parts and attribute references, such as `${aws_s3_bucket.docs.arn}/`. */
export interface SymbolicString {
  /** Literal text and references, in order; adjacent literals are merged. */
  readonly parts: readonly (string | AttributeRef)[];
}

/** A string value as the IR holds it: known, symbolic (resolvable by identity), or unknown. */
export type StringValue = string | SymbolicString | Unknown;

/** Tells a symbolic string from the other forms. */
export function isSymbolic(value: unknown): value is SymbolicString {
  return typeof value === 'object' && value !== null && Array.isArray((value as { parts?: unknown }).parts);
}

/**
 * Whether a resolved value (CloudFormation after intrinsics, evaluated HCL) is a mapping: an object that is neither
 * a list nor one of the IR's own value objects (a symbolic string, an Unknown).
 */
export function isValueMapping(value: unknown): value is { readonly [key: string]: unknown } {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    !isUnknown(value) &&
    !isSymbolic(value)
  );
}

/** Tells an attribute reference from a literal part. */
export function isAttributeRef(part: string | AttributeRef): part is AttributeRef {
  return typeof part === 'object';
}

/**
 * Builds a symbolic string, merging adjacent literals and collapsing to a plain string when nothing is symbolic.
 */
export function symbolic(parts: readonly (string | AttributeRef)[]): string | SymbolicString {
  const merged: (string | AttributeRef)[] = [];
  for (const part of parts) {
    const last = merged[merged.length - 1];
    if (typeof part === 'string') {
      if (part === '') continue;
      if (typeof last === 'string') merged[merged.length - 1] = last + part;
      else merged.push(part);
    } else {
      merged.push(part);
    }
  }
  if (merged.every((part) => typeof part === 'string')) return merged.join('');
  return { parts: merged };
}

/** Renders any string value for people: symbolic parts as `${ref.attribute}`, unknowns as `(unknown: reason)`. */
export function describeValue(value: StringValue | Unknown): string {
  if (typeof value === 'string') return value;
  if (isUnknown(value)) return `(unknown: ${value.reason})`;
  return value.parts
    .map((part) => (typeof part === 'string' ? part : `\${${part.ref}.${part.attribute}}`))
    .join('');
}

/** The literal text when fully known, otherwise undefined. */
export function knownString(value: StringValue | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
