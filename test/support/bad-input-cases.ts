// Lays out hostile and broken inputs in a temporary directory: the small committed ones from fixtures/bad-input and
// the ones generated here because they are binary, huge or made of file-system tricks (loops, modes, sparse files).
import { randomBytes } from 'node:crypto';
import { chmod, copyFile, cp, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The committed bad inputs. */
export const BAD_INPUT_DIR = fileURLToPath(new URL('../../fixtures/bad-input/', import.meta.url));

/** A valid plan whose verdict fails (exit code 1): the demo change. */
export const DEMO_PLAN = fileURLToPath(new URL('../../fixtures/demo/plan.json', import.meta.url));

/** How deep the generated nesting goes: far beyond any recursion limit of a naive reader. */
export const DEEP_NESTING = 100_000;

/** What a case must lead to. */
export interface BadInputExpectation {
  /** The CLI's exit code: 2 when no input is usable, else the verdict of the good ones. */
  readonly exit: 0 | 1 | 2;
  /** The input the input-error finding must name, when one is expected. */
  readonly errorFile?: string;
  /** True when the error must carry a line number. */
  readonly line?: boolean;
  /** What the error text must say. */
  readonly message?: RegExp;
}

/** One bad input: how the CLI is called, the same inputs for analyze(), and what must happen. */
export interface BadInputCase {
  readonly name: string;
  readonly args: readonly string[];
  readonly inputs: {
    readonly plans?: readonly string[];
    readonly before?: string;
    readonly after?: string;
    readonly paths?: readonly string[];
    readonly maxInputBytes?: number;
  };
  readonly expect: BadInputExpectation;
  /** Set when the case cannot be run here, with the reason. */
  readonly skip?: string;
}

/** A prepared directory of bad inputs, removed by `remove()`. */
export interface BadInputWorkspace {
  readonly root: string;
  readonly cases: readonly BadInputCase[];
  remove(): Promise<void>;
}

function deepJsonArray(depth: number): string {
  return '['.repeat(depth) + ']'.repeat(depth);
}

function plan(name: string, expect: BadInputExpectation, extra: Partial<BadInputCase> = {}): BadInputCase {
  return { name: `--plan ${name}`, args: ['--plan', name], inputs: { plans: [name] }, expect, ...extra };
}

function path(name: string, expect: BadInputExpectation): BadInputCase {
  return { name: `path ${name}`, args: [name], inputs: { paths: [name] }, expect };
}

function failure(file: string, message?: RegExp, line = false): BadInputExpectation {
  return { exit: 2, errorFile: file, line, ...(message === undefined ? {} : { message }) };
}

/** True when the process ignores file modes (root), so an unreadable file cannot be made. */
export function ignoresFileModes(): boolean {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

/** Writes every bad input into a fresh temporary directory and lists the cases over them. */
export async function prepareBadInputs(options: { sparseFile?: boolean } = {}): Promise<BadInputWorkspace> {
  const root = await mkdtemp(join(tmpdir(), 'aad-bad-input-'));
  await cp(BAD_INPUT_DIR, root, { recursive: true });
  const demo = await readFile(DEMO_PLAN, 'utf8');
  await copyFile(DEMO_PLAN, join(root, 'good-plan.json'));

  await writeFile(join(root, 'random.bin'), randomBytes(4096));
  await writeFile(
    join(root, 'image.png'),
    Buffer.concat([
      // The PNG signature and the start of its IHDR chunk, as every PNG file begins.
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]),
      randomBytes(256),
    ]),
  );
  await writeFile(
    join(root, 'utf16le-plan.json'),
    Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(demo, 'utf16le')]),
  );
  const bigEndian = Buffer.from(demo, 'utf16le');
  bigEndian.swap16();
  await writeFile(join(root, 'utf16be-plan.json'), Buffer.concat([Buffer.from([0xfe, 0xff]), bigEndian]));
  await writeFile(join(root, 'utf8-bom-plan.json'), `\uFEFF${demo}`);
  const utf8 = Buffer.from(demo, 'utf8');
  await writeFile(
    join(root, 'invalid-utf8-plan.json'),
    Buffer.concat([utf8.subarray(0, 200), Buffer.from([0xc3, 0x28, 0xff]), utf8.subarray(200)]),
  );

  await writeFile(join(root, 'deep-array.json'), deepJsonArray(DEEP_NESTING));
  await writeFile(
    join(root, 'deep-plan.json'),
    `{"format_version":"1.2","resource_changes":${deepJsonArray(DEEP_NESTING)}}`,
  );
  await writeFile(
    join(root, 'deep-values-plan.json'),
    '{"format_version":"1.2","resource_changes":[{"address":"aws_s3_bucket.a","mode":"managed",' +
      '"type":"aws_s3_bucket","name":"a","change":{"actions":["create"],"before":null,' +
      `"after":{"bucket":${deepJsonArray(DEEP_NESTING)}},` +
      `"after_unknown":${'{"bucket":'.repeat(DEEP_NESTING / 2)}true${'}'.repeat(DEEP_NESTING / 2)},` +
      `"after_sensitive":{"tags":${deepJsonArray(DEEP_NESTING)}}}}]}`,
  );
  await writeFile(
    join(root, 'deep-template.json'),
    `{"Resources":{"Bucket":{"Type":"AWS::S3::Bucket","Properties":${deepJsonArray(DEEP_NESTING)}}}}`,
  );
  await writeFile(
    join(root, 'deep-template.yaml'),
    `Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n    Properties:\n      Tags:\n        ${'- '.repeat(DEEP_NESTING)}x\n`,
  );
  await writeFile(
    join(root, 'deep-flow-template.yaml'),
    `Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n    Properties: ${'{a: '.repeat(DEEP_NESTING / 2)}1${'}'.repeat(DEEP_NESTING / 2)}\n`,
  );
  await mkdir(join(root, 'deep-hcl'));
  await writeFile(join(root, 'deep-hcl', 'main.tf'), `locals {\n  x = ${deepJsonArray(DEEP_NESTING)}\n}\n`);

  await mkdir(join(root, 'plain-dir'));
  await writeFile(join(root, 'plain-dir', 'notes.txt'), 'not an input\n');
  await mkdir(join(root, 'empty-tf-dir'));
  await mkdir(join(root, 'empty-file-tf-dir'));
  await writeFile(join(root, 'empty-file-tf-dir', 'main.tf'), '');
  await symlink('loop-b.json', join(root, 'loop-a.json'));
  await symlink('loop-a.json', join(root, 'loop-b.json'));
  await writeFile(join(root, 'unreadable.json'), '{"format_version":"1.2","resource_changes":[]}');
  await chmod(join(root, 'unreadable.json'), 0o000);
  if (options.sparseFile === true) {
    // Sparse: the file claims a byte more than the default limit of 2 GiB but occupies no disk, so only a reader
    // that ignores its size would suffer.
    const handle = await import('node:fs/promises').then((fs) => fs.open(join(root, 'huge.json'), 'w'));
    await handle.truncate(2 * 1024 ** 3 + 1);
    await handle.close();
  }

  const unreadableSkip = ignoresFileModes()
    ? 'running as root, which reads a file whatever its mode'
    : undefined;
  const cases: BadInputCase[] = [
    plan('truncated-plan.json', failure('truncated-plan.json', /ends before the JSON is complete/, true)),
    plan('wrong-format-version.json', failure('wrong-format-version.json', /format_version "9\.0"/)),
    plan('terraform-state.json', failure('terraform-state.json', /state/)),
    plan('empty-object.json', failure('empty-object.json', /resource_changes/)),
    plan('array.json', failure('array.json', /not an object/)),
    plan('not-a-template.json', failure('not-a-template.json')),
    path('not-a-template.yaml', failure('not-a-template.yaml', /not a format this tool reads/)),
    path('not-a-template.json', failure('not-a-template.json', /not a format this tool reads/)),
    {
      name: '--after not-a-template.yaml',
      args: ['--after', 'not-a-template.yaml'],
      inputs: { after: 'not-a-template.yaml' },
      expect: failure('not-a-template.yaml'),
    },
    plan('random.bin', failure('random.bin', /binary|UTF-8/)),
    path('random.bin', failure('random.bin')),
    plan('image.png', failure('image.png', /binary/)),
    path('image.png', failure('image.png', /binary/)),
    plan('utf16le-plan.json', { exit: 1 }),
    plan('utf16be-plan.json', { exit: 1 }),
    plan('utf8-bom-plan.json', { exit: 1 }),
    path('utf16le-plan.json', { exit: 1 }),
    plan('invalid-utf8-plan.json', failure('invalid-utf8-plan.json', /UTF-8/)),
    path('hcl-syntax-error', failure('hcl-syntax-error', /HCL syntax error/, true)),
    path('billion-laughs.yaml', failure('billion-laughs.yaml', /alias/)),
    plan('deep-array.json', failure('deep-array.json')),
    plan('deep-plan.json', { exit: 0 }),
    plan('deep-values-plan.json', failure('deep-values-plan.json')),
    path('deep-template.json', failure('deep-template.json', /nest/)),
    path('deep-template.yaml', failure('deep-template.yaml', /nest|deep/)),
    path('deep-flow-template.yaml', failure('deep-flow-template.yaml', /nest|deep/)),
    path('deep-hcl', failure('deep-hcl')),
    plan('good-plan.json', failure('good-plan.json', /larger than the limit/), {
      name: '--plan good-plan.json --max-input-size 1KB',
      args: ['--plan', 'good-plan.json', '--max-input-size', '1KB'],
      inputs: { plans: ['good-plan.json'], maxInputBytes: 1024 },
    }),
    plan('plain-dir', failure('plain-dir', /directory/)),
    path('plain-dir', failure('plain-dir', /directory/)),
    plan('loop-a.json', failure('loop-a.json', /symbolic link loop/)),
    path('loop-a.json', failure('loop-a.json', /symbolic link loop/)),
    plan('missing.json', failure('missing.json', /does not exist/)),
    path('missing.json', failure('missing.json', /does not exist/)),
    plan('unreadable.json', failure('unreadable.json', /permission denied/), {
      ...(unreadableSkip === undefined ? {} : { skip: unreadableSkip }),
    }),
    plan('unknown-types-plan.json', { exit: 0 }),
    // Its new alias may not be logged (the answer rests on values known after apply): a high finding, exit 1.
    plan('all-unknown-plan.json', { exit: 1 }),
    {
      name: 'a good plan and a truncated one',
      args: ['--plan', 'good-plan.json', '--plan', 'truncated-plan.json'],
      inputs: { plans: ['good-plan.json', 'truncated-plan.json'] },
      expect: { exit: 1, errorFile: 'truncated-plan.json', line: true },
    },
    {
      name: 'a good plan and a binary one',
      args: ['--plan', 'random.bin', '--plan', 'good-plan.json'],
      inputs: { plans: ['random.bin', 'good-plan.json'] },
      expect: { exit: 1, errorFile: 'random.bin' },
    },
    {
      name: 'a good plan and a missing template',
      args: ['--plan', 'good-plan.json', 'missing.yaml'],
      inputs: { plans: ['good-plan.json'], paths: ['missing.yaml'] },
      expect: { exit: 1, errorFile: 'missing.yaml' },
    },
    path('empty-tf-dir', failure('empty-tf-dir', /\.tf/)),
    path('empty-file-tf-dir', { exit: 0 }),
    {
      name: '--before empty-file-tf-dir --after hcl-syntax-error',
      args: ['--before', 'empty-file-tf-dir', '--after', 'hcl-syntax-error'],
      inputs: { before: 'empty-file-tf-dir', after: 'hcl-syntax-error' },
      expect: failure('hcl-syntax-error', /HCL syntax error/, true),
    },
  ];
  if (options.sparseFile === true) {
    cases.push(plan('huge.json', failure('huge.json', /larger than|too large/)));
  }
  return {
    root,
    cases,
    remove: async () => {
      await chmod(join(root, 'unreadable.json'), 0o600).catch(() => undefined);
      await rm(root, { recursive: true, force: true });
    },
  };
}
