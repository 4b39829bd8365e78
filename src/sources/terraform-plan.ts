import type { LoadedInput } from '../model/snapshot.js';
import { displayPath } from './display-path.js';
import { InputError } from './input-error.js';
import { parseJsonInput, readInputText } from './read-input.js';
import type { InputSource, PairSpec, SourceContext } from './source.js';
import { validatePlan } from './terraform-plan/plan-json.js';
import { readPlan } from './terraform-plan/read-plan.js';

/** Loads `terraform show -json` output: one file that holds both sides of the change. */
export async function loadTerraformPlan(spec: PairSpec, context: SourceContext): Promise<LoadedInput> {
  const path = spec.after ?? spec.before;
  if (path === null) throw new InputError('(none)', 'no plan file was given', undefined, 'terraform-plan');
  const shown = displayPath(path, context.cwd);
  try {
    const text = await readInputText(path, shown, context);
    const plan = validatePlan(parseJsonInput(text, shown), shown);
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
