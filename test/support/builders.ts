import type { Policy, PolicyDocument, PolicyStatement, Role } from '../../src/model/iam.js';
import type { CloudResource, Link, LinkRelation, Reference } from '../../src/model/resource.js';
import type {
  AdvancedSelector,
  BasicSelector,
  FieldSelector,
  SelectorOperator,
  Sink,
} from '../../src/model/sink.js';
import { emptySnapshot, type Snapshot } from '../../src/model/snapshot.js';
import type { Maybe } from '../../src/model/unknown.js';
import type { AttributeRef, StringValue } from '../../src/model/value.js';

/** A field selector: `field('resources.type', { Equals: ['AWS::Bedrock::AgentAlias'] })`. */
export function field(
  name: string,
  operators: Partial<Record<SelectorOperator, readonly StringValue[]>>,
): FieldSelector {
  return { field: name, operators };
}

/** An advanced selector from its field selectors. */
export function advancedSelector(...fieldSelectors: FieldSelector[]): AdvancedSelector {
  return { fieldSelectors };
}

/** The usual data selector: eventCategory Data, one resources.type, and any further field selectors. */
export function dataSelector(dataResourceType: string, ...more: FieldSelector[]): AdvancedSelector {
  return advancedSelector(
    field('eventCategory', { Equals: ['Data'] }),
    field('resources.type', { Equals: [dataResourceType] }),
    ...more,
  );
}

/** The management selector: eventCategory Management, and any further field selectors. */
export function managementSelector(...more: FieldSelector[]): AdvancedSelector {
  return advancedSelector(field('eventCategory', { Equals: ['Management'] }), ...more);
}

/** A basic (classic) selector; defaults: All, management events included, no data resources. */
export function basicSelector(overrides: Partial<BasicSelector> = {}): BasicSelector {
  return {
    readWriteType: 'All',
    includeManagementEvents: true,
    dataResources: [],
    excludeManagementEventSources: [],
    ...overrides,
  };
}

/** A trail: logging, multi-region, in us-east-1 of account 111111111111, with no selectors unless given. */
export function trail(id: string, overrides: Partial<Sink> = {}): Sink {
  return {
    id,
    iacType: 'aws_cloudtrail',
    kind: 'trail',
    name: id,
    logging: true,
    multiRegion: true,
    homeRegion: 'us-east-1',
    organization: false,
    account: '111111111111',
    basicSelectors: null,
    advancedSelectors: null,
    ...overrides,
  };
}

/** An event data store, with the same defaults as `trail()`. */
export function eventDataStore(id: string, overrides: Partial<Sink> = {}): Sink {
  return trail(id, { iacType: 'aws_cloudtrail_event_data_store', kind: 'event-data-store', ...overrides });
}

/** A sink declared in the config. */
export function externalSink(id: string, overrides: Partial<Sink> = {}): Sink {
  return trail(id, { iacType: 'config:externalSinks', kind: 'external', ...overrides });
}

/** An attribute reference, for symbolic values. */
export function ref(id: string, attribute = 'arn'): AttributeRef {
  return { ref: id, attribute };
}

/** A symbolic string: `sym(ref('Stack/Bucket'), '/')`. */
export function sym(...parts: (string | AttributeRef)[]): StringValue {
  return { parts };
}

function cloudResource(
  id: string,
  kind: CloudResource['kind'],
  dataResourceType: string | null,
  arn: StringValue,
  overrides: Partial<CloudResource>,
): CloudResource {
  return {
    id,
    iacType: 'test',
    kind,
    dataResourceType,
    arn,
    name: id,
    region: 'us-east-1' as Maybe<string>,
    account: '111111111111' as Maybe<string>,
    ...overrides,
  };
}

/** An AI resource of a data-event type (null: one with no data events of its own, such as an agent). */
export function aiResource(
  id: string,
  dataResourceType: string | null,
  arn: StringValue,
  overrides: Partial<CloudResource> = {},
): CloudResource {
  return cloudResource(id, 'ai', dataResourceType, arn, overrides);
}

/** An S3 bucket; its ARN defaults to `arn:aws:s3:::<name>` with the last segment of the id as name. */
export function bucket(id: string, overrides: Partial<CloudResource> = {}): CloudResource {
  const name = id.split(/[./]/).pop() ?? id;
  return cloudResource(id, 'bucket', 'AWS::S3::Object', `arn:aws:s3:::${name}`, { name, ...overrides });
}

/** A Lambda function in us-east-1 of account 111111111111. */
export function lambdaFunction(id: string, overrides: Partial<CloudResource> = {}): CloudResource {
  const name = id.split(/[./]/).pop() ?? id;
  return cloudResource(
    id,
    'function',
    'AWS::Lambda::Function',
    `arn:aws:lambda:us-east-1:111111111111:function:${name}`,
    { name, ...overrides },
  );
}

/** A DynamoDB table in us-east-1 of account 111111111111. */
export function table(id: string, overrides: Partial<CloudResource> = {}): CloudResource {
  const name = id.split(/[./]/).pop() ?? id;
  return cloudResource(
    id,
    'table',
    'AWS::DynamoDB::Table',
    `arn:aws:dynamodb:us-east-1:111111111111:table/${name}`,
    { name, ...overrides },
  );
}

/** A link; `to` is an id, or a Reference by ARN or name. */
export function link(from: string, relation: LinkRelation, to: string | Reference): Link {
  return { from, relation, to: typeof to === 'string' ? { id: to } : to };
}

/** An IAM role with an optional trust policy. */
export function role(id: string, overrides: Partial<Role> = {}): Role {
  const name = id.split(/[./]/).pop() ?? id;
  return {
    id,
    iacType: 'aws_iam_role',
    name,
    arn: `arn:aws:iam::111111111111:role/${name}`,
    trustPolicy: null,
    managedPolicies: [],
    permissionsBoundary: null,
    ...overrides,
  };
}

/** A policy document from statements. */
export function policyDocument(...statements: PolicyStatement[]): PolicyDocument {
  return { statements };
}

/** An inline policy attached to a role. */
export function policy(
  id: string,
  roleId: string,
  document: PolicyDocument,
  overrides: Partial<Policy> = {},
): Policy {
  return {
    id,
    iacType: 'aws_iam_role_policy',
    kind: 'inline',
    name: id.split(/[./]/).pop() ?? id,
    document,
    attachedTo: [{ kind: 'role', ref: { id: roleId } }],
    ...overrides,
  };
}

/** A snapshot from parts; everything not given is empty. */
export function snapshot(parts: Partial<Snapshot> = {}): Snapshot {
  return { ...emptySnapshot(), ...parts };
}
