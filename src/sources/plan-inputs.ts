import { existsSync, lstatSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import type { InputFormat } from '../model/resource.js';
import type { Settings } from '../settings.js';
import { detectFormat } from './detect.js';
import { displayPath } from './display-path.js';
import { materializeAtRef } from './git.js';
import { InputError } from './input-error.js';
import type { PairSpec } from './source.js';

/** One input to load: its format and the pair of paths it stands for. */
export interface PlannedInput {
  /** The path shown in the report (the after side, or the before side of a deleted file). */
  readonly path: string;
  readonly format: InputFormat;
  readonly spec: PairSpec;
}

/** An input that could not even be placed (missing, unrecognised): it becomes an input-error. */
export interface UnplacedInput {
  readonly path: string;
  readonly error: InputError;
}

/** The inputs of a run, and what must be cleaned up afterwards. */
export interface InputPlan {
  readonly inputs: PlannedInput[];
  readonly unplaced: UnplacedInput[];
  cleanup(): Promise<void>;
}

/** Thrown when the settings name no input at all: bad usage, exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/**
 * The id prefix that keeps several inputs apart: the input's path relative to the working directory. With a
 * single input, ids stay as the format writes them.
 */
function idPrefixFor(path: string, format: InputFormat, several: boolean): string {
  if (!several) return '';
  if (format === 'cloudformation') {
    const slash = path.lastIndexOf('/');
    return slash < 0 ? '' : `${path.slice(0, slash)}/`;
  }
  return `${path}:`;
}

async function place(path: string, absolute: string): Promise<InputFormat | InputError> {
  try {
    return await detectFormat(absolute);
  } catch (error) {
    if (error instanceof InputError) return new InputError(path, error.message, error.line, error.format);
    return new InputError(path, 'cannot be read');
  }
}

/**
 * True for a symbolic link, even a dangling or looping one: existsSync follows links and calls a loop missing, so
 * the link is kept and detection says what is wrong with it.
 */
function isLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

/** Reads the paths at the base ref; a ref that cannot be read stops the run as bad usage (exit code 2). */
async function readBaseRef(ref: string, paths: readonly string[], cwd: string) {
  try {
    return await materializeAtRef(ref, paths, cwd);
  } catch (error) {
    if (error instanceof InputError) throw new UsageError(error.message);
    throw error;
  }
}

/**
 * Turns the settings into the list of inputs to load: each plan on its own, an explicit before/after pair, or
 * each path paired with its state at the base ref (read from git without a checkout).
 */
export async function planInputs(settings: Settings): Promise<InputPlan> {
  const { cwd } = settings;
  const absolute = (path: string): string => (isAbsolute(path) ? path : join(cwd, path));
  const inputs: PlannedInput[] = [];
  const unplaced: UnplacedInput[] = [];
  const cleanups: (() => Promise<void>)[] = [];
  const pairCount = settings.before !== null || settings.after !== null ? 1 : 0;
  const several = settings.plans.length + pairCount + settings.paths.length > 1;

  if (settings.plans.length + pairCount + settings.paths.length === 0) {
    throw new UsageError('no input: give --plan, --before/--after, or paths (with --base-ref)');
  }

  for (const plan of settings.plans) {
    const path = displayPath(plan, cwd);
    inputs.push({
      path,
      format: 'terraform-plan',
      spec: { before: null, after: absolute(plan), idPrefix: idPrefixFor(path, 'terraform-plan', several) },
    });
  }

  if (pairCount > 0) {
    const shownAfter = settings.after === null ? null : displayPath(settings.after, cwd);
    const shownBefore = settings.before === null ? null : displayPath(settings.before, cwd);
    const path = (shownAfter ?? shownBefore)!;
    const format = await place(path, absolute((settings.after ?? settings.before)!));
    if (format instanceof InputError) unplaced.push({ path, error: format });
    else
      inputs.push({
        path,
        format,
        spec: {
          before: settings.before === null ? null : absolute(settings.before),
          after: settings.after === null ? null : absolute(settings.after),
          idPrefix: idPrefixFor(path, format, several),
          ...(shownBefore === null ? {} : { beforeDisplayPath: shownBefore }),
        },
      });
  }

  if (settings.paths.length > 0) {
    const relativePaths = settings.paths.map((path) => displayPath(path, cwd));
    const atRef = settings.baseRef === null ? null : await readBaseRef(settings.baseRef, relativePaths, cwd);
    if (atRef) cleanups.push(() => atRef.cleanup());
    for (const path of relativePaths) {
      const afterPath = absolute(path);
      const after = existsSync(afterPath) || isLink(afterPath) ? afterPath : null;
      const before = atRef?.exists(path) ? join(atRef.root, path) : null;
      if (after === null && before === null) {
        unplaced.push({
          path,
          error: new InputError(path, 'does not exist in the working tree or at the base ref'),
        });
        continue;
      }
      const format = await place(path, (after ?? before)!);
      if (format instanceof InputError) {
        unplaced.push({ path, error: format });
        continue;
      }
      inputs.push({
        path,
        format,
        spec: { before, after, idPrefix: idPrefixFor(path, format, several), beforeDisplayPath: path },
      });
    }
  }

  return {
    inputs,
    unplaced,
    async cleanup() {
      await Promise.all(cleanups.map((cleanup) => cleanup()));
    },
  };
}
