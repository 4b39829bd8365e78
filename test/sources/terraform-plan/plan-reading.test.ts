import { describe, expect, it } from 'vitest';
import type { PolicyDocument } from '../../../src/model/iam.js';
import { isUnknown } from '../../../src/model/unknown.js';
import { change, loadPlan, plan } from '../../support/terraform-plan-builder.js';

const TRUST = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'bedrock.amazonaws.com' }, Action: 'sts:AssumeRole' }],
});

describe('addresses and actions', () => {
  it('keeps module paths and instance keys in the ids, with the id prefix', async () => {
    const input = await loadPlan(
      plan([
        change('module.a.module.b.aws_iam_role.x', { after: { name: 'x', assume_role_policy: TRUST } }),
        change('module.a["k.1"].aws_iam_role.y[0]', { after: { name: 'y', assume_role_policy: TRUST } }),
      ]),
      'infra/plan.json:',
    );
    expect(input.after.roles.map((role) => role.id)).toEqual([
      'infra/plan.json:module.a.module.b.aws_iam_role.x',
      'infra/plan.json:module.a["k.1"].aws_iam_role.y[0]',
    ]);
    expect(input.changes['infra/plan.json:module.a.module.b.aws_iam_role.x']).toBe('create');
  });

  it('maps Terraform action lists to change actions', async () => {
    const role = { name: 'r', assume_role_policy: TRUST };
    const input = await loadPlan(
      plan([
        change('aws_iam_role.created', { after: role }),
        change('aws_iam_role.deleted', { actions: ['delete'], before: role }),
        change('aws_iam_role.updated', { actions: ['update'], before: role, after: role }),
        change('aws_iam_role.same', { actions: ['no-op'], before: role, after: role }),
        change('aws_iam_role.replaced1', { actions: ['delete', 'create'], before: role, after: role }),
        change('aws_iam_role.replaced2', { actions: ['create', 'delete'], before: role, after: role }),
      ]),
    );
    expect(input.changes).toEqual({
      'aws_iam_role.created': 'create',
      'aws_iam_role.deleted': 'delete',
      'aws_iam_role.updated': 'update',
      'aws_iam_role.same': 'no-op',
      'aws_iam_role.replaced1': 'replace',
      'aws_iam_role.replaced2': 'replace',
    });
    expect(input.before.roles.map((r) => r.id)).not.toContain('aws_iam_role.created');
    expect(input.after.roles.map((r) => r.id)).not.toContain('aws_iam_role.deleted');
  });

  it('leaves unknown resource types out of the IR without an error', async () => {
    const input = await loadPlan(plan([change('aws_instance.web', { after: { ami: 'ami-1' } })]));
    expect(input.changes).toEqual({});
    expect(input.after.resources).toEqual([]);
  });
});

describe('unknown values and references', () => {
  it('turns after_unknown into Unknown at any depth', async () => {
    const input = await loadPlan(
      plan([
        change('aws_cloudtrail.t', {
          after: {
            name: 't',
            event_selector: [
              { read_write_type: 'All', data_resource: [{ type: 'AWS::S3::Object', values: ['x'] }] },
            ],
          },
          afterUnknown: { arn: true, event_selector: [{ data_resource: [{ values: [true] }] }] },
        }),
      ]),
    );
    const sink = input.after.sinks[0];
    expect(sink?.name).toBe('t');
    const values = sink?.basicSelectors?.[0]?.dataResources[0]?.values ?? [];
    expect(isUnknown(values[0])).toBe(true);
  });

  it('turns a reference written in the configuration into an AttributeRef to the right module id', async () => {
    const input = await loadPlan(
      plan(
        [
          change('module.ai.aws_iam_role.agent', {
            after: { name: 'agent', assume_role_policy: TRUST },
            afterUnknown: { arn: true },
          }),
          change('module.ai.aws_bedrockagent_agent.main', {
            after: { agent_name: 'helper' },
            afterUnknown: { agent_arn: true, agent_id: true, agent_resource_role_arn: true },
          }),
        ],
        {
          rootModule: {
            module_calls: {
              ai: {
                module: {
                  resources: [
                    {
                      address: 'aws_iam_role.agent',
                      mode: 'managed',
                      type: 'aws_iam_role',
                      name: 'agent',
                      expressions: {},
                    },
                    {
                      address: 'aws_bedrockagent_agent.main',
                      mode: 'managed',
                      type: 'aws_bedrockagent_agent',
                      name: 'main',
                      expressions: {
                        agent_resource_role_arn: {
                          references: ['aws_iam_role.agent.arn', 'aws_iam_role.agent'],
                        },
                      },
                    },
                  ],
                },
              },
            },
          },
        },
      ),
    );
    const agent = input.after.resources.find(
      (resource) => resource.id === 'module.ai.aws_bedrockagent_agent.main',
    );
    expect(agent?.arn).toEqual({
      parts: [{ ref: 'module.ai.aws_bedrockagent_agent.main', attribute: 'arn' }],
    });
    expect(input.after.links).toEqual([
      {
        from: 'module.ai.aws_bedrockagent_agent.main',
        to: { id: 'module.ai.aws_iam_role.agent' },
        relation: 'execution-role',
        location: expect.objectContaining({ file: expect.any(String) }),
      },
    ]);
  });

  it('follows a reference through a module output', async () => {
    const input = await loadPlan(
      plan(
        [
          change('module.iam.aws_iam_role.kb', {
            after: { name: 'kb', assume_role_policy: TRUST },
            afterUnknown: { arn: true },
          }),
          change('aws_bedrockagent_knowledge_base.docs', {
            after: { name: 'docs' },
            afterUnknown: { role_arn: true, arn: true, id: true },
          }),
        ],
        {
          rootModule: {
            resources: [
              {
                address: 'aws_bedrockagent_knowledge_base.docs',
                type: 'aws_bedrockagent_knowledge_base',
                expressions: { role_arn: { references: ['module.iam.role_arn', 'module.iam'] } },
              },
            ],
            module_calls: {
              iam: {
                module: {
                  resources: [{ address: 'aws_iam_role.kb', type: 'aws_iam_role', expressions: {} }],
                  outputs: {
                    role_arn: { expression: { references: ['aws_iam_role.kb.arn', 'aws_iam_role.kb'] } },
                  },
                },
              },
            },
          },
        },
      ),
    );
    expect(input.after.links[0]?.to).toEqual({ id: 'module.iam.aws_iam_role.kb' });
  });

  it('links a known role ARN to the role of the plan that has it', async () => {
    const arn = 'arn:aws:iam::111122223333:role/kb';
    const input = await loadPlan(
      plan([
        change('aws_iam_role.kb', {
          actions: ['no-op'],
          before: { name: 'kb', arn, assume_role_policy: TRUST },
          after: { name: 'kb', arn, assume_role_policy: TRUST },
        }),
        change('aws_bedrockagent_knowledge_base.docs', {
          after: { name: 'docs', role_arn: arn },
          afterUnknown: { arn: true, id: true },
        }),
      ]),
    );
    expect(input.account).toBe('111122223333');
    expect(input.after.links[0]?.to).toEqual({ arn, id: 'aws_iam_role.kb' });
  });
});

describe('region, account and ARNs', () => {
  it('reads the region from the provider configuration and a root variable', async () => {
    const constant = await loadPlan(plan([], { region: 'eu-west-3' }));
    expect(constant.region).toBe('eu-west-3');
    const fromVariable = await loadPlan({
      format_version: '1.2',
      resource_changes: [],
      variables: { region: { value: 'ap-south-1' } },
      configuration: {
        provider_config: { aws: { expressions: { region: { references: ['var.region'] } } } },
        root_module: {},
      },
    });
    expect(fromVariable.region).toBe('ap-south-1');
  });

  it('never reads a region variable declared sensitive', async () => {
    const input = await loadPlan({
      format_version: '1.2',
      resource_changes: [],
      variables: { region: { value: 'ap-south-1' } },
      configuration: {
        provider_config: { aws: { expressions: { region: { references: ['var.region'] } } } },
        root_module: { variables: { region: { sensitive: true } } },
      },
    });
    expect(isUnknown(input.region)).toBe(true);
  });

  it('builds an ARN from the template when the plan knows the parts, and names the region of each resource', async () => {
    const input = await loadPlan(
      plan(
        [
          change('aws_iam_role.known', {
            actions: ['no-op'],
            before: { arn: 'arn:aws:iam::444455556666:role/k', name: 'k' },
            after: { arn: 'arn:aws:iam::444455556666:role/k', name: 'k' },
          }),
          change('aws_bedrockagent_agent_alias.live', {
            after: { agent_id: 'AGENT1', agent_alias_name: 'live' },
            afterUnknown: { agent_alias_arn: true, agent_alias_id: true },
          }),
          change('aws_sagemaker_feature_group.fg', {
            after: { feature_group_name: 'churn' },
            afterUnknown: { arn: true },
          }),
        ],
        { region: 'us-west-2' },
      ),
    );
    const alias = input.after.resources.find(
      (resource) => resource.iacType === 'aws_bedrockagent_agent_alias',
    );
    expect(alias?.arn).toEqual({ parts: [{ ref: 'aws_bedrockagent_agent_alias.live', attribute: 'arn' }] });
    expect(alias?.region).toBe('us-west-2');
    const group = input.after.resources.find(
      (resource) => resource.iacType === 'aws_sagemaker_feature_group',
    );
    expect(group?.arn).toBe('arn:aws:sagemaker:us-west-2:444455556666:feature-group/churn');
    expect(group?.account).toBe('444455556666');
  });
});

describe('IAM', () => {
  it('reads a policy document data source from prior_state', async () => {
    const json = JSON.stringify({
      Statement: [{ Effect: 'Allow', Action: 'bedrock:InvokeModel', Resource: '*' }],
    });
    const input = await loadPlan(
      plan(
        [change('aws_iam_policy.p', { after: { name: 'p' }, afterUnknown: { policy: true, arn: true } })],
        {
          rootModule: {
            resources: [
              {
                address: 'aws_iam_policy.p',
                type: 'aws_iam_policy',
                expressions: {
                  policy: {
                    references: ['data.aws_iam_policy_document.doc.json', 'data.aws_iam_policy_document.doc'],
                  },
                },
              },
            ],
          },
          priorState: {
            values: {
              root_module: {
                resources: [
                  {
                    address: 'data.aws_iam_policy_document.doc',
                    mode: 'data',
                    type: 'aws_iam_policy_document',
                    values: { json },
                  },
                ],
              },
            },
          },
        },
      ),
    );
    const document = input.after.policies[0]?.document as PolicyDocument;
    expect(document.statements[0]?.action).toEqual(['bedrock:InvokeModel']);
  });

  it('builds a policy document data source read at apply from its planned statement blocks', async () => {
    const input = await loadPlan(
      plan(
        [
          change('data.aws_iam_policy_document.trust', {
            actions: ['read'],
            after: {
              statement: [
                {
                  actions: ['sts:AssumeRole'],
                  effect: 'Allow',
                  principals: [{ type: 'Service', identifiers: ['bedrock.amazonaws.com'] }],
                  condition: [
                    { test: 'StringEquals', variable: 'aws:SourceAccount', values: ['111122223333'] },
                  ],
                  resources: null,
                },
              ],
            },
            afterUnknown: { json: true, id: true },
          }),
          change('aws_iam_role.agent', {
            after: { name: 'agent' },
            afterUnknown: { assume_role_policy: true, arn: true },
          }),
        ],
        {
          rootModule: {
            resources: [
              {
                address: 'aws_iam_role.agent',
                type: 'aws_iam_role',
                expressions: {
                  assume_role_policy: {
                    references: [
                      'data.aws_iam_policy_document.trust.json',
                      'data.aws_iam_policy_document.trust',
                    ],
                  },
                },
              },
            ],
          },
        },
      ),
    );
    const trust = input.after.roles[0]?.trustPolicy as PolicyDocument;
    expect(trust.statements[0]).toMatchObject({
      effect: 'Allow',
      action: ['sts:AssumeRole'],
      principal: { Service: ['bedrock.amazonaws.com'] },
      condition: { StringEquals: { 'aws:SourceAccount': ['111122223333'] } },
    });
  });

  it('reads roles with inline policies, managed policies, boundaries and the policies attached to them', async () => {
    const policy = JSON.stringify({
      Statement: { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::docs/*' },
    });
    const input = await loadPlan(
      plan(
        [
          change('aws_iam_role.agent', {
            after: {
              name: 'agent',
              assume_role_policy: TRUST,
              inline_policy: [{ name: 'read', policy }],
              managed_policy_arns: ['arn:aws:iam::aws:policy/ReadOnlyAccess'],
              permissions_boundary: 'arn:aws:iam::111122223333:policy/boundary',
            },
            afterUnknown: { arn: true },
          }),
          change('aws_iam_role_policy.extra', { after: { name: 'extra', role: 'agent', policy } }),
          change('aws_iam_policy.managed', {
            after: { name: 'managed', policy },
            afterUnknown: { arn: true },
          }),
          change('aws_iam_role_policy_attachment.attach', {
            after: { role: 'agent' },
            afterUnknown: { policy_arn: true },
          }),
          change('aws_iam_policy_attachment.many', {
            after: {
              name: 'many',
              roles: ['agent'],
              users: ['bob'],
              groups: [],
              policy_arn: 'arn:aws:iam::aws:policy/AdministratorAccess',
            },
          }),
          change('aws_iam_user.bob', { after: { name: 'bob' }, afterUnknown: { arn: true } }),
          change('aws_iam_group.team', { after: { name: 'team' }, afterUnknown: { arn: true } }),
          change('aws_iam_user_group_membership.bob', { after: { user: 'bob', groups: ['team'] } }),
          change('aws_iam_access_key.bob', { after: { user: 'bob', status: null } }),
        ],
        {
          rootModule: {
            resources: [
              {
                address: 'aws_iam_role_policy_attachment.attach',
                type: 'aws_iam_role_policy_attachment',
                expressions: {
                  policy_arn: { references: ['aws_iam_policy.managed.arn', 'aws_iam_policy.managed'] },
                },
              },
            ],
          },
        },
      ),
    );
    const role = input.after.roles[0];
    expect(role?.managedPolicies).toEqual([{ arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }]);
    expect(role?.permissionsBoundary).toEqual({ arn: 'arn:aws:iam::111122223333:policy/boundary' });
    const byId = new Map(input.after.policies.map((p) => [p.id, p]));
    expect(byId.get('aws_iam_role.agent#inline_policy["read"]')?.attachedTo).toEqual([
      { kind: 'role', ref: { id: 'aws_iam_role.agent' } },
    ]);
    expect(byId.get('aws_iam_role_policy.extra')?.attachedTo).toEqual([
      { kind: 'role', ref: { name: 'agent', id: 'aws_iam_role.agent' } },
    ]);
    const attachments = new Map(input.after.attachments.map((a) => [a.id, a]));
    expect(attachments.get('aws_iam_role_policy_attachment.attach')?.policy).toMatchObject({
      id: 'aws_iam_policy.managed',
    });
    expect(attachments.get('aws_iam_policy_attachment.many#roles[0]')?.principal).toEqual({
      kind: 'role',
      ref: { name: 'agent', id: 'aws_iam_role.agent' },
    });
    expect(attachments.get('aws_iam_policy_attachment.many#users[0]')?.principal.kind).toBe('user');
    expect(input.after.users[0]?.groups).toEqual([{ name: 'team', id: 'aws_iam_group.team' }]);
    expect(input.after.accessKeys[0]).toMatchObject({
      active: true,
      user: { name: 'bob', id: 'aws_iam_user.bob' },
    });
  });

  it('reads awscc roles and policies', async () => {
    const policy = JSON.stringify({ Statement: [{ Effect: 'Allow', Action: 'bedrock:*', Resource: '*' }] });
    const input = await loadPlan(
      plan([
        change('awscc_iam_role.r', {
          after: {
            role_name: 'r',
            assume_role_policy_document: TRUST,
            policies: [{ policy_name: 'p', policy_document: policy }],
          },
          afterUnknown: { arn: true },
        }),
        change('awscc_iam_role_policy.rp', {
          after: { role_name: 'r', policy_name: 'rp', policy_document: policy },
        }),
        change('awscc_iam_managed_policy.mp', {
          after: { managed_policy_name: 'mp', policy_document: policy, roles: ['r'] },
          afterUnknown: { policy_arn: true },
        }),
      ]),
    );
    expect(input.after.roles[0]?.name).toBe('r');
    expect(input.after.policies.map((p) => p.id).sort()).toEqual([
      'awscc_iam_managed_policy.mp',
      'awscc_iam_role.r#policies["p"]',
      'awscc_iam_role_policy.rp',
    ]);
    for (const p of input.after.policies) expect(p.attachedTo[0]?.ref.id).toBe('awscc_iam_role.r');
  });
});
