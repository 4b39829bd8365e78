import { analyzeCoverage } from './analysis/coverage/index.js';
import type { Finding } from './analysis/finding.js';
import { applyFindingPolicy } from './analysis/findings.js';
import { analyzePermissions } from './analysis/permissions/index.js';
import { analyzeReach } from './analysis/reach/index.js';
import { tmpdir } from 'node:os';
import { DEFAULT_CONFIG_PATH } from './config/default-path.js';
import { buildExternalSinks } from './config/external-sinks.js';
import type { Config } from './config/schema.js';
import type { ChangeAction, InputFormat } from './model/resource.js';
import type { Report, ReportInput } from './model/report.js';
import { mergeSnapshots, type LoadedInput } from './model/snapshot.js';
import type { Settings } from './settings.js';
import { InputError } from './sources/input-error.js';
import { planInputs, type PlannedInput } from './sources/plan-inputs.js';
import { sourceFor } from './sources/registry.js';
import { TOOL_NAME, TOOL_VERSION } from './version.js';

/** Where the config came from, for locations of findings about it. */
export interface AnalysisOptions {
  readonly configFile?: string;
}

function inputErrorFinding(error: InputError): Finding {
  return {
    ruleId: 'input-error',
    title: `Input ${error.file} could not be read`,
    message: `${error.describe()}. The other inputs were analysed; this one was not.`,
    resource: error.file,
    location: { file: error.file, ...(error.line === undefined ? {} : { line: error.line }) },
  };
}

/** The format an input that could not be placed was probably meant to be, from its name alone. */
function guessFormat(path: string): InputFormat {
  if (/\.(ya?ml|template)$/i.test(path)) return 'cloudformation';
  if (/\.tf$/i.test(path) || !/\.[a-z0-9]+$/i.test(path))
    return path.includes('cdk.out') ? 'cdk-assembly' : 'terraform-hcl';
  return 'terraform-plan';
}

async function loadInput(input: PlannedInput, settings: Settings, config: Config): Promise<LoadedInput> {
  try {
    return await sourceFor(input.format, config).load(input.spec, {
      cwd: settings.cwd,
      maxInputBytes: settings.maxInputBytes,
    });
  } catch (error) {
    if (error instanceof InputError) {
      // Sources name the file they read; the report names it as the user gave it. A file inside a directory input
      // keeps its own name, since its line number means nothing against the directory.
      const inside = error.file.startsWith(`${input.path}/`);
      throw new InputError(inside ? error.file : input.path, error.message, error.line, input.format);
    }
    // A library's message may carry the absolute paths it was handed: show them as the report shows paths.
    const reason = (error instanceof Error ? error.message : String(error))
      .split(settings.cwd)
      .join('.')
      .split(tmpdir())
      .join('<temporary directory>');
    throw new InputError(input.path, `could not be analysed (${reason})`, undefined, input.format);
  }
}

/**
 * The whole pipeline: settings and config in, the report out. Inputs that cannot be read become `input-error`
 * findings while the others are analysed. Throws only for bad usage (no input at all).
 */
export async function analyze(
  settings: Settings,
  config: Config,
  options: AnalysisOptions = {},
): Promise<Report> {
  const plan = await planInputs(settings);
  const reportInputs: ReportInput[] = [];
  const rawFindings: Finding[] = [];
  const loaded: LoadedInput[] = [];
  try {
    for (const { path, error } of plan.unplaced) {
      reportInputs.push({
        path,
        format: error.format ?? guessFormat(path),
        status: 'error',
        error: error.describe(),
      });
      rawFindings.push(inputErrorFinding(error));
    }
    for (const input of plan.inputs) {
      try {
        const result = await loadInput(input, settings, config);
        loaded.push(result);
        const notes = result.notes.map((note) =>
          note.line === undefined ? note.message : `line ${note.line}: ${note.message}`,
        );
        reportInputs.push({
          path: input.path,
          format: input.format,
          status: 'ok',
          ...(notes.length > 0 ? { notes } : {}),
        });
      } catch (error) {
        const inputError =
          error instanceof InputError
            ? error
            : new InputError(input.path, String(error), undefined, input.format);
        reportInputs.push({
          path: input.path,
          format: input.format,
          status: 'error',
          error: inputError.describe(),
        });
        rawFindings.push(inputErrorFinding(inputError));
      }
    }
  } finally {
    await plan.cleanup();
  }

  const before = mergeSnapshots(loaded.map((input) => input.before));
  const after = mergeSnapshots(loaded.map((input) => input.after));
  const changes: Record<string, ChangeAction> = Object.assign({}, ...loaded.map((input) => input.changes));
  const externalSinks = buildExternalSinks(config.externalSinks, options.configFile ?? DEFAULT_CONFIG_PATH);

  const coverage = analyzeCoverage({ before, after, changes, externalSinks });
  const permissions = await analyzePermissions({
    before,
    after,
    changes,
    aiRoles: config.aiRoles,
    externalSinks,
  });
  const reach = await analyzeReach({ before, after, changes, externalSinks, iam: permissions.iam });
  rawFindings.push(...coverage.findings, ...permissions.findings);

  const failOn = settings.failOn ?? config.failOn;
  const policy = applyFindingPolicy(rawFindings, config, failOn);
  return {
    schemaVersion: 2,
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    inputs: reportInputs,
    coverage: {
      before: coverage.totals.before,
      after: coverage.totals.after,
      resources: coverage.resources,
      sinks: coverage.sinks,
    },
    permissions: { roles: permissions.roles },
    findings: policy.findings,
    summary: policy.summary,
    verdict: policy.verdict,
    reach,
  };
}
