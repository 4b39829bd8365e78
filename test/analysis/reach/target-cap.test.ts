import { describe, expect, it } from 'vitest';
import { analyzeReach, MAX_LISTED_TARGET_RESOURCES } from '../../../src/analysis/reach/index.js';
import { aiResource, bucket, link, policy, policyDocument, snapshot } from '../../support/builders.js';
import { allow, serviceRole } from '../../support/iam-builders.js';

describe('a target that reaches many resources', () => {
  it('lists a sorted sample and counts them all', async () => {
    const agent = aiResource(
      'aws_bedrockagent_agent.a',
      null,
      'arn:aws:bedrock:us-east-1:111111111111:agent/A1',
    );
    const agentRole = serviceRole('aws_iam_role.agent', ['bedrock.amazonaws.com']);
    const buckets = Array.from({ length: 45 }, (_, index) =>
      bucket(`aws_s3_bucket.b${String(index).padStart(2, '0')}`),
    );
    const side = snapshot({
      resources: [agent, ...buckets],
      roles: [agentRole],
      links: [link(agent.id, 'execution-role', agentRole.id)],
      policies: [
        policy('aws_iam_role_policy.agent', agentRole.id, policyDocument(allow(['s3:GetObject'], ['*']))),
      ],
    });
    const reach = await analyzeReach({ before: side, after: side, changes: {}, externalSinks: [] });
    const s3 = reach.workloads[0]!.roles[0]!.access.find((access) => access.service === 's3')!;
    const target = s3.targets[0]!;
    expect(target.resourceCount).toBe(45);
    expect(target.resources).toHaveLength(MAX_LISTED_TARGET_RESOURCES);
    expect(target.resources).toEqual([...target.resources].sort());
    expect(target.resources[0]).toBe('aws_s3_bucket.b00');
  });
});
