import { statSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import type { Settings } from '../settings.js';

/** Inputs of this many bytes in all make the heap grow in small steps. */
export const LARGE_INPUT_BYTES = 256 * 1024 * 1024;

/**
 * V8's heap growth in percent over the live data after a full collection, for large inputs. By default V8 lets the
 * heap grow to a multiple of the live data before it collects again; with the gigabyte of live data a plan of a
 * gigabyte has at its peak, that is well over the memory such a run should need. Small steps cost some time in
 * collection, so smaller inputs keep V8's default.
 */
const LARGE_INPUT_HEAP_GROWTH_PERCENT = 30;

/** The bytes of the plan files and explicit pair the settings name (directories and patterns count nothing). */
export function inputBytes(settings: Settings): number {
  let total = 0;
  for (const path of [...settings.plans, settings.before, settings.after]) {
    if (path === null) continue;
    try {
      const info = statSync(isAbsolute(path) ? path : join(settings.cwd, path));
      if (info.isFile()) total += info.size;
    } catch {
      // A missing input is reported by the analysis, with its name; here it only weighs nothing.
    }
  }
  return total;
}

/** Asks V8 to grow its heap in small steps when the inputs are large; says whether it did. */
export function limitHeapGrowthFor(settings: Settings): boolean {
  if (inputBytes(settings) < LARGE_INPUT_BYTES) return false;
  setFlagsFromString(`--heap-growing-percent=${LARGE_INPUT_HEAP_GROWTH_PERCENT}`);
  return true;
}
