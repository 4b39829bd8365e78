import { describe, expect, it } from 'vitest';
import { analyzePermissions } from '../../../src/analysis/permissions/index.js';
import { analyzeReach } from '../../../src/analysis/reach/index.js';
import { findWorkloads } from '../../../src/analysis/reach/workloads.js';
import type { PolicyStatement } from '../../../src/model/iam.js';
import type { Sink } from '../../../src/model/sink.js';
import type { Snapshot } from '../../../src/model/snapshot.js';
import {
  aiResource,
  bucket,
  dataSelector,
  field,
  lambdaFunction,
  link,
  managementSelector,
  policy,
  policyDocument,
  role,
  snapshot,
  trail,
} from '../../support/builders.js';
import { allow, serviceRole } from '../../support/iam-builders.js';

const AGENT = aiResource('aws_bedrockagent_agent.a', null, 'arn:aws:bedrock:us-east-1:111111111111:agent/A1');
const GROUP = aiResource(
  'aws_bedrockagent_agent_action_group.g',
  null,
  'arn:aws:bedrock:us-east-1:111111111111:ag/G1',
);
const TOOL = lambdaFunction('aws_lambda_function.tool');
const DOCS = bucket('aws_s3_bucket.docs');
const AGENT_ROLE = serviceRole('aws_iam_role.agent', ['bedrock.amazonaws.com']);
const TOOL_ROLE = role('aws_iam_role.tool');
const AUDIT = (...selectors: Parameters<typeof dataSelector>[]) =>
  trail('aws_cloudtrail.audit', {
    advancedSelectors: [managementSelector(), ...selectors.map((args) => dataSelector(...args))],
  });

function side(statements: PolicyStatement[], sinks: Sink[] = [AUDIT()]): Snapshot {
  return snapshot({
    resources: [AGENT, GROUP, TOOL, DOCS],
    roles: [AGENT_ROLE, TOOL_ROLE],
    links: [
      link(AGENT.id, 'execution-role', AGENT_ROLE.id),
      link(GROUP.id, 'part-of', AGENT.id),
      link(GROUP.id, 'tool-function', TOOL.id),
      link(TOOL.id, 'execution-role', TOOL_ROLE.id),
    ],
    policies: [
      policy('aws_iam_role_policy.agent', AGENT_ROLE.id, policyDocument(...statements)),
      policy('aws_iam_role_policy.tool', TOOL_ROLE.id, policyDocument(allow(['dynamodb:GetItem'], ['*']))),
    ],
    sinks,
  });
}

const READ_DOCS = allow(['s3:GetObject'], ['arn:aws:s3:::docs/*']);
const SECRET = allow(
  ['secretsmanager:GetSecretValue'],
  ['arn:aws:secretsmanager:us-east-1:111111111111:secret:x-*'],
);

describe('findWorkloads', () => {
  it('finds the agent through its role and the Lambda tool through the action group that is part of it', () => {
    const workloads = findWorkloads(side([READ_DOCS]));
    expect(workloads.map((workload) => workload.resource.id).sort()).toEqual([AGENT.id, TOOL.id]);
    const agent = workloads.find((workload) => workload.resource.id === AGENT.id)!;
    expect(agent.uses).toEqual([{ relation: 'tool-function', id: TOOL.id }]);
    expect(agent.roles.map((entry) => entry.id)).toEqual([AGENT_ROLE.id]);
  });

  it('leaves out an AI resource that runs as no role, and a Lambda function no AI resource calls', () => {
    const plain = snapshot({
      resources: [AGENT, TOOL],
      roles: [TOOL_ROLE],
      links: [link(TOOL.id, 'execution-role', TOOL_ROLE.id)],
    });
    expect(findWorkloads(plain)).toEqual([]);
  });
});

describe('analyzeReach', () => {
  it('marks a gained access as added, with the sinks that record it', async () => {
    const reach = await analyzeReach({
      before: side([READ_DOCS]),
      after: side([READ_DOCS, SECRET]),
      changes: {},
      externalSinks: [],
    });
    const agent = reach.workloads.find((workload) => workload.id === AGENT.id)!;
    expect(agent.changed).toBe(true);
    const secret = agent.roles[0]!.access.find((access) => access.service === 'secretsmanager')!;
    expect(secret).toMatchObject({ change: 'added', eventCategory: 'management', accessLevel: 'Read' });
    expect(secret.targets[0]).toMatchObject({ recording: 'recorded', recordedBy: ['aws_cloudtrail.audit'] });
    const docs = agent.roles[0]!.access.find((access) => access.service === 's3')!;
    expect(docs).toMatchObject({ change: 'unchanged', eventCategory: 'data' });
    expect(docs.targets[0]).toMatchObject({ recording: 'not-recorded', resources: [DOCS.id] });
    expect(reach.workloads.find((workload) => workload.id === TOOL.id)!.changed).toBe(false);
  });

  it('says when a change of selectors alone changes how a reachable bucket is recorded', async () => {
    const withDocs = AUDIT([
      'AWS::S3::Object',
      field('resources.ARN', { StartsWith: ['arn:aws:s3:::docs/'] }),
    ]);
    const reach = await analyzeReach({
      before: side([READ_DOCS], [withDocs]),
      after: side([READ_DOCS]),
      changes: {},
      externalSinks: [],
    });
    const target = reach.workloads[0]!.roles[0]!.access.find((access) => access.service === 's3')!
      .targets[0]!;
    expect(target).toMatchObject({
      change: 'changed',
      recording: 'not-recorded',
      recordingBefore: 'recorded',
    });
    expect(reach.workloads[0]!.changed).toBe(true);
  });

  it('lists a deleted workload with everything it reached as removed', async () => {
    const after = { ...side([READ_DOCS]), links: [] };
    const reach = await analyzeReach({
      before: side([READ_DOCS]),
      after,
      changes: { [AGENT.id]: 'delete' },
      externalSinks: [],
    });
    const agent = reach.workloads.find((workload) => workload.id === AGENT.id)!;
    expect(agent).toMatchObject({ action: 'delete', changed: true });
    expect(agent.roles[0]!.change).toBe('removed');
    expect(agent.roles[0]!.access.every((access) => access.change === 'removed')).toBe(true);
  });

  it('counts an external sink, and keeps an allow of every action as unknown rather than guessing', async () => {
    const external: Sink = trail('external:org', {
      kind: 'external',
      advancedSelectors: [dataSelector('AWS::S3::Object')],
    });
    const reach = await analyzeReach({
      before: side([READ_DOCS], []),
      after: side([READ_DOCS, allow(['*'], ['*'])], []),
      changes: {},
      externalSinks: [external],
    });
    const access = reach.workloads.find((workload) => workload.id === AGENT.id)!.roles[0]!.access;
    expect(access.find((entry) => entry.service === 's3')!.targets[0]).toMatchObject({
      recordedBy: ['external:org'],
    });
    expect(access.find((entry) => entry.service === '*')).toMatchObject({
      change: 'added',
      eventCategory: 'unknown',
      targets: [expect.objectContaining({ recording: 'unknown' })],
    });
  });

  it('gives the same map from the grants the permissions analysis computed as from its own', async () => {
    const external: Sink = trail('external:org', {
      kind: 'external',
      advancedSelectors: [dataSelector('AWS::S3::Object')],
    });
    const input = {
      before: side([READ_DOCS]),
      after: side([READ_DOCS, SECRET, allow(['s3:PutObject'], ['*'])]),
      changes: {},
      externalSinks: [external],
    };
    const permissions = await analyzePermissions({ ...input, aiRoles: { include: [], exclude: [] } });
    expect(permissions.iam.after.grants.get(AGENT_ROLE.id)?.length).toBeGreaterThan(0);
    const shared = await analyzeReach({ ...input, iam: permissions.iam });
    expect(shared).toEqual(await analyzeReach(input));
    expect(shared.workloads.length).toBeGreaterThan(0);
  });
});
