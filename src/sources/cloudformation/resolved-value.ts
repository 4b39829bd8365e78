import { isUnknown, type Unknown } from '../../model/unknown.js';
import { isSymbolic, isValueMapping, type AttributeRef, type StringValue } from '../../model/value.js';

/**
 * A template value after intrinsic functions are resolved: plain JSON whose string leaves may be symbolic (built
 * from references to other resources) or unknown.
 */
export type ResolvedValue =
  | StringValue
  | number
  | boolean
  | null
  | readonly ResolvedValue[]
  | { readonly [key: string]: ResolvedValue };

/** `Ref: AWS::NoValue`: the property is removed, as CloudFormation does. */
export const NO_VALUE: unique symbol = Symbol('AWS::NoValue');

/** What a resolver step yields: a value, or the instruction to drop the property. */
export type Resolution = ResolvedValue | typeof NO_VALUE;

/** Tells a resolved mapping apart from the other forms, including the IR's own value objects. */
export function isResolvedObject(value: unknown): value is { readonly [key: string]: ResolvedValue } {
  return isValueMapping(value);
}

/** The string value of a resolved scalar, or an Unknown that says why it is not one. */
export function toStringValue(value: ResolvedValue | undefined, what: string): StringValue {
  if (value === undefined || value === null) return unknownOf(`${what} is not set`);
  if (typeof value === 'string' || isUnknown(value) || isSymbolic(value)) return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return unknownOf(`${what} is not a string`);
}

function unknownOf(reason: string): Unknown {
  return { unknown: true, reason };
}

/** A reference that stands for the whole string (`Ref` or `Fn::GetAtt` of another resource). */
export function referenceOf(value: ResolvedValue | undefined): AttributeRef | undefined {
  if (!isSymbolic(value) || value.parts.length !== 1) return undefined;
  const part = value.parts[0];
  return typeof part === 'object' ? part : undefined;
}
