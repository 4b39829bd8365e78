import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LoadedInput } from '../../../src/model/snapshot.js';
import { CdkAssemblySource } from '../../../src/sources/cdk-assembly.js';
import { InputError } from '../../../src/sources/input-error.js';
import { tempDir } from '../../support/temp-tree.js';
import { FIXTURES_DIR } from '../../support/template-corpus.js';

const CONTEXT = { cwd: FIXTURES_DIR, maxInputBytes: 10_000_000 };
const P2 = 'aws-cdk-bedrock-guardrails-integ-test';

async function loadFixture(): Promise<LoadedInput> {
  return new CdkAssemblySource().load(
    { before: 'cdk/guardrail-before.out', after: 'cdk/guardrail-after.out', idPrefix: '' },
    CONTEXT,
  );
}

async function loadError(
  spec: { before: string | null; after: string | null },
  cwd: string,
): Promise<InputError> {
  try {
    await new CdkAssemblySource().load({ ...spec, idPrefix: '' }, { cwd, maxInputBytes: 1_000_000 });
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected an InputError');
}

describe('a pair of cdk.out directories', () => {
  it('names ids after the stack names of the manifest, nested stacks after their parent', async () => {
    const input = await loadFixture();
    const guardrail = input.after.resources.find(
      (resource) => resource.iacType === 'AWS::Bedrock::Guardrail',
    );
    expect(guardrail?.id).toMatch(new RegExp(`^${P2}/`));
    expect(input.after.sinks.map((sink) => sink.id)).toEqual(['audit-tools/Trail']);
    expect(input.after.roles.map((role) => role.id)).toContain(
      'audit-tools/ToolsNestedStackResource/ToolFunctionRole',
    );
    const tool = input.after.resources.find(
      (resource) => resource.iacType === 'AWS::Lambda::Function' && resource.name === 'agent-tool',
    );
    expect(tool?.id).toBe('audit-tools/ToolsNestedStackResource/ToolFunction');
    expect(input.after.links).toContainEqual(
      expect.objectContaining({
        from: tool?.id,
        relation: 'execution-role',
        to: { id: 'audit-tools/ToolsNestedStackResource/ToolFunctionRole' },
      }),
    );
  });

  it('gives change actions per stack: the new stack is created, the guardrail added, the agent updated', async () => {
    const input = await loadFixture();
    const guardrail = input.after.resources.find(
      (resource) => resource.iacType === 'AWS::Bedrock::Guardrail',
    )!;
    const agent = input.after.resources.find((resource) => resource.iacType === 'AWS::Bedrock::Agent')!;
    expect(input.changes[guardrail.id]).toBe('create');
    expect(input.changes[agent.id]).toBe('update');
    expect(input.changes['audit-tools/Trail']).toBe('create');
    expect(input.changes['audit-tools/ToolsNestedStackResource/ToolFunction']).toBe('create');
    expect(input.before.resources.some((resource) => resource.id === guardrail.id)).toBe(false);
    expect(input.before.resources.some((resource) => resource.id === agent.id)).toBe(true);
  });

  it('uses the artifact environment as region and account, and locates entities in the assembly files', async () => {
    const input = await loadFixture();
    const trail = input.after.sinks[0]!;
    expect(trail.homeRegion).toBe('eu-west-1');
    expect(trail.account).toBe('123456789012');
    expect(trail.location).toEqual({ file: 'cdk/guardrail-after.out/AuditTools.template.json', line: 16 });
    expect(trail.advancedSelectors).toEqual([
      {
        name: 'Agent aliases',
        fieldSelectors: [
          { field: 'eventCategory', operators: { Equals: ['Data'] } },
          { field: 'resources.type', operators: { Equals: ['AWS::Bedrock::AgentAlias'] } },
        ],
        line: 24,
      },
    ]);
    // A known partition from the environment would be configured; here AWS::Partition stays symbolic.
    const role = input.after.roles.find((candidate) => candidate.id.endsWith('/ToolFunctionRole'))!;
    expect(role.managedPolicies).toEqual([
      {
        arn: {
          parts: [
            'arn:',
            { ref: 'AWS::Partition', attribute: 'value' },
            ':iam::aws:policy/service-role/AWSLambdaBasicExecutionRole',
          ],
        },
      },
    ]);
    expect(input.region).toMatchObject({ unknown: true });
    const agent = input.before.resources.find((resource) => resource.iacType === 'AWS::Bedrock::Agent')!;
    expect(agent.location?.file).toBe(`cdk/guardrail-before.out/${P2}.template.json`);
  });

  it('reads a missing side as an empty assembly', async () => {
    const input = await new CdkAssemblySource().load(
      { before: null, after: 'cdk/guardrail-after.out', idPrefix: 'app:' },
      CONTEXT,
    );
    expect(input.before.resources).toEqual([]);
    expect(Object.values(input.changes).every((action) => action === 'create')).toBe(true);
    expect(Object.keys(input.changes).every((id) => id.startsWith('app:'))).toBe(true);
  });
});

describe('what is not a cdk.out directory', () => {
  it('refuses a directory without manifest.json', async () => {
    const error = await loadError({ before: null, after: 'cloudformation' }, FIXTURES_DIR);
    expect(error.message).toBe('not a cdk.out directory (no manifest.json)');
    expect(error.file).toBe('cloudformation');
  });

  it('refuses a manifest that points outside the directory', async () => {
    const root = tempDir('cdk-out');
    mkdirSync(join(root, 'cdk.out'));
    writeFileSync(
      join(root, 'cdk.out', 'manifest.json'),
      JSON.stringify({
        artifacts: {
          S: { type: 'aws:cloudformation:stack', properties: { templateFile: '../../etc/passwd' } },
        },
      }),
    );
    const error = await loadError({ before: null, after: 'cdk.out' }, root);
    expect(error.message).toMatch(/points outside the cdk.out directory/);
  });

  it('refuses a broken manifest with its line', async () => {
    const root = tempDir('cdk-out');
    mkdirSync(join(root, 'cdk.out'));
    writeFileSync(join(root, 'cdk.out', 'manifest.json'), '{\n  "artifacts": {\n    "S": \n}');
    const error = await loadError({ before: null, after: 'cdk.out' }, root);
    expect(error.file).toBe('cdk.out/manifest.json');
    expect(error.line).toBe(4);
  });
});
