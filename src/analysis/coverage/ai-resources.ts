import type { AiRole } from '../../model/report.js';
import type { CloudResource, LinkRelation, Reference, ResourceKind } from '../../model/resource.js';
import type { Snapshot } from '../../model/snapshot.js';
import { unknownValue } from '../../model/unknown.js';
import { isSymbolic, type StringValue } from '../../model/value.js';

/** A resource whose data events matter to AI, with why it matters. */
export interface AiResourceEntry {
  readonly resource: CloudResource;
  readonly role: AiRole;
  /** The `resources.type` its data events carry. */
  readonly dataResourceType: string;
  /** True when the inputs only reference it by ARN and do not declare it. */
  readonly synthetic: boolean;
}

/** Which kinds a link of each relation may point at, and the role the target takes. */
const LINKED_ROLES: Readonly<
  Partial<Record<LinkRelation, { role: AiRole; kinds: readonly ResourceKind[] }>>
> = {
  'data-source-bucket': { role: 'ai-data', kinds: ['bucket'] },
  'stores-data-in': { role: 'ai-data', kinds: ['bucket', 'table'] },
  'tool-function': { role: 'ai-tool', kinds: ['function'] },
};

const TYPE_BY_KIND: Readonly<Partial<Record<ResourceKind, string>>> = {
  bucket: 'AWS::S3::Object',
  function: 'AWS::Lambda::Function',
  table: 'AWS::DynamoDB::Table',
};

const KIND_BY_SERVICE: Readonly<Record<string, ResourceKind>> = {
  s3: 'bucket',
  lambda: 'function',
  dynamodb: 'table',
};

const ROLE_RANK: Readonly<Record<AiRole, number>> = { ai: 0, 'ai-data': 1, 'ai-tool': 2 };

/** A key that two equal string values share: the literal, or the parts of a symbolic value. Unknowns have none. */
function valueKey(value: StringValue | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string') return `=${value}`;
  return isSymbolic(value) ? `~${JSON.stringify(value.parts)}` : undefined;
}

/** A value that is nothing but a reference to one resource (`${aws_s3_bucket.docs.arn}`) names that resource. */
function referencedId(value: StringValue | undefined): string | undefined {
  if (value === undefined || !isSymbolic(value) || value.parts.length !== 1) return undefined;
  const only = value.parts[0];
  return typeof only === 'object' ? only.ref : undefined;
}

function pushTo(map: Map<string, CloudResource[]>, key: string | undefined, resource: CloudResource): void {
  if (key === undefined) return;
  const list = map.get(key);
  if (list === undefined) map.set(key, [resource]);
  else list.push(resource);
}

/** The resources of a snapshot by id, ARN and name, so that resolving a link does not scan them all. */
export class ResourceIndex {
  private readonly byId = new Map<string, CloudResource>();
  private readonly byArn = new Map<string, CloudResource[]>();
  private readonly byName = new Map<string, CloudResource[]>();

  constructor(resources: readonly CloudResource[]) {
    for (const resource of resources) {
      if (!this.byId.has(resource.id)) this.byId.set(resource.id, resource);
      pushTo(this.byArn, valueKey(resource.arn), resource);
      pushTo(this.byName, valueKey(resource.name), resource);
    }
  }

  /** The resource with this id, if declared. */
  get(id: string): CloudResource | undefined {
    return this.byId.get(id);
  }

  /** Resolves a reference: by id first, then by ARN, then by name, among the resources that fit. */
  resolve(
    reference: Reference,
    fits: (resource: CloudResource) => boolean = () => true,
  ): CloudResource | undefined {
    const byId = (id: string | undefined) => {
      const resource = id === undefined ? undefined : this.byId.get(id);
      return resource !== undefined && fits(resource) ? resource : undefined;
    };
    const byKey = (map: Map<string, CloudResource[]>, value: StringValue | undefined) => {
      const key = valueKey(value);
      return key === undefined ? undefined : map.get(key)?.find(fits);
    };
    return (
      byId(reference.id) ??
      byKey(this.byArn, reference.arn) ??
      byId(referencedId(reference.arn)) ??
      byKey(this.byName, reference.name) ??
      byId(referencedId(reference.name))
    );
  }
}

/** Resolves a reference in a snapshot: by id first, then by ARN, then by name, among the kinds that fit. */
export function resolveReference(
  snapshot: Snapshot,
  reference: Reference,
  fits?: (resource: CloudResource) => boolean,
): CloudResource | undefined {
  return new ResourceIndex(snapshot.resources).resolve(reference, fits);
}

/** A bucket, function or table that the inputs reference by a known ARN but do not declare. */
function syntheticResource(arn: string, kinds: readonly ResourceKind[]): CloudResource | undefined {
  const segments = arn.split(':');
  const kind = segments[0] === 'arn' ? KIND_BY_SERVICE[segments[2] ?? ''] : undefined;
  if (kind === undefined || !kinds.includes(kind)) return undefined;
  const region = segments[3] ?? '';
  const account = segments[4] ?? '';
  return {
    id: arn,
    iacType: 'not declared in the inputs',
    kind,
    dataResourceType: TYPE_BY_KIND[kind] ?? null,
    arn,
    name: segments.slice(5).join(':'),
    region: region === '' ? unknownValue('the ARN names no region') : region,
    account: account === '' ? unknownValue('the ARN names no account') : account,
  };
}

/**
 * Whether a resource is an AI resource or belongs to one: an AI resource itself, or a part (a knowledge-base
 * data source, an agent action group) or alias of one, followed up the chain.
 */
function buildAiMembership(snapshot: Snapshot, index: ResourceIndex): (id: string) => boolean {
  const parentLinks = new Map<string, Reference[]>();
  for (const link of snapshot.links) {
    if (link.relation !== 'part-of' && link.relation !== 'alias-of') continue;
    const list = parentLinks.get(link.from);
    if (list === undefined) parentLinks.set(link.from, [link.to]);
    else list.push(link.to);
  }
  const memo = new Map<string, boolean>();
  const belongs = (id: string, visiting: Set<string>): boolean => {
    const known = memo.get(id);
    if (known !== undefined) return known;
    if (index.get(id)?.kind === 'ai') {
      memo.set(id, true);
      return true;
    }
    if (visiting.has(id)) return false;
    visiting.add(id);
    const result = (parentLinks.get(id) ?? []).some((to) => {
      const parent = index.resolve(to);
      return parent !== undefined && belongs(parent.id, visiting);
    });
    memo.set(id, result);
    return result;
  };
  return (id) => belongs(id, new Set());
}

/**
 * The resources of one snapshot whose data events matter to AI, sorted by id: AI resources with a data-event type
 * of their own, and the buckets, tables and functions that AI resources (or their parts) link to.
 */
export function findAiResources(snapshot: Snapshot): AiResourceEntry[] {
  const entries = new Map<string, AiResourceEntry>();
  const add = (entry: AiResourceEntry) => {
    const existing = entries.get(entry.resource.id);
    if (existing === undefined || ROLE_RANK[entry.role] < ROLE_RANK[existing.role]) {
      entries.set(entry.resource.id, entry);
    }
  };
  for (const resource of snapshot.resources) {
    if (resource.kind === 'ai' && resource.dataResourceType !== null) {
      add({ resource, role: 'ai', dataResourceType: resource.dataResourceType, synthetic: false });
    }
  }
  const index = new ResourceIndex(snapshot.resources);
  const belongsToAi = buildAiMembership(snapshot, index);
  for (const link of snapshot.links) {
    const linked = LINKED_ROLES[link.relation];
    if (linked === undefined || !belongsToAi(link.from)) continue;
    const declared = index.resolve(link.to, (resource) => linked.kinds.includes(resource.kind));
    const arn = link.to.arn;
    const resource = declared ?? (typeof arn === 'string' ? syntheticResource(arn, linked.kinds) : undefined);
    if (resource === undefined) continue;
    const dataResourceType = resource.dataResourceType ?? TYPE_BY_KIND[resource.kind];
    if (dataResourceType === undefined) continue;
    add({ resource, role: linked.role, dataResourceType, synthetic: declared === undefined });
  }
  return [...entries.values()].sort((a, b) =>
    a.resource.id < b.resource.id ? -1 : a.resource.id > b.resource.id ? 1 : 0,
  );
}
