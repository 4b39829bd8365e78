import * as core from '@actions/core';
import { reachesThreshold } from '../analysis/findings.js';
import type { Report } from '../model/report.js';
import { readActionInputs, type ActionInputs } from './action-inputs.js';
import type { ActionLog } from './action-log.js';
import { OUTPUT } from './action-outputs.js';
import { analyzeWorkspace } from './analysis-stage.js';
import type { GithubPort } from './github-port.js';
import type { PipelineLinks } from './load-pipeline.js';
import { writeJobSummary, writeLocalResults } from './local-results.js';
import { createOctokitGithub, type OctokitGithubOptions } from './octokit-github.js';
import type { Pipeline } from './pipeline.js';
import { loadPublishedReport } from './published-report.js';
import { publishToGithub, type PublishRequest, type PublishTarget } from './publish-stage.js';
import { decideConclusion, selectVerdictFindings } from './report-facts.js';
import { readRunContext, type RunContext } from './run-context.js';

/** What `run` talks to; tests replace the pipeline and the GitHub port. */
export interface RunDependencies {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly loadPipeline: (links: PipelineLinks) => Promise<Pipeline>;
  readonly createGithub: (options: OctokitGithubOptions) => GithubPort;
}

const DEFAULT_DEPENDENCIES: RunDependencies = {
  env: process.env,
  loadPipeline: async (links) => (await import('./load-pipeline.js')).loadPipeline(links),
  createGithub: createOctokitGithub,
};

const coreLog: ActionLog = { info: core.info, warning: (message) => core.warning(message) };

/** Errors whose message is the whole story: shown without a stack trace. */
const EXPECTED_ERRORS = ['ActionInputError', 'ArtifactError', 'ConfigError', 'GithubCallError', 'InputError'];

function describeFailure(error: unknown): string {
  if (error instanceof Error && EXPECTED_ERRORS.includes(error.name)) return error.message;
  return `ai-access-diff could not complete: ${error instanceof Error ? error.message : String(error)}`;
}

function describeVerdict(report: Report): string {
  const { failOn } = report.verdict;
  const failing = selectVerdictFindings(report).filter((finding) =>
    reachesThreshold(finding.severity, failOn),
  ).length;
  return `The change fails the AI access check: ${failing} finding${failing === 1 ? '' : 's'} at or above ${failOn}. See the job summary.`;
}

async function obtainReport(
  inputs: ActionInputs,
  context: RunContext,
  pipeline: Pipeline,
  github: () => GithubPort,
): Promise<{ report: Report; target: PublishTarget }> {
  if (inputs.mode === 'publish') return loadPublishedReport(inputs, context, github());
  const report = await analyzeWorkspace(inputs, context, pipeline, coreLog);
  const stamp = { runId: context.runId, attempt: context.runAttempt };
  return { report, target: { pullNumber: context.pullNumber, headSha: context.headSha, stamp } };
}

/** A GitHub port created on first use: analyze mode, and runs that fail early, never build one. */
function connectLazily(
  dependencies: RunDependencies,
  inputs: ActionInputs,
  context: RunContext,
): () => GithubPort {
  let port: GithubPort | undefined;
  return () =>
    (port ??= dependencies.createGithub({
      token: inputs.token,
      baseUrl: context.apiUrl,
      owner: context.owner,
      repo: context.repo,
      log: coreLog,
    }));
}

/** Finding locations link to the files at the analysed commit. */
function describeLinks(context: RunContext): PipelineLinks {
  const sha = context.triggeringRun?.headSha ?? context.headSha;
  return { blobBaseUrl: context.owner === '' || sha === '' ? null : `${context.blobUrl}${sha}/` };
}

/** Publishes, and says in the summary when GitHub took only part of it. Returns the comment's URL. */
async function publish(github: GithubPort, request: PublishRequest): Promise<string | null> {
  const published = await publishToGithub(github, request, coreLog);
  if (published.failures.length > 0) {
    await writeJobSummary(
      '\n> The check and comment could not all be posted; this summary holds the full report.\n',
    );
  }
  return published.commentUrl;
}

/** The action: read inputs, analyse (or read the artifact), write local results, publish, and report the verdict. */
export async function run(overrides: Partial<RunDependencies> = {}): Promise<void> {
  const dependencies = { ...DEFAULT_DEPENDENCIES, ...overrides };
  try {
    const inputs = readActionInputs((name) => core.getInput(name));
    if (inputs.token !== '') core.setSecret(inputs.token);
    const context = await readRunContext(dependencies.env);
    const github = connectLazily(dependencies, inputs, context);
    const pipeline = await dependencies.loadPipeline(describeLinks(context));
    const { report, target } = await obtainReport(inputs, context, pipeline, github);
    const conclusion = decideConclusion(report);
    await writeLocalResults({ report, conclusion, inputs, context, pipeline, target });
    const commentUrl =
      inputs.mode === 'analyze'
        ? null
        : await publish(github(), { report, conclusion, inputs, target, runUrl: context.runUrl, pipeline });
    core.setOutput(OUTPUT.commentUrl, commentUrl ?? '');
    if (conclusion === 'failure') core.setFailed(describeVerdict(report));
  } catch (error) {
    core.setFailed(describeFailure(error));
  }
}
