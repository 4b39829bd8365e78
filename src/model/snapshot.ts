import type { AccessKey, IamGroup, IamUser, Policy, PolicyAttachment, Role } from './iam.js';
import type { ChangeAction, CloudResource, InputFormat, Link } from './resource.js';
import type { Sink } from './sink.js';
import type { Maybe } from './unknown.js';

/** Everything one side (before or after) of the change declares, as the analyses need it. */
export interface Snapshot {
  /** AI resources, and the buckets, functions, tables and others they link to. */
  readonly resources: readonly CloudResource[];
  /** Edges between entities: execution roles, tools, data sources, aliases. */
  readonly links: readonly Link[];
  /** Trails and event data stores. */
  readonly sinks: readonly Sink[];
  /** IAM roles, AI or not: the permissions analysis decides which are AI roles. */
  readonly roles: readonly Role[];
  /** Inline and customer-managed policies. */
  readonly policies: readonly Policy[];
  /** Separate attachments of managed policies to roles, users and groups. */
  readonly attachments: readonly PolicyAttachment[];
  /** IAM users, for static-credential findings. */
  readonly users: readonly IamUser[];
  /** IAM groups, for the grants of their users. */
  readonly groups: readonly IamGroup[];
  /** Long-lived access keys of IAM users. */
  readonly accessKeys: readonly AccessKey[];
}

/** A problem in an input that did not stop it from loading (an unsupported construct, a value left unknown). */
export interface InputNote {
  /** What could not be interpreted, in words a reviewer understands. */
  readonly message: string;
  /** The 1-based line it concerns, when known. */
  readonly line?: number;
}

/** One input file or directory, loaded into its before and after snapshots. */
export interface LoadedInput {
  /** The path as the user gave it. */
  readonly path: string;
  /** The format the input was read as. */
  readonly format: InputFormat;
  /** What the input declares before the change. */
  readonly before: Snapshot;
  /** What the input declares after the change. */
  readonly after: Snapshot;
  /** The change action per id, where the source states it (a plan does; templates derive it). */
  readonly changes: Readonly<Record<string, ChangeAction>>;
  /** The default region and account the resources live in, when the input says. */
  readonly region: Maybe<string>;
  /** The default account of its resources, when the input says. */
  readonly account: Maybe<string>;
  /** What the source could not interpret but did not stop on. */
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
