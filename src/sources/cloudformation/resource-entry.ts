import type { ResourceBase } from '../../model/resource.js';
import type { InputNote, SnapshotDraft } from '../../model/snapshot.js';
import type { Maybe } from '../../model/unknown.js';
import type { IntrinsicResolver } from './intrinsics.js';
import type { TemplateObject } from './parse-template.js';
import type { ResolvedValue } from './resolved-value.js';
import type { SourceMap } from './source-map.js';

/** One resource of a template, with its properties resolved once for every extractor. */
export interface ResourceEntry {
  readonly logicalId: string;
  /** The fields every IR entity of this resource carries (id, type, location, conditional). */
  readonly base: ResourceBase;
  /** `Properties` as written, for finding the lines of nested parts. */
  readonly rawProperties: unknown;
  /** `Properties` with intrinsics resolved; empty when absent or not a mapping. */
  readonly properties: { readonly [key: string]: ResolvedValue };
}

/** What every extractor shares while reading one template. */
export interface ExtractionContext {
  readonly resolver: IntrinsicResolver;
  readonly map: SourceMap;
  /** The path shown in locations. */
  readonly file: string;
  readonly region: Maybe<string>;
  readonly account: Maybe<string>;
  /** Pseudo parameter values the caller knows, for ARNs built from templates. */
  readonly pseudoParameters: Readonly<Record<string, string>>;
  readonly notes: InputNote[];
  readonly resources: TemplateObject;
}

/** A snapshot being filled, one list per entity kind. */
export type SnapshotBuilder = SnapshotDraft;
