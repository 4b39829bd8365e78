import type { AiRole, CoverageStatus } from '../../model/report.js';
import type { SinkKind } from '../../model/sink.js';
import type { StringValue } from '../../model/value.js';
import type { AiResourceEntry } from './ai-resources.js';

const ROLE_WORDS: Readonly<Record<AiRole, string>> = {
  ai: 'AI resource',
  'ai-data': 'AI data store',
  'ai-tool': 'AI tool function',
};

const SINK_WORDS: Readonly<Record<SinkKind, string>> = {
  trail: 'Trail',
  'event-data-store': 'Event data store',
  external: 'External sink',
};

/** "AI data store `id` (AWS::S3::Object)". */
export function describeEntry(entry: AiResourceEntry): string {
  return `${ROLE_WORDS[entry.role]} ${entry.resource.id} (${entry.dataResourceType})`;
}

const STATUS_WORDS: Readonly<Record<CoverageStatus, string>> = {
  full: 'fully logged',
  partial: 'partly logged',
  none: 'not logged',
  unknown: 'of unknown coverage',
};

/** "partly logged (read-only)". */
export function describeStatus(status: CoverageStatus, detail: string | undefined): string {
  const word = STATUS_WORDS[status];
  return detail === undefined || detail === '' ? word : `${word} (${detail})`;
}

/** "Trail `id`". */
export function describeSink(kind: SinkKind, id: string): string {
  return `${SINK_WORDS[kind]} ${id}`;
}

/** A list of ids for a message, cut after a few so that a large stack does not flood it. */
export function listIds(ids: readonly string[], limit = 5): string {
  const shown = ids.slice(0, limit);
  return ids.length > limit ? `${shown.join(', ')} and ${ids.length - limit} more` : shown.join(', ');
}

/** How to record the data events of a resource (or of a few resources of one type), in one sentence. */
export function describeFix(target: {
  readonly dataResourceType: string;
  readonly arn?: StringValue;
  /** Several known ARNs of the type, for one selector that names them all; `arn` wins when both are given. */
  readonly arns?: readonly string[];
}): string {
  const isS3 = target.dataResourceType === 'AWS::S3::Object';
  const arns = typeof target.arn === 'string' ? [target.arn] : (target.arns ?? []);
  const values = arns.map((arn) => (isS3 ? `${arn}/` : arn)).join(', ');
  const arnCondition = arns.length > 0 ? `, resources.ARN ${isS3 ? 'StartsWith' : 'Equals'} ${values}` : '';
  return (
    `To record them, add an advanced event selector (eventCategory Equals Data, resources.type Equals ` +
    `${target.dataResourceType}${arnCondition}) to a logging trail or event data store that covers its region, ` +
    'without readOnly, eventName or other narrowing fields.'
  );
}
