import type { AccessKey, IamGroup, IamUser, Policy, PolicyAttachment, Role } from './iam.js';
import type { ChangeAction, CloudResource, InputFormat, Link } from './resource.js';
import type { Sink } from './sink.js';
import type { Maybe } from './unknown.js';

/** Everything one side (before or after) of the change declares, as the analyses need it. */
export interface Snapshot {
  readonly resources: readonly CloudResource[];
  readonly links: readonly Link[];
  readonly sinks: readonly Sink[];
  readonly roles: readonly Role[];
  readonly policies: readonly Policy[];
  readonly attachments: readonly PolicyAttachment[];
  readonly users: readonly IamUser[];
  readonly groups: readonly IamGroup[];
  readonly accessKeys: readonly AccessKey[];
}

/** A problem in an input that did not stop it from loading (an unsupported construct, a value left unknown). */
export interface InputNote {
  readonly message: string;
  readonly line?: number;
}

/** One input file or directory, loaded into its before and after snapshots. */
export interface LoadedInput {
  /** The path as the user gave it. */
  readonly path: string;
  readonly format: InputFormat;
  readonly before: Snapshot;
  readonly after: Snapshot;
  /** The change action per id, where the source states it (a plan does; templates derive it). */
  readonly changes: Readonly<Record<string, ChangeAction>>;
  /** The default region and account the resources live in, when the input says. */
  readonly region: Maybe<string>;
  readonly account: Maybe<string>;
  readonly notes: readonly InputNote[];
}

/** A snapshot being built: the same lists, open to appending. */
export type SnapshotDraft = { -readonly [K in keyof Snapshot]: Snapshot[K][number][] };

/** An empty snapshot, the before side of a new file or the after side of a deleted one; also a draft to fill. */
export function emptySnapshot(): SnapshotDraft {
  return {
    resources: [],
    links: [],
    sinks: [],
    roles: [],
    policies: [],
    attachments: [],
    users: [],
    groups: [],
    accessKeys: [],
  };
}

/** Joins the snapshots of several inputs into one; ids are already unique per input. */
export function mergeSnapshots(snapshots: readonly Snapshot[]): Snapshot {
  const merged = emptySnapshot();
  for (const snapshot of snapshots) {
    for (const key of Object.keys(merged) as (keyof Snapshot)[]) {
      (merged[key] as unknown[]).push(...snapshot[key]);
    }
  }
  return merged;
}
