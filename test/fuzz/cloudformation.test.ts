// Fuzzes the CloudFormation source through the whole pipeline: random templates from a grammar of resources,
// properties and intrinsics (as JSON and YAML), and byte-level damage to real corpus templates diffed against the
// original. Every case ends in a sound report within the deadline.
import { readdirSync, statSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { expectSoundReport, fuzzRuns, fuzzSeed, fuzzTimeout } from '../support/fuzz-case.js';
import { mutateText, textMutation } from '../support/json-mutation.js';
import { analyzeInputs } from '../support/run-analysis.js';
import { CORPUS_DIR } from '../support/template-corpus.js';

const RUNS = fuzzRuns(80);
const TYPES = [
  'AWS::IAM::Role',
  'AWS::IAM::Policy',
  'AWS::IAM::ManagedPolicy',
  'AWS::IAM::User',
  'AWS::IAM::AccessKey',
  'AWS::CloudTrail::Trail',
  'AWS::CloudTrail::EventDataStore',
  'AWS::S3::Bucket',
  'AWS::Lambda::Function',
  'AWS::Bedrock::Agent',
  'AWS::Bedrock::AgentAlias',
  'AWS::Bedrock::KnowledgeBase',
  'AWS::Bedrock::Guardrail',
  'AWS::SageMaker::Endpoint',
  'AWS::QBusiness::Application',
  'AWS::BedrockAgentCore::Runtime',
  'Custom::Thing',
  'AWS::Made::Up',
];
const KEYS = [
  'RoleName',
  'Policies',
  'PolicyDocument',
  'Statement',
  'Effect',
  'Action',
  'NotAction',
  'Resource',
  'Principal',
  'Condition',
  'AssumeRolePolicyDocument',
  'ManagedPolicyArns',
  'PermissionsBoundary',
  'Roles',
  'IsLogging',
  'IsMultiRegionTrail',
  'EventSelectors',
  'AdvancedEventSelectors',
  'FieldSelectors',
  'Field',
  'Equals',
  'StartsWith',
  'NotEquals',
  'DataResources',
  'Type',
  'Values',
  'BucketName',
  'AgentResourceRoleArn',
  'AgentId',
  'RoleArn',
  'ActionGroups',
  'ActionGroupExecutor',
  'Lambda',
  'KnowledgeBases',
  'Name',
  'Tags',
];

/** Property values from a small grammar: policy words, selector fields, ARNs, nested intrinsics, lists, maps. */
const propertyValue = fc.letrec((tie) => ({
  scalar: fc.oneof(
    fc.constantFrom(
      '*',
      'Allow',
      'Deny',
      'bedrock:*',
      's3:GetObject',
      'iam:PassRole',
      'sts:AssumeRole',
      'Data',
    ),
    fc.constantFrom('AWS::Bedrock::AgentAlias', 'AWS::S3::Object', 'eventCategory', 'resources.type'),
    fc.constantFrom(
      'arn:aws:s3:::b/*',
      'arn:${AWS::Partition}:iam::${AWS::AccountId}:role/r',
      'bedrock.amazonaws.com',
    ),
    fc.string({ maxLength: 12 }),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
  ),
  intrinsic: fc.oneof(
    fc.record({ Ref: fc.constantFrom('R0', 'R1', 'R2', 'P', 'AWS::Region', 'AWS::NoValue', 'Missing') }),
    fc.record({
      'Fn::GetAtt': fc.tuple(fc.constantFrom('R0', 'R1', 'R2', 'Missing'), fc.constantFrom('Arn', 'Name')),
    }),
    fc.record({ 'Fn::Sub': fc.oneof(fc.string({ maxLength: 20 }), fc.constant('arn:aws:s3:::${R0}/*')) }),
    fc.record({
      'Fn::Join': fc.tuple(fc.constantFrom('', ':', '/'), fc.array(tie('value'), { maxLength: 3 })),
    }),
    fc.record({ 'Fn::If': fc.tuple(fc.constantFrom('C', 'Missing'), tie('value'), tie('value')) }),
    fc.record({ 'Fn::Select': fc.tuple(fc.nat(3), tie('value')) }),
    fc.record({
      'Fn::FindInMap': fc.tuple(fc.constant('M'), fc.string({ maxLength: 4 }), fc.string({ maxLength: 4 })),
    }),
    fc.record({ 'Fn::Split': fc.tuple(fc.constant(','), tie('value')) }),
    fc.record({ 'Fn::ImportValue': tie('value') }),
  ),
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    tie('scalar'),
    tie('intrinsic'),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(fc.constantFrom(...KEYS), tie('value'), { maxKeys: 4 }),
  ),
})).value;

/** Templates of known and unknown resource types, with properties from the grammar, conditions and dependencies. */
const template = fc.record({
  Parameters: fc.constant({ P: { Type: 'String', Default: 'p' } }),
  Conditions: fc.constant({ C: { 'Fn::Equals': [{ Ref: 'P' }, 'p'] } }),
  Mappings: fc.constant({ M: { a: { b: 'c' } } }),
  Resources: fc.dictionary(
    fc.constantFrom('R0', 'R1', 'R2', 'R3', 'R4'),
    fc.record(
      {
        Type: fc.constantFrom(...TYPES),
        Properties: fc.dictionary(fc.constantFrom(...KEYS), propertyValue, { maxKeys: 5 }),
        Condition: fc.constantFrom('C', 'Missing'),
        DependsOn: fc.constantFrom('R0', ['R1']),
      },
      { requiredKeys: ['Type'] },
    ),
    { minKeys: 1, maxKeys: 5 },
  ),
});

function smallCorpusTemplates(): string[] {
  const folder = join(CORPUS_DIR, 'cfn');
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (statSync(path).size < 12_000) found.push(path);
    }
  };
  walk(folder);
  return found;
}

let root: string;
let corpus: { name: string; text: string }[];

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'aad-fuzz-cfn-'));
  corpus = await Promise.all(
    smallCorpusTemplates().map(async (path) => ({ name: path, text: await readFile(path, 'utf8') })),
  );
  await writeFile(join(root, 'warm.json'), JSON.stringify({ Resources: { B: { Type: 'AWS::S3::Bucket' } } }));
  await analyzeInputs({ cwd: root, paths: ['warm.json'] });
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('fuzzing the CloudFormation source', () => {
  it(
    'templates from the grammar, as JSON and as YAML, new and against each other',
    async () => {
      let analysed = 0;
      await fc.assert(
        fc.asyncProperty(template, template, fc.boolean(), async (before, after, asYaml) => {
          const write = (value: unknown): string => (asYaml ? stringify(value) : JSON.stringify(value));
          const extension = asYaml ? 'yaml' : 'json';
          await writeFile(join(root, `before.${extension}`), write(before));
          await writeFile(join(root, `after.${extension}`), write(after));
          const report = await expectSoundReport(() =>
            analyzeInputs({ cwd: root, paths: [`after.${extension}`] }),
          );
          if (report.inputs.every((input) => input.status === 'ok')) analysed += 1;
          await expectSoundReport(() =>
            analyzeInputs({ cwd: root, before: `before.${extension}`, after: `after.${extension}` }),
          );
        }),
        { numRuns: RUNS, ...fuzzSeed() },
      );
      // Most grammar templates must get past the parser, or the fuzzing never reaches the analysis.
      expect(analysed).toBeGreaterThan(RUNS / 2);
    },
    fuzzTimeout(RUNS * 2),
  );

  it(
    'damaged corpus templates against their originals',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.nat(),
          fc.array(textMutation, { minLength: 1, maxLength: 5 }),
          async (which, mutations) => {
            const original = corpus[which % corpus.length];
            if (original === undefined) return;
            const extension = original.name.endsWith('.json') ? 'json' : 'yaml';
            await writeFile(join(root, `original.${extension}`), original.text);
            await writeFile(join(root, `damaged.${extension}`), mutateText(original.text, mutations));
            await expectSoundReport(() =>
              analyzeInputs({ cwd: root, before: `original.${extension}`, after: `damaged.${extension}` }),
            );
          },
        ),
        { numRuns: RUNS, ...fuzzSeed() },
      );
    },
    fuzzTimeout(RUNS),
  );
});
