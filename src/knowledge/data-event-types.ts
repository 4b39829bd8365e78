/** One CloudTrail data-event `resources.type` and the ARN its events carry. */
export interface DataEventType {
  /** The `resources.type` value, `AWS::Service::Type`. */
  readonly dataResourceType: string;
  /** The ARN shape with `${Placeholder}` parts, or null where no primary source gives one. */
  readonly arnTemplate: string | null;
  /** True for types no IaC resource declares (inline agents, sessions): covered account-wide or not at all. */
  readonly runtimeOnly: boolean;
  /** True for the three types a basic (classic) event selector may name. */
  readonly basicSelectorType: boolean;
}

const BEDROCK = 'arn:${Partition}:bedrock:${Region}:${Account}';
const AGENTCORE = 'arn:${Partition}:bedrock-agentcore:${Region}:${Account}';
const SAGEMAKER = 'arn:${Partition}:sagemaker:${Region}:${Account}';
const QBUSINESS = 'arn:${Partition}:qbusiness:${Region}:${Account}';

function row(
  dataResourceType: string,
  arnTemplate: string | null,
  flags: { runtimeOnly?: boolean; basicSelectorType?: boolean } = {},
): DataEventType {
  return {
    dataResourceType,
    arnTemplate,
    runtimeOnly: flags.runtimeOnly ?? false,
    basicSelectorType: flags.basicSelectorType ?? false,
  };
}

/**
 * Every data-event type this tool knows. Sources: ai-data-events.md section 1a-1d (types and ARN shapes), the
 * verified file sections 1, 2 and 7 (S3, Lambda, DynamoDB; AgentCore and SageMaker ARN templates).
 */
export const DATA_EVENT_TYPES: readonly DataEventType[] = [
  // Source: reference §1a (Bedrock), ARN shapes from the service authorization reference.
  row('AWS::Bedrock::AgentAlias', `${BEDROCK}:agent-alias/\${AgentId}/\${AgentAliasId}`),
  row('AWS::Bedrock::InlineAgent', null, { runtimeOnly: true }),
  row('AWS::Bedrock::KnowledgeBase', `${BEDROCK}:knowledge-base/\${KnowledgeBaseId}`),
  row('AWS::Bedrock::FlowAlias', `${BEDROCK}:flow/\${FlowId}/alias/\${FlowAliasId}`),
  row(
    'AWS::Bedrock::FlowExecution',
    `${BEDROCK}:flow/\${FlowId}/alias/\${FlowAliasId}/execution/\${FlowExecutionId}`,
    { runtimeOnly: true },
  ),
  row('AWS::Bedrock::Model', 'arn:${Partition}:bedrock:${Region}::foundation-model/${ModelId}', {
    runtimeOnly: true,
  }),
  row('AWS::Bedrock::AsyncInvoke', `${BEDROCK}:async-invoke/\${AsyncInvokeId}`, { runtimeOnly: true }),
  row('AWS::Bedrock::Guardrail', `${BEDROCK}:guardrail/\${GuardrailId}`),
  row('AWS::Bedrock::PromptVersion', `${BEDROCK}:prompt/\${PromptId}:\${PromptVersion}`),
  row('AWS::Bedrock::Session', `${BEDROCK}:session/\${SessionId}`, { runtimeOnly: true }),
  row('AWS::Bedrock::Tool', null, { runtimeOnly: true }),
  row('AWS::Bedrock::AutomatedReasoningPolicy', `${BEDROCK}:automated-reasoning-policy/\${PolicyId}`),
  row(
    'AWS::Bedrock::AutomatedReasoningPolicyVersion',
    `${BEDROCK}:automated-reasoning-policy/\${PolicyId}:\${PolicyVersion}`,
  ),
  row('AWS::Bedrock::DataAutomationProject', `${BEDROCK}:data-automation-project/\${ProjectId}`),
  row('AWS::Bedrock::DataAutomationInvocation', `${BEDROCK}:data-automation-invocation/\${JobId}`, {
    runtimeOnly: true,
  }),
  row('AWS::Bedrock::DataAutomationProfile', `${BEDROCK}:data-automation-profile/\${ProfileId}`),
  row('AWS::Bedrock::Blueprint', `${BEDROCK}:blueprint/\${BlueprintId}`),
  row('AWS::Bedrock::AdvancedOptimizePromptJob', `${BEDROCK}:advanced-prompt-optimization-job/\${JobId}`, {
    runtimeOnly: true,
  }),
  // Source: reference §1b (AgentCore); verified §7 notes for the service-spec arnTemplates.
  row('AWS::BedrockAgentCore::Runtime', `${AGENTCORE}:runtime/\${RuntimeId}`),
  row(
    'AWS::BedrockAgentCore::RuntimeEndpoint',
    `${AGENTCORE}:runtime/\${RuntimeId}/runtime-endpoint/\${Name}`,
  ),
  row('AWS::BedrockAgentCore::Gateway', `${AGENTCORE}:gateway/\${GatewayId}`),
  row('AWS::BedrockAgentCore::Memory', `${AGENTCORE}:memory/\${MemoryId}`),
  row(
    'AWS::BedrockAgentCore::CodeInterpreter',
    'arn:${Partition}:bedrock-agentcore:${Region}:aws:code-interpreter/${CodeInterpreterId}',
    { runtimeOnly: true },
  ),
  row(
    'AWS::BedrockAgentCore::CodeInterpreterCustom',
    `${AGENTCORE}:code-interpreter-custom/\${CodeInterpreterId}`,
  ),
  row(
    'AWS::BedrockAgentCore::Browser',
    'arn:${Partition}:bedrock-agentcore:${Region}:aws:browser/${BrowserId}',
    {
      runtimeOnly: true,
    },
  ),
  row('AWS::BedrockAgentCore::BrowserCustom', `${AGENTCORE}:browser-custom/\${BrowserId}`),
  row(
    'AWS::BedrockAgentCore::WorkloadIdentity',
    `${AGENTCORE}:workload-identity-directory/\${DirectoryId}/workload-identity/\${Name}`,
  ),
  row(
    'AWS::BedrockAgentCore::WorkloadIdentityDirectory',
    `${AGENTCORE}:workload-identity-directory/\${DirectoryId}`,
  ),
  row('AWS::BedrockAgentCore::TokenVault', `${AGENTCORE}:token-vault/\${TokenVaultId}`),
  row(
    'AWS::BedrockAgentCore::APIKeyCredentialProvider',
    `${AGENTCORE}:token-vault/\${TokenVaultId}/apikeycredentialprovider/\${Name}`,
  ),
  row(
    'AWS::BedrockAgentCore::OAuth2CredentialProvider',
    `${AGENTCORE}:token-vault/\${TokenVaultId}/oauth2credentialprovider/\${Name}`,
  ),
  row('AWS::BedrockAgentCore::Evaluator', `${AGENTCORE}:evaluator/\${EvaluatorId}`),
  // Source: reference §1c (SageMaker); verified §7 (FeatureGroup and MLflow arnTemplates).
  row('AWS::SageMaker::Endpoint', `${SAGEMAKER}:endpoint/\${EndpointName}`),
  row('AWS::SageMaker::FeatureGroup', `${SAGEMAKER}:feature-group/\${FeatureGroupName}`),
  row('AWS::SageMaker::ExperimentTrialComponent', `${SAGEMAKER}:experiment-trial-component/\${Name}`),
  row('AWS::SageMaker::MlflowTrackingServer', `${SAGEMAKER}:mlflow-tracking-server/\${Name}`),
  // Source: reference §1d (Q Business ARNs from the service authorization reference; the rest without ARN shapes).
  row('AWS::QBusiness::Application', `${QBUSINESS}:application/\${ApplicationId}`),
  row('AWS::QBusiness::Index', `${QBUSINESS}:application/\${ApplicationId}/index/\${IndexId}`),
  row(
    'AWS::QBusiness::DataSource',
    `${QBUSINESS}:application/\${ApplicationId}/index/\${IndexId}/data-source/\${DataSourceId}`,
  ),
  row(
    'AWS::QBusiness::WebExperience',
    `${QBUSINESS}:application/\${ApplicationId}/web-experience/\${WebExperienceId}`,
  ),
  row(
    'AWS::QBusiness::Integration',
    `${QBUSINESS}:application/\${ApplicationId}/integration/\${IntegrationId}`,
  ),
  row('AWS::QApps::QApp', null),
  row('AWS::QApps::QAppSession', null),
  row('AWS::CodeWhisperer::Customization', null),
  row('AWS::CodeWhisperer::Profile', null),
  row('AWS::QDeveloper::Integration', null),
  row('AWS::AIOps::InvestigationGroup', null),
  row('AWS::KendraRanking::ExecutionPlan', null),
  row('AWS::MachineLearning::MlModel', null),
  row('AWS::S3Vectors::VectorBucket', null),
  row('AWS::S3Vectors::Index', null),
  // Source: verified §1 and §2 (object-level S3, Lambda Invoke, DynamoDB items); reference §2d (basic selector types).
  row('AWS::S3::Object', 'arn:${Partition}:s3:::${BucketName}', { basicSelectorType: true }),
  row('AWS::Lambda::Function', 'arn:${Partition}:lambda:${Region}:${Account}:function:${FunctionName}', {
    basicSelectorType: true,
  }),
  row('AWS::DynamoDB::Table', 'arn:${Partition}:dynamodb:${Region}:${Account}:table/${TableName}', {
    basicSelectorType: true,
  }),
];

const BY_TYPE = new Map(DATA_EVENT_TYPES.map((entry) => [entry.dataResourceType, entry]));

/** The data-event type named by a `resources.type` value, or undefined when this tool does not know it. */
export function dataEventType(dataResourceType: string): DataEventType | undefined {
  return BY_TYPE.get(dataResourceType);
}

/** Every known `resources.type` value, in table order. */
export function dataResourceTypes(): readonly string[] {
  return DATA_EVENT_TYPES.map((entry) => entry.dataResourceType);
}

/**
 * Spellings some documents use for a type under another name. The Bedrock guide names `AWS::Bedrock::Prompt` where
 * the CloudTrail table has `AWS::Bedrock::PromptVersion` (reference §0.5): selectors that use either are read as the
 * table's type.
 */
export const DATA_RESOURCE_TYPE_ALIASES: Readonly<Record<string, string>> = {
  'AWS::Bedrock::Prompt': 'AWS::Bedrock::PromptVersion',
};
