import type { LoadedInput } from '../model/snapshot.js';
import { displayPath } from './display-path.js';
import { InputError } from './input-error.js';
import { checkInputFile, hasUtf16ByteOrderMark, parseJsonInput, readInputText } from './read-input.js';
import type { InputSource, PairSpec, SourceContext } from './source.js';
import { validatePlan, type RawPlan } from './terraform-plan/plan-json.js';
import { isModelled, readPlan } from './terraform-plan/read-plan.js';
import { readPlanSections, type EntryHead, type PlanSectionFilters } from './terraform-plan/stream-plan.js';

/**
 * Plans from this size on are read section by section (`readPlanSections`) instead of parsed whole: faster, far
 * less memory, and no limit from V8's longest string. Smaller plans are parsed whole, which checks every byte's
 * syntax; the sectioned reader checks the syntax of the parts it reads and only the brackets of the rest.
 */
export const SECTIONED_READ_BYTES = 4 * 1024 * 1024;

const isChangeShaped = (head: EntryHead): boolean =>
  head.hasAddress && head.type !== undefined && head.hasChange;

/**
 * The entries the plan reader uses: data sources, modelled types, and malformed changes (which it counts). Entries
 * of `prior_state` matter only as data sources.
 */
export const SECTION_FILTERS: PlanSectionFilters = {
  change: (head) =>
    !isChangeShaped(head) || head.mode === 'data' || (head.type !== undefined && isModelled(head.type)),
  priorState: (head) => head.mode === 'data',
};

/** For a plan without `resource_changes`, whose planned values are then read as unchanged resources. */
export const PLANNED_VALUE_FILTERS: PlanSectionFilters = {
  ...SECTION_FILTERS,
  plannedValues: (head) => head.mode === 'data' || (head.type !== undefined && isModelled(head.type)),
};

/** Reads a large UTF-8 plan in sections, going back for the planned values only when there are no changes. */
export function readPlanInSections(path: string, shown: string, chunkBytes?: number): RawPlan {
  const plan = validatePlan(readPlanSections(path, shown, SECTION_FILTERS, chunkBytes), shown);
  if (plan.resource_changes !== undefined) return plan;
  return validatePlan(readPlanSections(path, shown, PLANNED_VALUE_FILTERS, chunkBytes), shown);
}

/** Loads `terraform show -json` output: one file that holds both sides of the change. */
export async function loadTerraformPlan(spec: PairSpec, context: SourceContext): Promise<LoadedInput> {
  const path = spec.after ?? spec.before;
  if (path === null) throw new InputError('(none)', 'no plan file was given', undefined, 'terraform-plan');
  const shown = displayPath(path, context.cwd);
  try {
    const size = await checkInputFile(path, shown, context);
    const plan =
      size >= SECTIONED_READ_BYTES && !(await hasUtf16ByteOrderMark(path))
        ? readPlanInSections(path, shown)
        : validatePlan(parseJsonInput(await readInputText(path, shown, context), shown), shown);
    return readPlan(plan, shown, spec.idPrefix);
  } catch (error) {
    if (error instanceof InputError) {
      throw new InputError(error.file, error.message, error.line, 'terraform-plan');
    }
    // A plan that parses but breaks a reader's expectations must still end as an InputError, never a crash.
    // JSON.parse reads any depth, but the readers after it recurse: a stack overflow means absurd nesting.
    const reason =
      error instanceof RangeError && /call stack/i.test(error.message)
        ? 'its values are nested too deeply to read'
        : error instanceof Error
          ? error.message
          : String(error);
    throw new InputError(
      shown,
      `could not be read as a Terraform plan (${reason})`,
      undefined,
      'terraform-plan',
    );
  }
}

/** The Terraform plan source (format `terraform-plan`); `spec.after` is the plan, `spec.before` is unused. */
export const terraformPlanSource: InputSource = {
  format: 'terraform-plan',
  load: loadTerraformPlan,
};
