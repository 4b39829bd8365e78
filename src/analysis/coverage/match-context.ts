import type { CloudResource } from '../../model/resource.js';
import type { Snapshot } from '../../model/snapshot.js';
import type { AttributeRef } from '../../model/value.js';
import { arnServiceOf } from './arn-service.js';

/** What matching needs to know about the snapshot: values and services behind attribute references. */
export interface MatchContext {
  /** The literal value of a referenced attribute, when the snapshot knows it. */
  readonly resolve: (ref: AttributeRef) => string | undefined;
  /** The ARN service of the resource an `arn` reference points at. */
  readonly serviceOf: (ref: AttributeRef) => string | undefined;
}

const SERVICE_BY_KIND: Readonly<Partial<Record<CloudResource['kind'], string>>> = {
  bucket: 's3',
  function: 'lambda',
  table: 'dynamodb',
};

/** A context with no knowledge: every reference stays symbolic. */
export const EMPTY_CONTEXT: MatchContext = { resolve: () => undefined, serviceOf: () => undefined };

/**
 * Contexts already built, by the resource list they index. Blind-spot and reach checks ask for the context of the
 * same snapshot once per role and target; rebuilding the index each time made them quadratic.
 */
const built = new WeakMap<readonly CloudResource[], MatchContext>();

/** Builds the matching context of one snapshot from its resources, once per resource list. */
export function buildMatchContext(snapshot: Snapshot): MatchContext {
  let context = built.get(snapshot.resources);
  if (context === undefined) {
    context = indexResources(snapshot.resources);
    built.set(snapshot.resources, context);
  }
  return context;
}

function indexResources(resources: readonly CloudResource[]): MatchContext {
  const byId = new Map(resources.map((resource) => [resource.id, resource]));
  return {
    resolve(ref) {
      const resource = byId.get(ref.ref);
      if (resource === undefined) return undefined;
      if (ref.attribute === 'arn' && typeof resource.arn === 'string') return resource.arn;
      if (ref.attribute === 'name' && typeof resource.name === 'string') return resource.name;
      return undefined;
    },
    serviceOf(ref) {
      const resource = byId.get(ref.ref);
      if (resource === undefined || ref.attribute !== 'arn') return undefined;
      if (resource.dataResourceType !== null) return arnServiceOf(resource.dataResourceType);
      return SERVICE_BY_KIND[resource.kind];
    },
  };
}
