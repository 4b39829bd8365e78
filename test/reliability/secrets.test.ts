// Secrets never leak: values Terraform marks sensitive are gone before the analysis sees them, and credential-shaped
// text that reaches a report is masked by every renderer. Checked end to end, from input files to every output.
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/model/report.js';
import { renderJson, renderMarkdown, renderSarif, renderText } from '../../src/report/index.js';
import { prepareActionRun, readOutputs } from '../support/action-run.js';
import { builtCliExists, runBuiltCli, stackTraceLines } from '../support/built-cli.js';
import { FakeGithub } from '../support/fake-github.js';
import {
  buildPoisonedHcl,
  buildPoisonedPlan,
  buildPoisonedTemplate,
  forbiddenStrings,
  makeSecrets,
} from '../support/planted-secrets.js';
import { reportIssues } from '../support/report-schema.js';
import { analyzeInputs } from '../support/run-analysis.js';

/** The action bundle; `AI_ACCESS_DIFF_ACTION` points at another build of the same sources. */
const ACTION_BUNDLE =
  process.env.AI_ACCESS_DIFF_ACTION ?? fileURLToPath(new URL('../../dist/index.js', import.meta.url));
const FORMATS = ['text', 'markdown', 'json', 'sarif'] as const;
const INPUTS = {
  plan: ['--plan', 'plan.json'],
  template: ['template.json'],
  hcl: ['hcl'],
} as const;

const secrets = makeSecrets();
let root: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'aad-secrets-'));
  await writeFile(join(root, 'plan.json'), JSON.stringify(await buildPoisonedPlan(secrets), null, 2));
  await writeFile(join(root, 'template.json'), JSON.stringify(buildPoisonedTemplate(secrets), null, 2));
  await mkdir(join(root, 'hcl'));
  await writeFile(join(root, 'hcl', 'main.tf'), buildPoisonedHcl(secrets));
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

function leaks(text: string): string[] {
  return forbiddenStrings(secrets).filter((secret) => text.includes(secret));
}

function renderAll(report: Report): Record<string, string> {
  return {
    json: renderJson(report),
    markdown: renderMarkdown(report),
    text: renderText(report),
    sarif: renderSarif(report),
  };
}

describe('planted secrets, through analyze() and the renderers', () => {
  it('the plan: marked values are dropped at the source, credential-shaped text is masked', async () => {
    const report = await analyzeInputs({ cwd: root, plans: ['plan.json'] });
    expect(reportIssues(report)).toEqual([]);
    expect(report.inputs[0]?.status).toBe('ok');
    // The report model itself never holds the marker: it was dropped before the analysis.
    expect(JSON.stringify(report)).not.toContain(secrets.marker);
    // The planted credential-shaped strings did reach the model, so the masking below is really exercised.
    expect(JSON.stringify(report)).toContain(secrets.accessKeyId);
    for (const [format, text] of Object.entries(renderAll(report))) {
      expect(leaks(text), format).toEqual([]);
    }
  });

  it('the plan: a role whose policy is marked sensitive has unknown grants, not readable ones', async () => {
    const report = await analyzeInputs({ cwd: root, plans: ['plan.json'] });
    const grants = report.permissions.roles.flatMap((role) => [...role.added, ...role.removed]);
    expect(grants.some((grant) => grant.resource.includes('Sid') || grant.action === 's3:ListBucket')).toBe(
      false,
    );
  });

  it('the template and the .tf directory', async () => {
    for (const inputs of [{ paths: ['template.json'] }, { paths: ['hcl'] }]) {
      const report = await analyzeInputs({ cwd: root, ...inputs });
      expect(reportIssues(report)).toEqual([]);
      expect(report.inputs[0]?.status, JSON.stringify(report.inputs)).toBe('ok');
      for (const [format, text] of Object.entries(renderAll(report))) {
        expect(leaks(text), `${inputs.paths[0]} as ${format}`).toEqual([]);
      }
    }
  });
});

describe.skipIf(!builtCliExists)('planted secrets, through the built CLI', () => {
  for (const [name, args] of Object.entries(INPUTS)) {
    for (const format of FORMATS) {
      it(`${name} as ${format}`, async () => {
        const run = await runBuiltCli([...args, '--format', format], root);
        expect(run.code === 0 || run.code === 1, run.stderr).toBe(true);
        expect(stackTraceLines(run.stderr)).toEqual([]);
        expect(leaks(run.stdout)).toEqual([]);
        expect(leaks(run.stderr)).toEqual([]);
      });
    }
  }
});

describe.skipIf(!existsSync(ACTION_BUNDLE))('planted secrets, through the action bundle', () => {
  it('the job summary, the outputs, the comment and the check run never show them', async () => {
    const fake = await FakeGithub.start();
    const step = await prepareActionRun({ apiUrl: fake.url, inputs: { plan: 'plan.json' } });
    try {
      await writeFile(join(step.workspace, 'plan.json'), JSON.stringify(await buildPoisonedPlan(secrets)));
      const { execFile } = await import('node:child_process');
      const result = await new Promise<{ stdout: string; stderr: string }>((resolve) => {
        execFile(
          process.execPath,
          [ACTION_BUNDLE],
          { env: { PATH: process.env.PATH ?? '', ...step.env }, cwd: step.workspace, timeout: 60_000 },
          (_error, stdout, stderr) => resolve({ stdout, stderr }),
        );
      });
      const { readFile } = await import('node:fs/promises');
      const summary = await readFile(step.summaryPath, 'utf8');
      expect(summary.length).toBeGreaterThan(0);
      const outputs = JSON.stringify(await readOutputs(step.outputPath));
      const sent = JSON.stringify(fake.calls);
      for (const [where, text] of Object.entries({
        summary,
        outputs,
        sent,
        stdout: result.stdout,
        stderr: result.stderr,
      })) {
        expect(leaks(text), where).toEqual([]);
      }
    } finally {
      await step.remove();
      await fake.close();
    }
  });
});
