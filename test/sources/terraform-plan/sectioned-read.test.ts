// The sectioned reader of large plans must read exactly what the whole-file reader reads: the same LoadedInput for
// every corpus and fixture plan, at any window size, and the same verdict on broken text.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../../../src/sources/input-error.js';
import { decodeInputText, parseJsonInput } from '../../../src/sources/read-input.js';
import {
  loadTerraformPlan,
  readPlanInSections,
  SECTIONED_READ_BYTES,
} from '../../../src/sources/terraform-plan.js';
import { validatePlan } from '../../../src/sources/terraform-plan/plan-json.js';
import { readPlan } from '../../../src/sources/terraform-plan/read-plan.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const CORPUS = join(ROOT, '..', 'shared', 'corpus');
const scratch = mkdtempSync(join(tmpdir(), 'aad-sectioned-'));

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function jsonFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.json'))
    .map((entry) => join(entry.parentPath, entry.name));
}

const planFiles = [
  ...jsonFiles(join(CORPUS, 'tfplan')),
  ...jsonFiles(join(ROOT, 'fixtures')).filter((path) => /plan[^/]*\.json$/.test(path)),
];

type Outcome = { loaded: unknown } | { error: string };

function outcome(read: () => unknown): Outcome {
  try {
    return { loaded: read() };
  } catch (error) {
    if (error instanceof InputError) return { error: error.message };
    throw error;
  }
}

function wholeRead(path: string): Outcome {
  return outcome(() =>
    readPlan(
      validatePlan(parseJsonInput(decodeInputText(readFileSync(path), 'plan'), 'plan'), 'plan'),
      'plan',
      '',
    ),
  );
}

function sectionedRead(path: string, chunkBytes?: number): Outcome {
  return outcome(() => readPlan(readPlanInSections(path, 'plan', chunkBytes), 'plan', ''));
}

const isUtf16 = (path: string): boolean => {
  const start = readFileSync(path).subarray(0, 2);
  return (start[0] === 0xff && start[1] === 0xfe) || (start[0] === 0xfe && start[1] === 0xff);
};

describe('reading a plan in sections', () => {
  it('has the corpus and the fixtures to compare', () => {
    expect(planFiles.length).toBeGreaterThanOrEqual(50);
  });

  for (const path of planFiles.filter((file) => !isUtf16(file))) {
    const name = path.slice(path.lastIndexOf('/', path.lastIndexOf('/') - 1) + 1);
    it(`reads ${name} as the whole-file reader does, at any window size`, () => {
      const expected = wholeRead(path);
      for (const chunkBytes of [undefined, 4096, 61, 5]) {
        const actual = sectionedRead(path, chunkBytes);
        if ('error' in expected) expect(actual).toHaveProperty('error');
        else expect(actual).toEqual(expected);
      }
    });
  }

  it('takes over from the whole-file reader at its threshold, through the plan source', async () => {
    const demo = JSON.parse(readFileSync(join(ROOT, 'fixtures', 'demo', 'plan.json'), 'utf8')) as {
      resource_changes: unknown[];
    };
    // Ordinary resources the analysis passes over pad the plan past the threshold.
    const padding = Array.from({ length: 12_000 }, (_, index) => ({
      address: `aws_instance.filler_${index}`,
      mode: 'managed',
      type: 'aws_instance',
      name: `filler_${index}`,
      change: {
        actions: ['no-op'],
        before: { ami: 'ami-123', tags: { note: 'x'.repeat(300) } },
        after: null,
      },
    }));
    const large = { ...demo, resource_changes: [...padding, ...demo.resource_changes] };
    const path = join(scratch, 'large-plan.json');
    writeFileSync(path, JSON.stringify(large, null, 1));
    expect(readFileSync(path).length).toBeGreaterThan(SECTIONED_READ_BYTES);
    const loaded = await loadTerraformPlan(
      { before: null, after: path, idPrefix: '' },
      { cwd: scratch, maxInputBytes: 1 << 30 },
    );
    const whole = readPlan(validatePlan(large, 'large-plan.json'), 'large-plan.json', '');
    expect(loaded).toEqual(whole);
    expect(loaded.after.resources.length).toBeGreaterThan(3);
  });
});

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

describe('the sectioned reader on generated plans', () => {
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
          const expected = outcome(() => readPlan(validatePlan(JSON.parse(text), 'plan'), 'plan', ''));
          expect(sectionedRead(path, chunk)).toEqual(expected);
        },
      ),
      { numRuns: 150 },
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
      { numRuns: 100 },
    );
  });

  it('names the line of a syntax error inside an entry it parses', () => {
    const lines = JSON.stringify(
      JSON.parse(readFileSync(join(ROOT, 'fixtures', 'demo', 'plan.json'), 'utf8')),
      null,
      2,
    ).split('\n');
    // In an entry of resource_changes, which is parsed (planned values are only passed over).
    const changesStart = lines.findIndex((line) => line.includes('"resource_changes"'));
    const broken = lines.findIndex(
      (line, index) => index > changesStart && line.includes('"agent_alias_name"'),
    );
    lines[broken] = lines[broken]!.replace(':', ' ');
    const path = join(scratch, 'broken.json');
    writeFileSync(path, lines.join('\n'));
    expect(() => readPlanInSections(path, 'plan', 97)).toThrow(
      expect.objectContaining({ message: 'is not valid JSON', line: broken + 1 }),
    );
  });

  it('refuses text after the document, binary content and bad UTF-8 in an entry it reads', () => {
    const cases: [string, Buffer, RegExp][] = [
      ['after.json', Buffer.from('{"resource_changes": []} {}'), /text after the end/],
      ['binary.json', Buffer.from([0x7b, 0x00, 0x7d]), /is binary/],
      [
        'utf8.json',
        Buffer.concat([
          Buffer.from(
            '{"resource_changes":[{"address":"aws_iam_role.r","type":"aws_iam_role","mode":"managed","change":{"after":{"name":"',
          ),
          Buffer.from([0xc3, 0x28]),
          Buffer.from('"}}}]}'),
        ]),
        /not valid UTF-8/,
      ],
    ];
    for (const [name, bytes, message] of cases) {
      const path = join(scratch, name);
      writeFileSync(path, bytes);
      expect(() => readPlanInSections(path, 'plan', 8)).toThrow(message);
    }
  });
});
