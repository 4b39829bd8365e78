import type { SourceLocation } from './location.js';
import type { Maybe } from './unknown.js';
import type { StringValue } from './value.js';

/** What the change does to a resource, in Terraform's words. */
export type ChangeAction = 'create' | 'update' | 'delete' | 'replace' | 'no-op';

/** The input formats, as the JSON report names them. */
export type InputFormat = 'terraform-plan' | 'terraform-hcl' | 'cloudformation' | 'cdk-assembly';

/** Fields every IR entity that stems from one IaC resource carries. */
export interface ResourceBase {
  /** Identity across before and after: the Terraform address, or `Stack/LogicalId` for CloudFormation and CDK. */
  readonly id: string;
  /** The IaC type as written: `aws_bedrockagent_agent_alias`, `awscc_bedrock_agent`, `AWS::Bedrock::AgentAlias`. */
  readonly iacType: string;
  /** Where the resource is declared, when the source knows. */
  readonly location?: SourceLocation;
  /** True when a CloudFormation condition decides whether it exists (it is treated as present). */
  readonly conditional?: boolean;
  /** True when `count`/`for_each` multiplies it at apply time (HCL): it stands for all its instances. */
  readonly expandedAtApply?: boolean;
}

/**
 * What a resource is for this tool: an AI service resource, or a data store or tool that AI resources use
 * (found through links), or something else that is only kept for linking.
 */
export type ResourceKind = 'ai' | 'bucket' | 'function' | 'table' | 'other';

/** A cloud resource whose data events CloudTrail may record, or an AI resource that others link to. */
export interface CloudResource extends ResourceBase {
  /** What it is for this tool: an AI resource, a data store or tool AI uses, or other. */
  readonly kind: ResourceKind;
  /**
   * The CloudTrail data-event `resources.type` that records activity on it (`AWS::Bedrock::AgentAlias`,
   * `AWS::S3::Object` for a bucket, `AWS::Lambda::Function`, `AWS::DynamoDB::Table`), or null for an AI resource
   * that has no data events of its own (an agent, a flow, a knowledge-base data source).
   */
  readonly dataResourceType: string | null;
  /** Its own ARN. For a bucket, the bucket ARN (`arn:aws:s3:::name`); object events are that plus `/key`. */
  readonly arn: StringValue;
  /** Its name or id, for people and for linking by name. */
  readonly name: StringValue;
  /** The region it lives in; Unknown when the provider region is not known. */
  readonly region: Maybe<string>;
  /** The account it lives in; Unknown when the input does not say. */
  readonly account: Maybe<string>;
}

/** How one resource depends on another. */
export type LinkRelation =
  /** The IAM role the resource runs as (agent resource role, KB role, SageMaker execution role, Lambda role). */
  | 'execution-role'
  /** A knowledge base (or Q Business data source) reads this bucket. */
  | 'data-source-bucket'
  /** An agent action group or AgentCore gateway target calls this Lambda function. */
  | 'tool-function'
  /** An alias or version points at its parent (agent alias to agent, flow alias to flow). */
  | 'alias-of'
  /** The resource belongs to a parent (data source to knowledge base, action group to agent, endpoint to runtime). */
  | 'part-of'
  /** The resource stores model artefacts, prompts, outputs or memory here (bucket or table). */
  | 'stores-data-in'
  /** An agent uses this knowledge base. */
  | 'uses-knowledge-base';

/** Points at another entity: by id where the source could link it, otherwise by ARN or name. */
export interface Reference {
  /** The id of the entity in the same snapshot, when the source could link it. */
  readonly id?: string;
  /** Its ARN, for an entity outside the inputs or not linked by id. */
  readonly arn?: StringValue;
  /** Its name, the last resort for linking. */
  readonly name?: StringValue;
}

/** A directed edge between IR entities; `to` may name a resource outside the inputs. */
export interface Link {
  /** The id of the entity the edge starts at. */
  readonly from: string;
  /** The entity it points at. */
  readonly to: Reference;
  /** How `from` depends on `to`. */
  readonly relation: LinkRelation;
  /** Where the link is written, when the source knows. */
  readonly location?: SourceLocation;
}
