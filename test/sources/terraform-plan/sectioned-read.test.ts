// The sectioned reader of large plans must read exactly what the whole-file reader reads: the same LoadedInput for
// every corpus and fixture plan, at any window size, and the same verdict on broken text.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { readInSections, readWhole } from '../../support/plan-sections.js';
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
      const expected = readWhole(path);
      for (const chunkBytes of [undefined, 4096, 61, 5]) {
        const actual = readInSections(path, chunkBytes);
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

describe('the sectioned reader on broken text', () => {
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

describe('the sectioned reader on a hostile top level', () => {
  it('keeps a "__proto__" key from setting the prototype of what it returns', () => {
    const path = join(scratch, 'proto.json');
    writeFileSync(path, '{"__proto__":{"polluted":true},"resource_changes":[]}');
    const plan = readPlanInSections(path, 'plan');
    expect(Object.getPrototypeOf(plan)).toBe(Object.prototype);
    expect((plan as { polluted?: unknown }).polluted).toBeUndefined();
  });
});
