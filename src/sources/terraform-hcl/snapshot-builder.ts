import { readAttributePath } from '../../knowledge/attribute-path.js';
import { resourceTypeForTerraform, sinkTypeFor } from '../../knowledge/resource-types.js';
import type { AccessKey, IamUser, Policy, PolicyAttachment, PrincipalRef, Role } from '../../model/iam.js';
import type { SourceLocation } from '../../model/location.js';
import type { CloudResource, Link, Reference } from '../../model/resource.js';
import type { Sink } from '../../model/sink.js';
import { emptySnapshot, type Snapshot } from '../../model/snapshot.js';
import { isUnknown, unknownValue, type Maybe, type Unknown } from '../../model/unknown.js';
import { isSymbolic, type StringValue } from '../../model/value.js';
import { parsePolicyDocument, type StatementLocator } from '../policy-document.js';
import { findStatementLines } from './block-lines.js';
import { isHclObject, type HclObject, type HclValue } from './hcl-value.js';
import { resourceKey } from './module-config.js';
import type { EvaluatedResource } from './module-loader.js';
import { readTerraformSelectors, terraformBoolean } from '../terraform-selectors.js';

function toStringValue(value: HclValue | undefined): StringValue {
  if (typeof value === 'string' || isSymbolic(value) || isUnknown(value)) return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return unknownValue('not a string');
}

function blocks(value: HclValue | undefined): HclObject[] | Unknown {
  if (value === undefined || value === null) return [];
  if (isUnknown(value)) return value;
  const list = Array.isArray(value) ? (value as readonly HclValue[]) : [value];
  return list.filter(isHclObject);
}

/** A value that names another entity: a single reference becomes an id, literals an ARN or a name. */
function toReference(value: HclValue | undefined): Reference | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (isSymbolic(value)) {
    const [only] = value.parts;
    if (value.parts.length === 1 && typeof only === 'object') return { id: only.ref };
    const first = value.parts[0];
    return typeof first === 'string' && first.startsWith('arn:') ? { arn: value } : { name: value };
  }
  const text = toStringValue(value);
  return typeof text === 'string' && text.startsWith('arn:') ? { arn: text } : { name: text };
}

function references(value: HclValue | undefined): Reference[] {
  const list = Array.isArray(value) ? (value as readonly HclValue[]) : [value];
  return list.map(toReference).filter((item): item is Reference => item !== undefined);
}

function own(resource: EvaluatedResource, attribute: string | null, normalised: string): StringValue {
  const value = attribute === null ? undefined : resource.values[attribute];
  if (value === undefined || value === null) return { parts: [{ ref: resource.id, attribute: normalised }] };
  return toStringValue(value);
}

function base(
  resource: EvaluatedResource,
): Pick<CloudResource, 'id' | 'iacType' | 'location' | 'expandedAtApply'> {
  return {
    id: resource.id,
    iacType: resource.type,
    location: resource.location,
    ...(resource.expandedAtApply ? { expandedAtApply: true } : {}),
  };
}

/**
 * Where the statements of a policy attribute are written: the `statement` blocks of the policy-document data
 * source it reads, or the `Statement` list after the attribute inside the resource's own block.
 */
function locateStatements(resource: EvaluatedResource, attribute: string, raw: unknown): StatementLocator {
  const module = resource.module;
  let file = resource.declaration.file;
  let lines: readonly number[] = [];
  const dataName =
    typeof raw === 'string'
      ? /data\.aws_iam_policy_document\.([\w-]+)(?:\[[^\]]*\])?\.(?:minified_)?json/.exec(raw)?.[1]
      : undefined;
  if (dataName !== undefined) {
    const data = module.config.resourcesByKey.get(resourceKey('data', 'aws_iam_policy_document', dataName));
    const span = data?.file.source.blocks.find(
      (block) => block.key === `data.aws_iam_policy_document.${dataName}`,
    );
    if (data !== undefined && span !== undefined) {
      file = data.file;
      lines = findStatementLines(file.source, span.start, span.end)[0] ?? [];
    }
  } else {
    const key = `${resource.mode === 'data' ? 'data' : 'resource'}.${resource.type}.${resource.declaration.name}`;
    const span = file.source.blocks.find((block) => block.key === key);
    if (span !== undefined) {
      const text = file.source.text.slice(span.start, span.end);
      const at = new RegExp(`\\b${attribute}\\s*=`).exec(text);
      if (at !== null) lines = findStatementLines(file.source, span.start + at.index, span.end)[0] ?? [];
    }
  }
  const shown = file.shownPath;
  return (index) => {
    const line = lines[index];
    return line === undefined ? undefined : ({ file: shown, line } satisfies SourceLocation);
  };
}

function document(resource: EvaluatedResource, attribute: string, body?: HclObject, raw?: unknown) {
  const value = (body ?? resource.values)[attribute];
  if (value === undefined || value === null) return null;
  return parsePolicyDocument(
    value,
    locateStatements(resource, attribute, raw ?? resource.declaration.body[attribute]),
  );
}

function buildSink(resource: EvaluatedResource, region: Maybe<string>): Sink | undefined {
  const row = sinkTypeFor(resource.type);
  if (row === undefined) return undefined;
  const awscc = resource.type.startsWith('awscc_');
  const values = resource.values;
  const trail = row.kind === 'trail';
  const logging = trail
    ? terraformBoolean(
        values[awscc ? 'is_logging' : 'enable_logging'],
        awscc ? unknownValue('is_logging not set') : true,
      )
    : awscc
      ? terraformBoolean(values.ingestion_enabled, true)
      : terraformBoolean(
          values.suspend === undefined ? undefined : !(values.suspend === true || values.suspend === 'true'),
          true,
        );
  return {
    ...base(resource),
    kind: row.kind,
    name: own(resource, row.nameAttribute, 'name'),
    logging,
    multiRegion: terraformBoolean(values[trail ? 'is_multi_region_trail' : 'multi_region_enabled'], !trail),
    homeRegion: region,
    organization: terraformBoolean(values[trail ? 'is_organization_trail' : 'organization_enabled'], false),
    account: unknownValue('account not stated in the configuration'),
    ...readTerraformSelectors(values, awscc, (value) => toStringValue(value as HclValue)),
  };
}

function buildCloudResource(
  resource: EvaluatedResource,
  region: Maybe<string>,
  links: Link[],
): CloudResource | undefined {
  const row = resourceTypeForTerraform(resource.type);
  if (row === undefined || resource.mode !== 'managed') return undefined;
  for (const link of row.links) {
    for (const value of readAttributePath(resource.values, link.path)) {
      for (const to of references(value as HclValue)) {
        links.push({ from: resource.id, to, relation: link.relation, location: resource.location });
      }
    }
  }
  const ownRegion = resource.values.region;
  return {
    ...base(resource),
    kind: row.kind,
    dataResourceType: row.dataResourceType,
    arn: own(resource, row.arnAttribute, 'arn'),
    name: own(resource, row.nameAttribute, 'name'),
    region: typeof ownRegion === 'string' ? ownRegion : region,
    account: unknownValue('account not stated in the configuration'),
  };
}

/** Turns evaluated resources into the IR snapshot of one side. */
export function buildSnapshot(resources: readonly EvaluatedResource[], region: Maybe<string>): Snapshot {
  const snapshot = emptySnapshot();
  const cloud: CloudResource[] = [];
  const links: Link[] = [];
  const sinks: Sink[] = [];
  const roles: Role[] = [];
  const policies: Policy[] = [];
  const attachments: PolicyAttachment[] = [];
  const users: IamUser[] = [];
  const accessKeys: AccessKey[] = [];
  for (const resource of resources) {
    if (resource.mode !== 'managed') continue;
    const { values } = resource;
    const sink = buildSink(resource, region);
    if (sink !== undefined) sinks.push(sink);
    const cloudResource = buildCloudResource(resource, region, links);
    if (cloudResource !== undefined) cloud.push(cloudResource);
    const roleRef = (value: HclValue | undefined): PrincipalRef[] =>
      references(value).map((ref) => ({ kind: 'role', ref }));
    switch (resource.type) {
      case 'aws_iam_role':
      case 'awscc_iam_role': {
        const awscc = resource.type === 'awscc_iam_role';
        roles.push({
          ...base(resource),
          name: own(resource, awscc ? 'role_name' : 'name', 'name'),
          arn: own(resource, null, 'arn'),
          trustPolicy: document(resource, awscc ? 'assume_role_policy_document' : 'assume_role_policy'),
          managedPolicies: references(values.managed_policy_arns),
          permissionsBoundary: toReference(values.permissions_boundary) ?? null,
        });
        const inline = blocks(values[awscc ? 'policies' : 'inline_policy']);
        for (const [index, block] of (isUnknown(inline) ? [] : inline).entries()) {
          const key = awscc ? 'policy_document' : 'policy';
          if (block[key] === undefined) continue;
          policies.push({
            ...base(resource),
            id: `${resource.id}/inline/${index}`,
            kind: 'inline',
            name: toStringValue(block[awscc ? 'policy_name' : 'name'] ?? `inline ${index}`),
            document: document(resource, key, block, undefined) ?? { statements: [] },
            attachedTo: [{ kind: 'role', ref: { id: resource.id } }],
          });
        }
        break;
      }
      case 'aws_iam_role_policy':
      case 'awscc_iam_role_policy': {
        const awscc = resource.type === 'awscc_iam_role_policy';
        policies.push({
          ...base(resource),
          kind: 'inline',
          name: own(resource, awscc ? 'policy_name' : 'name', 'name'),
          document:
            document(resource, awscc ? 'policy_document' : 'policy') ?? unknownValue('no policy document'),
          attachedTo: roleRef(values[awscc ? 'role_name' : 'role']),
        });
        break;
      }
      case 'aws_iam_policy':
      case 'awscc_iam_managed_policy': {
        const awscc = resource.type === 'awscc_iam_managed_policy';
        policies.push({
          ...base(resource),
          kind: 'managed',
          name: own(resource, awscc ? 'managed_policy_name' : 'name', 'name'),
          arn: own(resource, null, 'arn'),
          document:
            document(resource, awscc ? 'policy_document' : 'policy') ?? unknownValue('no policy document'),
          attachedTo: awscc ? roleRef(values.roles) : [],
        });
        break;
      }
      case 'aws_iam_role_policy_attachment':
      case 'aws_iam_policy_attachment': {
        const policy = toReference(values.policy_arn);
        const targets =
          resource.type === 'aws_iam_policy_attachment' ? roleRef(values.roles) : roleRef(values.role);
        for (const [index, principal] of targets.entries()) {
          if (policy === undefined) continue;
          attachments.push({
            ...base(resource),
            id: index === 0 ? resource.id : `${resource.id}/${index}`,
            policy,
            principal,
          });
        }
        break;
      }
      case 'aws_iam_user':
        users.push({
          ...base(resource),
          name: own(resource, 'name', 'name'),
          arn: own(resource, null, 'arn'),
          groups: [],
          managedPolicies: [],
          permissionsBoundary: toReference(values.permissions_boundary) ?? null,
        });
        break;
      case 'aws_iam_access_key': {
        const user = toReference(values.user);
        if (user !== undefined) {
          accessKeys.push({
            ...base(resource),
            user,
            active: values.status === undefined ? true : values.status === 'Active',
          });
        }
        break;
      }
      default:
        break;
    }
  }
  return { ...snapshot, resources: cloud, links, sinks, roles, policies, attachments, users, accessKeys };
}
