// Builds the runner environment an action step sees (event payload, summary and output files, INPUT_* variables)
// in a temporary folder, and reads back what the step wrote.
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The files of one simulated step. */
export interface ActionRun {
  readonly root: string;
  readonly workspace: string;
  readonly runnerTemp: string;
  readonly summaryPath: string;
  readonly outputPath: string;
  /** The complete environment for the step: GITHUB_*, RUNNER_TEMP and INPUT_* variables. */
  readonly env: Record<string, string>;
  remove(): Promise<void>;
}

/** What the simulated step is given. */
export interface ActionRunOptions {
  readonly apiUrl: string;
  readonly inputs?: Record<string, string>;
  readonly runId?: number;
  readonly runAttempt?: number;
  /** The event payload; a pull_request event for #7 when absent. */
  readonly event?: unknown;
  readonly eventName?: string;
}

/** The head commit of the default pull-request event. */
export const HEAD_SHA = 'a'.repeat(40);
/** The base commit of the default pull-request event. */
export const BASE_SHA = 'b'.repeat(40);
/** The pull-request number of the default event. */
export const PULL_NUMBER = 7;

/** The name under which @actions/core looks an input up. */
export function inputVariable(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}

/** Creates the folders and files of a step and the environment that points at them. */
export async function prepareActionRun(options: ActionRunOptions): Promise<ActionRun> {
  const root = await mkdtemp(join(tmpdir(), 'aad-action-'));
  const workspace = join(root, 'workspace');
  const runnerTemp = join(root, 'runner-temp');
  await mkdir(workspace, { recursive: true });
  await mkdir(runnerTemp, { recursive: true });
  const eventPath = join(root, 'event.json');
  const summaryPath = join(root, 'summary.md');
  const outputPath = join(root, 'output.txt');
  const event = options.event ?? {
    number: PULL_NUMBER,
    pull_request: { number: PULL_NUMBER, head: { sha: HEAD_SHA }, base: { sha: BASE_SHA } },
  };
  await writeFile(eventPath, JSON.stringify(event));
  await writeFile(summaryPath, '');
  await writeFile(outputPath, '');
  const env: Record<string, string> = {
    GITHUB_ACTIONS: 'true',
    GITHUB_API_URL: options.apiUrl,
    GITHUB_SERVER_URL: 'https://github.test',
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_EVENT_NAME: options.eventName ?? 'pull_request',
    GITHUB_STEP_SUMMARY: summaryPath,
    GITHUB_OUTPUT: outputPath,
    GITHUB_REPOSITORY: 'octo/infra',
    GITHUB_RUN_ID: String(options.runId ?? 100),
    GITHUB_RUN_ATTEMPT: String(options.runAttempt ?? 1),
    GITHUB_SHA: 'c'.repeat(40),
    GITHUB_WORKSPACE: workspace,
    RUNNER_TEMP: runnerTemp,
    [inputVariable('github-token')]: 'test-token',
  };
  for (const [name, value] of Object.entries(options.inputs ?? {})) env[inputVariable(name)] = value;
  return {
    root,
    workspace,
    runnerTemp,
    summaryPath,
    outputPath,
    env,
    remove: () => rm(root, { recursive: true, force: true }),
  };
}

/** Reads the step outputs written through GITHUB_OUTPUT (`name<<delimiter` blocks); the last value of a name wins. */
export async function readOutputs(path: string): Promise<Record<string, string>> {
  const text = await readFile(path, 'utf8');
  const outputs: Record<string, string> = {};
  const pattern = /^([^\n<]+)<<(\S+)\n([\s\S]*?)\n\2$/gm;
  for (const match of text.matchAll(pattern)) outputs[match[1] ?? ''] = match[3] ?? '';
  return outputs;
}
