// The README's workflow snippets are what users copy: every one must use only inputs that action.yml declares,
// with allowed values, and the Terraform quick start is run here, as written, against the loopback GitHub fake.
import { execFile } from 'node:child_process';
import { copyFile, mkdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { COMMENT_MODES, RUN_MODES } from '../../src/action/action-inputs.js';
import { prepareActionRun, readOutputs } from '../support/action-run.js';
import { FakeGithub } from '../support/fake-github.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const readme = await readFile(join(root, 'README.md'), 'utf8');
const actionYaml = parse(await readFile(join(root, 'action.yml'), 'utf8')) as {
  inputs: Record<string, unknown>;
};

/** Every ```yaml block of the README, dedented and parsed. */
const snippets = [...readme.matchAll(/```yaml\n([\s\S]*?)```/g)].map((match) => {
  const lines = match[1]!.split('\n').filter((line) => line.trim() !== '');
  const indent = Math.min(...lines.map((line) => line.length - line.trimStart().length));
  return parse(lines.map((line) => line.slice(indent)).join('\n')) as unknown;
});

/** The `with:` blocks that configure this action, wherever they sit in a snippet. */
function actionInputs(node: unknown, found: Record<string, unknown>[] = []): Record<string, unknown>[] {
  if (Array.isArray(node)) for (const item of node) actionInputs(item, found);
  else if (typeof node === 'object' && node !== null) {
    const record = node as Record<string, unknown>;
    const uses = typeof record.uses === 'string' ? record.uses : undefined;
    const ours = uses === undefined ? !('run' in record) : /ai-access-diff|^\.\/?$/.test(uses);
    if (ours && typeof record.with === 'object' && record.with !== null) {
      found.push(record.with as Record<string, unknown>);
    }
    for (const value of Object.values(record)) actionInputs(value, found);
  }
  return found;
}

describe("the README's workflow snippets", () => {
  const blocks = snippets.flatMap((snippet) => actionInputs(snippet));

  it('configure the action in several places', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(5);
  });

  it('use only inputs that action.yml declares, with allowed values', () => {
    const declared = Object.keys(actionYaml.inputs);
    for (const inputs of blocks) {
      for (const [name, value] of Object.entries(inputs)) {
        expect(declared, `input "${name}"`).toContain(name);
        if (name === 'comment') expect(COMMENT_MODES).toContain(value);
        if (name === 'mode') expect(RUN_MODES).toContain(value);
      }
    }
  });

  it('run: the Terraform quick start posts one comment and one check run', async () => {
    const quickStart = blocks.find((inputs) => Object.keys(inputs).join() === 'plan');
    expect(quickStart).toBeDefined();
    const inputs = Object.fromEntries(
      Object.entries(quickStart!).map(([key, value]) => [key, String(value)]),
    );
    const fake = await FakeGithub.start();
    const step = await prepareActionRun({ apiUrl: fake.url, inputs });
    try {
      const planPath = join(step.workspace, inputs.plan!);
      await mkdir(dirname(planPath), { recursive: true });
      await copyFile(join(root, 'fixtures/demo/plan.json'), planPath);
      const code = await new Promise<number>((resolve) =>
        execFile(
          process.execPath,
          [join(root, 'dist/index.js')],
          { env: { PATH: process.env.PATH ?? '', ...step.env }, cwd: step.workspace },
          (error) => resolve(error === null ? 0 : Number(error.code ?? 1)),
        ),
      );
      expect(code).toBe(1);
      expect(fake.comments).toHaveLength(1);
      expect(fake.checkRuns).toHaveLength(1);
      expect((await readOutputs(step.outputPath)).conclusion).toBe('failure');
    } finally {
      await fake.close();
      await step.remove();
    }
  });
});
