/**
 * IAM action patterns (`service:Action`, with `*` and `?` wildcards as IAM writes them) that let a role use an AI
 * service at run time. A role granted one of them is an AI role. Sources: DESIGN.md §4 (c), ai-data-events.md §7
 * (model inference, agent/RAG runtime, AgentCore, SageMaker, Q / Kendra rows).
 */
export const AI_RUNTIME_ACTION_PATTERNS: readonly string[] = [
  // Source: ai-data-events.md §7 "Model inference" and "Agent/RAG runtime".
  'bedrock:InvokeModel*',
  'bedrock:GetAsyncInvoke',
  'bedrock:InvokeAgent',
  'bedrock:InvokeInlineAgent',
  'bedrock:InvokeFlow',
  'bedrock:Retrieve*',
  'bedrock:ApplyGuardrail',
  'bedrock:RenderPrompt',
  'bedrock:CreateModelInvocationJob',
  // Source: ai-data-events.md §7 "AgentCore".
  'bedrock-agentcore:Invoke*',
  // Source: ai-data-events.md §7 "SageMaker" (SageMaker Runtime invoke).
  'sagemaker:InvokeEndpoint*',
  // Source: ai-data-events.md §7 "Q / Kendra".
  'qbusiness:Chat*',
  'qbusiness:SearchRelevantContent',
  'kendra:Query',
  'kendra:Retrieve',
];

/** The rules whose risk is a list of actions; the other grant rules look at the shape of the grant instead. */
export type ActionRiskRule = 'privilege-escalation' | 'audit-tampering' | 'secret-access';

/** One risky action pattern and what limits make it harmless. */
export interface RiskyAction {
  readonly pattern: string;
  /** Risky only when the grant's resource is unrestricted (`*`, a NotResource, or every role). */
  readonly onlyOnAnyResource?: boolean;
  /** A condition key (lower case) whose presence on the grant limits the action enough. */
  readonly limitedByConditionKey?: string;
}

/** Risky action classes per rule. Source: DESIGN.md §5 (the rule table lists the actions). */
export const RISKY_ACTIONS: Readonly<Record<ActionRiskRule, readonly RiskyAction[]>> = {
  'privilege-escalation': [
    // Passing any role to any service hands that service the role's permissions.
    { pattern: 'iam:PassRole', onlyOnAnyResource: true, limitedByConditionKey: 'iam:passedtoservice' },
    { pattern: 'iam:Put*Policy' },
    { pattern: 'iam:Attach*' },
    { pattern: 'iam:Create*Version' },
    { pattern: 'iam:UpdateAssumeRolePolicy' },
    { pattern: 'sts:AssumeRole', onlyOnAnyResource: true },
  ],
  'audit-tampering': [
    { pattern: 'cloudtrail:StopLogging' },
    { pattern: 'cloudtrail:DeleteTrail' },
    { pattern: 'cloudtrail:UpdateTrail' },
    { pattern: 'cloudtrail:PutEventSelectors' },
    { pattern: 'cloudtrail:DeleteEventDataStore' },
    { pattern: 'cloudtrail:UpdateEventDataStore' },
    { pattern: 'cloudtrail:StopEventDataStoreIngestion' },
    { pattern: 'bedrock:PutModelInvocationLoggingConfiguration' },
    { pattern: 'bedrock:DeleteModelInvocationLoggingConfiguration' },
    { pattern: 'logs:Delete*' },
  ],
  'secret-access': [
    { pattern: 'secretsmanager:GetSecretValue' },
    { pattern: 'ssm:GetParameter*' },
    { pattern: 'kms:Decrypt' },
    // Source: ai-data-events.md §7 "AgentCore" (credential egress and workload access tokens).
    { pattern: 'bedrock-agentcore:GetResourceOauth2Token' },
    { pattern: 'bedrock-agentcore:GetResourceApiKey' },
    { pattern: 'bedrock-agentcore:GetWorkloadAccessToken*' },
  ],
};

/** What each risky rule lets the role do, in the words a finding uses ("role `x` can now ..."). */
export const RISK_PHRASES: Readonly<Record<string, string>> = {
  'admin-access': 'act as an administrator',
  'privilege-escalation': 'raise its own privileges',
  'audit-tampering': 'stop or weaken the audit trail that records it',
  'secret-access': 'read secrets and credentials',
  'wildcard-action': 'use every action a wildcard matches, including actions AWS adds later',
  'wildcard-resource': 'write to or change permissions on any resource',
};

/** AWS managed policies that grant administrator access on their own. Source: DESIGN.md §5 `admin-access`. */
export const ADMIN_MANAGED_POLICIES: readonly string[] = [
  'AdministratorAccess',
  'PowerUserAccess',
  'IAMFullAccess',
];

/**
 * The IAM actions that CloudTrail records as data events of one `resources.type`. Either explicit patterns, or every
 * action of a service whose IAM resource types include one of `iamResourceTypes` (how S3 tells object-level calls
 * from bucket-level ones).
 */
export interface DataEventActions {
  readonly dataResourceType: string;
  readonly patterns: readonly string[];
  readonly iamResourceTypes?: { readonly service: string; readonly types: readonly string[] };
  /** Set when no primary source confirms that these actions are logged under this type; says what is unsure. */
  readonly unconfirmed?: string;
}

/** Data-event actions per data-event resource type. */
export const DATA_EVENT_ACTIONS: readonly DataEventActions[] = [
  // Source: verified §1: object-level actions (IAM resource type `object`/`accesspointobject`), plus ListBucket and
  // ListBucketVersions, which S3 logs as object-level events when the selector names the bucket.
  {
    dataResourceType: 'AWS::S3::Object',
    patterns: ['s3:ListBucket', 's3:ListBucketVersions'],
    iamResourceTypes: { service: 's3', types: ['object', 'accesspointobject'] },
  },
  // Source: verified §2 (the Invoke API; InvokeAsync is the deprecated form of the same call).
  { dataResourceType: 'AWS::Lambda::Function', patterns: ['lambda:InvokeFunction', 'lambda:InvokeAsync'] },
  // Source: verified §2 (item-level list commonly documented, not read from a primary page).
  {
    dataResourceType: 'AWS::DynamoDB::Table',
    patterns: [
      'dynamodb:GetItem',
      'dynamodb:BatchGetItem',
      'dynamodb:Query',
      'dynamodb:Scan',
      'dynamodb:PutItem',
      'dynamodb:UpdateItem',
      'dynamodb:DeleteItem',
      'dynamodb:BatchWriteItem',
      'dynamodb:ConditionCheckItem',
      'dynamodb:PartiQL*',
    ],
    unconfirmed: 'the DynamoDB item-level data-event list',
  },
  // Source: reference §1a [BR-CT].
  { dataResourceType: 'AWS::Bedrock::AgentAlias', patterns: ['bedrock:InvokeAgent'] },
  {
    dataResourceType: 'AWS::Bedrock::KnowledgeBase',
    patterns: ['bedrock:Retrieve', 'bedrock:RetrieveAndGenerate'],
  },
  { dataResourceType: 'AWS::Bedrock::FlowAlias', patterns: ['bedrock:InvokeFlow'] },
  { dataResourceType: 'AWS::Bedrock::InlineAgent', patterns: ['bedrock:InvokeInlineAgent'] },
  {
    dataResourceType: 'AWS::Bedrock::Guardrail',
    patterns: ['bedrock:ApplyGuardrail'],
    unconfirmed: 'that ApplyGuardrail is the guardrail data event',
  },
  {
    dataResourceType: 'AWS::Bedrock::PromptVersion',
    patterns: ['bedrock:RenderPrompt'],
    unconfirmed: 'whether RenderPrompt is logged under PromptVersion or Prompt',
  },
  // Source: reference §1a: the doc pairs these with AsyncInvoke and Model.
  { dataResourceType: 'AWS::Bedrock::AsyncInvoke', patterns: ['bedrock:GetAsyncInvoke'] },
  { dataResourceType: 'AWS::Bedrock::Model', patterns: ['bedrock:GetAsyncInvoke'] },
  {
    dataResourceType: 'AWS::Bedrock::FlowExecution',
    patterns: [
      'bedrock:StartFlowExecution',
      'bedrock:GetFlowExecution',
      'bedrock:ListFlowExecutionEvents',
      'bedrock:StopFlowExecution',
    ],
    unconfirmed: 'the flow-execution data-event API list',
  },
  {
    dataResourceType: 'AWS::Bedrock::Session',
    patterns: [
      'bedrock:CreateSession',
      'bedrock:GetSession',
      'bedrock:UpdateSession',
      'bedrock:EndSession',
      'bedrock:DeleteSession',
      'bedrock:CreateInvocation',
      'bedrock:ListInvocations',
      'bedrock:PutInvocationStep',
      'bedrock:GetInvocationStep',
      'bedrock:ListInvocationSteps',
    ],
    unconfirmed: 'the session data-event API list',
  },
  // Source: verified §5 (AgentCore data-plane candidates; only InvokeGateway is verified).
  {
    dataResourceType: 'AWS::BedrockAgentCore::Runtime',
    patterns: ['bedrock-agentcore:InvokeAgentRuntime*', 'bedrock-agentcore:StopRuntimeSession'],
    unconfirmed: 'the runtime data-event API list',
  },
  {
    dataResourceType: 'AWS::BedrockAgentCore::RuntimeEndpoint',
    patterns: ['bedrock-agentcore:InvokeAgentRuntime*'],
    unconfirmed: 'the runtime-endpoint data-event API list',
  },
  { dataResourceType: 'AWS::BedrockAgentCore::Gateway', patterns: ['bedrock-agentcore:InvokeGateway'] },
  {
    dataResourceType: 'AWS::BedrockAgentCore::Memory',
    patterns: [
      'bedrock-agentcore:CreateEvent',
      'bedrock-agentcore:GetEvent',
      'bedrock-agentcore:ListEvents',
      'bedrock-agentcore:DeleteEvent',
      'bedrock-agentcore:GetMemoryRecord',
      'bedrock-agentcore:ListMemoryRecords',
      'bedrock-agentcore:RetrieveMemoryRecords',
      'bedrock-agentcore:DeleteMemoryRecord',
      'bedrock-agentcore:Batch*MemoryRecords',
      'bedrock-agentcore:ListActors',
      'bedrock-agentcore:ListSessions',
    ],
    unconfirmed: 'the memory data-event API list',
  },
  ...['AWS::BedrockAgentCore::CodeInterpreter', 'AWS::BedrockAgentCore::CodeInterpreterCustom'].map(
    (dataResourceType): DataEventActions => ({
      dataResourceType,
      patterns: ['bedrock-agentcore:*CodeInterpreterSession*', 'bedrock-agentcore:InvokeCodeInterpreter'],
      unconfirmed: 'the code-interpreter data-event API list',
    }),
  ),
  ...['AWS::BedrockAgentCore::Browser', 'AWS::BedrockAgentCore::BrowserCustom'].map(
    (dataResourceType): DataEventActions => ({
      dataResourceType,
      patterns: [
        'bedrock-agentcore:*BrowserSession*',
        'bedrock-agentcore:UpdateBrowserStream',
        'bedrock-agentcore:ConnectBrowser*',
      ],
      unconfirmed: 'the browser data-event API list',
    }),
  ),
  {
    dataResourceType: 'AWS::BedrockAgentCore::WorkloadIdentity',
    patterns: ['bedrock-agentcore:GetWorkloadAccessToken*'],
    unconfirmed: 'the workload-identity data-event API list',
  },
  {
    dataResourceType: 'AWS::BedrockAgentCore::OAuth2CredentialProvider',
    patterns: ['bedrock-agentcore:GetResourceOauth2Token', 'bedrock-agentcore:CompleteResourceTokenAuth'],
    unconfirmed: 'the credential-provider data-event API list',
  },
  {
    dataResourceType: 'AWS::BedrockAgentCore::APIKeyCredentialProvider',
    patterns: ['bedrock-agentcore:GetResourceApiKey'],
    unconfirmed: 'the credential-provider data-event API list',
  },
  {
    dataResourceType: 'AWS::BedrockAgentCore::TokenVault',
    patterns: ['bedrock-agentcore:GetResourceOauth2Token', 'bedrock-agentcore:GetResourceApiKey'],
    unconfirmed: 'the token-vault data-event API list',
  },
  // Source: verified §3 (SageMaker Runtime and Feature Store runtime).
  {
    dataResourceType: 'AWS::SageMaker::Endpoint',
    patterns: ['sagemaker:InvokeEndpoint*'],
    unconfirmed: 'which of the three invoke APIs are endpoint data events',
  },
  {
    dataResourceType: 'AWS::SageMaker::FeatureGroup',
    patterns: [
      'sagemaker:PutRecord',
      'sagemaker:GetRecord',
      'sagemaker:BatchGetRecord',
      'sagemaker:DeleteRecord',
    ],
    unconfirmed: 'the Feature Store runtime data-event list',
  },
  {
    dataResourceType: 'AWS::SageMaker::MlflowTrackingServer',
    patterns: ['sagemaker-mlflow:*'],
    unconfirmed: 'the MLflow data-event API list',
  },
  // Source: verified §6 (Q Business candidates).
  {
    dataResourceType: 'AWS::QBusiness::Application',
    patterns: [
      'qbusiness:Chat*',
      'qbusiness:SearchRelevantContent',
      'qbusiness:PutFeedback',
      'qbusiness:ListMessages',
    ],
    unconfirmed: 'the Q Business data-event API list',
  },
];
