import type { ResourceTypeRow } from '../resource-type.js';

/**
 * Amazon Bedrock AgentCore runtimes, endpoints, gateways, memory, custom code interpreters and browsers, workload
 * identities and credential providers.
 */
export const AGENTCORE_RESOURCE_TYPES: readonly ResourceTypeRow[] = [
  // Source: verified §8 (aws_bedrockagentcore_agent_runtime, docs@05799b69).
  {
    iacType: 'aws_bedrockagentcore_agent_runtime',
    flavour: 'terraform-aws',
    kind: 'ai',
    dataResourceType: 'AWS::BedrockAgentCore::Runtime',
    arnAttribute: 'agent_runtime_arn',
    nameAttribute: 'agent_runtime_name',
    idAttribute: 'agent_runtime_id',
    arnParts: { RuntimeId: 'agent_runtime_id' },
    links: [{ path: 'role_arn', relation: 'execution-role', holds: 'arn' }],
  },
  // Source: verified §7 (Ref AgentRuntimeId, GetAtt AgentRuntimeArn, RoleArn).
  // awscc_bedrockagentcore_runtime: verified §7 (AWS::BedrockAgentCore::Runtime) and the corpus awscc runtime example.
  {
    iacType: 'AWS::BedrockAgentCore::Runtime',
    flavour: 'cloudformation',
    awscc: true,
    kind: 'ai',
    dataResourceType: 'AWS::BedrockAgentCore::Runtime',
    arnAttribute: 'AgentRuntimeArn',
    nameAttribute: 'AgentRuntimeName',
    idAttribute: 'AgentRuntimeId',
    ref: 'AgentRuntimeId',
    arnParts: { RuntimeId: 'AgentRuntimeId' },
    links: [{ path: 'RoleArn', relation: 'execution-role', holds: 'arn' }],
  },
  // Source: verified §8 (aws_bedrockagentcore_agent_runtime_endpoint, docs@0413c661).
  {
    iacType: 'aws_bedrockagentcore_agent_runtime_endpoint',
    flavour: 'terraform-aws',
    kind: 'ai',
    dataResourceType: 'AWS::BedrockAgentCore::RuntimeEndpoint',
    arnAttribute: 'agent_runtime_endpoint_arn',
    nameAttribute: 'name',
    idAttribute: 'name',
    arnParts: { RuntimeId: 'agent_runtime_id', Name: 'name' },
    links: [{ path: 'agent_runtime_id', relation: 'part-of', holds: 'id' }],
  },
  // Source: verified §7 (Ref AgentRuntimeEndpointArn, GetAtt AgentRuntimeEndpointArn, AgentRuntimeId, Name).
  // awscc_bedrockagentcore_runtime_endpoint: verified §7 (AWS::BedrockAgentCore::RuntimeEndpoint) and the corpus awscc runtime endpoint example.
  {
    iacType: 'AWS::BedrockAgentCore::RuntimeEndpoint',
    flavour: 'cloudformation',
    awscc: true,
    kind: 'ai',
    dataResourceType: 'AWS::BedrockAgentCore::RuntimeEndpoint',
    arnAttribute: 'AgentRuntimeEndpointArn',
    nameAttribute: 'Name',
    idAttribute: 'Name',
    ref: 'AgentRuntimeEndpointArn',
    arnParts: { RuntimeId: 'AgentRuntimeId', Name: 'Name' },
    links: [{ path: 'AgentRuntimeId', relation: 'part-of', holds: 'id' }],
  },
  // Source: verified §8 (aws_bedrockagentcore_gateway, docs@0273a635).
  {
    iacType: 'aws_bedrockagentcore_gateway',
    flavour: 'terraform-aws',
    kind: 'ai',
    dataResourceType: 'AWS::BedrockAgentCore::Gateway',
    arnAttribute: 'gateway_arn',
    nameAttribute: 'name',
    idAttribute: 'gateway_id',
    arnParts: { GatewayId: 'gateway_id' },
    links: [{ path: 'role_arn', relation: 'execution-role', holds: 'arn' }],
  },
  // Source: verified §7 (Ref GatewayIdentifier, GetAtt GatewayArn, RoleArn).
  // awscc_bedrockagentcore_gateway: verified §7 (AWS::BedrockAgentCore::Gateway), snake_case for awscc.
  {
    iacType: 'AWS::BedrockAgentCore::Gateway',
    flavour: 'cloudformation',
    awscc: true,
    kind: 'ai',
    dataResourceType: 'AWS::BedrockAgentCore::Gateway',
    arnAttribute: 'GatewayArn',
    nameAttribute: 'Name',
    idAttribute: 'GatewayIdentifier',
    ref: 'GatewayIdentifier',
    arnParts: { GatewayId: 'GatewayIdentifier' },
    links: [{ path: 'RoleArn', relation: 'execution-role', holds: 'arn' }],
  },
  // Source: verified §8 (aws_bedrockagentcore_gateway_target, docs@0273a635: target_id, gateway_identifier); the
  // Lambda target block path follows the provider docs' target_configuration > mcp > lambda > lambda_arn nesting.
  {
    iacType: 'aws_bedrockagentcore_gateway_target',
    flavour: 'terraform-aws',
    kind: 'ai',
    dataResourceType: null,
    arnAttribute: null,
    nameAttribute: 'name',
    idAttribute: 'target_id',
    links: [
      { path: 'gateway_identifier', relation: 'part-of', holds: 'id' },
      {
        path: 'target_configuration[0].mcp[0].lambda[0].lambda_arn',
        relation: 'tool-function',
        holds: 'arn',
      },
    ],
  },
  // Source: verified §7 (Ref GatewayIdentifier|TargetId; TargetConfiguration.Mcp.Lambda.LambdaArn per CFN schema).
  // awscc_bedrockagentcore_gateway_target: verified §7 (AWS::BedrockAgentCore::GatewayTarget), snake_case for awscc.
  {
    iacType: 'AWS::BedrockAgentCore::GatewayTarget',
    flavour: 'cloudformation',
    awscc: true,
    kind: 'ai',
    dataResourceType: null,
    arnAttribute: null,
    nameAttribute: 'Name',
    idAttribute: 'TargetId',
    ref: 'GatewayIdentifier|TargetId',
    links: [
      { path: 'GatewayIdentifier', relation: 'part-of', holds: 'id' },
      { path: 'TargetConfiguration.Mcp.Lambda.LambdaArn', relation: 'tool-function', holds: 'arn' },
    ],
  },
  // Source: verified §8 (aws_bedrockagentcore_memory, source memory.go@014b1c9d).
  {
    iacType: 'aws_bedrockagentcore_memory',
    flavour: 'terraform-aws',
    kind: 'ai',
    dataResourceType: 'AWS::BedrockAgentCore::Memory',
    arnAttribute: 'arn',
    nameAttribute: 'name',
    idAttribute: 'id',
    arnParts: { MemoryId: 'id' },
    links: [{ path: 'memory_execution_role_arn', relation: 'execution-role', holds: 'arn' }],
  },
  // Source: verified §7 (Ref MemoryArn, GetAtt MemoryArn and MemoryId, MemoryExecutionRoleArn).
  // awscc_bedrockagentcore_memory: verified §7 (AWS::BedrockAgentCore::Memory), snake_case for awscc.
  {
    iacType: 'AWS::BedrockAgentCore::Memory',
    flavour: 'cloudformation',
    awscc: true,
    kind: 'ai',
    dataResourceType: 'AWS::BedrockAgentCore::Memory',
    arnAttribute: 'MemoryArn',
    nameAttribute: 'Name',
    idAttribute: 'MemoryId',
    ref: 'MemoryArn',
    arnParts: { MemoryId: 'MemoryId' },
    links: [{ path: 'MemoryExecutionRoleArn', relation: 'execution-role', holds: 'arn' }],
  },
  // Source: reference §5 (aws_bedrockagentcore_code_interpreter: code_interpreter_arn); role attribute per the
  // CloudFormation ExecutionRoleArn (verified §7), snake_case.
  {
    iacType: 'aws_bedrockagentcore_code_interpreter',
    flavour: 'terraform-aws',
    kind: 'ai',
    dataResourceType: 'AWS::BedrockAgentCore::CodeInterpreterCustom',
    arnAttribute: 'code_interpreter_arn',
    nameAttribute: 'name',
    idAttribute: 'code_interpreter_id',
    arnParts: { CodeInterpreterId: 'code_interpreter_id' },
    links: [{ path: 'execution_role_arn', relation: 'execution-role', holds: 'arn' }],
  },
  // Source: verified §7 (Ref CodeInterpreterId, GetAtt CodeInterpreterArn, ExecutionRoleArn).
  // awscc_bedrockagentcore_code_interpreter_custom: verified §7 (AWS::BedrockAgentCore::CodeInterpreterCustom), snake_case for awscc.
  {
    iacType: 'AWS::BedrockAgentCore::CodeInterpreterCustom',
    flavour: 'cloudformation',
    awscc: true,
    kind: 'ai',
    dataResourceType: 'AWS::BedrockAgentCore::CodeInterpreterCustom',
    arnAttribute: 'CodeInterpreterArn',
    nameAttribute: 'Name',
    idAttribute: 'CodeInterpreterId',
    ref: 'CodeInterpreterId',
    arnParts: { CodeInterpreterId: 'CodeInterpreterId' },
    links: [{ path: 'ExecutionRoleArn', relation: 'execution-role', holds: 'arn' }],
  },
  // Source: reference §5 (aws_bedrockagentcore_browser: browser_arn); role attribute per the CloudFormation
  // ExecutionRoleArn (verified §7), snake_case.
  {
    iacType: 'aws_bedrockagentcore_browser',
    flavour: 'terraform-aws',
    kind: 'ai',
    dataResourceType: 'AWS::BedrockAgentCore::BrowserCustom',
    arnAttribute: 'browser_arn',
    nameAttribute: 'name',
    idAttribute: 'browser_id',
    arnParts: { BrowserId: 'browser_id' },
    links: [{ path: 'execution_role_arn', relation: 'execution-role', holds: 'arn' }],
  },
  // Source: verified §7 (Ref BrowserId, GetAtt BrowserArn, ExecutionRoleArn).
  // awscc_bedrockagentcore_browser_custom: verified §7 (AWS::BedrockAgentCore::BrowserCustom), snake_case for awscc.
  {
    iacType: 'AWS::BedrockAgentCore::BrowserCustom',
    flavour: 'cloudformation',
    awscc: true,
    kind: 'ai',
    dataResourceType: 'AWS::BedrockAgentCore::BrowserCustom',
    arnAttribute: 'BrowserArn',
    nameAttribute: 'Name',
    idAttribute: 'BrowserId',
    ref: 'BrowserId',
    arnParts: { BrowserId: 'BrowserId' },
    links: [{ path: 'ExecutionRoleArn', relation: 'execution-role', holds: 'arn' }],
  },
  // Source: reference §5 (aws_bedrockagentcore_workload_identity; ARN attribute UNCONFIRMED, the CloudFormation
  // name WorkloadIdentityArn in snake_case).
  {
    iacType: 'aws_bedrockagentcore_workload_identity',
    flavour: 'terraform-aws',
    kind: 'ai',
    dataResourceType: 'AWS::BedrockAgentCore::WorkloadIdentity',
    arnAttribute: 'workload_identity_arn',
    nameAttribute: 'name',
    idAttribute: 'name',
    links: [],
  },
  // Source: verified §7 (Ref Name, GetAtt WorkloadIdentityArn).
  // awscc_bedrockagentcore_workload_identity: verified §7 (AWS::BedrockAgentCore::WorkloadIdentity), snake_case for awscc.
  {
    iacType: 'AWS::BedrockAgentCore::WorkloadIdentity',
    flavour: 'cloudformation',
    awscc: true,
    kind: 'ai',
    dataResourceType: 'AWS::BedrockAgentCore::WorkloadIdentity',
    arnAttribute: 'WorkloadIdentityArn',
    nameAttribute: 'Name',
    idAttribute: 'Name',
    ref: 'Name',
    links: [],
  },
  // Source: reference §5 (aws_bedrockagentcore_api_key_credential_provider: credential_provider_arn).
  {
    iacType: 'aws_bedrockagentcore_api_key_credential_provider',
    flavour: 'terraform-aws',
    kind: 'ai',
    dataResourceType: 'AWS::BedrockAgentCore::APIKeyCredentialProvider',
    arnAttribute: 'credential_provider_arn',
    nameAttribute: 'name',
    idAttribute: 'name',
    links: [],
  },
  // Source: reference §5 (aws_bedrockagentcore_oauth2_credential_provider: credential_provider_arn).
  {
    iacType: 'aws_bedrockagentcore_oauth2_credential_provider',
    flavour: 'terraform-aws',
    kind: 'ai',
    dataResourceType: 'AWS::BedrockAgentCore::OAuth2CredentialProvider',
    arnAttribute: 'credential_provider_arn',
    nameAttribute: 'name',
    idAttribute: 'name',
    links: [],
  },
  // Source: reference §5 (aws_bedrockagentcore_evaluator: evaluator_arn).
  {
    iacType: 'aws_bedrockagentcore_evaluator',
    flavour: 'terraform-aws',
    kind: 'ai',
    dataResourceType: 'AWS::BedrockAgentCore::Evaluator',
    arnAttribute: 'evaluator_arn',
    nameAttribute: 'name',
    idAttribute: 'evaluator_id',
    arnParts: { EvaluatorId: 'evaluator_id' },
    links: [],
  },
];
