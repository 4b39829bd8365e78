// Runs the action's source through @github/local-action on the demo change, as a workflow step would, without
// GitHub: mode "analyze" needs no token and writes the report, the summary and the outputs locally.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const temp = mkdtempSync(join(tmpdir(), 'ai-access-diff-local-'));
const summary = join(temp, 'summary.md');
writeFileSync(summary, '');
mkdirSync(join(temp, 'runner'), { recursive: true });
const plan = process.argv[2] ?? 'fixtures/demo/plan.json';
const env = {
  INPUT_PLAN: plan,
  INPUT_MODE: 'analyze',
  INPUT_COMMENT: 'off',
  'INPUT_FAIL-ON': process.env.FAIL_ON ?? 'high',
  GITHUB_WORKSPACE: root,
  GITHUB_REPOSITORY: 'local/ai-access-diff',
  GITHUB_STEP_SUMMARY: summary,
  RUNNER_TEMP: join(temp, 'runner'),
};
const envFile = join(temp, 'local.env');
writeFileSync(
  envFile,
  Object.entries(env)
    .map(([key, value]) => `${key}=${value}`)
    .join('\n') + '\n',
);
const result = spawnSync(
  'npx',
  ['--no-install', 'local-action', 'run', root, 'src/action/main.ts', envFile],
  {
    cwd: root,
    stdio: 'inherit',
  },
);
process.stdout.write(
  `\nJob summary written to ${summary}; report and outputs under ${join(temp, 'runner')}\n`,
);
process.exitCode = result.status ?? 1;
