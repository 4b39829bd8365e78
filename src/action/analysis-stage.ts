import type { Report } from '../model/report.js';
import type { Settings } from '../settings.js';
import type { ActionInputs } from './action-inputs.js';
import type { ActionLog } from './action-log.js';
import { createEmptyReport } from './empty-report.js';
import { expandGlobs } from './expand-globs.js';
import type { Pipeline } from './pipeline.js';
import type { RunContext } from './run-context.js';

/** Turns the inputs into the shared Settings, expanding globs over the workspace. */
export async function resolveSettings(
  inputs: ActionInputs,
  context: RunContext,
  log: ActionLog,
): Promise<Settings> {
  const plans = await expandGlobs(inputs.planPatterns, context.workspace, 'files');
  const paths = await expandGlobs(inputs.pathPatterns, context.workspace, 'files-and-directories');
  for (const pattern of [...plans.unmatched, ...paths.unmatched]) {
    log.warning(`No file matched '${pattern}' in the workspace.`);
  }
  return {
    plans: plans.paths,
    before: null,
    after: null,
    baseRef: inputs.baseRef ?? context.baseSha,
    paths: paths.paths,
    configPath: inputs.configPath,
    failOn: inputs.failOn,
    maxInputBytes: inputs.maxInputBytes,
    cwd: context.workspace,
  };
}

/**
 * Analyses the workspace. With no input at all (no pattern given, or none matched) the run is neutral rather than
 * failed: a required check must not block a pull request whose plan step was skipped.
 */
export async function analyzeWorkspace(
  inputs: ActionInputs,
  context: RunContext,
  pipeline: Pipeline,
  log: ActionLog,
): Promise<Report> {
  const settings = await resolveSettings(inputs, context, log);
  if (settings.plans.length === 0 && settings.paths.length === 0) {
    log.warning(
      "Nothing to analyse: give the 'plan' input (Terraform plan JSON files) or the 'paths' input (templates, .tf or cdk.out directories).",
    );
    return createEmptyReport(inputs.failOn ?? 'high');
  }
  return pipeline.analyze(settings);
}
