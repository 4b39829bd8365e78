import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { COMMENT_MODES, INPUT, RUN_MODES } from '../../src/action/action-inputs.js';
import { OUTPUT } from '../../src/action/action-outputs.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const run = promisify(execFile);

interface ActionYaml {
  runs: { using: string; main: string };
  branding: { icon: string; color: string };
  inputs: Record<string, { description: string; default?: string }>;
  outputs: Record<string, { description: string }>;
}

let action: ActionYaml;
let work: string;

beforeAll(async () => {
  action = parse(await readFile(join(root, 'action.yml'), 'utf8')) as ActionYaml;
  work = await mkdtemp(join(tmpdir(), 'aad-readme-'));
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('action.yml', () => {
  it('runs the bundle on node24 and has branding', () => {
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' });
    expect(action.branding.icon).not.toBe('');
    expect(action.branding.color).not.toBe('');
  });

  it('declares exactly the inputs the code reads, each with a description and a default', () => {
    expect(Object.keys(action.inputs).sort()).toEqual(Object.values(INPUT).sort());
    for (const [name, input] of Object.entries(action.inputs)) {
      expect(input.description, name).toMatch(/\S/);
      expect(input.default, name).toBeTypeOf('string');
    }
    expect(action.inputs[INPUT.githubToken]?.default).toBe('${{ github.token }}');
    expect(action.inputs[INPUT.comment]?.default).toBe('update');
    expect(action.inputs[INPUT.mode]?.default).toBe('both');
  });

  it('names every comment mode and run mode in the descriptions', () => {
    for (const mode of COMMENT_MODES)
      expect(action.inputs[INPUT.comment]?.description).toContain(`\`${mode}\``);
    for (const mode of RUN_MODES) expect(action.inputs[INPUT.mode]?.description).toContain(`\`${mode}\``);
  });

  it('declares exactly the outputs the code sets', () => {
    expect(Object.keys(action.outputs).sort()).toEqual(Object.values(OUTPUT).sort());
  });
});

describe('scripts/action-readme.mjs', () => {
  const script = join(root, 'scripts', 'action-readme.mjs');

  it('fills the table between the markers, and --check then passes', async () => {
    const readme = join(work, 'README.md');
    await writeFile(
      readme,
      '# x\n\n<!-- action-inputs:start -->\nPLACEHOLDER-TEXT\n<!-- action-inputs:end -->\n\nafter\n',
    );
    await run('node', [script, '--readme', readme]);
    const text = await readFile(readme, 'utf8');
    expect(text).toContain('| `comment-key` | `default` |');
    expect(text).toContain('| `github-token` | `${{ github.token }}` |');
    expect(text).toContain('| `comment-url` |');
    expect(text).not.toContain('PLACEHOLDER-TEXT');
    expect(text.endsWith('<!-- action-inputs:end -->\n\nafter\n')).toBe(true);
    const { stdout } = await run('node', [script, '--check', '--readme', readme]);
    expect(stdout).toContain('matches');
  });

  it('--check exits 1 when the README is stale', async () => {
    const readme = join(work, 'stale.md');
    await writeFile(readme, '<!-- action-inputs:start -->\n<!-- action-inputs:end -->\n');
    await expect(run('node', [script, '--check', '--readme', readme])).rejects.toMatchObject({ code: 1 });
  });

  it('fails clearly when the markers are missing', async () => {
    const readme = join(work, 'plain.md');
    await writeFile(readme, '# no markers\n');
    const error = (await run('node', [script, '--readme', readme]).catch((reason: unknown) => reason)) as {
      code: number;
      stderr: string;
    };
    expect(error.code).toBe(2);
    expect(error.stderr).toContain('must contain the markers <!-- action-inputs:start -->');
  });
});
