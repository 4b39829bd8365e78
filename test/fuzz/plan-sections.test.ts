// Fuzzes the sectioned reader of large plans against JSON.parse: plan-shaped documents full of the strings that trip
// a scanner, written with any indentation and read through windows of any size, and cut-off text.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/sources/input-error.js';
import { readPlanInSections } from '../../src/sources/terraform-plan.js';
import { validatePlan } from '../../src/sources/terraform-plan/plan-json.js';
import { readPlan } from '../../src/sources/terraform-plan/read-plan.js';
import { fuzzRuns, fuzzSeed } from '../support/fuzz-case.js';
import { planOutcome, readInSections } from '../support/plan-sections.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'aad-fuzz-sections-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Plan-shaped JSON with the strings that trip a scanner: quotes, backslashes, brackets, non-ASCII. */
const awkwardString = fc.oneof(
  fc.string(),
  fc.constantFrom('"', '\\', '\\"', '"\\', '{', '}]', '[{"', 'ü', '🙂', 'data', 'mode', 'type', '\\\\"'),
  fc.string({ unit: fc.constantFrom('"', '\\', '{', '}', '[', ']', ',', ':', 'a', 'é') }),
);
const value = fc.letrec((tie) => ({
  leaf: fc.oneof(
    awkwardString,
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.boolean(),
    fc.constant(null),
  ),
  node: fc.oneof(
    { weight: 3, arbitrary: tie('leaf') },
    fc.array(tie('node'), { maxLength: 3 }),
    fc.dictionary(awkwardString, tie('node'), { maxKeys: 3 }),
  ),
})).node;

const entry = fc.record(
  {
    address: awkwardString,
    mode: fc.constantFrom('managed', 'data'),
    type: fc.constantFrom(
      'aws_instance',
      'aws_iam_role',
      'aws_cloudtrail',
      'aws_bedrockagent_agent',
      'aws_s3_bucket',
      'x',
    ),
    change: fc.record({ actions: fc.constant(['update']), before: value, after: value }),
    extra: value,
  },
  { requiredKeys: ['address', 'type', 'change'] },
);

const planShape = fc.record({
  format_version: fc.constant('1.2'),
  planned_values: value,
  resource_changes: fc.array(entry, { maxLength: 6 }),
  prior_state: fc.record({
    values: fc.record({ root_module: fc.record({ resources: fc.array(entry, { maxLength: 3 }) }) }),
  }),
  configuration: value,
  other: value,
});

describe('the sectioned plan reader on generated plans', () => {
  it('agrees with JSON.parse on any plan-shaped text, indented or not, at any window size', () => {
    const path = join(scratch, 'generated.json');
    fc.assert(
      fc.property(
        planShape,
        fc.constantFrom(0, 2, '\t'),
        fc.integer({ min: 1, max: 40 }),
        (plan, indent, chunk) => {
          const text = JSON.stringify(plan, null, indent);
          writeFileSync(path, text);
          const expected = planOutcome(() => readPlan(validatePlan(JSON.parse(text), 'plan'), 'plan', ''));
          expect(readInSections(path, chunk)).toEqual(expected);
        },
      ),
      { numRuns: fuzzRuns(150), ...fuzzSeed() },
    );
  });

  it('refuses cut-off text with a message and a line, never anything else', () => {
    const text = JSON.stringify(
      JSON.parse(readFileSync(join(ROOT, 'fixtures', 'demo', 'plan.json'), 'utf8')),
      null,
      2,
    );
    const path = join(scratch, 'cut.json');
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: text.trimEnd().length - 1 }),
        fc.integer({ min: 1, max: 64 }),
        (end, chunk) => {
          writeFileSync(path, text.slice(0, end));
          let caught: unknown;
          try {
            readPlanInSections(path, 'plan', chunk);
          } catch (error) {
            caught = error;
          }
          expect(caught).toBeInstanceOf(InputError);
          expect((caught as InputError).line).toBeGreaterThan(0);
        },
      ),
      { numRuns: fuzzRuns(100), ...fuzzSeed() },
    );
  });
});
