import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LoadedInput } from '../../../src/model/snapshot.js';
import { CloudFormationSource } from '../../../src/sources/cloudformation.js';
import { InputError } from '../../../src/sources/input-error.js';
import { FIXTURES_DIR } from '../../support/template-corpus.js';

const CONTEXT = { cwd: FIXTURES_DIR, maxInputBytes: 1_000_000 };

async function loadPair(pseudoParameters?: Record<string, string>): Promise<LoadedInput> {
  return new CloudFormationSource(pseudoParameters === undefined ? {} : { pseudoParameters }).load(
    {
      // The before side as the pipeline gives it: an absolute path read from elsewhere, shown as the tracked path.
      before: join(FIXTURES_DIR, 'cloudformation/old/app.yaml'),
      after: 'cloudformation/app.yaml',
      idPrefix: 'infra/',
      beforeDisplayPath: 'cloudformation/app.yaml',
    },
    CONTEXT,
  );
}

describe('a template pair', () => {
  it('pairs old/app.yaml with app.yaml under the stack name app, and shows the before side by its display path', async () => {
    const input = await loadPair();
    expect(input.format).toBe('cloudformation');
    expect(input.path).toBe('cloudformation/app.yaml');
    expect(input.before.roles.map((role) => role.id)).toEqual(['infra/app/AgentRole']);
    expect(input.after.roles.map((role) => role.id)).toEqual(['infra/app/AgentRole']);
    expect(input.before.roles[0]?.location).toEqual({ file: 'cloudformation/app.yaml', line: 10 });
    expect(input.after.roles[0]?.location).toEqual({ file: 'cloudformation/app.yaml', line: 19 });
    expect(input.changes['infra/app/AgentRole']).toBe('update');
    expect(input.changes['infra/app/Features']).toBe('create');
    expect(input.changes['infra/app/KnowledgeBucket']).toBe('replace');
  });

  it('reads the boundary, the policy attached by Ref, and its conditional statement', async () => {
    const input = await loadPair();
    expect(input.before.roles[0]?.permissionsBoundary).toEqual({
      arn: {
        parts: [
          'arn:',
          { ref: 'AWS::Partition', attribute: 'value' },
          ':iam::',
          { ref: 'AWS::AccountId', attribute: 'value' },
          ':policy/boundary',
        ],
      },
    });
    expect(input.after.roles[0]?.permissionsBoundary).toBeNull();
    const policy = input.after.policies.find((candidate) => candidate.id === 'infra/app/AgentPolicy')!;
    expect(policy.attachedTo).toEqual([{ kind: 'role', ref: { id: 'infra/app/AgentRole' } }]);
    expect(policy.document).toMatchObject({
      statements: [
        {
          action: ['s3:GetObject'],
          resource: [{ parts: [{ ref: 'infra/app/KnowledgeBucket', attribute: 'arn' }, '/*'] }],
          location: { line: 34 },
        },
        {
          action: ['bedrock:InvokeModel', 'secretsmanager:GetSecretValue'],
          resource: ['*'],
          location: { line: 37 },
        },
      ],
    });
  });

  it('reads sinks: an event data store that stops ingesting, a trail whose IsLogging is missing', async () => {
    const input = await loadPair();
    const [beforeStore] = input.before.sinks;
    expect(beforeStore).toMatchObject({
      kind: 'event-data-store',
      name: 'ai-events',
      logging: true,
      multiRegion: true,
      organization: false,
    });
    expect(beforeStore?.advancedSelectors).toEqual([
      {
        fieldSelectors: [
          { field: 'eventCategory', operators: { Equals: ['Data'] } },
          { field: 'resources.type', operators: { Equals: ['AWS::S3::Object'] } },
          {
            field: 'resources.ARN',
            operators: {
              StartsWith: [{ parts: [{ ref: 'infra/app/KnowledgeBucket', attribute: 'arn' }, '/'] }],
            },
          },
        ],
        line: 34,
      },
    ]);
    const store = input.after.sinks.find((sink) => sink.kind === 'event-data-store');
    expect(store?.logging).toBe(false);
    expect(store?.advancedSelectors).toBeNull();
    const trail = input.after.sinks.find((sink) => sink.kind === 'trail');
    expect(trail).toMatchObject({
      logging: { unknown: true },
      multiRegion: false,
      basicSelectors: null,
      advancedSelectors: null,
    });
    expect(trail?.homeRegion).toMatchObject({ unknown: true });
  });

  it('marks conditional resources and builds an ARN from its template where the type has no ARN attribute', async () => {
    const input = await loadPair({
      'AWS::Region': 'us-east-1',
      'AWS::AccountId': '111122223333',
      'AWS::Partition': 'aws',
    });
    const features = input.after.resources.find((resource) => resource.id === 'infra/app/Features');
    expect(features).toMatchObject({
      conditional: true,
      kind: 'ai',
      dataResourceType: 'AWS::SageMaker::FeatureGroup',
      name: 'features-prod',
      arn: 'arn:aws:sagemaker:us-east-1:111122223333:feature-group/features-prod',
      region: 'us-east-1',
      account: '111122223333',
    });
    expect(input.after.links).toContainEqual(
      expect.objectContaining({
        from: 'infra/app/Features',
        relation: 'execution-role',
        to: { id: 'infra/app/AgentRole' },
      }),
    );
    const bucket = input.after.resources.find((resource) => resource.id === 'infra/app/KnowledgeBucket');
    expect(bucket).toMatchObject({
      kind: 'bucket',
      name: 'knowledge-prod',
      arn: { parts: [{ ref: 'infra/app/KnowledgeBucket', attribute: 'arn' }] },
    });
  });

  it('reads users, groups, access keys and managed policies, and never shows a NoEcho default', async () => {
    const input = await loadPair();
    expect(input.after.users).toMatchObject([
      {
        id: 'infra/app/Operator',
        groups: [{ id: 'infra/app/Operators' }],
        managedPolicies: [{ arn: 'arn:aws:iam::aws:policy/AmazonBedrockFullAccess' }],
      },
    ]);
    expect(input.after.groups).toMatchObject([{ id: 'infra/app/Operators', name: 'operators' }]);
    expect(input.after.accessKeys).toMatchObject([{ user: { id: 'infra/app/Operator' }, active: false }]);
    const shared = input.after.policies.find((policy) => policy.id === 'infra/app/Shared');
    expect(shared).toMatchObject({
      kind: 'managed',
      attachedTo: [{ kind: 'user', ref: { id: 'infra/app/Operator' } }],
    });
    const token = input.after.policies.find((policy) => policy.id === 'infra/app/Operator/Policies/token');
    expect(token).toMatchObject({
      kind: 'inline',
      attachedTo: [{ kind: 'user', ref: { id: 'infra/app/Operator' } }],
    });
    expect(token?.document).toMatchObject({
      statements: [{ resource: [{ unknown: true, reason: 'parameter ApiToken is NoEcho' }] }],
    });
    expect(JSON.stringify(input)).not.toContain('not-a-real-token');
  });

  it('notes that the SAM transform is not expanded', async () => {
    const input = await loadPair();
    expect(input.notes).toContainEqual({
      message:
        'the template uses Transform AWS::Serverless-2016-10-31; macros are not expanded, so resources they generate are not analysed',
      line: 2,
    });
  });

  it('reads an absent side as an empty stack', async () => {
    const input = await new CloudFormationSource().load(
      { before: null, after: 'cloudformation/app.yaml', idPrefix: '' },
      CONTEXT,
    );
    expect(input.before.roles).toEqual([]);
    expect(Object.values(input.changes).every((action) => action === 'create')).toBe(true);
    const gone = await new CloudFormationSource().load(
      { before: 'cloudformation/app.yaml', after: null, idPrefix: '' },
      CONTEXT,
    );
    expect(gone.after.roles).toEqual([]);
    expect(gone.changes['app/AgentRole']).toBe('delete');
  });

  it('gives an InputError for a missing file and for a file that is not a template', async () => {
    const source = new CloudFormationSource();
    await expect(
      source.load({ before: null, after: 'cloudformation/none.yaml', idPrefix: '' }, CONTEXT),
    ).rejects.toBeInstanceOf(InputError);
    await expect(
      source.load({ before: null, after: 'cloudformation/README.md', idPrefix: '' }, CONTEXT),
    ).rejects.toBeInstanceOf(InputError);
    await expect(
      source.load({ before: null, after: 'cdk/guardrail-after.out/manifest.json', idPrefix: '' }, CONTEXT),
    ).rejects.toThrow('not a CloudFormation template (no Resources section)');
  });
});
