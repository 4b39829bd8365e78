// The trails and the event data store of a generated plan's root module.
import { ACCOUNT, REGION } from './facts.mjs';

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
export function buildSinks(workloadKeys) {
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
