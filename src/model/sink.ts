import type { ResourceBase } from './resource.js';
import type { Maybe, Unknown } from './unknown.js';
import type { StringValue } from './value.js';

/** The six advanced-selector operators, in CloudFormation's spelling. */
export const SELECTOR_OPERATORS = [
  'Equals',
  'NotEquals',
  'StartsWith',
  'NotStartsWith',
  'EndsWith',
  'NotEndsWith',
] as const;
/** One advanced-selector operator. */
export type SelectorOperator = (typeof SELECTOR_OPERATORS)[number];

/** One field condition of an advanced event selector. Absent operators impose nothing. */
export interface FieldSelector {
  /** `eventCategory`, `resources.type`, `resources.ARN`, `readOnly`, `eventName`, `eventSource`, ... */
  readonly field: string;
  /** The values per operator; positive operators OR their values, any matching negative value excludes. */
  readonly operators: Partial<Record<SelectorOperator, readonly StringValue[]>>;
}

/** An advanced event selector: its field selectors all hold (AND). */
export interface AdvancedSelector {
  /** The selector's `Name`, shown to reviewers. */
  readonly name?: string;
  /** The field conditions, all of which must hold. */
  readonly fieldSelectors: readonly FieldSelector[];
  /** The 1-based line the selector is declared on, when the source knows. */
  readonly line?: number;
}

/** A basic (classic) event selector. */
export interface BasicSelector {
  /** Which data events it records: reads, writes, or both. */
  readonly readWriteType: Maybe<'ReadOnly' | 'WriteOnly' | 'All'>;
  /** Whether it records management events (where Bedrock model invocations are). */
  readonly includeManagementEvents: Maybe<boolean>;
  /** Only `AWS::S3::Object`, `AWS::Lambda::Function` and `AWS::DynamoDB::Table` are valid types. */
  readonly dataResources: readonly { readonly type: string; readonly values: readonly StringValue[] }[];
  /** Event sources left out of the management events it records. */
  readonly excludeManagementEventSources: readonly StringValue[];
  /** The 1-based line the selector is declared on, when the source knows. */
  readonly line?: number;
}

/** Where events end up: a trail, an event data store, or a sink declared in the config. */
export type SinkKind = 'trail' | 'event-data-store' | 'external';

/**
 * A trail or event data store. Selectors: a trail has basic or advanced selectors, never both; with neither it
 * records all management events and no data events. An event data store has only advanced selectors.
 */
export interface Sink extends ResourceBase {
  /** A trail, an event data store, or a sink declared in the config. */
  readonly kind: SinkKind;
  /** Its name, for people and for linking by name. */
  readonly name: StringValue;
  /** Trail `enable_logging`/`IsLogging`; for a store, ingestion enabled and not suspended. */
  readonly logging: Maybe<boolean>;
  /** Whether it records events of every region, not only its home region. */
  readonly multiRegion: Maybe<boolean>;
  /** The home region (where it was created); Unknown when the provider region is unknown. */
  readonly homeRegion: Maybe<string>;
  /** Whether it records the events of every account in the organisation. */
  readonly organization: Maybe<boolean>;
  /** The account it lives in; Unknown when the input does not say. */
  readonly account: Maybe<string>;
  /** Null when the sink has no basic selectors. */
  readonly basicSelectors: readonly BasicSelector[] | null;
  /** Null when the sink has no advanced selectors; Unknown when they are computed (known after apply). */
  readonly advancedSelectors: readonly AdvancedSelector[] | Unknown | null;
}
