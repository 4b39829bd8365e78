import { describe, expect, it } from 'vitest';
import { change, loadPlan, plan } from '../../support/terraform-plan-builder.js';

describe('AI resources and their links', () => {
  it('links a knowledge base data source to its bucket and knowledge base through configuration references', async () => {
    const input = await loadPlan(
      plan(
        [
          change('aws_s3_bucket.docs', { after: { bucket: 'docs' }, afterUnknown: { arn: true } }),
          change('aws_bedrockagent_knowledge_base.kb', {
            after: { name: 'kb' },
            afterUnknown: { id: true, arn: true },
          }),
          change('aws_bedrockagent_data_source.ds', {
            after: {
              name: 'ds',
              data_source_configuration: [{ type: 'S3', s3_configuration: [{ inclusion_prefixes: null }] }],
            },
            afterUnknown: {
              knowledge_base_id: true,
              data_source_id: true,
              data_source_configuration: [{ s3_configuration: [{ bucket_arn: true }] }],
            },
          }),
        ],
        {
          rootModule: {
            resources: [
              {
                address: 'aws_bedrockagent_data_source.ds',
                type: 'aws_bedrockagent_data_source',
                expressions: {
                  knowledge_base_id: {
                    references: [
                      'aws_bedrockagent_knowledge_base.kb.id',
                      'aws_bedrockagent_knowledge_base.kb',
                    ],
                  },
                  data_source_configuration: [
                    {
                      s3_configuration: [
                        { bucket_arn: { references: ['aws_s3_bucket.docs.arn', 'aws_s3_bucket.docs'] } },
                      ],
                    },
                  ],
                },
              },
            ],
          },
        },
      ),
    );
    const bucket = input.after.resources.find((resource) => resource.id === 'aws_s3_bucket.docs');
    expect(bucket).toMatchObject({ kind: 'bucket', dataResourceType: 'AWS::S3::Object', name: 'docs' });
    expect(input.after.links).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          from: 'aws_bedrockagent_data_source.ds',
          relation: 'data-source-bucket',
          to: { id: 'aws_s3_bucket.docs' },
        }),
        expect.objectContaining({
          from: 'aws_bedrockagent_data_source.ds',
          relation: 'part-of',
          to: { id: 'aws_bedrockagent_knowledge_base.kb' },
        }),
      ]),
    );
  });

  it('links an alias to its agent by the agent id, and an action group to its Lambda tool by ARN', async () => {
    const lambda = 'arn:aws:lambda:us-east-1:111122223333:function:tool';
    const before = {
      agent: {
        agent_id: 'AGENT1',
        agent_name: 'helper',
        agent_arn: 'arn:aws:bedrock:us-east-1:111122223333:agent/AGENT1',
      },
      fn: { function_name: 'tool', arn: lambda, role: 'arn:aws:iam::111122223333:role/tool' },
    };
    const input = await loadPlan(
      plan([
        change('aws_bedrockagent_agent.a', { actions: ['no-op'], before: before.agent, after: before.agent }),
        change('aws_lambda_function.tool', { actions: ['no-op'], before: before.fn, after: before.fn }),
        change('aws_bedrockagent_agent_alias.live', {
          after: { agent_id: 'AGENT1', agent_alias_name: 'live' },
          afterUnknown: { agent_alias_arn: true, agent_alias_id: true },
        }),
        change('aws_bedrockagent_agent_action_group.tools', {
          after: {
            agent_id: 'AGENT1',
            action_group_name: 'tools',
            action_group_executor: [{ lambda, custom_control: null }],
          },
        }),
      ]),
    );
    const links = input.after.links.map((link) => ({
      from: link.from,
      relation: link.relation,
      to: link.to,
    }));
    expect(links).toEqual(
      expect.arrayContaining([
        {
          from: 'aws_bedrockagent_agent_alias.live',
          relation: 'alias-of',
          to: { name: 'AGENT1', id: 'aws_bedrockagent_agent.a' },
        },
        {
          from: 'aws_bedrockagent_agent_action_group.tools',
          relation: 'tool-function',
          to: { arn: lambda, id: 'aws_lambda_function.tool' },
        },
        {
          from: 'aws_lambda_function.tool',
          relation: 'execution-role',
          to: { arn: 'arn:aws:iam::111122223333:role/tool' },
        },
      ]),
    );
    const alias = input.after.resources.find(
      (resource) => resource.id === 'aws_bedrockagent_agent_alias.live',
    );
    expect(alias).toMatchObject({
      kind: 'ai',
      dataResourceType: 'AWS::Bedrock::AgentAlias',
      account: '111122223333',
      region: 'us-east-1',
    });
    // The alias id is known only after apply, so its ARN cannot be built and stays a reference to itself.
    expect(alias?.arn).toEqual({ parts: [{ ref: 'aws_bedrockagent_agent_alias.live', attribute: 'arn' }] });
  });

  it('reads awscc AI resources with nested attributes written as objects', async () => {
    const input = await loadPlan(
      plan([
        change('awscc_bedrock_agent.a', {
          after: {
            agent_name: 'helper',
            agent_resource_role_arn: 'arn:aws:iam::111122223333:role/agent',
            action_groups: [
              { action_group_executor: { lambda: 'arn:aws:lambda:us-east-1:111122223333:function:x' } },
            ],
            knowledge_bases: [{ knowledge_base_id: 'KB1' }],
          },
          afterUnknown: { agent_arn: true, agent_id: true },
        }),
        change('awscc_bedrockagentcore_runtime.rt', {
          after: { agent_runtime_name: 'rt', role_arn: 'arn:aws:iam::111122223333:role/rt' },
          afterUnknown: { agent_runtime_arn: true, agent_runtime_id: true },
        }),
      ]),
    );
    const relations = input.after.links.map((link) => `${link.from} ${link.relation}`);
    expect(relations).toEqual([
      'awscc_bedrock_agent.a execution-role',
      'awscc_bedrock_agent.a tool-function',
      'awscc_bedrock_agent.a uses-knowledge-base',
      'awscc_bedrockagentcore_runtime.rt execution-role',
    ]);
    const runtime = input.after.resources.find(
      (resource) => resource.iacType === 'awscc_bedrockagentcore_runtime',
    );
    expect(runtime?.dataResourceType).toBe('AWS::BedrockAgentCore::Runtime');
  });
});
