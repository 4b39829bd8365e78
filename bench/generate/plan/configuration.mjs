// The `configuration` block of a generated plan, with the references that link resources inside a module.
import { FOUNDATION_MODELS, PROVIDER, REGION } from './facts.mjs';

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
export function configuration() {
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
