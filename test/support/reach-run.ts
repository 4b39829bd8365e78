// Runs the pipeline and the reach analysis on the same inputs, so a test sees the report exactly as a run that calls
// analyzeReach produces it, whether or not the pipeline in use already fills `reach` itself.
import { analyze } from '../../src/analyze.js';
import { analyzeReach } from '../../src/analysis/reach/index.js';
import { buildExternalSinks } from '../../src/config/external-sinks.js';
import { defaultConfig, type Config } from '../../src/config/schema.js';
import type { Report, ReportReach } from '../../src/model/report.js';
import type { ChangeAction } from '../../src/model/resource.js';
import { mergeSnapshots, type LoadedInput } from '../../src/model/snapshot.js';
import { planInputs } from '../../src/sources/plan-inputs.js';
import { sourceFor } from '../../src/sources/registry.js';
import { settingsFor, type AnalysisInputs } from './run-analysis.js';

/** The config file name findings about external sinks point at. */
export const SCENARIO_CONFIG_FILE = 'ai-access-diff.yml';

/** Loads the inputs and builds their access map, as the pipeline does. */
export async function reachOf(
  inputs: AnalysisInputs,
  configFile = SCENARIO_CONFIG_FILE,
): Promise<ReportReach> {
  const config: Config = inputs.config ?? defaultConfig();
  const settings = settingsFor(inputs);
  const plan = await planInputs(settings);
  const loaded: LoadedInput[] = [];
  try {
    for (const input of plan.inputs) {
      loaded.push(
        await sourceFor(input.format, config).load(input.spec, {
          cwd: settings.cwd,
          maxInputBytes: settings.maxInputBytes,
        }),
      );
    }
  } finally {
    await plan.cleanup();
  }
  const changes: Record<string, ChangeAction> = Object.assign({}, ...loaded.map((input) => input.changes));
  return analyzeReach({
    before: mergeSnapshots(loaded.map((input) => input.before)),
    after: mergeSnapshots(loaded.map((input) => input.after)),
    changes,
    externalSinks: buildExternalSinks(config.externalSinks, configFile),
  });
}

/** The whole report of a run, with the access map in it (schemaVersion 2). */
export async function reportWithReach(
  inputs: AnalysisInputs,
  configFile = SCENARIO_CONFIG_FILE,
): Promise<Report> {
  const report = await analyze(settingsFor(inputs), inputs.config ?? defaultConfig(), { configFile });
  return { ...report, schemaVersion: 2, reach: await reachOf(inputs, configFile) };
}
