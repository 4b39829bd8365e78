import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expandActionPattern } from '../../../src/analysis/permissions/expand.js';

async function names(pattern: string): Promise<string[]> {
  const expansion = await expandActionPattern(pattern);
  if (expansion.kind !== 'actions') throw new Error(`unexpected unknown expansion of ${pattern}`);
  return expansion.actions.map((action) => action.name);
}

describe('expandActionPattern', () => {
  it('expands a wildcard to the actions IAM data lists, with their access levels', async () => {
    const expansion = await expandActionPattern('bedrock:InvokeModel*');
    expect(expansion.kind).toBe('actions');
    if (expansion.kind !== 'actions') return;
    expect(expansion.actions.map((action) => action.name)).toContain('bedrock:InvokeModelWithResponseStream');
    expect(expansion.actions.every((action) => action.accessLevel === 'Read')).toBe(true);
  });

  it('keeps compound access levels as IAM data writes them', async () => {
    const expansion = await expandActionPattern('bedrock-agentcore:InvokeGateway');
    expect(expansion.kind === 'actions' && expansion.actions[0]?.accessLevel).toBe(
      'Permissions management, Write',
    );
  });

  it('reads kms:Decrypt as Write, the AWS classification', async () => {
    const expansion = await expandActionPattern('kms:Decrypt');
    expect(expansion.kind === 'actions' && expansion.actions[0]?.accessLevel).toBe('Write');
  });

  it('gives unknown, never "no permission", for a service IAM data does not know', async () => {
    const expansion = await expandActionPattern('notaservice:*');
    expect(expansion.kind).toBe('unknown');
  });

  it('gives unknown for a literal action IAM data does not know', async () => {
    expect((await expandActionPattern('bedrock:NoSuchAction')).kind).toBe('unknown');
  });

  it('memoises per pattern, whatever its case', () => {
    expect(expandActionPattern('s3:Get*')).toBe(expandActionPattern('S3:GET*'));
  });

  it('marks actions that take no resource', async () => {
    const expansion = await expandActionPattern('bedrock:InvokeInlineAgent');
    expect(expansion.kind === 'actions' && expansion.actions[0]?.wildcardOnly).toBe(true);
  });

  it('is idempotent: expanding any expanded action gives that action back', async () => {
    const patterns = ['s3:Get*', 'bedrock:*', 'iam:Put*Policy', 'sagemaker:InvokeEndpoint*', 'logs:Delete*'];
    const expanded = (await Promise.all(patterns.map(names))).flat();
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...expanded), async (name) => {
        expect(await names(name)).toEqual([name]);
      }),
    );
  });
});
