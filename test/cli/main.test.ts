import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { EXIT_USAGE, runCli } from '../../src/cli/main.js';
import { makeTempTree, type TempTree } from '../support/temp-tree.js';

const ESC = '\u001b';

let tree: TempTree | undefined;

afterEach(() => {
  tree?.remove();
  tree = undefined;
});

async function run(argv: string[], files: Record<string, string>): Promise<{ code: number; stderr: string }> {
  tree = makeTempTree(files, 'cli');
  let stderr = '';
  const code = await runCli(argv, {
    stdout: () => undefined,
    stderr: (text) => {
      stderr += text;
    },
    cwd: tree.root,
    color: false,
  });
  return { code, stderr };
}

describe('runCli messages on standard error', () => {
  it('let no escape sequence from a config file reach the terminal', async () => {
    const { code, stderr } = await run(
      ['--config', 'config.yml', '--before', 'a.json', '--after', 'a.json'],
      {
        'config.yml': `failOn: high\n"${ESC}[2Jcleared${ESC}]0;title\u0007": 1\n`,
        'a.json': '{}',
      },
    );
    expect(code).toBe(EXIT_USAGE);
    expect(stderr).toContain('config.yml');
    expect(stderr).toContain('cleared');
    expect(stderr).not.toContain(ESC);
    expect(stderr).not.toContain('\u0007');
  });

  it('flatten an input error to one line per input, and mask credential-shaped text in it', async () => {
    const name = `AKIAIOSFODNN7EXAMPLE${ESC}[31m.json`;
    const { code, stderr } = await run(['--plan', name], { [name]: 'not json' });
    expect(code).toBe(EXIT_USAGE);
    expect(stderr).not.toContain(ESC);
    expect(stderr).not.toContain('AKIAIOSFODNN7EXAMPLE');
    expect(stderr).toContain('AKIA****');
  });

  it('refuses a size limit of zero bytes instead of refusing every input', async () => {
    const { code, stderr } = await run(['--plan', 'p.json', '--max-input-size', '0'], {});
    expect(code).toBe(EXIT_USAGE);
    expect(stderr).toContain('--max-input-size: "0" is not a size');
  });
});

describe('runCli --version', () => {
  it("prints the package's version, so the version in reports cannot drift from the published one", async () => {
    const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
      version: string;
    };
    let stdout = '';
    const code = await runCli(['--version'], {
      stdout: (text) => {
        stdout += text;
      },
      stderr: () => undefined,
      cwd: '.',
      color: false,
    });
    expect(code).toBe(0);
    expect(stdout).toBe(`${manifest.version}\n`);
  });
});
