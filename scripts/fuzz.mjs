// Runs the fuzz targets in test/fuzz with many more cases than `npm test` does.
// Usage: npm run fuzz [-- RUNS [SEED]]; FUZZ_RUNS and FUZZ_SEED in the environment work too.
import { spawnSync } from 'node:child_process';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const [runsArgument, seedArgument] = process.argv.slice(2);
const runs = runsArgument ?? process.env.FUZZ_RUNS ?? '20000';
if (!/^[1-9]\d*$/.test(runs)) {
  console.error(`fuzz: "${runs}" is not a positive number of runs`);
  process.exit(2);
}
const seed = seedArgument ?? process.env.FUZZ_SEED;
const env = { ...process.env, FUZZ_RUNS: runs, ...(seed === undefined ? {} : { FUZZ_SEED: seed }) };
console.log(`fuzz: ${runs} cases per target${seed === undefined ? '' : `, seed ${seed}`}`);
const result = spawnSync(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', 'test/fuzz'], {
  cwd: root,
  env,
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
