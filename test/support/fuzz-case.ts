// The shared rules of the fuzz targets: how many cases run, how long one may take, and what counts as a pass.
import { expect } from 'vitest';
import { ConfigError } from '../../src/config/load.js';
import type { Report } from '../../src/model/report.js';
import { InputError } from '../../src/sources/input-error.js';
import { reportIssues } from './report-schema.js';
import { runWithDeadline } from './run-analysis.js';

/** One input may take this long; more is a hang as far as a CI job is concerned. */
export const FUZZ_DEADLINE_MS = 2_000;

/**
 * Cases per target: the default keeps `npm test` short; `FUZZ_RUNS` (set by `npm run fuzz`) runs many more.
 * `FUZZ_SEED` replays a failure that fast-check reported.
 */
export function fuzzRuns(defaultRuns: number): number {
  const fromEnv = Number(process.env.FUZZ_RUNS);
  return Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : defaultRuns;
}

/** The seed to replay, when one is set. */
export function fuzzSeed(): { seed: number } | Record<string, never> {
  const seed = Number(process.env.FUZZ_SEED);
  return Number.isInteger(seed) ? { seed } : {};
}

/** The vitest timeout of a fuzz test: room for every case at its deadline would be too much, so a fair share. */
export function fuzzTimeout(runs: number, perCaseMs = 300): number {
  return 30_000 + runs * perCaseMs;
}

/** Errors a source or the config loader may throw by contract. */
export function isExpectedError(error: unknown): boolean {
  return error instanceof InputError || error instanceof ConfigError;
}

/**
 * Runs one case of the whole pipeline: it must finish within the deadline, must not throw (unreadable inputs
 * become input-error findings), and its report must pass the schema.
 */
export async function expectSoundReport(work: () => Promise<Report>): Promise<Report> {
  const outcome = await runWithDeadline(work, FUZZ_DEADLINE_MS);
  if (outcome.kind === 'overrun')
    throw new Error(`took ${Math.round(outcome.milliseconds)} ms, over the deadline`);
  if (outcome.kind === 'error') throw outcome.error;
  expect(reportIssues(outcome.value)).toEqual([]);
  return outcome.value;
}

/** Runs one case of a single stage: it must finish in time and either succeed or throw an expected error. */
export async function expectContainedFailure<T>(work: () => Promise<T>): Promise<T | undefined> {
  const outcome = await runWithDeadline(work, FUZZ_DEADLINE_MS);
  if (outcome.kind === 'overrun')
    throw new Error(`took ${Math.round(outcome.milliseconds)} ms, over the deadline`);
  if (outcome.kind === 'error') {
    if (isExpectedError(outcome.error)) return undefined;
    throw outcome.error;
  }
  return outcome.value;
}
