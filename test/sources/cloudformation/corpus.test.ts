import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PolicyDocument } from '../../../src/model/iam.js';
import type { SourceLocation } from '../../../src/model/location.js';
import type { LoadedInput } from '../../../src/model/snapshot.js';
import { isUnknown, type Unknown } from '../../../src/model/unknown.js';
import { CloudFormationSource } from '../../../src/sources/cloudformation.js';
import { CORPUS_DIR, listCorpusFiles } from '../../support/template-corpus.js';

const STATEMENT_KEYS =
  /\b(Sid|Effect|Action|NotAction|Resource|NotResource|Principal|NotPrincipal|Condition)\b|Fn::If|!If/;

async function load(file: string): Promise<LoadedInput> {
  return new CloudFormationSource().load(
    { before: null, after: file, idPrefix: '' },
    { cwd: CORPUS_DIR, maxInputBytes: 10_000_000 },
  );
}

function lineText(file: string, location: SourceLocation | undefined): string {
  expect(location?.file).toBe(file);
  expect(location?.line).toBeTypeOf('number');
  const lines = readFileSync(join(CORPUS_DIR, file), 'utf8').split('\n');
  return lines[(location?.line ?? 0) - 1] ?? '';
}

function statementsOf(document: PolicyDocument | Unknown | null): PolicyDocument['statements'] {
  return document === null || isUnknown(document) ? [] : document.statements;
}

const files = [...listCorpusFiles('cfn'), ...listCorpusFiles('cdk')];

describe('every CloudFormation and CDK template of the corpus', () => {
  it('is found', () => {
    expect(files.length).toBeGreaterThan(40);
  });

  it.each(files)('%s loads, with a line for each resource and statement', async (file) => {
    // Every corpus file under cfn/ and cdk/ is a template, so none may fail.
    const input = await load(file);
    const after = input.after;
    const declared = [
      ...after.resources,
      ...after.sinks,
      ...after.roles,
      ...after.users,
      ...after.groups,
      ...after.accessKeys,
    ];
    for (const entity of declared) {
      const logicalId = entity.id.slice(entity.id.lastIndexOf('/') + 1);
      expect(lineText(file, entity.location)).toContain(logicalId);
    }
    for (const policy of after.policies) {
      const text = lineText(file, policy.location);
      if (policy.id.includes('/Policies/')) expect(text).toMatch(/PolicyName|PolicyDocument|Fn::If|!If/);
      else expect(text).toContain(policy.id.slice(policy.id.lastIndexOf('/') + 1));
    }
    const documents = [
      ...after.policies.map((policy) => policy.document),
      ...after.roles.map((role) => role.trustPolicy),
    ];
    for (const document of documents) {
      for (const statement of statementsOf(document)) {
        expect(lineText(file, statement.location)).toMatch(STATEMENT_KEYS);
      }
    }
    for (const id of Object.keys(input.changes)) expect(input.changes[id]).toBe('create');
  });
});
