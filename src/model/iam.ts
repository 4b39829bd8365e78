import type { SourceLocation } from './location.js';
import type { Reference, ResourceBase } from './resource.js';
import type { Unknown } from './unknown.js';
import type { StringValue } from './value.js';

/** The principal block of a statement; `'*'` is the anonymous wildcard `"Principal": "*"`. */
export type PolicyPrincipal =
  | '*'
  | {
      /** Accounts, roles and users, by ARN or account id; `*` is anyone. */
      readonly AWS?: readonly StringValue[];
      /** Service principals (`bedrock.amazonaws.com`). */
      readonly Service?: readonly StringValue[];
      /** Identity providers (SAML, OIDC, Cognito). */
      readonly Federated?: readonly StringValue[];
      /** S3 canonical user ids. */
      readonly CanonicalUser?: readonly StringValue[];
    };

/** Condition operators to keys to values, as written (`StringEquals: { "aws:SourceAccount": ["1234"] }`). */
export type PolicyCondition = Readonly<Record<string, Readonly<Record<string, readonly StringValue[]>>>>;

/** One statement, with string-or-array forms already turned into arrays. */
export interface PolicyStatement {
  /** The statement id, when written. */
  readonly sid?: string;
  /** Whether the statement allows or denies. */
  readonly effect: 'Allow' | 'Deny';
  /** The actions it applies to (`Action`). */
  readonly action?: readonly StringValue[];
  /** The actions it applies to by exclusion (`NotAction`). */
  readonly notAction?: readonly StringValue[];
  /** The resources it applies to (`Resource`). */
  readonly resource?: readonly StringValue[];
  /** The resources it applies to by exclusion (`NotResource`). */
  readonly notResource?: readonly StringValue[];
  /** Who it applies to, in a trust or resource policy (`Principal`). */
  readonly principal?: PolicyPrincipal;
  /** Who it applies to by exclusion (`NotPrincipal`). */
  readonly notPrincipal?: PolicyPrincipal;
  /** The conditions under which it applies. */
  readonly condition?: PolicyCondition;
  /** Where the statement is written, when the source knows. */
  readonly location?: SourceLocation;
}

/** A parsed policy document. */
export interface PolicyDocument {
  /** The statements, in document order. */
  readonly statements: readonly PolicyStatement[];
}

/** Who a policy applies to. */
export interface PrincipalRef {
  /** The kind of principal. */
  readonly kind: 'role' | 'user' | 'group';
  /** The principal, by id, ARN or name. */
  readonly ref: Reference;
}

/**
 * A permissions policy: inline (a role's `inline_policy`, `aws_iam_role_policy`, `AWS::IAM::Policy`) or customer
 * managed (`aws_iam_policy`, `AWS::IAM::ManagedPolicy`), with the principals it is attached to where the
 * declaration itself says so.
 */
export interface Policy extends ResourceBase {
  /** Inline (part of one principal) or customer managed (attachable). */
  readonly kind: 'inline' | 'managed';
  /** Its name. */
  readonly name: StringValue;
  /** Its ARN, for a managed policy. */
  readonly arn?: StringValue;
  /** The policy document; Unknown when computed at apply time. */
  readonly document: PolicyDocument | Unknown;
  /** The principals the declaration itself attaches it to. */
  readonly attachedTo: readonly PrincipalRef[];
}

/** A separate attachment of a managed policy to a principal (`aws_iam_role_policy_attachment`, ...). */
export interface PolicyAttachment extends ResourceBase {
  /** The managed policy attached, by id or ARN (an AWS managed policy is by ARN). */
  readonly policy: Reference;
  /** The role, user or group it is attached to. */
  readonly principal: PrincipalRef;
}

/** An IAM role. Inline policies declared inside it are separate `Policy` entities attached to it. */
export interface Role extends ResourceBase {
  /** Its name. */
  readonly name: StringValue;
  /** Its ARN. */
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
  /** Its name. */
  readonly name: StringValue;
  /** Its ARN. */
  readonly arn: StringValue;
  /** The groups the user belongs to. */
  readonly groups: readonly Reference[];
  /** Managed policies the entity itself lists. */
  readonly managedPolicies: readonly Reference[];
  /** The permissions boundary, or null. */
  readonly permissionsBoundary: Reference | null;
}

/** An IAM group. */
export interface IamGroup extends ResourceBase {
  /** Its name. */
  readonly name: StringValue;
  /** Its ARN. */
  readonly arn: StringValue;
  /** Managed policies the entity itself lists. */
  readonly managedPolicies: readonly Reference[];
}

/** A long-lived access key of a user. */
export interface AccessKey extends ResourceBase {
  /** The user the key belongs to. */
  readonly user: Reference;
  /** `Active` unless the source says otherwise. */
  readonly active: boolean | Unknown;
}
