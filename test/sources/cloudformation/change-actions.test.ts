import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fullDiff, ResourceImpact } from '@aws-cdk/cloudformation-diff';
import { describe, expect, it } from 'vitest';
import type { ChangeAction } from '../../../src/model/resource.js';
import type { LoadedInput, Snapshot } from '../../../src/model/snapshot.js';
import { describeValue } from '../../../src/model/value.js';
import { isUnknown } from '../../../src/model/unknown.js';
import { CloudFormationSource } from '../../../src/sources/cloudformation.js';
import { parseTemplate } from '../../../src/sources/cloudformation/parse-template.js';
import { CORPUS_DIR, listCorpusFiles } from '../../support/template-corpus.js';

interface Pair {
  readonly name: string;
  readonly folder: string;
  readonly contains: string;
}

const PAIRS: readonly Pair[] = [
  { name: 'P1 inference profiles', folder: 'cdk', contains: 'inference-profiles.integ.snapshot' },
  { name: 'P2 agents with a guardrail', folder: 'cdk', contains: 'agents.integ.snapshot' },
  { name: 'P3 knowledge-base data sources', folder: 'cdk', contains: 'data-sources.integ.snapshot' },
  { name: 'P6 SRA organisation trail', folder: 'cfn', contains: 'sra-cloudtrail-org' },
  { name: 'P7 fine-grained access agent', folder: 'cfn', contains: 'fine-grained-access-permissions-agent' },
];

/** The before and after file of a corpus pair. */
function pairFiles(pair: Pair): { before: string; after: string } {
  const matches = listCorpusFiles(pair.folder).filter((file) => file.includes(pair.contains));
  const before = matches.find((file) => file.includes('.before.'));
  const after = matches.find((file) => file.includes('.after.'));
  if (before === undefined || after === undefined)
    throw new Error(`no before/after pair for ${pair.contains}`);
  return { before, after };
}

async function loadPair(before: string, after: string): Promise<LoadedInput> {
  return new CloudFormationSource().load(
    { before, after, idPrefix: '' },
    { cwd: CORPUS_DIR, maxInputBytes: 10_000_000 },
  );
}

/** The templates as plain JSON for the library: JSON files straight from JSON.parse, YAML through our reader. */
function templateBody(file: string): Record<string, unknown> {
  const text = readFileSync(join(CORPUS_DIR, file), 'utf8');
  return file.endsWith('.json')
    ? (JSON.parse(text) as Record<string, unknown>)
    : parseTemplate(text, file).body;
}

function expectedActions(before: string, after: string): Map<string, ChangeAction> {
  const diff = fullDiff(templateBody(before), templateBody(after));
  const actions = new Map<string, ChangeAction>();
  diff.resources.forEachDifference((logicalId, change) => {
    const replaced =
      change.changeImpact === ResourceImpact.WILL_REPLACE ||
      change.changeImpact === ResourceImpact.MAY_REPLACE;
    actions.set(
      logicalId,
      change.isAddition ? 'create' : change.isRemoval ? 'delete' : replaced ? 'replace' : 'update',
    );
  });
  return actions;
}

function actionsIn(snapshot: Snapshot): Set<string> {
  const actions = new Set<string>();
  for (const policy of snapshot.policies) {
    if (isUnknown(policy.document)) continue;
    for (const statement of policy.document.statements)
      for (const action of statement.action ?? []) actions.add(describeValue(action));
  }
  return actions;
}

describe.each(PAIRS)('$name', (pair) => {
  const files = (): { before: string; after: string } => pairFiles(pair);

  it('gives each resource the change action cloudformation-diff gives it', async () => {
    const { before, after } = files();
    const input = await loadPair(before, after);
    const expected = expectedActions(before, after);
    const stack = Object.keys(input.changes)[0]!.split('/')[0];
    for (const [id, action] of Object.entries(input.changes)) {
      expect([id, action]).toEqual([id, expected.get(id.slice(stack!.length + 1)) ?? 'no-op']);
    }
    for (const logicalId of expected.keys()) expect(input.changes[`${stack}/${logicalId}`]).toBeDefined();
    expect(expected.size).toBeGreaterThan(0);
  });

  it('sees every action that cloudformation-diff says an identity policy gains', async () => {
    const { before, after } = pairFiles(pair);
    const diff = fullDiff(templateBody(before), templateBody(after));
    // Statements with a principal belong to trust and resource policies (key, bucket, topic policies), which the
    // IR does not hold as identity grants; the others must all be among the statements read.
    const added = diff.iamChanges.statements.additions
      .filter((statement) => statement.principals.values.length === 0)
      .flatMap((statement) => statement.actions.values);
    const input = await loadPair(before, after);
    const ours = actionsIn(input.after);
    for (const action of added) expect(ours).toContain(action);
  });
});

describe('what the pairs change', () => {
  it('P2 creates the guardrail and updates the agent and its policy', async () => {
    const { before, after } = pairFiles(PAIRS[1]!);
    const input = await loadPair(before, after);
    const guardrail = input.after.resources.find(
      (resource) => resource.iacType === 'AWS::Bedrock::Guardrail',
    );
    expect(guardrail).toBeDefined();
    expect(input.before.resources.some((resource) => resource.id === guardrail?.id)).toBe(false);
    expect(input.changes[guardrail!.id]).toBe('create');
    const agent = input.after.resources.find((resource) => resource.iacType === 'AWS::Bedrock::Agent');
    expect(input.changes[agent!.id]).toBe('update');
    expect(actionsIn(input.before).has('bedrock:ApplyGuardrail')).toBe(false);
    expect(actionsIn(input.after).has('bedrock:ApplyGuardrail')).toBe(true);
  });

  it('P1 widens InvokeModel to InvokeModel* in updated policies', async () => {
    const { before, after } = pairFiles(PAIRS[0]!);
    const input = await loadPair(before, after);
    expect(actionsIn(input.before).has('bedrock:InvokeModel*')).toBe(false);
    expect(actionsIn(input.after).has('bedrock:InvokeModel*')).toBe(true);
    const updated = Object.entries(input.changes).filter(([, action]) => action !== 'no-op');
    expect(updated.map(([, action]) => action)).toEqual(['update', 'update', 'update']);
  });
});
