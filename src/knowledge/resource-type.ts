import type { LinkRelation, ResourceKind } from '../model/resource.js';

/** The IaC dialects a resource type row describes. */
export type IacFlavour = 'terraform-aws' | 'terraform-awscc' | 'cloudformation';

/**
 * What the value at a link path holds. A literal that starts with `arn:` is an ARN whatever this says, because
 * several properties (a guardrail identifier, a function name) accept either form.
 */
export type LinkTarget = 'arn' | 'name' | 'id';

/**
 * A link from a resource to another, read from its attributes. The path is written in the flavour's own spelling:
 * Terraform snake_case with nested blocks as arrays (`action_group_executor[0].lambda`), CloudFormation PascalCase
 * with `[]` for each element of a list (`ActionGroups[].ActionGroupExecutor.Lambda`). See attribute-path.ts.
 */
export interface LinkPath {
  readonly path: string;
  readonly relation: LinkRelation;
  readonly holds: LinkTarget;
}

/** How one IaC resource type becomes an IR CloudResource. */
export interface ResourceTypeRow {
  /** The type as written: `aws_bedrockagent_agent_alias`, `awscc_bedrock_agent_alias`, `AWS::Bedrock::AgentAlias`. */
  readonly iacType: string;
  readonly flavour: IacFlavour;
  readonly kind: ResourceKind;
  /** The CloudTrail `resources.type` that records its data events, or null when it has none of its own. */
  readonly dataResourceType: string | null;
  /** Terraform: the attribute path that holds its ARN. CloudFormation: the `Fn::GetAtt` attribute. Null: none. */
  readonly arnAttribute: string | null;
  /** The attribute (or CloudFormation property) that holds its name, for people. */
  readonly nameAttribute: string | null;
  /** The attribute that holds the service's own id of it (agent id, knowledge base id), where it differs. */
  readonly idAttribute: string | null;
  /** CloudFormation only: what `Ref` returns, as attribute names joined by `|` for compound identifiers. */
  readonly ref?: string;
  /** Its own ARN shape, where the data-event table has none or its own ARN differs from the data-event ARN. */
  readonly arnTemplate?: string;
  /** The attribute holding each placeholder of the ARN template (`AgentId` -> `agent_id`). */
  readonly arnParts?: Readonly<Record<string, string>>;
  readonly links: readonly LinkPath[];
  /** CloudFormation only: the awscc provider offers this type too, and its row is derived (see awscc-types.ts). */
  readonly awscc?: true;
}

/** How one IaC type becomes an IR Sink. */
export interface SinkTypeRow {
  readonly iacType: string;
  readonly flavour: IacFlavour;
  readonly kind: 'trail' | 'event-data-store';
  /** Terraform: the ARN attribute. CloudFormation: the `Fn::GetAtt` attribute. */
  readonly arnAttribute: string;
  readonly nameAttribute: string;
  /** CloudFormation only: what `Ref` returns. */
  readonly ref?: string;
}
