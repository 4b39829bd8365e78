import type { ResourceTypeRow } from '../resource-type.js';

const AGENT_ARN = 'arn:${Partition}:bedrock:${Region}:${Account}:agent/${AgentId}';
const FLOW_ARN = 'arn:${Partition}:bedrock:${Region}:${Account}:flow/${FlowId}';
const PROMPT_ARN = 'arn:${Partition}:bedrock:${Region}:${Account}:prompt/${PromptId}';

/**
 * Amazon Bedrock agents, knowledge bases, guardrails, flows and prompts, in the aws provider, the awscc provider and
 * CloudFormation. awscc attribute names are the snake_case of the CloudFormation names (a top-level `Id` becomes
 * `<type>_id`), and awscc writes nested properties as objects where the aws provider writes one-element lists.
 */
export const BEDROCK_RESOURCE_TYPES: readonly ResourceTypeRow[] = [
  // Source: verified §8 (aws_bedrockagent_agent_alias, docs@3a4184f6); reference §5.
  {
    iacType: 'aws_bedrockagent_agent_alias',
    flavour: 'terraform-aws',
    kind: 'ai',
    dataResourceType: 'AWS::Bedrock::AgentAlias',
    arnAttribute: 'agent_alias_arn',
    nameAttribute: 'agent_alias_name',
    idAttribute: 'agent_alias_id',
    arnParts: { AgentId: 'agent_id', AgentAliasId: 'agent_alias_id' },
    links: [{ path: 'agent_id', relation: 'alias-of', holds: 'id' }],
  },
  // Source: verified §7 (Ref AgentId|AgentAliasId, GetAtt AgentAliasArn).
  // awscc_bedrock_agent_alias: verified §7 (AWS::Bedrock::AgentAlias), snake_case for awscc.
  {
    iacType: 'AWS::Bedrock::AgentAlias',
    flavour: 'cloudformation',
    awscc: true,
    kind: 'ai',
    dataResourceType: 'AWS::Bedrock::AgentAlias',
    arnAttribute: 'AgentAliasArn',
    nameAttribute: 'AgentAliasName',
    idAttribute: 'AgentAliasId',
    ref: 'AgentId|AgentAliasId',
    arnParts: { AgentId: 'AgentId', AgentAliasId: 'AgentAliasId' },
    links: [{ path: 'AgentId', relation: 'alias-of', holds: 'id' }],
  },
  // Source: verified §8 (aws_bedrockagent_agent, docs@01f43111); an agent is logged through its aliases (reference §5).
  {
    iacType: 'aws_bedrockagent_agent',
    flavour: 'terraform-aws',
    kind: 'ai',
    dataResourceType: null,
    arnAttribute: 'agent_arn',
    nameAttribute: 'agent_name',
    idAttribute: 'agent_id',
    arnTemplate: AGENT_ARN,
    arnParts: { AgentId: 'agent_id' },
    links: [{ path: 'agent_resource_role_arn', relation: 'execution-role', holds: 'arn' }],
  },
  // Source: verified §7 (Ref AgentId, GetAtt AgentArn, AgentResourceRoleArn, ActionGroups, KnowledgeBases).
  // awscc_bedrock_agent: verified §7 (AWS::Bedrock::Agent) and the awscc example in the corpus (awscc_bedrock_agent).
  {
    iacType: 'AWS::Bedrock::Agent',
    flavour: 'cloudformation',
    awscc: true,
    kind: 'ai',
    dataResourceType: null,
    arnAttribute: 'AgentArn',
    nameAttribute: 'AgentName',
    idAttribute: 'AgentId',
    ref: 'AgentId',
    arnTemplate: AGENT_ARN,
    arnParts: { AgentId: 'AgentId' },
    links: [
      { path: 'AgentResourceRoleArn', relation: 'execution-role', holds: 'arn' },
      { path: 'ActionGroups[].ActionGroupExecutor.Lambda', relation: 'tool-function', holds: 'arn' },
      { path: 'KnowledgeBases[].KnowledgeBaseId', relation: 'uses-knowledge-base', holds: 'id' },
    ],
  },
  // Source: verified §8 (aws_bedrockagent_agent_action_group, docs@05de722e + source, SizeAtMost(1) blocks).
  {
    iacType: 'aws_bedrockagent_agent_action_group',
    flavour: 'terraform-aws',
    kind: 'ai',
    dataResourceType: null,
    arnAttribute: null,
    nameAttribute: 'action_group_name',
    idAttribute: 'action_group_id',
    links: [
      { path: 'action_group_executor[0].lambda', relation: 'tool-function', holds: 'arn' },
      { path: 'agent_id', relation: 'part-of', holds: 'id' },
    ],
  },
  // Source: terraform-provider-aws docs, bedrockagent_agent_knowledge_base_association (agent_id, knowledge_base_id).
  {
    iacType: 'aws_bedrockagent_agent_knowledge_base_association',
    flavour: 'terraform-aws',
    kind: 'other',
    dataResourceType: null,
    arnAttribute: null,
    nameAttribute: null,
    idAttribute: null,
    links: [
      { path: 'agent_id', relation: 'part-of', holds: 'id' },
      { path: 'knowledge_base_id', relation: 'uses-knowledge-base', holds: 'id' },
    ],
  },
  // Source: verified §8 (aws_bedrockagent_knowledge_base, docs@0413c661).
  {
    iacType: 'aws_bedrockagent_knowledge_base',
    flavour: 'terraform-aws',
    kind: 'ai',
    dataResourceType: 'AWS::Bedrock::KnowledgeBase',
    arnAttribute: 'arn',
    nameAttribute: 'name',
    idAttribute: 'id',
    arnParts: { KnowledgeBaseId: 'id' },
    links: [{ path: 'role_arn', relation: 'execution-role', holds: 'arn' }],
  },
  // Source: verified §7 (Ref KnowledgeBaseId, GetAtt KnowledgeBaseArn, RoleArn).
  // awscc_bedrock_knowledge_base: verified §7 (AWS::Bedrock::KnowledgeBase), snake_case for awscc.
  {
    iacType: 'AWS::Bedrock::KnowledgeBase',
    flavour: 'cloudformation',
    awscc: true,
    kind: 'ai',
    dataResourceType: 'AWS::Bedrock::KnowledgeBase',
    arnAttribute: 'KnowledgeBaseArn',
    nameAttribute: 'Name',
    idAttribute: 'KnowledgeBaseId',
    ref: 'KnowledgeBaseId',
    arnParts: { KnowledgeBaseId: 'KnowledgeBaseId' },
    links: [{ path: 'RoleArn', relation: 'execution-role', holds: 'arn' }],
  },
  // Source: verified §8 (aws_bedrockagent_data_source, docs@0124e33c; no ARN attribute).
  {
    iacType: 'aws_bedrockagent_data_source',
    flavour: 'terraform-aws',
    kind: 'ai',
    dataResourceType: null,
    arnAttribute: null,
    nameAttribute: 'name',
    idAttribute: 'data_source_id',
    links: [
      {
        path: 'data_source_configuration[0].s3_configuration[0].bucket_arn',
        relation: 'data-source-bucket',
        holds: 'arn',
      },
      { path: 'knowledge_base_id', relation: 'part-of', holds: 'id' },
    ],
  },
  // Source: verified §7 (Ref KnowledgeBaseId|DataSourceId, no ARN attribute, S3Configuration.BucketArn).
  // awscc_bedrock_data_source: verified §7 (AWS::Bedrock::DataSource) and the awscc example in the corpus (awscc_bedrock_data_source).
  {
    iacType: 'AWS::Bedrock::DataSource',
    flavour: 'cloudformation',
    awscc: true,
    kind: 'ai',
    dataResourceType: null,
    arnAttribute: null,
    nameAttribute: 'Name',
    idAttribute: 'DataSourceId',
    ref: 'KnowledgeBaseId|DataSourceId',
    links: [
      {
        path: 'DataSourceConfiguration.S3Configuration.BucketArn',
        relation: 'data-source-bucket',
        holds: 'arn',
      },
      { path: 'KnowledgeBaseId', relation: 'part-of', holds: 'id' },
    ],
  },
  // Source: verified §8 (aws_bedrock_guardrail, source guardrail.go@00de4697: guardrail_arn, guardrail_id).
  {
    iacType: 'aws_bedrock_guardrail',
    flavour: 'terraform-aws',
    kind: 'ai',
    dataResourceType: 'AWS::Bedrock::Guardrail',
    arnAttribute: 'guardrail_arn',
    nameAttribute: 'name',
    idAttribute: 'guardrail_id',
    arnParts: { GuardrailId: 'guardrail_id' },
    links: [],
  },
  // Source: verified §7 (Ref GuardrailArn, GetAtt GuardrailArn and GuardrailId).
  // awscc_bedrock_guardrail: verified §7 (AWS::Bedrock::Guardrail), snake_case for awscc.
  {
    iacType: 'AWS::Bedrock::Guardrail',
    flavour: 'cloudformation',
    awscc: true,
    kind: 'ai',
    dataResourceType: 'AWS::Bedrock::Guardrail',
    arnAttribute: 'GuardrailArn',
    nameAttribute: 'Name',
    idAttribute: 'GuardrailId',
    ref: 'GuardrailArn',
    arnParts: { GuardrailId: 'GuardrailId' },
    links: [],
  },
  // Source: reference §5 (aws_bedrock_guardrail_version); a version is logged as its guardrail.
  {
    iacType: 'aws_bedrock_guardrail_version',
    flavour: 'terraform-aws',
    kind: 'ai',
    dataResourceType: null,
    arnAttribute: null,
    nameAttribute: 'version',
    idAttribute: 'version',
    links: [{ path: 'guardrail_arn', relation: 'alias-of', holds: 'arn' }],
  },
  // Source: verified §7 (Ref GuardrailId|Version, GuardrailIdentifier takes an id or an ARN).
  // awscc_bedrock_guardrail_version: verified §7 (AWS::Bedrock::GuardrailVersion, GuardrailIdentifier), snake_case for awscc.
  {
    iacType: 'AWS::Bedrock::GuardrailVersion',
    flavour: 'cloudformation',
    awscc: true,
    kind: 'ai',
    dataResourceType: null,
    arnAttribute: null,
    nameAttribute: 'Version',
    idAttribute: 'Version',
    ref: 'GuardrailId|Version',
    links: [{ path: 'GuardrailIdentifier', relation: 'alias-of', holds: 'id' }],
  },
  // Source: verified §8 (aws_bedrockagent_flow, docs@05bc9541); flows are logged through their aliases (reference §5).
  {
    iacType: 'aws_bedrockagent_flow',
    flavour: 'terraform-aws',
    kind: 'ai',
    dataResourceType: null,
    arnAttribute: 'arn',
    nameAttribute: 'name',
    idAttribute: 'id',
    arnTemplate: FLOW_ARN,
    arnParts: { FlowId: 'id' },
    links: [{ path: 'execution_role_arn', relation: 'execution-role', holds: 'arn' }],
  },
  // Source: verified §7 (Ref Arn, GetAtt Arn and Id, ExecutionRoleArn).
  // awscc_bedrock_flow: verified §7 (AWS::Bedrock::Flow: Arn, Id, ExecutionRoleArn), awscc renames Id to flow_id.
  {
    iacType: 'AWS::Bedrock::Flow',
    flavour: 'cloudformation',
    awscc: true,
    kind: 'ai',
    dataResourceType: null,
    arnAttribute: 'Arn',
    nameAttribute: 'Name',
    idAttribute: 'Id',
    ref: 'Arn',
    arnTemplate: FLOW_ARN,
    arnParts: { FlowId: 'Id' },
    links: [{ path: 'ExecutionRoleArn', relation: 'execution-role', holds: 'arn' }],
  },
  // Source: verified §7 (Ref Arn|FlowArn, GetAtt Arn, FlowId, Id).
  // awscc_bedrock_flow_alias: verified §7 (AWS::Bedrock::FlowAlias: Arn, FlowId, Id, FlowArn) and the corpus awscc flow alias example.
  {
    iacType: 'AWS::Bedrock::FlowAlias',
    flavour: 'cloudformation',
    awscc: true,
    kind: 'ai',
    dataResourceType: 'AWS::Bedrock::FlowAlias',
    arnAttribute: 'Arn',
    nameAttribute: 'Name',
    idAttribute: 'Id',
    ref: 'Arn|FlowArn',
    arnParts: { FlowId: 'FlowId', FlowAliasId: 'Id' },
    links: [{ path: 'FlowArn', relation: 'alias-of', holds: 'arn' }],
  },
  // Source: verified §8 (aws_bedrockagent_prompt, docs@0868c069); reference §0.5: prompt activity is logged as
  // AWS::Bedrock::PromptVersion, whose ARNs start with the prompt ARN (which type RenderPrompt on a draft uses is
  // UNCONFIRMED).
  {
    iacType: 'aws_bedrockagent_prompt',
    flavour: 'terraform-aws',
    kind: 'ai',
    dataResourceType: 'AWS::Bedrock::PromptVersion',
    arnAttribute: 'arn',
    nameAttribute: 'name',
    idAttribute: 'id',
    arnTemplate: PROMPT_ARN,
    arnParts: { PromptId: 'id' },
    links: [],
  },
  // Source: verified §7 (Ref Arn, GetAtt Arn, Id, Version); type as for the aws row.
  // awscc_bedrock_prompt: verified §7 (AWS::Bedrock::Prompt: Arn, Id), awscc renames Id to prompt_id; type as for the aws row.
  {
    iacType: 'AWS::Bedrock::Prompt',
    flavour: 'cloudformation',
    awscc: true,
    kind: 'ai',
    dataResourceType: 'AWS::Bedrock::PromptVersion',
    arnAttribute: 'Arn',
    nameAttribute: 'Name',
    idAttribute: 'Id',
    ref: 'Arn',
    arnTemplate: PROMPT_ARN,
    arnParts: { PromptId: 'Id' },
    links: [],
  },
  // Source: verified §7 (Ref Arn, GetAtt Arn is the version ARN, PromptArn).
  // awscc_bedrock_prompt_version: verified §7 (AWS::Bedrock::PromptVersion: Arn, PromptArn), snake_case for awscc.
  {
    iacType: 'AWS::Bedrock::PromptVersion',
    flavour: 'cloudformation',
    awscc: true,
    kind: 'ai',
    dataResourceType: 'AWS::Bedrock::PromptVersion',
    arnAttribute: 'Arn',
    nameAttribute: 'Name',
    idAttribute: 'Version',
    ref: 'Arn',
    arnParts: { PromptId: 'PromptId', PromptVersion: 'Version' },
    links: [{ path: 'PromptArn', relation: 'alias-of', holds: 'arn' }],
  },
];
