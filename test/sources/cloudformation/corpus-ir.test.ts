import { describe, expect, it } from 'vitest';
import type { LoadedInput } from '../../../src/model/snapshot.js';
import { CloudFormationSource } from '../../../src/sources/cloudformation.js';
import { CORPUS_DIR, corpusFile } from '../../support/template-corpus.js';

async function load(file: string): Promise<LoadedInput> {
  return new CloudFormationSource().load(
    { before: null, after: file, idPrefix: '' },
    { cwd: CORPUS_DIR, maxInputBytes: 10_000_000 },
  );
}

describe('the CRM agent stack (trail with one S3 object selector next to a Bedrock agent)', () => {
  const file = corpusFile('cfn', 'customer-relationship-management-agent__codepipeline.yaml');
  const stack =
    'agents-and-function-calling__bedrock-agents__use-case-examples__customer-relationship-management-agent__codepipeline';

  it('reads the trail: logging, multi-region, one WriteOnly basic selector without management events', async () => {
    const { after } = await load(file);
    expect(after.sinks).toHaveLength(1);
    const trail = after.sinks[0]!;
    expect(trail).toMatchObject({
      id: `${stack}/StreamlitCloudTrail`,
      kind: 'trail',
      logging: true,
      multiRegion: true,
      organization: false,
      advancedSelectors: null,
      location: { file, line: 1229 },
    });
    expect(trail.basicSelectors).toEqual([
      {
        readWriteType: 'WriteOnly',
        includeManagementEvents: false,
        dataResources: [
          {
            type: 'AWS::S3::Object',
            values: [{ parts: [{ ref: `${stack}/StreamlitCodeS3Bucket`, attribute: 'arn' }, '/app.zip'] }],
          },
        ],
        excludeManagementEventSources: [],
        line: 1239,
      },
    ]);
  });

  it('reads the agent, its alias and their links to the role, the action-group function and the agent', async () => {
    const { after } = await load(file);
    const agent = after.resources.find((resource) => resource.iacType === 'AWS::Bedrock::Agent');
    const alias = after.resources.find((resource) => resource.iacType === 'AWS::Bedrock::AgentAlias');
    expect(agent).toMatchObject({ id: `${stack}/AgentResource`, kind: 'ai', dataResourceType: null });
    expect(alias).toMatchObject({
      id: `${stack}/AgentAliasResource`,
      kind: 'ai',
      dataResourceType: 'AWS::Bedrock::AgentAlias',
      arn: { parts: [{ ref: `${stack}/AgentAliasResource`, attribute: 'arn' }] },
    });
    // The alias name is written with ${EnvironmentName}, a parameter without a default.
    expect(alias?.name).toEqual({ unknown: true, reason: 'parameter EnvironmentName has no default' });
    const links = after.links.map((link) => [link.from, link.relation, link.to.id]);
    expect(links).toContainEqual([`${stack}/AgentResource`, 'execution-role', `${stack}/AgentRole`]);
    expect(links).toContainEqual([`${stack}/AgentResource`, 'tool-function', `${stack}/AgentLambdaFunction`]);
    expect(links).toContainEqual([`${stack}/AgentAliasResource`, 'alias-of', `${stack}/AgentResource`]);
  });

  it('reads the agent role: Bedrock trust, and inline policies attached to it with statement lines', async () => {
    const { after } = await load(file);
    const role = after.roles.find((candidate) => candidate.id === `${stack}/AgentRole`);
    expect(role?.trustPolicy).toMatchObject({
      statements: [
        { effect: 'Allow', principal: { Service: ['bedrock.amazonaws.com'] }, action: ['sts:AssumeRole'] },
      ],
    });
    const policies = after.policies.filter((policy) =>
      policy.attachedTo.some((principal) => principal.ref.id === role?.id),
    );
    expect(policies.map((policy) => policy.name)).toEqual(['BedrockInvokeModel', 'S3Access']);
    const invoke = policies[0]!;
    expect(invoke.document).toMatchObject({
      statements: [{ effect: 'Allow', action: ['bedrock:InvokeModel'], location: { file, line: 1392 } }],
    });
    // ${AWS::Region} stays a symbolic part; the model id comes from the parameter's default.
    expect(invoke.document).toMatchObject({
      statements: [
        {
          resource: [
            {
              parts: [
                'arn:aws:bedrock:',
                { ref: 'AWS::Region', attribute: 'value' },
                '::foundation-model/anthropic.claude-3-sonnet-20240229-v1:0',
              ],
            },
          ],
        },
      ],
    });
  });
});

describe('the aws-cdk data-events trail snapshot', () => {
  const file = corpusFile('cdk', 'integ-cloudtrail-data-events.template.json');
  const stack = file.slice(file.lastIndexOf('/') + 1, -'.json'.length);

  it('keeps selector values built with Fn::GetAtt and Fn::Join as symbolic references to the right resources', async () => {
    const { after } = await load(file);
    const trail = after.sinks[0]!;
    expect(trail.logging).toBe(true);
    expect(trail.basicSelectors?.map((selector) => selector.dataResources)).toEqual([
      [
        {
          type: 'AWS::Lambda::Function',
          values: [{ parts: [{ ref: `${stack}/LambdaFunctionBF21E41F`, attribute: 'arn' }] }],
        },
      ],
      [
        {
          type: 'AWS::S3::Object',
          values: [{ parts: [{ ref: `${stack}/Bucket83908E77`, attribute: 'arn' }, '/'] }],
        },
      ],
    ]);
    expect(trail.basicSelectors?.map((selector) => selector.includeManagementEvents)).toEqual([false, false]);
    const ids = after.resources.map((resource) => resource.id);
    expect(ids).toContain(`${stack}/LambdaFunctionBF21E41F`);
    expect(ids).toContain(`${stack}/Bucket83908E77`);
  });
});
