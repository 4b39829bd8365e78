import type { CloudResource, Link } from '../../model/resource.js';
import { isUnknown, unknownValue } from '../../model/unknown.js';
import { isSymbolic, symbolic, type AttributeRef, type StringValue } from '../../model/value.js';
import { readAttributePath } from '../../knowledge/attribute-path.js';
import { arnTemplateFor, type ResourceTypeRow } from '../../knowledge/resource-types.js';
import { PSEUDO_ATTRIBUTE } from './intrinsics.js';
import { readString, toReference } from './property-readers.js';
import { toStringValue, type ResolvedValue } from './resolved-value.js';
import type { ExtractionContext, ResourceEntry, SnapshotBuilder } from './resource-entry.js';

const PSEUDO_PLACEHOLDERS: Readonly<Record<string, string>> = {
  Partition: 'AWS::Partition',
  Region: 'AWS::Region',
  Account: 'AWS::AccountId',
};

const PLACEHOLDER = /\$\{([A-Za-z0-9]+)\}/g;

/**
 * Builds the ARN of a type that has no ARN attribute (a SageMaker feature group) from its ARN template: pseudo
 * parameters stay symbolic unless the caller knows them, properties fill the rest.
 */
function buildTemplateArn(
  template: string,
  row: ResourceTypeRow,
  entry: ResourceEntry,
  context: ExtractionContext,
): StringValue {
  const parts: (string | AttributeRef)[] = [];
  let last = 0;
  for (const match of template.matchAll(PLACEHOLDER)) {
    parts.push(template.slice(last, match.index));
    last = match.index + match[0].length;
    const name = match[1] ?? '';
    const pseudo = PSEUDO_PLACEHOLDERS[name];
    if (pseudo !== undefined) {
      const known = context.pseudoParameters[pseudo];
      parts.push(known ?? { ref: pseudo, attribute: PSEUDO_ATTRIBUTE });
      continue;
    }
    const property = row.arnParts?.[name];
    const value = property === undefined ? undefined : readString(entry.properties, property);
    if (value === undefined) return unknownValue(`its ARN needs ${name}, which the template does not set`);
    if (isUnknown(value)) return value;
    if (isSymbolic(value)) parts.push(...value.parts);
    else parts.push(value);
  }
  parts.push(template.slice(last));
  return symbolic(parts);
}

function readArn(row: ResourceTypeRow, entry: ResourceEntry, context: ExtractionContext): StringValue {
  if (row.arnAttribute !== null) return { parts: [{ ref: entry.base.id, attribute: 'arn' }] };
  const template = arnTemplateFor(row);
  if (template === undefined) return unknownValue(`${row.iacType} has no ARN of its own`);
  return buildTemplateArn(template, row, entry, context);
}

function readLinks(row: ResourceTypeRow, entry: ResourceEntry, context: ExtractionContext): Link[] {
  const links: Link[] = [];
  for (const linkPath of row.links) {
    const firstKey = linkPath.path.split(/[.[]/)[0] ?? linkPath.path;
    const line = context.map.lineOfKey(entry.rawProperties, firstKey) ?? entry.base.location?.line;
    for (const value of readAttributePath(entry.properties, linkPath.path)) {
      const target = toStringValue(value as ResolvedValue, linkPath.path);
      links.push({
        from: entry.base.id,
        to: toReference(target, linkPath.holds),
        relation: linkPath.relation,
        location: line === undefined ? { file: context.file } : { file: context.file, line },
      });
    }
  }
  return links;
}

/** Turns a resource of a type the shared table lists into a CloudResource and the links it declares. */
export function readCloudResource(
  row: ResourceTypeRow,
  entry: ResourceEntry,
  context: ExtractionContext,
  into: SnapshotBuilder,
): void {
  const nameValue = row.nameAttribute === null ? undefined : readString(entry.properties, row.nameAttribute);
  const resource: CloudResource = {
    ...entry.base,
    kind: row.kind,
    dataResourceType: row.dataResourceType,
    arn: readArn(row, entry, context),
    name: nameValue ?? { parts: [{ ref: entry.base.id, attribute: 'name' }] },
    region: context.region,
    account: context.account,
  };
  into.resources.push(resource);
  into.links.push(...readLinks(row, entry, context));
}
