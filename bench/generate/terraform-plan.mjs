// Generates a large, realistic `terraform show -json` plan (format 1.2), sized by a target byte count.
//
// The plan is made of module instances: `module.agents["agent-N"]` holds one AI workload (IAM roles with trust
// and permission policies, a Bedrock agent, alias, knowledge base, data source, guardrail, an S3 bucket, a Lambda
// tool, sometimes a SageMaker endpoint); `module.services["svc-N"]` holds ordinary infrastructure that the tool
// must skip quickly. The root module holds the trails and an event data store. The file is written in pieces, so a
// plan larger than the JavaScript string limit can be generated.
import { closeSync, openSync, writeSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { createRandom } from './random.mjs';

const ACCOUNT = '111122223333';
const REGION = 'us-east-1';
const PROVIDER = 'registry.terraform.io/hashicorp/aws';
const FOUNDATION_MODELS = [
  'anthropic.claude-3-5-sonnet-20240620-v1:0',
  'anthropic.claude-3-haiku-20240307-v1:0',
  'amazon.titan-text-premier-v1:0',
  'meta.llama3-70b-instruct-v1:0',
];
const INSTRUCTIONS = [
  'You help customers with orders and returns. Use the knowledge base for policy questions and never reveal internal notes.',
  'You answer questions from engineers about the internal platform. Cite the runbook pages you used, and escalate outages.',
  'You triage incoming support tickets, classify them by product area and urgency, and draft a first reply for a human.',
  'You summarise contracts for the legal team. Quote clauses exactly and flag anything about liability or termination.',
];

/** The first module instances are workloads with these changes, so that even a small plan has each kind. */
const FIRST_ACTIONS = ['create', 'update', 'delete', 'no-op'];

/** Share of module instances that are AI workloads; the rest is ordinary infrastructure. */
const WORKLOAD_SHARE = 0.3;

/** @typedef {{ type: string, name: string, index?: number, module: string, before: object|null, after: object|null,
 *   computed?: string[], sensitive?: object, actions?: string[] }} PlannedResource */

function roleArn(name) {
  return `arn:aws:iam::${ACCOUNT}:role/${name}`;
}

function policyText(statements) {
  return JSON.stringify({ Version: '2012-10-17', Statement: statements });
}

function trustPolicy(service, random) {
  const statement = {
    Effect: 'Allow',
    Principal: { Service: service },
    Action: 'sts:AssumeRole',
  };
  if (random.chance(0.7)) {
    statement.Condition = {
      StringEquals: { 'aws:SourceAccount': ACCOUNT },
      ...(random.chance(0.5)
        ? { ArnLike: { 'aws:SourceArn': `arn:aws:bedrock:${REGION}:${ACCOUNT}:agent/*` } }
        : {}),
    };
  }
  return policyText([statement]);
}

/** The agent role's permissions; `widened` adds what a risky pull request typically adds. */
function agentPermissions(names, model, random, widened) {
  const statements = [
    {
      Sid: 'InvokeModel',
      Effect: 'Allow',
      Action: ['bedrock:InvokeModel', 'bedrock:InvokeModelWithResponseStream'],
      Resource: `arn:aws:bedrock:${REGION}::foundation-model/${model}`,
    },
    {
      Sid: 'RetrieveDocs',
      Effect: 'Allow',
      Action: ['bedrock:Retrieve', 'bedrock:RetrieveAndGenerate'],
      Resource: `arn:aws:bedrock:${REGION}:${ACCOUNT}:knowledge-base/*`,
    },
    {
      Sid: 'ReadDocs',
      Effect: 'Allow',
      Action: ['s3:GetObject', 's3:ListBucket'],
      Resource: [`arn:aws:s3:::${names.bucket}`, `arn:aws:s3:::${names.bucket}/*`],
    },
  ];
  if (random.chance(0.4)) {
    statements.push({
      Sid: 'DecryptDocs',
      Effect: 'Allow',
      Action: 'kms:Decrypt',
      Resource: `arn:aws:kms:${REGION}:${ACCOUNT}:key/*`,
      Condition: { StringEquals: { 'kms:ViaService': `s3.${REGION}.amazonaws.com` } },
    });
  }
  if (widened) {
    const risky = random.pick([
      { Sid: 'AllBedrock', Effect: 'Allow', Action: 'bedrock:*', Resource: '*' },
      { Sid: 'PassAnyRole', Effect: 'Allow', Action: 'iam:PassRole', Resource: '*' },
      {
        Sid: 'ReadSecrets',
        Effect: 'Allow',
        Action: 'secretsmanager:GetSecretValue',
        Resource: `arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:*`,
      },
      {
        Sid: 'WriteDocs',
        Effect: 'Allow',
        Action: 's3:*',
        Resource: '*',
        Condition: { StringEquals: { 'aws:RequestedRegion': REGION } },
      },
      {
        Sid: 'TrailAdmin',
        Effect: 'Allow',
        Action: ['cloudtrail:StopLogging', 'logs:Delete*'],
        Resource: '*',
      },
    ]);
    statements.push(risky);
  }
  return policyText(statements);
}

function sharedPermissions(names) {
  return policyText([
    {
      Sid: 'Logs',
      Effect: 'Allow',
      Action: ['logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:PutLogEvents'],
      Resource: `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:/aws/bedrock/${names.prefix}*`,
    },
    { Sid: 'Metrics', Effect: 'Allow', Action: 'cloudwatch:PutMetricData', Resource: '*' },
    {
      Sid: 'ReadConfig',
      Effect: 'Allow',
      Action: ['s3:Get*', 's3:List*'],
      Resource: `arn:aws:s3:::${names.bucket}*`,
    },
    {
      Sid: 'DenyOtherRegions',
      Effect: 'Deny',
      NotAction: ['iam:*', 'sts:*', 'cloudfront:*'],
      Resource: '*',
      Condition: { StringNotEquals: { 'aws:RequestedRegion': [REGION, 'eu-west-1'] } },
    },
  ]);
}

function tags(random, team) {
  const base = { team, 'cost-center': `cc-${1000 + random.below(9000)}`, environment: 'production' };
  return { tags: base, tags_all: { ...base, 'managed-by': 'terraform' } };
}

/** One AI workload module instance. */
function buildWorkload(index, random, fixedAction) {
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

/** One module instance of ordinary infrastructure, with a nested database module. */
function buildService(index, random) {
  const key = `svc-${String(index).padStart(6, '0')}`;
  const module = `module.services["${key}"]`;
  const dbModule = `${module}.module.db`;
  const team = random.pick(['payments', 'search', 'identity', 'catalog', 'web']);
  const updated = random.chance(0.1);
  /** @type {PlannedResource[]} */
  const resources = [];
  const add = (type, name, values, extra = {}) => {
    const { sensitive, index: count, inModule = module, changedAfter } = extra;
    resources.push({
      type,
      name,
      ...(count === undefined ? {} : { index: count }),
      module: inModule,
      before: values,
      after: changedAfter === undefined ? values : { ...values, ...changedAfter },
      computed: [],
      ...(sensitive === undefined ? {} : { sensitive }),
      actions: changedAfter === undefined ? ['no-op'] : ['update'],
    });
  };
  const sg = `sg-${random.id(17).toLowerCase()}`;
  add('aws_security_group', 'this', {
    name: `${key}-app`,
    description: `Application traffic for ${key}`,
    id: sg,
    arn: `arn:aws:ec2:${REGION}:${ACCOUNT}:security-group/${sg}`,
    vpc_id: `vpc-${random.id(17).toLowerCase()}`,
    owner_id: ACCOUNT,
    revoke_rules_on_delete: false,
    ingress: [],
    egress: [],
    tags: { team },
  });
  for (let rule = 0; rule < 6; rule += 1) {
    add(
      'aws_security_group_rule',
      'ingress',
      {
        type: 'ingress',
        from_port: 443 + rule,
        to_port: 443 + rule,
        protocol: 'tcp',
        cidr_blocks: [`10.${random.below(255)}.0.0/16`],
        security_group_id: sg,
        id: `sgrule-${random.below(4294967295)}`,
      },
      { index: rule },
    );
  }
  for (let instance = 0; instance < 1; instance += 1) {
    const id = `i-${random.id(17).toLowerCase()}`;
    add(
      'aws_instance',
      'app',
      {
        ami: `ami-${random.id(17).toLowerCase()}`,
        instance_type: random.pick(['t3.medium', 'm6i.large', 'c6i.xlarge']),
        id,
        arn: `arn:aws:ec2:${REGION}:${ACCOUNT}:instance/${id}`,
        subnet_id: `subnet-${random.id(17).toLowerCase()}`,
        vpc_security_group_ids: [sg],
        private_ip: `10.${random.below(255)}.${random.below(255)}.${random.below(255)}`,
        monitoring: true,
        ebs_optimized: true,
        root_block_device: [
          { volume_size: 50, volume_type: 'gp3', encrypted: true, delete_on_termination: true },
        ],
        metadata_options: [
          { http_tokens: 'required', http_endpoint: 'enabled', http_put_response_hop_limit: 1 },
        ],
        user_data: null,
        tags: { team },
      },
      {
        index: instance,
        ...(updated && instance === 0 ? { changedAfter: { instance_type: 'm6i.xlarge' } } : {}),
      },
    );
  }
  add('aws_cloudwatch_log_group', 'app', {
    name: `/app/${key}`,
    arn: `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:/app/${key}`,
    retention_in_days: 30,
    kms_key_id: '',
    id: `/app/${key}`,
  });
  add(
    'aws_ssm_parameter',
    'db_password',
    {
      name: `/${key}/db/password`,
      type: 'SecureString',
      value: `pw-${random.id(20)}`,
      arn: `arn:aws:ssm:${REGION}:${ACCOUNT}:parameter/${key}/db/password`,
      tier: 'Standard',
      version: 1,
      id: `/${key}/db/password`,
    },
    { sensitive: { value: true } },
  );
  add('aws_sqs_queue', 'jobs', {
    name: `${key}-jobs`,
    arn: `arn:aws:sqs:${REGION}:${ACCOUNT}:${key}-jobs`,
    url: `https://sqs.${REGION}.amazonaws.com/${ACCOUNT}/${key}-jobs`,
    visibility_timeout_seconds: 60,
    message_retention_seconds: 345600,
    id: `https://sqs.${REGION}.amazonaws.com/${ACCOUNT}/${key}-jobs`,
  });
  for (const host of ['app', 'api', 'admin', 'metrics']) {
    add(
      'aws_route53_record',
      'host',
      {
        zone_id: 'Z0123456789ABCDEFGHIJ',
        name: `${host}.${key}.example.com`,
        type: 'A',
        ttl: 300,
        records: [`10.${random.below(255)}.${random.below(255)}.${random.below(255)}`],
        id: `Z0123456789ABCDEFGHIJ_${host}.${key}.example.com_A`,
      },
      { index: host },
    );
  }
  add(
    'aws_db_instance',
    'this',
    {
      identifier: `${key}-db`,
      engine: 'postgres',
      engine_version: '16.3',
      instance_class: 'db.r6g.large',
      allocated_storage: 100,
      username: 'app',
      password: `pw-${random.id(20)}`,
      arn: `arn:aws:rds:${REGION}:${ACCOUNT}:db:${key}-db`,
      endpoint: `${key}-db.abcdefghijkl.${REGION}.rds.amazonaws.com:5432`,
      storage_encrypted: true,
      multi_az: true,
      backup_retention_period: 7,
      id: `db-${random.id(26)}`,
      tags: { team },
    },
    { inModule: dbModule, sensitive: { password: true } },
  );
  add(
    'aws_db_subnet_group',
    'this',
    {
      name: `${key}-db`,
      subnet_ids: [`subnet-${random.id(17).toLowerCase()}`, `subnet-${random.id(17).toLowerCase()}`],
      arn: `arn:aws:rds:${REGION}:${ACCOUNT}:subgrp:${key}-db`,
      id: `${key}-db`,
    },
    { inModule: dbModule },
  );
  return { key, module, resources };
}

function fieldSelector(field, operator, values) {
  const block = {
    field,
    equals: null,
    not_equals: null,
    starts_with: null,
    not_starts_with: null,
    ends_with: null,
    not_ends_with: null,
  };
  block[operator] = values;
  return block;
}

function dataSelector(name, type, extra = []) {
  return {
    name,
    field_selector: [
      fieldSelector('eventCategory', 'equals', ['Data']),
      fieldSelector('resources.type', 'equals', [type]),
      ...extra,
    ],
  };
}

function trailValues(name, selectors, extra = {}) {
  return {
    name,
    s3_bucket_name: 'acme-cloudtrail-logs',
    s3_key_prefix: null,
    enable_logging: true,
    enable_log_file_validation: true,
    include_global_service_events: true,
    is_multi_region_trail: true,
    is_organization_trail: false,
    kms_key_id: null,
    cloud_watch_logs_group_arn: null,
    cloud_watch_logs_role_arn: null,
    sns_topic_name: null,
    event_selector: [],
    insight_selector: [],
    advanced_event_selector: selectors,
    arn: `arn:aws:cloudtrail:${REGION}:${ACCOUNT}:trail/${name}`,
    home_region: REGION,
    id: name,
    sns_topic_arn: null,
    tags: { team: 'security' },
    tags_all: { team: 'security', 'managed-by': 'terraform' },
    ...extra,
  };
}

/** The trails and the event data store of the root module, covering some of the workloads. */
function buildSinks(workloadKeys) {
  const management = {
    name: 'Management events',
    field_selector: [fieldSelector('eventCategory', 'equals', ['Management'])],
  };
  const bucketPrefixes = workloadKeys.slice(0, 40).map((key) => `arn:aws:s3:::acme-${key}-kb-docs/`);
  const before = [
    management,
    dataSelector('Agent invocations', 'AWS::Bedrock::AgentAlias'),
    dataSelector('Knowledge base retrievals', 'AWS::Bedrock::KnowledgeBase'),
    dataSelector('Guardrails', 'AWS::Bedrock::Guardrail'),
    dataSelector('Documents', 'AWS::S3::Object', [
      fieldSelector('resources.ARN', 'starts_with', bucketPrefixes),
    ]),
  ];
  const after = [
    management,
    dataSelector('Agent invocations', 'AWS::Bedrock::AgentAlias'),
    dataSelector('Knowledge base retrievals', 'AWS::Bedrock::KnowledgeBase', [
      fieldSelector('readOnly', 'equals', ['true']),
    ]),
    dataSelector('Documents', 'AWS::S3::Object', [
      fieldSelector('resources.ARN', 'starts_with', bucketPrefixes),
    ]),
    dataSelector('Endpoints', 'AWS::SageMaker::Endpoint'),
  ];
  const module = '';
  const aiData = trailValues('ai-data', before);
  const lambdaValues = trailValues('lambda-data', [], {
    event_selector: [
      {
        read_write_type: 'All',
        include_management_events: false,
        exclude_management_event_sources: [],
        data_resource: [
          { type: 'AWS::Lambda::Function', values: [`arn:aws:lambda:${REGION}:${ACCOUNT}:function:agent-`] },
        ],
      },
    ],
    advanced_event_selector: [],
  });
  const storeBefore = {
    name: 'ai-lake',
    arn: `arn:aws:cloudtrail:${REGION}:${ACCOUNT}:eventdatastore/${'e'.repeat(8)}-0000-4000-8000-000000000000`,
    multi_region_enabled: true,
    organization_enabled: false,
    retention_period: 2557,
    termination_protection_enabled: true,
    suspend: null,
    billing_mode: 'EXTENDABLE_RETENTION_PRICING',
    kms_key_id: null,
    advanced_event_selector: [
      dataSelector('Agents outside the sandbox', 'AWS::Bedrock::AgentAlias', [
        fieldSelector('resources.ARN', 'not_starts_with', [
          `arn:aws:bedrock:${REGION}:${ACCOUNT}:agent-alias/SANDBOX`,
        ]),
      ]),
    ],
    id: 'ai-lake',
    tags: {},
    tags_all: {},
  };
  return {
    module,
    resources: [
      {
        type: 'aws_cloudtrail',
        name: 'organization',
        module,
        before: trailValues('organization', [management], { is_organization_trail: true }),
        after: trailValues('organization', [management], { is_organization_trail: true }),
        computed: [],
        actions: ['no-op'],
      },
      {
        type: 'aws_cloudtrail',
        name: 'ai_data',
        module,
        before: aiData,
        after: { ...aiData, advanced_event_selector: after },
        computed: [],
        actions: ['update'],
      },
      {
        type: 'aws_cloudtrail',
        name: 'lambda_data',
        module,
        before: lambdaValues,
        after: lambdaValues,
        computed: [],
        actions: ['no-op'],
      },
      {
        type: 'aws_cloudtrail',
        name: 'computed',
        module,
        before: null,
        after: trailValues('computed', []),
        computed: ['arn', 'id', 'home_region', 'advanced_event_selector', 'tags_all'],
        actions: ['create'],
      },
      {
        type: 'aws_cloudtrail_event_data_store',
        name: 'ai_lake',
        module,
        before: storeBefore,
        after: storeBefore,
        computed: [],
        actions: ['no-op'],
      },
    ],
  };
}

function localAddress(resource) {
  const key = resource.index === undefined ? '' : JSON.stringify(resource.index);
  return `${resource.type}.${resource.name}${key === '' ? '' : `[${key}]`}`;
}

function addressOf(resource) {
  const local = localAddress(resource);
  return resource.module === '' ? local : `${resource.module}.${local}`;
}

/** The after value Terraform writes for a created resource: computed attributes left out and marked unknown. */
function plannedAfter(resource) {
  if (resource.after === null) return { after: null, unknown: {} };
  if (resource.actions[0] !== 'create') return { after: resource.after, unknown: {} };
  const after = { ...resource.after };
  const unknown = {};
  for (const key of resource.computed) {
    delete after[key];
    unknown[key] = true;
  }
  return { after, unknown };
}

function resourceChange(resource) {
  const { after, unknown } = plannedAfter(resource);
  const marks = resource.sensitive ?? {};
  return {
    address: addressOf(resource),
    ...(resource.module === '' ? {} : { module_address: resource.module }),
    mode: 'managed',
    type: resource.type,
    name: resource.name,
    ...(resource.index === undefined ? {} : { index: resource.index }),
    provider_name: PROVIDER,
    change: {
      actions: resource.actions,
      before: resource.before,
      after,
      after_unknown: unknown,
      before_sensitive: resource.before === null ? false : marks,
      after_sensitive: after === null ? false : marks,
    },
  };
}

function stateResource(resource, values) {
  return {
    address: addressOf(resource),
    mode: 'managed',
    type: resource.type,
    name: resource.name,
    ...(resource.index === undefined ? {} : { index: resource.index }),
    provider_name: PROVIDER,
    schema_version: 0,
    values,
    sensitive_values: resource.sensitive ?? {},
  };
}

const reference = (...targets) => ({
  references: targets.flatMap((target) => [target, target.replace(/\.[a-z_]+$/, '')]),
});
const constant = (value) => ({ constant_value: value });

function configResource(type, name, expressions, extra = {}) {
  return {
    address: `${type}.${name}`,
    mode: 'managed',
    type,
    name,
    provider_config_key: 'aws',
    expressions,
    schema_version: 0,
    ...extra,
  };
}

/** The `configuration` block: modules are written once, whatever the number of their instances. */
function configuration() {
  const agents = {
    resources: [
      configResource('aws_iam_role', 'agent', {
        name: { references: ['local.agent_role_name'] },
        assume_role_policy: {},
      }),
      configResource('aws_iam_role_policy', 'agent', {
        role: reference('aws_iam_role.agent.id'),
        policy: {},
      }),
      configResource('aws_iam_policy', 'shared', { name: { references: ['var.name'] }, policy: {} }),
      configResource('aws_iam_role_policy_attachment', 'shared', {
        role: reference('aws_iam_role.agent.name'),
        policy_arn: reference('aws_iam_policy.shared.arn'),
      }),
      configResource('aws_s3_bucket', 'docs', { bucket: { references: ['var.name'] } }),
      configResource('aws_bedrockagent_agent', 'this', {
        agent_name: { references: ['var.name'] },
        agent_resource_role_arn: reference('aws_iam_role.agent.arn'),
        foundation_model: { references: ['var.model'] },
        guardrail_configuration: [
          {
            guardrail_identifier: reference('aws_bedrock_guardrail.this.guardrail_id'),
            guardrail_version: constant('DRAFT'),
          },
        ],
      }),
      configResource('aws_bedrockagent_agent_alias', 'live', {
        agent_alias_name: constant('live'),
        agent_id: reference('aws_bedrockagent_agent.this.agent_id'),
      }),
      configResource('aws_iam_role', 'kb', { name: { references: ['var.name'] }, assume_role_policy: {} }),
      configResource('aws_iam_role_policy', 'kb', { role: reference('aws_iam_role.kb.id'), policy: {} }),
      configResource('aws_bedrockagent_knowledge_base', 'docs', {
        role_arn: reference('aws_iam_role.kb.arn'),
      }),
      configResource('aws_bedrockagent_data_source', 'docs', {
        knowledge_base_id: reference('aws_bedrockagent_knowledge_base.docs.id'),
        data_source_configuration: [
          { type: constant('S3'), s3_configuration: [{ bucket_arn: reference('aws_s3_bucket.docs.arn') }] },
        ],
      }),
      configResource(
        'aws_bedrock_guardrail',
        'this',
        { name: { references: ['var.name'] } },
        { count_expression: { references: ['var.guardrail'] } },
      ),
      configResource('aws_iam_role', 'tool', {
        name: { references: ['var.name'] },
        assume_role_policy: {},
        managed_policy_arns: constant(['arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole']),
      }),
      configResource('aws_lambda_function', 'tool', {
        function_name: { references: ['var.name'] },
        role: reference('aws_iam_role.tool.arn'),
      }),
      configResource('aws_bedrockagent_agent_action_group', 'tool', {
        agent_id: reference('aws_bedrockagent_agent.this.agent_id'),
        action_group_executor: [{ lambda: reference('aws_lambda_function.tool.arn') }],
      }),
      configResource('aws_iam_role', 'sagemaker', {
        name: { references: ['var.name'] },
        assume_role_policy: {},
      }),
      configResource(
        'aws_sagemaker_endpoint',
        'this',
        { name: { references: ['var.name'] } },
        { count_expression: { references: ['var.endpoint'] } },
      ),
    ],
    variables: {
      name: {},
      model: { default: FOUNDATION_MODELS[0] },
      guardrail: { default: true },
      endpoint: { default: false },
    },
  };
  const services = {
    resources: [
      'aws_security_group.this',
      'aws_security_group_rule.ingress',
      'aws_instance.app',
      'aws_cloudwatch_log_group.app',
      'aws_ssm_parameter.db_password',
      'aws_sqs_queue.jobs',
      'aws_route53_record.host',
    ].map((address) => {
      const [type, name] = address.split('.');
      return configResource(type, name, { name: { references: ['var.name'] } });
    }),
    module_calls: {
      db: {
        source: './modules/db',
        expressions: { name: { references: ['var.name'] } },
        module: {
          resources: [
            configResource('aws_db_instance', 'this', {
              identifier: { references: ['var.name'] },
              password: {},
            }),
            configResource('aws_db_subnet_group', 'this', { name: { references: ['var.name'] } }),
          ],
          variables: { name: {} },
        },
      },
    },
    variables: { name: {} },
  };
  return {
    provider_config: {
      aws: {
        name: 'aws',
        full_name: PROVIDER,
        version_constraint: '~> 5.80',
        expressions: { region: constant(REGION) },
      },
    },
    root_module: {
      resources: [
        configResource('aws_cloudtrail', 'organization', { name: constant('organization') }),
        configResource('aws_cloudtrail', 'ai_data', { name: constant('ai-data') }),
        configResource('aws_cloudtrail', 'lambda_data', { name: constant('lambda-data') }),
        configResource('aws_cloudtrail', 'computed', { name: constant('computed') }),
        configResource('aws_cloudtrail_event_data_store', 'ai_lake', { name: constant('ai-lake') }),
      ],
      module_calls: {
        agents: {
          source: './modules/agent',
          for_each_expression: { references: ['var.agents'] },
          expressions: { name: { references: ['each.key'] } },
          module: agents,
        },
        services: {
          source: './modules/service',
          for_each_expression: { references: ['var.services'] },
          expressions: { name: { references: ['each.key'] } },
          module: services,
        },
      },
    },
  };
}

/** Writes text to a file descriptor in large pieces. */
class ChunkWriter {
  constructor(fd) {
    this.fd = fd;
    this.parts = [];
    this.pending = 0;
    this.bytes = 0;
  }
  write(text) {
    this.parts.push(text);
    this.pending += text.length;
    if (this.pending > 1 << 20) this.flush();
  }
  flush() {
    if (this.parts.length === 0) return;
    const text = this.parts.join('');
    this.bytes += writeSync(this.fd, text);
    this.parts = [];
    this.pending = 0;
  }
}

/** Writes a JSON array whose items come from a generator, comma-separated. */
function writeArray(writer, items) {
  writer.write('[');
  let first = true;
  for (const item of items) {
    writer.write(first ? JSON.stringify(item) : `,${JSON.stringify(item)}`);
    first = false;
  }
  writer.write(']');
}

/** The module instances of the plan, rebuilt on demand from their index and the seed (nothing is kept). */
function* units(count, seed) {
  for (let index = 0; index < count; index += 1) {
    const random = createRandom(seed * 1_000_003 + index);
    const fixed = FIRST_ACTIONS[index];
    yield fixed !== undefined || random.chance(WORKLOAD_SHARE)
      ? buildWorkload(index, random, fixed)
      : buildService(index, random);
  }
}

function workloadKeys(count, seed) {
  const keys = [];
  for (const unit of units(Math.min(count, 2000), seed))
    if (unit.key.startsWith('agent-')) keys.push(unit.key);
  return keys;
}

/** Module instances as `child_modules` of a state, nested by module address. */
function* stateModules(count, seed, side) {
  for (const unit of units(count, seed)) {
    const byModule = new Map();
    for (const resource of unit.resources) {
      const values = side === 'planned' ? plannedAfter(resource).after : resource.before;
      if (values === null) continue;
      let list = byModule.get(resource.module);
      if (list === undefined) byModule.set(resource.module, (list = []));
      list.push(stateResource(resource, values));
    }
    const top = byModule.get(unit.module);
    if (top === undefined) continue;
    const children = [...byModule].filter(([address]) => address !== unit.module);
    yield {
      resources: top,
      address: unit.module,
      ...(children.length === 0
        ? {}
        : { child_modules: children.map(([address, resources]) => ({ resources, address })) }),
    };
  }
}

function rootState(writer, sinks, count, seed, side) {
  const roots = sinks.resources
    .map((resource) => {
      const values = side === 'planned' ? plannedAfter(resource).after : resource.before;
      return values === null ? null : stateResource(resource, values);
    })
    .filter((item) => item !== null);
  if (side === 'prior') {
    roots.push({
      address: 'data.aws_caller_identity.current',
      mode: 'data',
      type: 'aws_caller_identity',
      name: 'current',
      provider_name: PROVIDER,
      schema_version: 0,
      values: {
        account_id: ACCOUNT,
        arn: `arn:aws:iam::${ACCOUNT}:user/deploy`,
        id: ACCOUNT,
        user_id: 'AIDAEXAMPLE',
      },
      sensitive_values: {},
    });
  }
  writer.write(`{"resources":${JSON.stringify(roots)},"child_modules":`);
  writeArray(writer, stateModules(count, seed, side));
  writer.write('}');
}

/** Counts what a plan of `count` module instances holds, without writing it. */
function countPlan(count, seed) {
  const stats = { moduleInstances: count, resourceChanges: 5, roles: 0, aiResources: 0, policies: 0 };
  for (const unit of units(count, seed)) {
    for (const resource of unit.resources) {
      stats.resourceChanges += 1;
      if (resource.type === 'aws_iam_role') stats.roles += 1;
      else if (resource.type.includes('policy')) stats.policies += 1;
      else if (/bedrock|sagemaker|s3_bucket|lambda_function/.test(resource.type)) stats.aiResources += 1;
    }
  }
  return stats;
}

/** Writes a plan of exactly `count` module instances and returns the number of bytes written. */
export function writePlanOfUnits(path, count, seed = 1) {
  const fd = openSync(path, 'w');
  try {
    const writer = new ChunkWriter(fd);
    const sinks = buildSinks(workloadKeys(count, seed));
    writer.write('{"format_version":"1.2","terraform_version":"1.9.8","planned_values":{"root_module":');
    rootState(writer, sinks, count, seed, 'planned');
    writer.write('},"resource_changes":');
    writeArray(
      writer,
      (function* () {
        for (const resource of sinks.resources) yield resourceChange(resource);
        for (const unit of units(count, seed))
          for (const resource of unit.resources) yield resourceChange(resource);
      })(),
    );
    writer.write(
      ',"prior_state":{"format_version":"1.0","terraform_version":"1.9.8","values":{"root_module":',
    );
    rootState(writer, sinks, count, seed, 'prior');
    writer.write('}},"configuration":');
    writer.write(JSON.stringify(configuration()));
    writer.write(',"timestamp":"2025-03-14T09:26:53Z","applyable":true,"complete":true,"errored":false}');
    writer.flush();
    return writer.bytes;
  } finally {
    closeSync(fd);
  }
}

/** Bytes a sample of module instances takes, to size a plan by bytes without writing it twice. */
function bytesPerUnit(seed) {
  const sample = 400;
  let bytes = 0;
  for (const unit of units(sample, seed)) {
    for (const resource of unit.resources) {
      bytes += JSON.stringify(resourceChange(resource)).length + 1;
      const planned = plannedAfter(resource).after;
      if (planned !== null) bytes += JSON.stringify(stateResource(resource, planned)).length + 1;
      if (resource.before !== null)
        bytes += JSON.stringify(stateResource(resource, resource.before)).length + 1;
    }
    bytes += 2 * (unit.module.length + 40);
  }
  return bytes / sample;
}

/**
 * Writes a plan of about `targetBytes` bytes to `path` and says what it holds.
 * @returns {{ bytes: number, moduleInstances: number, resourceChanges: number, roles: number, aiResources: number, policies: number }}
 */
export function writeTerraformPlan(path, { targetBytes, seed = 1 }) {
  const count = Math.max(1, Math.round((targetBytes - 60_000) / bytesPerUnit(seed)));
  const bytes = writePlanOfUnits(path, count, seed);
  return { bytes, ...countPlan(count, seed) };
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [out, size] = process.argv.slice(2);
  if (out === undefined || size === undefined) {
    process.stderr.write('usage: node bench/generate/terraform-plan.mjs OUT.json BYTES\n');
    process.exit(2);
  }
  process.stdout.write(`${JSON.stringify(writeTerraformPlan(out, { targetBytes: Number(size) }))}\n`);
}
