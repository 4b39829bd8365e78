import { describe, expect, it } from 'vitest';
import {
  explainAiRole,
  mapExecutionRoles,
  type AiRoleGlobs,
} from '../../../src/analysis/permissions/ai-roles.js';
import { indexIam } from '../../../src/analysis/permissions/attached-policies.js';
import { collectRoleGrants } from '../../../src/analysis/permissions/effective.js';
import type { Role } from '../../../src/model/iam.js';
import type { Snapshot } from '../../../src/model/snapshot.js';
import {
  aiResource,
  lambdaFunction,
  link,
  policy,
  policyDocument,
  ref,
  role,
  snapshot,
  sym,
} from '../../support/builders.js';
import { allow, serviceRole } from '../../support/iam-builders.js';

const NO_GLOBS: AiRoleGlobs = { include: [], exclude: [] };

async function reasonsOf(
  target: Role,
  parts: Partial<Snapshot> = {},
  globs = NO_GLOBS,
): Promise<readonly string[]> {
  const snap = snapshot({ roles: [target], ...parts });
  const index = indexIam(snap);
  const grants = await collectRoleGrants(index, target);
  return explainAiRole(target, grants, mapExecutionRoles(snap, index.roles), globs);
}

describe('explainAiRole', () => {
  it.each([
    ['bedrock.amazonaws.com'],
    ['bedrock-agentcore.amazonaws.com'],
    ['sagemaker.amazonaws.com'],
    ['qbusiness.amazonaws.com'],
    ['kendra.amazonaws.com'],
  ])('(a) a role trusting %s is an AI role', async (service) => {
    expect(await reasonsOf(serviceRole('aws_iam_role.r', [service]))).toEqual([`trusts ${service}`]);
  });

  it('(a) reads an interpolated AI service principal too', async () => {
    const target = serviceRole('aws_iam_role.r', [
      sym('sagemaker.', ref('data.aws_partition.current', 'dns_suffix')),
    ]);
    expect(await reasonsOf(target)).toEqual(['trusts sagemaker.amazonaws.com']);
  });

  it('a role trusting only a non-AI service, with no AI use, is not an AI role', async () => {
    expect(await reasonsOf(serviceRole('aws_iam_role.r', ['lambda.amazonaws.com']))).toEqual([]);
  });

  it('(b) is the execution role of an AI resource, linked by ARN reference', async () => {
    const target = role('aws_iam_role.kb');
    const kb = aiResource(
      'aws_bedrockagent_knowledge_base.kb',
      'AWS::Bedrock::KnowledgeBase',
      'arn:aws:bedrock:us-east-1:111111111111:knowledge-base/KB1',
    );
    const reasons = await reasonsOf(target, {
      resources: [kb],
      links: [link(kb.id, 'execution-role', { arn: sym(ref('aws_iam_role.kb')) })],
    });
    expect(reasons).toEqual(['execution role of aws_bedrockagent_knowledge_base.kb']);
  });

  it('(b) is the role of a Lambda function that an agent calls as a tool', async () => {
    const target = serviceRole('aws_iam_role.tool', ['lambda.amazonaws.com']);
    const fn = lambdaFunction('aws_lambda_function.tool');
    const group = aiResource(
      'aws_bedrockagent_agent_action_group.g',
      null,
      'arn:aws:bedrock:us-east-1:111111111111:agent/A',
    );
    const reasons = await reasonsOf(target, {
      resources: [fn, group],
      links: [link(group.id, 'tool-function', fn.id), link(fn.id, 'execution-role', { name: 'tool' })],
    });
    expect(reasons).toEqual([
      'execution role of Lambda function aws_lambda_function.tool, a tool of aws_bedrockagent_agent_action_group.g',
    ]);
  });

  it('(b) a Lambda function that no AI resource calls does not make its role an AI role', async () => {
    const target = serviceRole('aws_iam_role.fn', ['lambda.amazonaws.com']);
    const fn = lambdaFunction('aws_lambda_function.other');
    expect(
      await reasonsOf(target, { resources: [fn], links: [link(fn.id, 'execution-role', target.id)] }),
    ).toEqual([]);
  });

  it('(c) is granted AI runtime actions, whatever it trusts (a Lambda role granted guardrail actions)', async () => {
    const target = serviceRole('aws_iam_role.fn', ['lambda.amazonaws.com']);
    const reasons = await reasonsOf(target, {
      policies: [
        policy('p', target.id, policyDocument(allow(['bedrock:ApplyGuardrail', 'bedrock:GetGuardrail']))),
      ],
    });
    expect(reasons).toEqual(['granted AI runtime actions (bedrock:ApplyGuardrail)']);
  });

  it('(c) `*` alone does not make a role an AI role, or every administrator role would be one', async () => {
    const target = role('aws_iam_role.admin');
    expect(
      await reasonsOf(target, { policies: [policy('p', target.id, policyDocument(allow(['*'])))] }),
    ).toEqual([]);
  });

  it('(d) matches aiRoles.include on the name or the id', async () => {
    const target = role('module.ml.aws_iam_role.pipeline');
    expect(await reasonsOf(target, {}, { include: ['pipe*'], exclude: [] })).toEqual([
      'matches aiRoles.include "pipe*"',
    ]);
    expect(await reasonsOf(target, {}, { include: ['module.ml.**'], exclude: [] })).toEqual([
      'matches aiRoles.include "module.ml.**"',
    ]);
  });

  it('aiRoles.exclude wins over every reason', async () => {
    const target = serviceRole('aws_iam_role.r', ['bedrock.amazonaws.com']);
    expect(await reasonsOf(target, {}, { include: ['r'], exclude: ['r'] })).toEqual([]);
  });
});
