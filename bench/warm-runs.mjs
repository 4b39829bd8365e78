// Runs the analysis of each plan several times in one process, to tell the time that grows with a plan from the
// one-time cost of a fresh process: the JIT compiles the hot code during the first run, and lazy data is loaded.
// The code is bundled from src/ with its packages left external, the same code dist/ holds.
//
// Usage: node bench/warm-runs.mjs [--warm-up N] [--runs N] [--json] PLAN...
//   analyses the first plan N times (default 4) unmeasured, then prints the median time of each plan (3 runs by
//   default); --json prints the runs as one JSON line.
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { bundleSource } from './build-for-profile.mjs';
import { median } from './measure.mjs';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const BUNDLE = join(root, 'node_modules', '.cache', 'ai-access-diff-warm', 'main.mjs');

/** Bundles the CLI's entry function, which can be called more than once in a process. */
async function buildRunner() {
  // One thread parses HCL here: the runs compare plans.
  await bundleSource('cli/main.ts', BUNDLE, { __AAD_HCL_WORKER__: 'undefined' });
  return (await import(pathToFileURL(BUNDLE).href)).runCli;
}

/**
 * Analyses the first plan `warmUp` times unmeasured, so that the JIT has compiled the hot code, then each plan
 * `runs` times, in order, writing the JSON report to `output`.
 * @returns {{ plan: string, medianMs: number, runsMs: number[] }[]}
 */
export async function warmRuns(plans, { runs, warmUp }, output) {
  const runCli = await buildRunner();
  const io = { stdout: () => {}, stderr: () => {}, cwd: process.cwd(), color: false };
  const analyse = async (plan) => {
    const started = performance.now();
    const code = await runCli(['--plan', plan, '--format', 'json', '--output', output], io);
    if (code !== 0 && code !== 1) throw new Error(`${plan}: the analysis ended with exit code ${code}`);
    return performance.now() - started;
  };
  for (let run = 0; run < warmUp; run += 1) await analyse(plans[0]);
  const results = [];
  for (const plan of plans) {
    const runsMs = [];
    for (let run = 0; run < runs; run += 1) runsMs.push(await analyse(plan));
    results.push({ plan, medianMs: median(runsMs), runsMs });
  }
  return results;
}

/** The number after an option, or the default when the option is absent. */
function numberOption(args, name, fallback) {
  const at = args.indexOf(name);
  return at === -1 ? fallback : Number(args[at + 1]);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const runs = numberOption(args, '--runs', 3);
  const warmUp = numberOption(args, '--warm-up', 4);
  const plans = args.filter(
    (arg, index) => !arg.startsWith('--') && !/^--(runs|warm-up)$/.test(args[index - 1] ?? ''),
  );
  if (plans.length === 0 || !(runs >= 1) || !(warmUp >= 0)) {
    process.stderr.write('usage: node bench/warm-runs.mjs [--warm-up N] [--runs N] [--json] PLAN...\n');
    process.exit(2);
  }
  const results = await warmRuns(plans, { runs, warmUp }, join(dirname(BUNDLE), 'report.json'));
  if (args.includes('--json')) process.stdout.write(`${JSON.stringify(results)}\n`);
  else {
    for (const { plan, medianMs } of results) process.stdout.write(`${plan}: ${Math.round(medianMs)} ms\n`);
  }
}
