import type { LinkPath, ResourceTypeRow } from './resource-type.js';

// Source: terraform-provider-awscc, contributing/docs/resource-behavior.md ("Resource Type Naming", "Attribute
// Naming", "The id Attribute"). The awscc provider is generated from the CloudFormation registry: a type name is
// `awscc_` + the service part lower-cased + the resource part snake-cased; an attribute is its property's name
// snake-cased; a top-level `Id` property is named `<resource>_id` and a top-level `Provider` `provider_name`,
// since Terraform keeps `id` and `provider` for itself.

/** `GlobalReplicationGroupDescription` -> `global_replication_group_description`, `KMSKeyArn` -> `kms_key_arn`. */
export function snakeCase(name: string): string {
  return name
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase();
}

/** The awscc type of a CloudFormation type: `AWS::Bedrock::FlowAlias` -> `awscc_bedrock_flow_alias`. */
export function awsccTypeName(cloudFormationType: string): string {
  const [, service = '', resource = ''] = cloudFormationType.split('::');
  return `awscc_${service.toLowerCase()}_${snakeCase(resource)}`;
}

/** The awscc spelling of a CloudFormation property path (`ActionGroups[].ActionGroupExecutor.Lambda`). */
function awsccPath(path: string, resource: string): string {
  return path
    .split('.')
    .map((segment, index) => {
      const list = segment.endsWith('[]') ? '[]' : '';
      const name = list === '' ? segment : segment.slice(0, -2);
      if (index === 0 && name === 'Id') return `${snakeCase(resource)}_id${list}`;
      if (index === 0 && name === 'Provider') return `provider_name${list}`;
      return `${snakeCase(name)}${list}`;
    })
    .join('.');
}

/** The awscc row of a CloudFormation row: the same resource, read from the same properties in awscc's spelling. */
export function awsccRow(row: ResourceTypeRow): ResourceTypeRow {
  const resource = row.iacType.split('::')[2] ?? '';
  const path = (value: string | null): string | null => (value === null ? null : awsccPath(value, resource));
  const { ref: _ref, awscc: _awscc, arnParts, ...shared } = row;
  return {
    ...shared,
    iacType: awsccTypeName(row.iacType),
    flavour: 'terraform-awscc',
    arnAttribute: path(row.arnAttribute),
    nameAttribute: path(row.nameAttribute),
    idAttribute: path(row.idAttribute),
    ...(arnParts === undefined
      ? {}
      : {
          arnParts: Object.fromEntries(
            Object.entries(arnParts).map(([placeholder, value]) => [placeholder, awsccPath(value, resource)]),
          ),
        }),
    links: row.links.map((link): LinkPath => ({ ...link, path: awsccPath(link.path, resource) })),
  };
}
