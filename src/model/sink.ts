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
export type SelectorOperator = (typeof SELECTOR_OPERATORS)[number];

/** One field condition of an advanced event selector. Absent operators impose nothing. */
export interface FieldSelector {
  /** `eventCategory`, `resources.type`, `resources.ARN`, `readOnly`, `eventName`, `eventSource`, ... */
  readonly field: string;
  readonly operators: Partial<Record<SelectorOperator, readonly StringValue[]>>;
}

/** An advanced event selector: its field selectors all hold (AND). */
export interface AdvancedSelector {
  readonly name?: string;
  readonly fieldSelectors: readonly FieldSelector[];
  readonly line?: number;
}

/** A basic (classic) event selector. */
export interface BasicSelector {
  readonly readWriteType: Maybe<'ReadOnly' | 'WriteOnly' | 'All'>;
  readonly includeManagementEvents: Maybe<boolean>;
  /** Only `AWS::S3::Object`, `AWS::Lambda::Function` and `AWS::DynamoDB::Table` are valid types. */
  readonly dataResources: readonly { readonly type: string; readonly values: readonly StringValue[] }[];
  readonly excludeManagementEventSources: readonly StringValue[];
  readonly line?: number;
}

/** Where events end up: a trail, an event data store, or a sink declared in the config. */
export type SinkKind = 'trail' | 'event-data-store' | 'external';

/**
 * A trail or event data store. Selectors: a trail has basic or advanced selectors, never both; with neither it
 * records all management events and no data events. An event data store has only advanced selectors.
 */
export interface Sink extends ResourceBase {
  readonly kind: SinkKind;
  readonly name: StringValue;
  /** Trail `enable_logging`/`IsLogging`; for a store, ingestion enabled and not suspended. */
  readonly logging: Maybe<boolean>;
  readonly multiRegion: Maybe<boolean>;
  /** The home region (where it was created); Unknown when the provider region is unknown. */
  readonly homeRegion: Maybe<string>;
  readonly organization: Maybe<boolean>;
  readonly account: Maybe<string>;
  /** Null when the sink has no basic selectors. */
  readonly basicSelectors: readonly BasicSelector[] | null;
  /** Null when the sink has no advanced selectors; Unknown when they are computed (known after apply). */
  readonly advancedSelectors: readonly AdvancedSelector[] | Unknown | null;
}
