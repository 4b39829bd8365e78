import type { SourceLocation } from './location.js';
import type { Reference, ResourceBase } from './resource.js';
import type { Unknown } from './unknown.js';
import type { StringValue } from './value.js';

/** The principal block of a statement; `'*'` is the anonymous wildcard `"Principal": "*"`. */
export type PolicyPrincipal =
  | '*'
  | {
      readonly AWS?: readonly StringValue[];
      readonly Service?: readonly StringValue[];
      readonly Federated?: readonly StringValue[];
      readonly CanonicalUser?: readonly StringValue[];
    };

/** Condition operators to keys to values, as written (`StringEquals: { "aws:SourceAccount": ["1234"] }`). */
export type PolicyCondition = Readonly<Record<string, Readonly<Record<string, readonly StringValue[]>>>>;

/** One statement, with string-or-array forms already turned into arrays. */
export interface PolicyStatement {
  readonly sid?: string;
  readonly effect: 'Allow' | 'Deny';
  readonly action?: readonly StringValue[];
  readonly notAction?: readonly StringValue[];
  readonly resource?: readonly StringValue[];
  readonly notResource?: readonly StringValue[];
  readonly principal?: PolicyPrincipal;
  readonly notPrincipal?: PolicyPrincipal;
  readonly condition?: PolicyCondition;
  readonly location?: SourceLocation;
}

/** A parsed policy document. */
export interface PolicyDocument {
  readonly statements: readonly PolicyStatement[];
}

/** Who a policy applies to. */
export interface PrincipalRef {
  readonly kind: 'role' | 'user' | 'group';
  readonly ref: Reference;
}

/**
 * A permissions policy: inline (a role's `inline_policy`, `aws_iam_role_policy`, `AWS::IAM::Policy`) or customer
 * managed (`aws_iam_policy`, `AWS::IAM::ManagedPolicy`), with the principals it is attached to where the
 * declaration itself says so.
 */
export interface Policy extends ResourceBase {
  readonly kind: 'inline' | 'managed';
  readonly name: StringValue;
  readonly arn?: StringValue;
  readonly document: PolicyDocument | Unknown;
  readonly attachedTo: readonly PrincipalRef[];
}

/** A separate attachment of a managed policy to a principal (`aws_iam_role_policy_attachment`, ...). */
export interface PolicyAttachment extends ResourceBase {
  readonly policy: Reference;
  readonly principal: PrincipalRef;
}

/** An IAM role. Inline policies declared inside it are separate `Policy` entities attached to it. */
export interface Role extends ResourceBase {
  readonly name: StringValue;
  readonly arn: StringValue;
  /** The trust (assume-role) policy; null when absent. */
  readonly trustPolicy: PolicyDocument | Unknown | null;
  /** Managed policies the role itself lists (`managed_policy_arns`, `ManagedPolicyArns`). */
  readonly managedPolicies: readonly Reference[];
  /** The permissions boundary, or null. */
  readonly permissionsBoundary: Reference | null;
}

/** An IAM user. */
export interface IamUser extends ResourceBase {
  readonly name: StringValue;
  readonly arn: StringValue;
  readonly groups: readonly Reference[];
  readonly managedPolicies: readonly Reference[];
  readonly permissionsBoundary: Reference | null;
}

/** An IAM group. */
export interface IamGroup extends ResourceBase {
  readonly name: StringValue;
  readonly arn: StringValue;
  readonly managedPolicies: readonly Reference[];
}

/** A long-lived access key of a user. */
export interface AccessKey extends ResourceBase {
  readonly user: Reference;
  /** `Active` unless the source says otherwise. */
  readonly active: boolean | Unknown;
}
