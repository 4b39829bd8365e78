import { buildArn } from '../../knowledge/arn-template.js';
import type { ResourceTypeRow } from '../../knowledge/resource-type.js';
import { arnTemplateFor } from '../../knowledge/resource-types.js';
import type { CloudResource, Link } from '../../model/resource.js';
import { isUnknown, unknownValue, type Maybe } from '../../model/unknown.js';
import type { StringValue } from '../../model/value.js';
import { accountOf, partitionOfRegion } from './account.js';
import { ownStringAt, referencesAt, valuesAt, type SideView } from './side-view.js';

/** Fills the row's ARN template from the values the plan knows, or gives undefined. */
function buildOwnArn(view: SideView, row: ResourceTypeRow, account: Maybe<string>): string | undefined {
  const template = arnTemplateFor(row);
  if (template === undefined || isUnknown(view.region) || isUnknown(account)) return undefined;
  const parts: Record<string, string | undefined> = {
    Partition: partitionOfRegion(view.region),
    Region: view.region,
    Account: account,
  };
  for (const [placeholder, path] of Object.entries(row.arnParts ?? {})) {
    const [value] = valuesAt(view, path);
    parts[placeholder] = typeof value === 'string' ? value : undefined;
  }
  return buildArn(template, parts);
}

/** The resource's ARN: as planned, else built from its template, else a symbolic reference to itself. */
function arnOf(view: SideView, row: ResourceTypeRow, account: Maybe<string>): StringValue {
  const planned = ownStringAt(view, row.arnAttribute, 'arn');
  if (typeof planned === 'string') return planned;
  const built = buildOwnArn(view, row, account);
  if (built !== undefined) return built;
  if (planned !== undefined) return planned;
  return row.arnAttribute === null
    ? unknownValue('the type has no ARN attribute and its ARN could not be built')
    : unknownValue(`${row.arnAttribute} is not set`);
}

/** Turns one resource of a type the knowledge table describes into a CloudResource and its links. */
export function buildCloudResource(
  view: SideView,
  row: ResourceTypeRow,
  planAccount: Maybe<string>,
): { resource: CloudResource; links: Link[] } {
  const location = { file: view.context.shown };
  const ownArn = ownStringAt(view, row.arnAttribute, 'arn');
  const account = accountOf(ownArn, planAccount);
  const name =
    ownStringAt(view, row.nameAttribute, 'name') ??
    ownStringAt(view, row.idAttribute, 'id') ??
    unknownValue('the resource has no name attribute');
  const resource: CloudResource = {
    id: view.id,
    iacType: view.type,
    location,
    kind: row.kind,
    dataResourceType: row.dataResourceType,
    arn: arnOf(view, row, account),
    name,
    region: view.region,
    account,
  };
  const links: Link[] = [];
  for (const link of row.links) {
    for (const to of referencesAt(view, link.path)) {
      links.push({ from: view.id, to, relation: link.relation, location });
    }
  }
  return { resource, links };
}
