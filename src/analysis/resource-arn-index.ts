import type { CloudResource } from '../model/resource.js';
import type { Snapshot } from '../model/snapshot.js';
import { describeValue } from '../model/value.js';

/** One declared resource with its ARN text in lower case, as the index compares them. */
interface Entry {
  readonly resource: CloudResource;
  readonly key: string;
  readonly order: number;
}

/** The resources of one data-event type, sorted by ARN, plus those whose ARN text holds a wildcard. */
interface TypeIndex {
  readonly all: readonly CloudResource[];
  readonly sorted: readonly Entry[];
  readonly byKey: ReadonlyMap<string, readonly Entry[]>;
  readonly wild: readonly Entry[];
}

/**
 * Finds the declared resources of a data-event type that a policy resource pattern may reach, without comparing the
 * pattern with every resource: every string a pattern matches starts with its literal prefix (the text before its
 * first wildcard), so only ARNs that start with that prefix, or that the prefix starts with, can overlap it. The
 * answer is a superset, in snapshot order; callers still apply their exact test. Comparison ignores case, so that
 * callers that fold SageMaker ARNs to lower case get a superset too.
 */
export class ResourceArnIndex {
  private readonly types = new Map<string, TypeIndex>();

  constructor(resources: readonly CloudResource[]) {
    const grouped = new Map<string, Entry[]>();
    resources.forEach((resource, order) => {
      if (resource.dataResourceType === null) return;
      let list = grouped.get(resource.dataResourceType);
      if (list === undefined) grouped.set(resource.dataResourceType, (list = []));
      list.push({ resource, key: describeValue(resource.arn).toLowerCase(), order });
    });
    for (const [type, entries] of grouped) {
      const byKey = new Map<string, Entry[]>();
      for (const entry of entries) {
        let same = byKey.get(entry.key);
        if (same === undefined) byKey.set(entry.key, (same = []));
        same.push(entry);
      }
      this.types.set(type, {
        all: entries.map((entry) => entry.resource),
        sorted: [...entries].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.order - b.order)),
        byKey,
        wild: entries.filter((entry) => entry.key.includes('*') || entry.key.includes('?')),
      });
    }
  }

  /** Every declared resource of the type, in snapshot order. */
  resourcesOf(type: string): readonly CloudResource[] {
    return this.types.get(type)?.all ?? [];
  }

  /**
   * The resources of the type whose ARN, or whose ARN followed by `/` and more, may overlap the pattern. A pattern
   * that starts with a wildcard, or whose prefix is not plain ASCII, gets every resource of the type.
   */
  candidatesFor(type: string, pattern: string): readonly CloudResource[] {
    const index = this.types.get(type);
    if (index === undefined) return [];
    const cut = firstWildcard(pattern);
    const prefix = pattern.slice(0, cut).toLowerCase();
    // eslint-disable-next-line no-control-regex
    if (prefix === '' || /[^\x00-\x7f]/.test(prefix)) return index.all;
    const found = new Map<number, Entry>();
    for (let at = lowerBound(index.sorted, prefix); at < index.sorted.length; at += 1) {
      const entry = index.sorted[at];
      if (entry === undefined || !entry.key.startsWith(prefix)) break;
      found.set(entry.order, entry);
    }
    // A resource's ARN that is itself a prefix of the pattern's, ending where the pattern goes on with `/`: an
    // S3 bucket whose objects (`bucket/*`) the pattern names.
    for (let slash = prefix.indexOf('/'); slash >= 0; slash = prefix.indexOf('/', slash + 1)) {
      for (const entry of index.byKey.get(prefix.slice(0, slash)) ?? []) found.set(entry.order, entry);
    }
    for (const entry of index.wild) found.set(entry.order, entry);
    return [...found.values()].sort((a, b) => a.order - b.order).map((entry) => entry.resource);
  }
}

function firstWildcard(pattern: string): number {
  const star = pattern.indexOf('*');
  const one = pattern.indexOf('?');
  if (star < 0) return one < 0 ? pattern.length : one;
  return one < 0 ? star : Math.min(star, one);
}

function lowerBound(sorted: readonly Entry[], key: string): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((sorted[middle]?.key ?? '') < key) low = middle + 1;
    else high = middle;
  }
  return low;
}

const indexes = new WeakMap<readonly CloudResource[], ResourceArnIndex>();

/** The ARN index of a snapshot's resources, built once per resource list. */
export function resourceArnIndexOf(snapshot: Snapshot): ResourceArnIndex {
  let index = indexes.get(snapshot.resources);
  if (index === undefined) {
    index = new ResourceArnIndex(snapshot.resources);
    indexes.set(snapshot.resources, index);
  }
  return index;
}
