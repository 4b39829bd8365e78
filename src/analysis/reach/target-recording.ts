import { dataEventType } from '../../knowledge/data-event-types.js';
import type { ReachRecording } from '../../model/report.js';
import type { CloudResource } from '../../model/resource.js';
import type { Sink } from '../../model/sink.js';
import type { Snapshot } from '../../model/snapshot.js';
import type { Maybe } from '../../model/unknown.js';
import { describeValue } from '../../model/value.js';
import { unite, type Match } from '../coverage/admission.js';
import { recordsEvent } from '../coverage/index.js';
import { buildMatchContext } from '../coverage/match-context.js';
import { matchSinkManagement } from '../coverage/sink-match.js';
import type { ResourcePart } from '../permissions/grant.js';
import { coversPattern, hasWildcard, overlapsPattern } from '../permissions/wildcard.js';
import { resourceArnIndexOf } from '../resource-arn-index.js';

/** How the sinks of one side record the events of one access on one target. */
export interface TargetRecording {
  readonly recording: ReachRecording;
  readonly recordedBy: readonly string[];
  /** Declared resources the target reaches (for data events), the first few in order. */
  readonly resources: readonly string[];
  /** How many declared resources it reaches in all, when more than `resources` lists. */
  readonly resourceCount?: number;
  readonly detail?: string;
}

/**
 * How many reached resource ids a target keeps; the count gives the rest. A wildcard grant of a large plan reaches
 * tens of thousands of resources, shared by every role that holds it: only a sample is worth its memory.
 */
export const MAX_LISTED_TARGET_RESOURCES = 20;

/** The sinks and snapshot one side is judged by. */
export interface RecordingScope {
  readonly snapshot: Snapshot;
  /** Every sink that may record: the snapshot's own, then the external ones. */
  readonly sinks: readonly Sink[];
  /** Only the sinks kept outside the inputs, for `recordsEvent`, which adds the snapshot's own. */
  readonly externalSinks: readonly Sink[];
}

function arnsOf(resource: CloudResource): string[] {
  const arn = describeValue(resource.arn);
  // A grant on the bucket reaches its listing, a grant on `bucket/*` its objects: both are the bucket's data.
  return resource.dataResourceType === 'AWS::S3::Object' ? [arn, `${arn}/*`] : [arn];
}

function reaches(part: ResourcePart, resource: CloudResource): boolean {
  if (part.kind === 'opaque') return false;
  // SageMaker writes names in lower case in its ARNs.
  const fold = (text: string) => (text.includes(':sagemaker:') ? text.toLowerCase() : text);
  return arnsOf(resource).some((arn) =>
    part.kind === 'not'
      ? !part.patterns.some((excluded) => coversPattern(fold(excluded), fold(arn)))
      : overlapsPattern(fold(part.pattern), fold(arn)),
  );
}

/** What a scope has already answered: the same resources and events come up for every role of a workload. */
interface ScopeMemo {
  /** Declared resources of a data-event type that a resource part reaches, by type and part. */
  readonly reached: Map<string, readonly CloudResource[]>;
  /** Recordings by data-event type, ARN (or resource id), read-only flag, region and account. */
  readonly recordings: Map<string, ReturnType<typeof recordsEvent>>;
  /** Whole answers of `recordDataTarget` and `recordManagementTarget`: roles repeat the same patterns. */
  readonly targets: Map<string, TargetRecording>;
}

const memos = new WeakMap<RecordingScope, ScopeMemo>();

function memoOf(scope: RecordingScope): ScopeMemo {
  let memo = memos.get(scope);
  if (memo === undefined) {
    memo = { reached: new Map(), recordings: new Map(), targets: new Map() };
    memos.set(scope, memo);
  }
  return memo;
}

/** The declared resources of a type that a part reaches, computed once per scope, type and part. */
function keyOfPart(part: ResourcePart): string {
  return part.kind === 'pattern'
    ? `p:${part.pattern}`
    : part.kind === 'not'
      ? `n:${part.patterns.join('\n')}`
      : `o:${part.text}`;
}

function reachedResources(scope: RecordingScope, part: ResourcePart, type: string): readonly CloudResource[] {
  const key = `${type}\u0000${keyOfPart(part)}`;
  const memo = memoOf(scope);
  let reached = memo.reached.get(key);
  if (reached === undefined) {
    const index = resourceArnIndexOf(scope.snapshot);
    const candidates =
      part.kind === 'pattern' ? index.candidatesFor(type, part.pattern) : index.resourcesOf(type);
    reached = candidates.filter((resource) => reaches(part, resource));
    memo.reached.set(key, reached);
  }
  return reached;
}

/** `recordsEvent` for one scope, answered once per distinct event. */
function recordOnce(
  scope: RecordingScope,
  key: string,
  event: Parameters<typeof recordsEvent>[2],
): ReturnType<typeof recordsEvent> {
  const memo = memoOf(scope);
  let answer = memo.recordings.get(key);
  if (answer === undefined) {
    answer = recordsEvent(scope.snapshot, scope.externalSinks, event);
    memo.recordings.set(key, answer);
  }
  return answer;
}

function arnField(pattern: string, index: number): string | undefined {
  const value = pattern.split(':')[index];
  return value === undefined || value === '' || hasWildcard(value) ? undefined : value;
}

function fromAnswers(
  answers: readonly {
    recorded: boolean | 'unknown';
    partial: boolean;
    by: readonly string[];
    detail?: string;
  }[],
  resources: readonly string[],
): TargetRecording {
  const statuses = new Set<ReachRecording>(
    answers.map((answer) =>
      answer.partial
        ? 'partial'
        : answer.recorded === true
          ? 'recorded'
          : answer.recorded === false
            ? 'not-recorded'
            : 'unknown',
    ),
  );
  let recording: ReachRecording;
  if (statuses.size === 1) recording = [...statuses][0]!;
  else if (!statuses.has('not-recorded') && !statuses.has('partial')) recording = 'unknown';
  else recording = 'partial';
  const details = [...new Set(answers.map((answer) => answer.detail).filter((d): d is string => !!d))];
  return {
    recording,
    recordedBy: [...new Set(answers.flatMap((answer) => answer.by))].sort(),
    resources: [...resources].sort().slice(0, MAX_LISTED_TARGET_RESOURCES),
    ...(resources.length > MAX_LISTED_TARGET_RESOURCES ? { resourceCount: resources.length } : {}),
    ...(details.length > 0 && recording !== 'recorded' ? { detail: details.join('; ') } : {}),
  };
}

/**
 * A caller's trail records its own principals' data events on another account's bucket (the CloudTrail API
 * reference on DataResource values), so a recording can come only from sinks outside the resource's account. The
 * owner then has no record of who reads its data: that is reported as partial, saying which account is blind.
 */
function withOwnerCheck(
  scope: RecordingScope,
  resource: CloudResource,
  answer: ReturnType<typeof recordsEvent>,
): Parameters<typeof fromAnswers>[0][number] {
  const owner = resource.account;
  if (typeof owner !== 'string' || answer.by.length === 0) return answer;
  const sinks = new Map(scope.sinks.map((sink) => [sink.id, sink]));
  const ownerSees = answer.by.some((id) => {
    const sink = sinks.get(id);
    return (
      sink === undefined ||
      sink.organization === true ||
      typeof sink.account !== 'string' ||
      sink.account === owner
    );
  });
  if (ownerSees) return answer;
  return {
    ...answer,
    recorded: 'unknown',
    partial: true,
    detail: `recorded only by sinks of another account (${answer.by.join(', ')}); no sink of the owning account ${owner} records it`,
  };
}

/**
 * How the sinks record data events of the given types on what a grant's resource part reaches: each declared
 * resource it reaches is asked about; where it reaches none, the pattern itself stands for the resources.
 */
export function recordDataTarget(
  scope: RecordingScope,
  part: ResourcePart,
  dataResourceTypes: readonly string[],
  readOnly: boolean,
): TargetRecording {
  const memo = memoOf(scope);
  const key = `d\u0000${dataResourceTypes.join(',')}\u0000${keyOfPart(part)}\u0000${readOnly}`;
  let recording = memo.targets.get(key);
  if (recording === undefined) {
    recording = recordDataTargetUncached(scope, part, dataResourceTypes, readOnly);
    memo.targets.set(key, recording);
  }
  return recording;
}

function recordDataTargetUncached(
  scope: RecordingScope,
  part: ResourcePart,
  dataResourceTypes: readonly string[],
  readOnly: boolean,
): TargetRecording {
  if (part.kind === 'opaque') {
    return {
      recording: 'unknown',
      recordedBy: [],
      resources: [],
      detail: `the resource ${part.text} is not known`,
    };
  }
  const answers: Parameters<typeof fromAnswers>[0][number][] = [];
  const resources: string[] = [];
  for (const type of dataResourceTypes) {
    const declared = reachedResources(scope, part, type);
    for (const resource of declared) {
      resources.push(resource.id);
      const answer = recordOnce(scope, `r\u0000${type}\u0000${resource.id}\u0000${readOnly}`, {
        dataResourceType: type,
        arn: resource.arn,
        readOnly,
        region: resource.region,
        account: resource.account,
      });
      answers.push(withOwnerCheck(scope, resource, answer));
    }
    if (declared.length > 0) continue;
    const pattern = part.kind === 'pattern' ? part.pattern : '*';
    // Only a pattern that could name this type's resources stands for them.
    const service = arnField(pattern, 2);
    const typeService = dataEventType(type)?.arnTemplate?.split(':')[2];
    if (pattern !== '*' && service !== undefined && typeService !== undefined && service !== typeService)
      continue;
    const region: Maybe<string> | undefined = arnField(pattern, 3);
    const account: Maybe<string> | undefined = arnField(pattern, 4);
    answers.push(
      recordOnce(scope, `p\u0000${type}\u0000${pattern}\u0000${readOnly}`, {
        dataResourceType: type,
        arn: pattern,
        readOnly,
        ...(region ? { region } : {}),
        ...(account ? { account } : {}),
      }),
    );
  }
  if (answers.length === 0) {
    return {
      recording: 'unknown',
      recordedBy: [],
      resources: [],
      detail: 'no data-event type matches these resources',
    };
  }
  return fromAnswers(answers, [...new Set(resources)]);
}

function admissionToAnswer(match: Match): Parameters<typeof fromAnswers>[0][number] {
  return {
    recorded: match.admission === 'all' ? true : match.admission === 'none' ? false : 'unknown',
    partial: match.admission === 'some',
    by: [],
    ...(match.admission === 'some'
      ? { detail: `management events narrowed by ${match.narrowedBy.join(', ')}` }
      : match.admission === 'unknown'
        ? { detail: match.unknownBecause.join('; ') }
        : {}),
  };
}

/**
 * How the sinks record management events of one service for a role in `account`. A sink of another account
 * records them only when it is an organisation sink (or either account is not known).
 */
export function recordManagementTarget(
  scope: RecordingScope,
  service: string,
  readOnly: boolean,
  account: string | undefined,
): TargetRecording {
  const memo = memoOf(scope);
  const key = `m\u0000${service}\u0000${readOnly}\u0000${account ?? ''}`;
  let recording = memo.targets.get(key);
  if (recording === undefined) {
    recording = recordManagementTargetUncached(scope, service, readOnly, account);
    memo.targets.set(key, recording);
  }
  return recording;
}

function recordManagementTargetUncached(
  scope: RecordingScope,
  service: string,
  readOnly: boolean,
  account: string | undefined,
): TargetRecording {
  const context = buildMatchContext(scope.snapshot);
  const event = {
    eventCategory: 'Management' as const,
    eventSource: `${service}.amazonaws.com`,
    readOnly,
  };
  const matches = scope.sinks
    .filter(
      (sink) =>
        sink.organization === true ||
        account === undefined ||
        typeof sink.account !== 'string' ||
        sink.account === account,
    )
    .map((sink) => ({ id: sink.id, match: matchSinkManagement(sink, event, context) }));
  const overall = unite(matches.map(({ match }) => match));
  const answer = admissionToAnswer(overall);
  const by = matches
    .filter(({ match }) => match.admission === 'all' || match.admission === 'some')
    .map(({ id }) => id);
  return fromAnswers([{ ...answer, by }], []);
}
