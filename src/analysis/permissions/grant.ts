import type { SourceLocation } from '../../model/location.js';
import type { ActionInfo } from './expand.js';

/** Where a grant was written: the policy, the statement in it, and the line where the source knows it. */
export interface GrantSource {
  /** The id of the policy entity, or the ARN of an AWS managed policy. */
  readonly policyId: string;
  /** The policy's name for people (`AmazonBedrockFullAccess`, `kb-access`). */
  readonly policyName: string;
  /** The statement's Sid, or `statement N` (1-based) when it has none. */
  readonly statement: string;
  readonly location?: SourceLocation;
  /** The AWS managed policy name when the grant comes from one. */
  readonly awsManaged?: string;
}

/**
 * The actions of a grant. `actions`: concrete actions of one written pattern. `all-except`: every action of every
 * service except those the patterns match (`*` has none; NotAction lists them), kept compact. `opaque`: a value that
 * cannot be known (a symbolic action, an unreadable policy), which only `*` covers.
 */
export type ActionPart =
  | { readonly kind: 'action'; readonly action: ActionInfo }
  | { readonly kind: 'all-except'; readonly except: readonly string[] }
  | { readonly kind: 'opaque'; readonly text: string; readonly reason: string };

/** The resources of a grant: one pattern as written, everything except some patterns (NotResource), or unknown. */
export type ResourcePart =
  | { readonly kind: 'pattern'; readonly pattern: string }
  | { readonly kind: 'not'; readonly patterns: readonly string[] }
  | { readonly kind: 'opaque'; readonly text: string };

/** A statement's condition in a canonical text (operators and keys sorted), with its keys for rule checks. */
export interface ConditionPart {
  readonly text: string;
  /** Condition keys, lower case. */
  readonly keys: readonly string[];
}

/**
 * One normalised grant `(effect, action, resource, condition)`: the unit the diff compares. Wildcard actions are
 * expanded to one grant per action; `pattern` keeps the action as written so the report can fold them back.
 */
export interface Grant {
  readonly effect: 'Allow' | 'Deny';
  readonly action: ActionPart;
  /** The action pattern as written (`s3:Get*`, `*`, `NotAction: iam:*`). */
  readonly pattern: string;
  /** How many actions the written pattern stands for (1 for a literal action). */
  readonly patternSize: number;
  readonly resource: ResourcePart;
  readonly condition?: ConditionPart;
  readonly source: GrantSource;
  /** Why the grant may not be effective after all (an unknown permissions boundary, for example). */
  readonly uncertain?: string;
}
