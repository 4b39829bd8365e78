import type { Role } from '../../model/iam.js';
import type { CloudResource, Link, LinkRelation } from '../../model/resource.js';
import type { Snapshot } from '../../model/snapshot.js';
import { describeReference, indexEntities, resolveReference } from '../permissions/resolve.js';

/** The relations a workload's `uses` lists: the tools, knowledge bases and data stores it works with. */
export const USE_RELATIONS = [
  'tool-function',
  'uses-knowledge-base',
  'data-source-bucket',
  'stores-data-in',
] as const satisfies readonly LinkRelation[];

/** One of the relations a workload's `uses` lists. */
export type UseRelation = (typeof USE_RELATIONS)[number];

/** A resource a workload uses, by the id it has in the inputs or, when not declared there, its ARN or name. */
export interface WorkloadUse {
  readonly relation: UseRelation;
  readonly id: string;
}

/** An AI resource, or a Lambda function an AI resource calls, together with the roles it runs as. */
export interface Workload {
  readonly resource: CloudResource;
  readonly roles: readonly Role[];
  readonly uses: readonly WorkloadUse[];
}

function isUseRelation(relation: LinkRelation): relation is UseRelation {
  return (USE_RELATIONS as readonly string[]).includes(relation);
}

/**
 * Finds the AI workloads of a snapshot: AI resources that run as a role, and Lambda functions that an AI resource
 * (or a part of one, such as an action group) calls as a tool. Links from a resource's parts (an action group of an
 * agent, a data source of a knowledge base) count as the resource's own.
 */
export function findWorkloads(snapshot: Snapshot): Workload[] {
  const resources = indexEntities(snapshot.resources);
  const roles = indexEntities(snapshot.roles);
  const ownerOf = new Map<string, string>();
  for (const link of snapshot.links) {
    if (link.relation !== 'part-of') continue;
    const parent = resolveReference(link.to, resources);
    if (parent) ownerOf.set(link.from, parent.id);
  }
  const linksOf = new Map<string, Link[]>();
  for (const link of snapshot.links) {
    const owner = link.relation === 'execution-role' ? link.from : (ownerOf.get(link.from) ?? link.from);
    const list = linksOf.get(owner) ?? [];
    list.push(link);
    linksOf.set(owner, list);
  }
  const tools = new Set<string>();
  for (const [owner, links] of linksOf) {
    if (resources.byId.get(owner)?.kind !== 'ai') continue;
    for (const link of links) {
      const target = link.relation === 'tool-function' ? resolveReference(link.to, resources) : undefined;
      if (target) tools.add(target.id);
    }
  }
  const workloads: Workload[] = [];
  for (const resource of snapshot.resources) {
    if (resource.kind !== 'ai' && !(resource.kind === 'function' && tools.has(resource.id))) continue;
    const links = linksOf.get(resource.id) ?? [];
    const runsAs = links
      .filter((link) => link.relation === 'execution-role' && link.from === resource.id)
      .map((link) => resolveReference(link.to, roles))
      .filter((role): role is Role => role !== undefined);
    if (runsAs.length === 0) continue;
    const uses = new Map<string, WorkloadUse>();
    for (const link of links) {
      if (!isUseRelation(link.relation)) continue;
      const id = resolveReference(link.to, resources)?.id ?? describeReference(link.to);
      uses.set(`${link.relation}\u0000${id}`, { relation: link.relation, id });
    }
    workloads.push({
      resource,
      roles: [...new Map(runsAs.map((role) => [role.id, role])).values()],
      uses: [...uses.values()],
    });
  }
  return workloads;
}
