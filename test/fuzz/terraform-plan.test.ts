// Fuzzes the Terraform plan source through the whole pipeline: mutated real plans (fields removed, wrong types,
// random strings, deep values) and raw text. Every case ends in a sound report within the deadline.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BAD_INPUT_DIR, DEMO_PLAN } from '../support/bad-input-cases.js';
import { expectSoundReport, fuzzRuns, fuzzSeed, fuzzTimeout } from '../support/fuzz-case.js';
import { jsonMutation, mutateJson, mutateText, textMutation } from '../support/json-mutation.js';
import { analyzeInputs } from '../support/run-analysis.js';

const RUNS = fuzzRuns(150);
let root: string;
let seeds: unknown[];
let demoText: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'aad-fuzz-plan-'));
  demoText = await readFile(DEMO_PLAN, 'utf8');
  seeds = [
    JSON.parse(demoText),
    JSON.parse(await readFile(join(BAD_INPUT_DIR, 'all-unknown-plan.json'), 'utf8')),
  ];
  // Warm the lazily loaded IAM data so that the first case is not charged for it.
  await analyzeInputs({ cwd: root, plans: [DEMO_PLAN] });
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/** Analyses plan text; true when the plan was read (not an input error). */
async function analyzeText(text: string): Promise<boolean> {
  await writeFile(join(root, 'plan.json'), text);
  const report = await expectSoundReport(() => analyzeInputs({ cwd: root, plans: ['plan.json'] }));
  expect(report.inputs).toHaveLength(1);
  return report.inputs[0]?.status === 'ok';
}

describe('fuzzing the plan source', () => {
  it(
    'mutated plans',
    async () => {
      let read = 0;
      await fc.assert(
        fc.asyncProperty(
          fc.nat(),
          fc.array(jsonMutation, { minLength: 1, maxLength: 6 }),
          async (which, mutations) => {
            const seed = seeds[which % seeds.length];
            if (await analyzeText(JSON.stringify(mutateJson(seed, mutations)))) read += 1;
          },
        ),
        { numRuns: RUNS, ...fuzzSeed() },
      );
      // Most mutations leave a readable plan, so the fuzzing reaches the analysis and the renderers' input.
      expect(read).toBeGreaterThan(RUNS / 2);
    },
    fuzzTimeout(RUNS),
  );

  it(
    'damaged plan text',
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(textMutation, { minLength: 1, maxLength: 4 }), async (mutations) => {
          await analyzeText(mutateText(demoText, mutations));
        }),
        { numRuns: Math.ceil(RUNS / 2), ...fuzzSeed() },
      );
    },
    fuzzTimeout(RUNS),
  );

  it(
    'plans built from random JSON',
    async () => {
      const change = fc.record(
        {
          address: fc.oneof(fc.string(), fc.constant('aws_iam_role.r'), fc.constant('aws_cloudtrail.t')),
          mode: fc.constantFrom('managed', 'data', 'other'),
          type: fc.constantFrom(
            'aws_iam_role',
            'aws_iam_role_policy',
            'aws_cloudtrail',
            'aws_s3_bucket',
            'x',
          ),
          change: fc.record(
            {
              actions: fc.array(fc.constantFrom('create', 'delete', 'update', 'no-op', 'read', 'bogus')),
              before: fc.jsonValue({ maxDepth: 4 }),
              after: fc.jsonValue({ maxDepth: 4 }),
              after_unknown: fc.jsonValue({ maxDepth: 4 }),
              before_sensitive: fc.jsonValue({ maxDepth: 4 }),
              after_sensitive: fc.jsonValue({ maxDepth: 4 }),
            },
            { requiredKeys: [] },
          ),
        },
        { requiredKeys: [] },
      );
      await fc.assert(
        fc.asyncProperty(
          fc.record(
            {
              format_version: fc.constantFrom('0.1', '1.2', '1.0', 'x', '2.0'),
              resource_changes: fc.array(change, { maxLength: 6 }),
              configuration: fc.jsonValue({ maxDepth: 4 }),
              prior_state: fc.jsonValue({ maxDepth: 4 }),
              planned_values: fc.jsonValue({ maxDepth: 4 }),
              variables: fc.jsonValue({ maxDepth: 3 }),
            },
            { requiredKeys: ['resource_changes'] },
          ),
          async (plan) => {
            await analyzeText(JSON.stringify(plan));
          },
        ),
        { numRuns: RUNS, ...fuzzSeed() },
      );
    },
    fuzzTimeout(RUNS),
  );
});
