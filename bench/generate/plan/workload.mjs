// One AI workload module instance of a generated plan: roles, policies, a Bedrock agent with its alias, knowledge
// base, data source and guardrail, an S3 bucket, a Lambda tool and sometimes a SageMaker endpoint.
import { ACCOUNT, FOUNDATION_MODELS, REGION } from './facts.mjs';
import { agentPermissions, policyText, roleArn, sharedPermissions, tags, trustPolicy } from './policies.mjs';

const INSTRUCTIONS = [
  'You help customers with orders and returns. Use the knowledge base for policy questions and never reveal internal notes.',
  'You answer questions from engineers about the internal platform. Cite the runbook pages you used, and escalate outages.',
  'You triage incoming support tickets, classify them by product area and urgency, and draft a first reply for a human.',
  'You summarise contracts for the legal team. Quote clauses exactly and flag anything about liability or termination.',
];

/** @typedef {{ type: string, name: string, index?: number, module: string, before: object|null, after: object|null,
 *   computed?: string[], sensitive?: object, actions?: string[] }} PlannedResource */

/** One AI workload module instance. */
export function buildWorkload(index, random, fixedAction) {
  const key = `agent-${String(index).padStart(6, '0')}`;
  const module = `module.agents["${key}"]`;
  const names = {
    prefix: key,
    bucket: `acme-${key}-kb-docs`,
    agentRole: `${key}-agent`,
    kbRole: `${key}-kb`,
    toolRole: `${key}-tool`,
    tool: `${key}-tool`,
  };
  const mode = random.next();
  const action =
    fixedAction ?? (mode < 0.7 ? 'no-op' : mode < 0.85 ? 'update' : mode < 0.95 ? 'create' : 'delete');
  const model = random.pick(FOUNDATION_MODELS);
  const agentId = random.id(10);
  const aliasId = random.id(10);
  const kbId = random.id(10);
  const dsId = random.id(10);
  const guardrailId = random.id(12).toLowerCase();
  const team = random.pick(['support', 'platform', 'legal', 'sales', 'research']);
  const hasGuardrail = random.chance(0.5);
  const hasEndpoint = index % 5 === 0;
  const boundary = random.chance(0.3) ? `arn:aws:iam::${ACCOUNT}:policy/ai-permissions-boundary` : null;
  const agentTrust = trustPolicy('bedrock.amazonaws.com', random);
  const agentPolicyBefore = agentPermissions(names, model, random, false);
  const agentPolicyAfter =
    action === 'update' ? agentPermissions(names, model, random, true) : agentPolicyBefore;

  /** @type {PlannedResource[]} */
  const resources = [];
  const add = (type, name, values, extra = {}) => {
    const { computed = [], sensitive, changedAfter, index: count } = extra;
    const after = changedAfter === undefined ? values : { ...values, ...changedAfter };
    resources.push({
      type,
      name,
      ...(count === undefined ? {} : { index: count }),
      module,
      before: action === 'create' ? null : values,
      after: action === 'delete' ? null : after,
      computed,
      ...(sensitive === undefined ? {} : { sensitive }),
      actions:
        action === 'update'
          ? changedAfter === undefined
            ? ['no-op']
            : ['update']
          : action === 'create'
            ? ['create']
            : action === 'delete'
              ? ['delete']
              : ['no-op'],
    });
  };
  const role = (name, roleName, trust, managed, extra = {}) =>
    add(
      'aws_iam_role',
      name,
      {
        name: roleName,
        arn: roleArn(roleName),
        assume_role_policy: trust,
        path: '/',
        description: `Runs ${roleName}`,
        force_detach_policies: false,
        permissions_boundary: extra.boundary ?? null,
        managed_policy_arns: managed,
        inline_policy: [],
        max_session_duration: 3600,
        id: roleName,
        unique_id: `AROA${random.id(17)}`,
        create_date: '2025-03-14T09:26:53Z',
        ...tags(random, team),
      },
      { computed: ['arn', 'id', 'unique_id', 'create_date', 'inline_policy', 'tags_all'] },
    );

  role('agent', names.agentRole, agentTrust, [], { boundary });
  add(
    'aws_iam_role_policy',
    'agent',
    {
      name: `${key}-agent`,
      role: names.agentRole,
      policy: agentPolicyBefore,
      id: `${names.agentRole}:${key}-agent`,
    },
    {
      computed: ['id'],
      changedAfter: agentPolicyAfter === agentPolicyBefore ? undefined : { policy: agentPolicyAfter },
    },
  );
  add(
    'aws_iam_policy',
    'shared',
    {
      name: `${key}-shared`,
      path: '/',
      description: 'Logging, metrics and configuration reads',
      policy: sharedPermissions(names),
      arn: `arn:aws:iam::${ACCOUNT}:policy/${key}-shared`,
      id: `arn:aws:iam::${ACCOUNT}:policy/${key}-shared`,
      policy_id: `ANPA${random.id(17)}`,
      attachment_count: 1,
      ...tags(random, team),
    },
    { computed: ['arn', 'id', 'policy_id', 'attachment_count', 'tags_all'] },
  );
  add(
    'aws_iam_role_policy_attachment',
    'shared',
    {
      role: names.agentRole,
      policy_arn: `arn:aws:iam::${ACCOUNT}:policy/${key}-shared`,
      id: `${names.agentRole}-${random.id(20)}`,
    },
    { computed: ['id', 'policy_arn'] },
  );
  add(
    'aws_s3_bucket',
    'docs',
    {
      bucket: names.bucket,
      arn: `arn:aws:s3:::${names.bucket}`,
      id: names.bucket,
      bucket_domain_name: `${names.bucket}.s3.amazonaws.com`,
      bucket_regional_domain_name: `${names.bucket}.s3.${REGION}.amazonaws.com`,
      force_destroy: false,
      object_lock_enabled: false,
      hosted_zone_id: 'Z3AQBSTGFYJSTF',
      region: REGION,
      ...tags(random, team),
    },
    {
      computed: [
        'arn',
        'id',
        'bucket_domain_name',
        'bucket_regional_domain_name',
        'hosted_zone_id',
        'region',
        'tags_all',
      ],
    },
  );
  add(
    'aws_bedrockagent_agent',
    'this',
    {
      agent_name: key,
      agent_id: agentId,
      agent_arn: `arn:aws:bedrock:${REGION}:${ACCOUNT}:agent/${agentId}`,
      agent_resource_role_arn: roleArn(names.agentRole),
      foundation_model: model,
      instruction: random.pick(INSTRUCTIONS),
      idle_session_ttl_in_seconds: 600,
      prepare_agent: true,
      skip_resource_in_use_check: false,
      customer_encryption_key_arn: null,
      guardrail_configuration: hasGuardrail
        ? [{ guardrail_identifier: guardrailId, guardrail_version: 'DRAFT' }]
        : [],
      prompt_override_configuration: [],
      id: agentId,
      ...tags(random, team),
    },
    {
      computed: [
        'agent_id',
        'agent_arn',
        'id',
        'agent_resource_role_arn',
        'tags_all',
        'prompt_override_configuration',
      ],
    },
  );
  add(
    'aws_bedrockagent_agent_alias',
    'live',
    {
      agent_alias_name: 'live',
      agent_alias_id: aliasId,
      agent_alias_arn: `arn:aws:bedrock:${REGION}:${ACCOUNT}:agent-alias/${agentId}/${aliasId}`,
      agent_id: agentId,
      description: 'Production alias',
      routing_configuration: [{ agent_version: String(1 + random.below(9)), provisioned_throughput: '' }],
      id: `${aliasId},${agentId}`,
      ...tags(random, team),
    },
    {
      computed: ['agent_alias_id', 'agent_alias_arn', 'agent_id', 'id', 'routing_configuration', 'tags_all'],
    },
  );
  role('kb', names.kbRole, trustPolicy('bedrock.amazonaws.com', random), []);
  add(
    'aws_iam_role_policy',
    'kb',
    {
      name: `${key}-kb`,
      role: names.kbRole,
      policy: policyText([
        {
          Effect: 'Allow',
          Action: ['s3:GetObject', 's3:ListBucket'],
          Resource: [`arn:aws:s3:::${names.bucket}`, `arn:aws:s3:::${names.bucket}/*`],
          Condition: { StringEquals: { 'aws:ResourceAccount': ACCOUNT } },
        },
        {
          Effect: 'Allow',
          Action: 'bedrock:InvokeModel',
          Resource: `arn:aws:bedrock:${REGION}::foundation-model/amazon.titan-embed-text-v2:0`,
        },
        {
          Effect: 'Allow',
          Action: ['aoss:APIAccessAll'],
          Resource: `arn:aws:aoss:${REGION}:${ACCOUNT}:collection/${random.id(20).toLowerCase()}`,
        },
      ]),
      id: `${names.kbRole}:${key}-kb`,
    },
    { computed: ['id'] },
  );
  add(
    'aws_bedrockagent_knowledge_base',
    'docs',
    {
      name: `${key}-docs`,
      arn: `arn:aws:bedrock:${REGION}:${ACCOUNT}:knowledge-base/${kbId}`,
      id: kbId,
      role_arn: roleArn(names.kbRole),
      description: `Documents for ${key}`,
      knowledge_base_configuration: [
        {
          type: 'VECTOR',
          vector_knowledge_base_configuration: [
            {
              embedding_model_arn: `arn:aws:bedrock:${REGION}::foundation-model/amazon.titan-embed-text-v2:0`,
            },
          ],
        },
      ],
      storage_configuration: [
        {
          type: 'OPENSEARCH_SERVERLESS',
          opensearch_serverless_configuration: [
            {
              collection_arn: `arn:aws:aoss:${REGION}:${ACCOUNT}:collection/${random.id(20).toLowerCase()}`,
              vector_index_name: 'bedrock-knowledge-base-default-index',
              field_mapping: [{ vector_field: 'vector', text_field: 'text', metadata_field: 'metadata' }],
            },
          ],
        },
      ],
      ...tags(random, team),
    },
    { computed: ['arn', 'id', 'role_arn', 'tags_all'] },
  );
  add(
    'aws_bedrockagent_data_source',
    'docs',
    {
      name: `${key}-docs`,
      knowledge_base_id: kbId,
      data_source_id: dsId,
      id: `${dsId},${kbId}`,
      data_deletion_policy: 'RETAIN',
      data_source_configuration: [
        {
          type: 'S3',
          s3_configuration: [
            {
              bucket_arn: `arn:aws:s3:::${names.bucket}`,
              bucket_owner_account_id: null,
              inclusion_prefixes: null,
            },
          ],
        },
      ],
    },
    { computed: ['knowledge_base_id', 'data_source_id', 'id', 'data_source_configuration'] },
  );
  if (hasGuardrail) {
    add(
      'aws_bedrock_guardrail',
      'this',
      {
        name: `${key}-guardrail`,
        guardrail_id: guardrailId,
        guardrail_arn: `arn:aws:bedrock:${REGION}:${ACCOUNT}:guardrail/${guardrailId}`,
        version: 'DRAFT',
        status: 'READY',
        description: 'Blocks personal data and off-topic answers',
        blocked_input_messaging: "Sorry, I can't help with that.",
        blocked_outputs_messaging: "Sorry, I can't share that.",
        kms_key_arn: null,
        created_at: '2025-03-14T09:26:53Z',
        sensitive_information_policy_config: [
          {
            pii_entities_config: [
              { type: 'EMAIL', action: 'ANONYMIZE' },
              { type: 'PHONE', action: 'ANONYMIZE' },
            ],
            regexes_config: [],
          },
        ],
        ...tags(random, team),
      },
      { computed: ['guardrail_id', 'guardrail_arn', 'version', 'status', 'created_at', 'tags_all'] },
    );
  }
  role(
    'tool',
    names.toolRole,
    policyText([
      { Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' },
    ]),
    ['arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole'],
  );
  add(
    'aws_lambda_function',
    'tool',
    {
      function_name: names.tool,
      arn: `arn:aws:lambda:${REGION}:${ACCOUNT}:function:${names.tool}`,
      invoke_arn: `arn:aws:apigateway:${REGION}:lambda:path/2015-03-31/functions/arn:aws:lambda:${REGION}:${ACCOUNT}:function:${names.tool}/invocations`,
      qualified_arn: `arn:aws:lambda:${REGION}:${ACCOUNT}:function:${names.tool}:$LATEST`,
      role: roleArn(names.toolRole),
      runtime: 'python3.12',
      handler: 'app.handler',
      filename: 'build/tool.zip',
      source_code_hash: random.id(43),
      memory_size: 256,
      timeout: 15,
      version: '$LATEST',
      last_modified: '2025-03-14T09:26:53.000+0000',
      environment: [
        { variables: { TABLE: `${key}-orders`, API_TOKEN: `tok-live-${random.id(24).toLowerCase()}` } },
      ],
      id: names.tool,
      ...tags(random, team),
    },
    {
      computed: [
        'arn',
        'invoke_arn',
        'qualified_arn',
        'role',
        'version',
        'last_modified',
        'source_code_hash',
        'id',
        'tags_all',
      ],
      sensitive: { environment: [{ variables: { API_TOKEN: true } }] },
    },
  );
  add(
    'aws_bedrockagent_agent_action_group',
    'tool',
    {
      action_group_name: 'lookup',
      action_group_id: random.id(10),
      agent_id: agentId,
      agent_version: 'DRAFT',
      description: 'Looks records up by id',
      action_group_state: 'ENABLED',
      skip_resource_in_use_check: false,
      action_group_executor: [
        { lambda: `arn:aws:lambda:${REGION}:${ACCOUNT}:function:${names.tool}`, custom_control: null },
      ],
      id: `${random.id(10)},${agentId},DRAFT`,
    },
    { computed: ['action_group_id', 'agent_id', 'id', 'action_group_executor'] },
  );
  if (hasEndpoint) {
    const endpoint = `${key}-endpoint`;
    role('sagemaker', `${key}-sagemaker`, trustPolicy('sagemaker.amazonaws.com', random), [
      'arn:aws:iam::aws:policy/AmazonSageMakerFullAccess',
    ]);
    add(
      'aws_sagemaker_endpoint',
      'this',
      {
        name: endpoint,
        arn: `arn:aws:sagemaker:${REGION}:${ACCOUNT}:endpoint/${endpoint}`,
        endpoint_config_name: `${key}-config`,
        deployment_config: [],
        id: endpoint,
        ...tags(random, team),
      },
      { computed: ['arn', 'id', 'tags_all'], index: 0 },
    );
  }
  return { key, module, resources };
}
