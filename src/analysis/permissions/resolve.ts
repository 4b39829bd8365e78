import type { Reference } from '../../model/resource.js';
import { describeValue, isAttributeRef, isSymbolic, type StringValue } from '../../model/value.js';

/** Anything a reference can point at: an IR entity with an id, a name and, usually, an ARN. */
export interface Referable {
  readonly id: string;
  readonly name: StringValue;
  readonly arn?: StringValue;
}

/** Entities indexed by id, known ARN and known name. */
export interface EntityIndex<T extends Referable> {
  readonly byId: ReadonlyMap<string, T>;
  readonly byArn: ReadonlyMap<string, T>;
  readonly byName: ReadonlyMap<string, T>;
}

/**
 * The key a name is indexed under: its text when known, its written form when symbolic, none when unknown. Two
 * names built from the same parts (`prefix-${random_string.suffix.result}`) are the same name once applied, and
 * HCL hands a reference such as `aws_iam_role.kb[0].name` over as the role's own symbolic name. The written form
 * cannot clash with a literal name, since IAM names cannot contain `${`.
 */
function nameKey(name: StringValue | undefined): string | undefined {
  if (typeof name === 'string') return name;
  return name !== undefined && isSymbolic(name) ? describeValue(name) : undefined;
}

/** Indexes entities for reference resolution; the first entity wins when two share an ARN or a name. */
export function indexEntities<T extends Referable>(entities: readonly T[]): EntityIndex<T> {
  const byId = new Map<string, T>();
  const byArn = new Map<string, T>();
  const byName = new Map<string, T>();
  for (const entity of entities) {
    if (!byId.has(entity.id)) byId.set(entity.id, entity);
    if (typeof entity.arn === 'string' && !byArn.has(entity.arn)) byArn.set(entity.arn, entity);
    const name = nameKey(entity.name);
    if (name !== undefined && !byName.has(name)) byName.set(name, entity);
  }
  return { byId, byArn, byName };
}

/** The name at the end of an IAM ARN (`arn:aws:iam::123:role/path/name` gives `name`), or undefined. */
export function nameFromIamArn(arn: string): string | undefined {
  const match = /^arn:[^:]*:iam::[^:]*:(?:role|policy|user|group)\/(?:.*\/)?([^/]+)$/.exec(arn);
  return match?.[1];
}

function referencedIds(value: StringValue | undefined): string[] {
  if (value === undefined || !isSymbolic(value)) return [];
  return value.parts.filter(isAttributeRef).map((part) => part.ref);
}

/**
 * Resolves a reference: by id first, then by an attribute reference whose `ref` is the entity's id, then by exact
 * ARN, then by name (a role ARN resolves to the role with the name at its end; symbolic names compare as written).
 */
export function resolveReference<T extends Referable>(ref: Reference, index: EntityIndex<T>): T | undefined {
  if (ref.id !== undefined) {
    const byId = index.byId.get(ref.id);
    if (byId) return byId;
  }
  for (const id of [...referencedIds(ref.arn), ...referencedIds(ref.name)]) {
    const byRef = index.byId.get(id);
    if (byRef) return byRef;
  }
  if (typeof ref.arn === 'string') {
    const byArn = index.byArn.get(ref.arn);
    if (byArn) return byArn;
  }
  const names = [
    nameKey(ref.name),
    typeof ref.arn === 'string'
      ? (nameFromIamArn(ref.arn) ?? (ref.arn.startsWith('arn:') ? undefined : ref.arn))
      : undefined,
  ];
  for (const name of names) {
    if (name === undefined) continue;
    const byName = index.byName.get(name);
    if (byName) return byName;
  }
  return undefined;
}

/** Describes a reference for people, whatever form it takes. */
export function describeReference(ref: Reference): string {
  if (ref.id !== undefined) return ref.id;
  for (const value of [ref.arn, ref.name]) {
    if (value !== undefined) return describeValue(value);
  }
  return '(empty reference)';
}
