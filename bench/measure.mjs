// Runs a command as a child process and measures its wall time, CPU time and peak resident memory.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const GNU_TIME = '/usr/bin/time';
const USAGE_PRELOAD = fileURLToPath(new URL('./report-usage.mjs', import.meta.url));

/**
 * @typedef {{ wallMs: number, cpuMs: number, maxRssBytes: number, status: number | null, stderr: string }} Measurement
 */

function parseGnuTime(text) {
  const value = (label) => {
    const match = new RegExp(`${label}[^:]*:\\s*([0-9.:]+)`).exec(text);
    return match === null ? undefined : Number(match[1]);
  };
  const user = value('User time') ?? 0;
  const system = value('System time') ?? 0;
  return { cpuMs: (user + system) * 1000, maxRssBytes: (value('Maximum resident set size') ?? 0) * 1024 };
}

/**
 * Runs `node args...` once in `cwd` and measures it. GNU time reports CPU and peak RSS where it exists; otherwise a
 * preloaded module reports Node's own resource usage at exit.
 * @param {string[]} args the arguments after `node`
 * @param {{ cwd: string, scratch: string }} options
 * @returns {Measurement}
 */
export function measureNode(args, { cwd, scratch }) {
  const usageFile = join(scratch, `usage-${process.pid}.txt`);
  rmSync(usageFile, { force: true });
  const useGnuTime = existsSync(GNU_TIME);
  const [command, commandArgs] = useGnuTime
    ? [GNU_TIME, ['-v', '-o', usageFile, process.execPath, ...args]]
    : [process.execPath, ['--import', USAGE_PRELOAD, ...args]];
  const started = performance.now();
  const result = spawnSync(command, commandArgs, {
    cwd,
    env: { ...process.env, AAD_USAGE_FILE: usageFile },
    stdio: ['ignore', 'ignore', 'pipe'],
    maxBuffer: 16 * 1024 * 1024,
  });
  const wallMs = performance.now() - started;
  let usage = { cpuMs: Number.NaN, maxRssBytes: Number.NaN };
  if (existsSync(usageFile)) {
    const text = readFileSync(usageFile, 'utf8');
    usage = useGnuTime ? parseGnuTime(text) : JSON.parse(text);
  }
  return { wallMs, ...usage, status: result.status, stderr: result.stderr?.toString('utf8') ?? '' };
}

/** The middle value (the mean of the two middle ones for an even count). */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** The medians of a command's measurements; the peak RSS is the largest seen. */
function summarize(measurements) {
  return {
    wallMs: median(measurements.map((m) => m.wallMs)),
    cpuMs: median(measurements.map((m) => m.cpuMs)),
    maxRssBytes: Math.max(...measurements.map((m) => m.maxRssBytes)),
    runs: measurements.length,
    statuses: measurements.map((m) => m.status),
    stderr: measurements.at(-1)?.stderr ?? '',
  };
}

/**
 * Runs a command `runs` times and keeps the medians; the peak RSS is the largest seen.
 * @returns {{ wallMs: number, cpuMs: number, maxRssBytes: number, runs: number, statuses: (number|null)[], stderr: string }}
 */
export function measureRuns(args, options, runs) {
  const measurements = [];
  for (let run = 0; run < runs; run += 1) measurements.push(measureNode(args, options));
  return summarize(measurements);
}

/**
 * Runs several commands `runs` times each, taking turns, so that a machine that gets faster or slower while it is
 * measured changes all of them alike and their ratio stays fair. One summary per command, as measureRuns gives.
 * @param {string[][]} commands the arguments after `node` of each command
 */
export function measureInterleaved(commands, options, runs) {
  const measurements = commands.map(() => []);
  for (let run = 0; run < runs; run += 1) {
    commands.forEach((args, index) => measurements[index].push(measureNode(args, options)));
  }
  return measurements.map(summarize);
}
