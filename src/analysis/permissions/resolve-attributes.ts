import type { PolicyDocument, PolicyStatement } from '../../model/iam.js';
import type { Snapshot } from '../../model/snapshot.js';
import { isSymbolic, symbolic, type StringValue } from '../../model/value.js';

/** Known attribute values by `id\u0000attribute`, for replacing references in policy resources. */
export type AttributeValues = ReadonlyMap<string, string>;

function key(id: string, attribute: string): string {
  return `${id}\u0000${attribute}`;
}

/**
 * Collects the attributes of a snapshot's entities that are known: every ARN and name, and for buckets the id too
 * (a Terraform bucket's id is its name), so that `${aws_s3_bucket.docs.arn}/*` reads as `arn:aws:s3:::docs/*`.
 */
export function collectAttributeValues(snapshot: Snapshot): AttributeValues {
  const values = new Map<string, string>();
  const entities = [
    ...snapshot.resources,
    ...snapshot.roles,
    ...snapshot.policies,
    ...snapshot.users,
    ...snapshot.groups,
    ...snapshot.sinks,
  ];
  for (const entity of entities) {
    const arn = 'arn' in entity ? entity.arn : undefined;
    if (typeof arn === 'string') values.set(key(entity.id, 'arn'), arn);
    if (typeof entity.name === 'string') {
      values.set(key(entity.id, 'name'), entity.name);
      if ('kind' in entity && entity.kind === 'bucket') {
        values.set(key(entity.id, 'id'), entity.name);
        values.set(key(entity.id, 'bucket'), entity.name);
      }
    }
  }
  return values;
}

/** Replaces the references of a value whose targets are known; the rest stays symbolic. */
export function resolveAttributes(value: StringValue, values: AttributeValues): StringValue {
  if (!isSymbolic(value)) return value;
  return symbolic(
    value.parts.map((part) =>
      typeof part === 'string' ? part : (values.get(key(part.ref, part.attribute)) ?? part),
    ),
  );
}

function resolveStatement(statement: PolicyStatement, values: AttributeValues): PolicyStatement {
  const map = (list: readonly StringValue[] | undefined) =>
    list?.map((value) => resolveAttributes(value, values));
  const resource = map(statement.resource);
  const notResource = map(statement.notResource);
  return {
    ...statement,
    ...(resource ? { resource } : {}),
    ...(notResource ? { notResource } : {}),
  };
}

/** Resolves the known references in a document's resources, so that equal resources compare equal. */
export function resolveDocumentAttributes(document: PolicyDocument, values: AttributeValues): PolicyDocument {
  if (values.size === 0) return document;
  return { statements: document.statements.map((statement) => resolveStatement(statement, values)) };
}
