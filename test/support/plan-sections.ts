// What reading a plan gives, whole or in sections, as a value tests can compare: the LoadedInput, or the message of
// the InputError.
import { readFileSync } from 'node:fs';
import { InputError } from '../../src/sources/input-error.js';
import { decodeInputText, parseJsonInput } from '../../src/sources/read-input.js';
import { readPlanInSections } from '../../src/sources/terraform-plan.js';
import { validatePlan } from '../../src/sources/terraform-plan/plan-json.js';
import { readPlan } from '../../src/sources/terraform-plan/read-plan.js';

/** A read plan, or why it could not be read. */
export type PlanOutcome = { loaded: unknown } | { error: string };

/** Runs a read; an InputError becomes its message, anything else is thrown on. */
export function planOutcome(read: () => unknown): PlanOutcome {
  try {
    return { loaded: read() };
  } catch (error) {
    if (error instanceof InputError) return { error: error.message };
    throw error;
  }
}

/** Reads a plan file whole, as plans under the sectioned threshold are read. */
export function readWhole(path: string): PlanOutcome {
  return planOutcome(() =>
    readPlan(
      validatePlan(parseJsonInput(decodeInputText(readFileSync(path), 'plan'), 'plan'), 'plan'),
      'plan',
      '',
    ),
  );
}

/** Reads a plan file in sections through a window of `chunkBytes`. */
export function readInSections(path: string, chunkBytes?: number): PlanOutcome {
  return planOutcome(() => readPlan(readPlanInSections(path, 'plan', chunkBytes), 'plan', ''));
}
