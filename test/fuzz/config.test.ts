// Fuzzes the config loader: random YAML, and configs built from the schema's keys with random values. Loading ends
// in a Config or a ConfigError; a config that loads is then used for a whole run, whose report must be sound.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { RULE_IDS } from '../../src/analysis/finding.js';
import { loadConfig, parseConfig } from '../../src/config/load.js';
import { DEMO_PLAN } from '../support/bad-input-cases.js';
import {
  expectContainedFailure,
  expectSoundReport,
  fuzzRuns,
  fuzzSeed,
  fuzzTimeout,
} from '../support/fuzz-case.js';
import { mutateText, textMutation } from '../support/json-mutation.js';
import { analyzeInputs } from '../support/run-analysis.js';

const RUNS = fuzzRuns(150);

const word = fc.oneof(
  fc.constantFrom('*', '**', 'aws_iam_role.*', 'module.**', '[', '{', '\\', '', 'high', 'never', 'trail'),
  fc.string({ maxLength: 12 }),
);
const loose = fc.oneof(word, fc.integer(), fc.boolean(), fc.constant(null), fc.jsonValue({ maxDepth: 2 }));
const severityLike = fc.oneof(
  fc.constantFrom('critical', 'high', 'medium', 'low', 'info', 'never', 'off'),
  loose,
);

/** Configs shaped like the schema, with values that are often right and sometimes wrong. */
const configLike = fc.record(
  {
    failOn: severityLike,
    severity: fc.dictionary(fc.oneof(fc.constantFrom(...RULE_IDS), word), severityLike, { maxKeys: 4 }),
    ignore: fc.array(
      fc.record(
        {
          rule: fc.oneof(fc.constantFrom(...RULE_IDS, '*'), word),
          resource: word,
          reason: word,
          expires: fc.oneof(fc.constantFrom('2020-01-01', '2999-12-31', 'tomorrow'), loose),
        },
        { requiredKeys: [] },
      ),
      { maxLength: 4 },
    ),
    externalSinks: fc.array(
      fc.record(
        {
          name: word,
          kind: fc.oneof(fc.constantFrom('trail', 'event-data-store'), word),
          logging: fc.oneof(fc.boolean(), loose),
          multiRegion: fc.boolean(),
          homeRegion: fc.constantFrom('us-east-1', 'eu-west-1', ''),
          organization: fc.boolean(),
          account: fc.constantFrom('111122223333', 'x'),
          AdvancedEventSelectors: fc.array(
            fc.record({
              Name: word,
              FieldSelectors: fc.array(
                fc.record(
                  {
                    Field: fc.constantFrom(
                      'eventCategory',
                      'resources.type',
                      'resources.ARN',
                      'readOnly',
                      'x',
                    ),
                    Equals: fc.array(
                      fc.oneof(
                        fc.constantFrom('Data', 'AWS::Bedrock::AgentAlias', 'AWS::S3::Object', 'true'),
                        word,
                      ),
                      { maxLength: 3 },
                    ),
                    StartsWith: fc.array(fc.constantFrom('arn:aws:s3:::', 'arn:aws:bedrock:'), {
                      maxLength: 2,
                    }),
                  },
                  { requiredKeys: ['Field'] },
                ),
                { maxLength: 3 },
              ),
            }),
            { maxLength: 2 },
          ),
        },
        { requiredKeys: ['name', 'AdvancedEventSelectors'] },
      ),
      { maxLength: 2 },
    ),
    reportExisting: fc.oneof(fc.boolean(), loose),
    aiRoles: fc.record({
      include: fc.array(word, { maxLength: 3 }),
      exclude: fc.array(word, { maxLength: 3 }),
    }),
    cloudFormation: fc.record({ pseudoParameters: fc.dictionary(word, word, { maxKeys: 3 }) }),
    unexpected: loose,
  },
  { requiredKeys: [] },
);

/** Configs that are always valid, so that every run exercises loaded configs too, not only refusals. */
const validConfig = fc.record(
  {
    failOn: fc.constantFrom('critical', 'high', 'medium', 'low', 'info', 'never'),
    severity: fc.dictionary(
      fc.constantFrom(...RULE_IDS),
      fc.constantFrom('critical', 'high', 'medium', 'low', 'info', 'off'),
      { maxKeys: 4 },
    ),
    ignore: fc.array(
      fc.record({
        rule: fc.constantFrom(...RULE_IDS, '*'),
        resource: fc.constantFrom('*', '**', 'aws_iam_role.*', 'module.**'),
        reason: fc.constantFrom('accepted risk', 'sandbox'),
        expires: fc.constantFrom('2020-01-01', '2999-12-31'),
      }),
      { maxLength: 3 },
    ),
    reportExisting: fc.boolean(),
    aiRoles: fc.record({
      include: fc.array(fc.constantFrom('*-agent', 'support-*'), { maxLength: 2 }),
      exclude: fc.array(fc.constantFrom('order-*'), { maxLength: 2 }),
    }),
  },
  { requiredKeys: [] },
);

let root: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'aad-fuzz-config-'));
  await analyzeInputs({ cwd: root, plans: [DEMO_PLAN] });
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('fuzzing the config loader', () => {
  it(
    'schema-shaped configs: loaded or refused, and a loaded one drives a sound run',
    async () => {
      let loaded = 0;
      await fc.assert(
        fc.asyncProperty(fc.oneof(configLike, validConfig), async (raw) => {
          const config = await expectContainedFailure(() =>
            Promise.resolve(parseConfig(stringify(raw), 'config.yml')),
          );
          if (config === undefined) return;
          loaded += 1;
          await expectSoundReport(() => analyzeInputs({ cwd: root, plans: [DEMO_PLAN], config }));
        }),
        { numRuns: RUNS, ...fuzzSeed() },
      );
      expect(loaded).toBeGreaterThan(0);
    },
    fuzzTimeout(RUNS),
  );

  it(
    'random YAML text and damaged configs, read from a file',
    async () => {
      const text = fc.oneof(
        fc.string({ maxLength: 200 }),
        fc.jsonValue({ maxDepth: 4 }).map((value) => stringify(value)),
        fc
          .tuple(configLike, fc.array(textMutation, { minLength: 1, maxLength: 4 }))
          .map(([raw, mutations]) => mutateText(stringify(raw), mutations)),
        fc.constantFrom(
          'a: &a [*a]',
          'failOn: !!js/function "x"',
          `a: &a ["x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b]\nd: [*c,*c,*c,*c,*c,*c,*c,*c]`,
          `${'- '.repeat(5_000)}x`,
          '\uFEFFfailOn: high',
          '---\nfailOn: high\n---\nfailOn: low',
        ),
      );
      await fc.assert(
        fc.asyncProperty(text, async (content) => {
          await writeFile(join(root, 'config.yml'), content);
          await expectContainedFailure(() => loadConfig('config.yml', root));
        }),
        { numRuns: RUNS, ...fuzzSeed() },
      );
    },
    fuzzTimeout(RUNS),
  );
});
