// Prints the pull-request comment for the bundled demo change, as the action would post it. The demo change
// fails the check on purpose; the exit code is reported, not passed on, so that `npm run demo` reads as success.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const result = spawnSync(
  process.execPath,
  [join(root, 'dist/cli/index.js'), '--plan', 'fixtures/demo/plan.json', '--format', 'markdown'],
  { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] },
);
const meaning = {
  0: 'the check passes',
  1: 'the check fails, as a required check would block this pull request',
};
process.stderr.write(
  `\n(exit code ${result.status}: ${meaning[result.status] ?? 'the run could not analyse the input'})\n`,
);
process.exitCode = result.status === 0 || result.status === 1 ? 0 : (result.status ?? 2);
