import type { Policy, PrincipalRef } from '../../model/iam.js';
import type { Reference } from '../../model/resource.js';
import { unknownValue } from '../../model/unknown.js';
import { knownString, type StringValue } from '../../model/value.js';
import { intrinsicName } from './intrinsics.js';
import { isTemplateObject } from './parse-template.js';
import { readPolicyDocument } from './policy-reader.js';
import { asProperties, rawChild, readString, readStringList, toReference } from './property-readers.js';
import { NO_VALUE } from './resolved-value.js';
import type { ExtractionContext, ResourceEntry, SnapshotBuilder } from './resource-entry.js';

/** The IAM types this reader turns into IR entities. */
export const IAM_TYPES = new Set([
  'AWS::IAM::Role',
  'AWS::IAM::Policy',
  'AWS::IAM::ManagedPolicy',
  'AWS::IAM::RolePolicy',
  'AWS::IAM::UserPolicy',
  'AWS::IAM::GroupPolicy',
  'AWS::IAM::User',
  'AWS::IAM::Group',
  'AWS::IAM::AccessKey',
]);

function self(entry: ResourceEntry, attribute: string): StringValue {
  return { parts: [{ ref: entry.base.id, attribute }] };
}

/**
 * A property as written when the properties are a plain mapping (so its lines are known), else as resolved (the
 * whole `Properties` block came from an intrinsic such as `Fn::If`).
 */
function writtenChild(entry: ResourceEntry, key: string): unknown {
  const plain = isTemplateObject(entry.rawProperties) && intrinsicName(entry.rawProperties) === undefined;
  return plain ? rawChild(entry.rawProperties, key) : entry.properties[key];
}

function references(entry: ResourceEntry, key: string, holds: 'arn' | 'name'): Reference[] {
  return readStringList(entry.properties, key).map((value) => toReference(value, holds));
}

function principals(entry: ResourceEntry, key: string, kind: PrincipalRef['kind']): PrincipalRef[] {
  return references(entry, key, 'name').map((ref) => ({ kind, ref }));
}

/**
 * The inline `Policies` of a role, user or group: each a Policy entity attached to its owner, with the lines of
 * its statements.
 */
function readInlinePolicies(
  entry: ResourceEntry,
  owner: PrincipalRef,
  context: ExtractionContext,
  into: SnapshotBuilder,
): void {
  const rawPolicies = rawChild(entry.rawProperties, 'Policies');
  if (rawPolicies === undefined || rawPolicies === null) return;
  if (!Array.isArray(rawPolicies)) {
    context.notes.push({
      message: `${entry.logicalId}: inline Policies are computed (${describeUnresolved(rawPolicies)}) and were not read`,
      ...lineField(context.map.lineOfKey(entry.rawProperties, 'Policies')),
    });
    return;
  }
  for (const [index, rawPolicy] of rawPolicies.entries()) {
    const resolved = context.resolver.resolve(rawPolicy);
    if (resolved === NO_VALUE) continue;
    const properties = asProperties(resolved);
    const name = readString(properties, 'PolicyName') ?? unknownValue('inline policy without a PolicyName');
    const plain = isTemplateObject(rawPolicy) && intrinsicName(rawPolicy) === undefined;
    const line = context.map.lineOfObject(rawPolicy);
    const document = plain
      ? readPolicyDocument(
          rawPolicy.PolicyDocument,
          context,
          context.map.lineOfKey(rawPolicy, 'PolicyDocument'),
        )
      : readPolicyDocument(properties.PolicyDocument ?? null, context, line);
    const policy: Policy = {
      id: `${entry.base.id}/Policies/${knownString(name) ?? String(index)}`,
      iacType: entry.base.iacType,
      location: line === undefined ? { file: context.file } : { file: context.file, line },
      ...(entry.base.conditional ? { conditional: true } : {}),
      kind: 'inline',
      name,
      document,
      attachedTo: [owner],
    };
    into.policies.push(policy);
  }
}

function describeUnresolved(raw: unknown): string {
  return intrinsicName(raw) ?? 'not a list';
}

function lineField(line: number | undefined): { line?: number } {
  return line === undefined ? {} : { line };
}

function readPolicyResource(entry: ResourceEntry, context: ExtractionContext, into: SnapshotBuilder): void {
  const type = entry.base.iacType;
  const props = entry.properties;
  const managed = type === 'AWS::IAM::ManagedPolicy';
  const attachedTo: PrincipalRef[] = [];
  if (type === 'AWS::IAM::RolePolicy') attachedTo.push(...principals(entry, 'RoleName', 'role'));
  else if (type === 'AWS::IAM::UserPolicy') attachedTo.push(...principals(entry, 'UserName', 'user'));
  else if (type === 'AWS::IAM::GroupPolicy') attachedTo.push(...principals(entry, 'GroupName', 'group'));
  else {
    attachedTo.push(...principals(entry, 'Roles', 'role'));
    attachedTo.push(...principals(entry, 'Users', 'user'));
    attachedTo.push(...principals(entry, 'Groups', 'group'));
  }
  const rawDocument = writtenChild(entry, 'PolicyDocument');
  const documentLine = context.map.lineOfKey(entry.rawProperties, 'PolicyDocument');
  const document =
    rawDocument === undefined
      ? unknownValue(`${entry.logicalId} has no PolicyDocument`)
      : readPolicyDocument(rawDocument, context, documentLine);
  const nameKey = managed ? 'ManagedPolicyName' : 'PolicyName';
  into.policies.push({
    ...entry.base,
    kind: managed ? 'managed' : 'inline',
    name: readString(props, nameKey) ?? self(entry, 'name'),
    ...(managed ? { arn: self(entry, 'arn') } : {}),
    document,
    attachedTo,
  });
}

function readRole(entry: ResourceEntry, context: ExtractionContext, into: SnapshotBuilder): void {
  const props = entry.properties;
  const rawTrust = writtenChild(entry, 'AssumeRolePolicyDocument');
  const boundary = readString(props, 'PermissionsBoundary');
  into.roles.push({
    ...entry.base,
    name: readString(props, 'RoleName') ?? self(entry, 'name'),
    arn: self(entry, 'arn'),
    trustPolicy:
      rawTrust === undefined
        ? null
        : readPolicyDocument(
            rawTrust,
            context,
            context.map.lineOfKey(entry.rawProperties, 'AssumeRolePolicyDocument'),
          ),
    managedPolicies: references(entry, 'ManagedPolicyArns', 'arn'),
    permissionsBoundary: boundary === undefined ? null : toReference(boundary, 'arn'),
  });
  readInlinePolicies(entry, { kind: 'role', ref: { id: entry.base.id } }, context, into);
}

function readUser(entry: ResourceEntry, context: ExtractionContext, into: SnapshotBuilder): void {
  const props = entry.properties;
  const boundary = readString(props, 'PermissionsBoundary');
  into.users.push({
    ...entry.base,
    name: readString(props, 'UserName') ?? self(entry, 'name'),
    arn: self(entry, 'arn'),
    groups: references(entry, 'Groups', 'name'),
    managedPolicies: references(entry, 'ManagedPolicyArns', 'arn'),
    permissionsBoundary: boundary === undefined ? null : toReference(boundary, 'arn'),
  });
  readInlinePolicies(entry, { kind: 'user', ref: { id: entry.base.id } }, context, into);
}

function readGroup(entry: ResourceEntry, context: ExtractionContext, into: SnapshotBuilder): void {
  into.groups.push({
    ...entry.base,
    name: readString(entry.properties, 'GroupName') ?? self(entry, 'name'),
    arn: self(entry, 'arn'),
    managedPolicies: references(entry, 'ManagedPolicyArns', 'arn'),
  });
  readInlinePolicies(entry, { kind: 'group', ref: { id: entry.base.id } }, context, into);
}

function readAccessKey(entry: ResourceEntry, into: SnapshotBuilder): void {
  const user = readString(entry.properties, 'UserName') ?? unknownValue('access key without a UserName');
  const status = readString(entry.properties, 'Status');
  into.accessKeys.push({
    ...entry.base,
    user: toReference(user, 'name'),
    active:
      status === undefined
        ? true
        : typeof status === 'string'
          ? status !== 'Inactive'
          : unknownValue('Status is not known yet'),
  });
}

/** Turns one IAM resource of a template into IR entities (a role and its inline policies, a policy, ...). */
export function readIamResource(
  entry: ResourceEntry,
  context: ExtractionContext,
  into: SnapshotBuilder,
): void {
  switch (entry.base.iacType) {
    case 'AWS::IAM::Role':
      return readRole(entry, context, into);
    case 'AWS::IAM::User':
      return readUser(entry, context, into);
    case 'AWS::IAM::Group':
      return readGroup(entry, context, into);
    case 'AWS::IAM::AccessKey':
      return readAccessKey(entry, into);
    default:
      return readPolicyResource(entry, context, into);
  }
}
