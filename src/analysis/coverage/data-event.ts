import type { Maybe } from '../../model/unknown.js';
import type { StringValue } from '../../model/value.js';

/**
 * An abstract data event: every event of one resource type on the resources an ARN names. `readOnly: 'any'`
 * stands for read and write events alike; an absent eventName or eventSource stands for any.
 */
export interface DataEvent {
  /** The CloudTrail `resources.type`, `AWS::Bedrock::AgentAlias`. */
  readonly dataResourceType: string;
  /** The resource ARN; an S3 bucket ARN stands for all its objects, a trailing `*` for every ARN it prefixes. */
  readonly arn: StringValue;
  readonly readOnly: boolean | 'any';
  readonly eventName?: string;
  readonly eventSource?: string;
  /** Where the resource lives; absent or Unknown makes a single-region sink's answer unknown. */
  readonly region?: Maybe<string>;
  /** The account; absent or Unknown is taken as the sink's own account. */
  readonly account?: Maybe<string>;
}

/** Any event a selector may be asked about: a data event, or a management event of one event source. */
export interface EventDescription {
  readonly eventCategory: 'Data' | 'Management';
  readonly dataResourceType?: string;
  readonly arn?: StringValue;
  readonly readOnly: boolean | 'any';
  readonly eventName?: string;
  readonly eventSource?: string;
}

/** Describes a data event for the selector matchers. */
export function describeDataEvent(event: DataEvent): EventDescription {
  return { ...event, eventCategory: 'Data' };
}
