import * as core from '@actions/core';
import { appendFile, mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { severityRank } from '../analysis/findings.js';
import type { Report, Severity } from '../model/report.js';
import type { ActionInputs } from './action-inputs.js';
import { OUTPUT } from './action-outputs.js';
import { ARTIFACT_REPORT_FILE, writeArtifact } from './artifact.js';
import type { CheckConclusion } from './github-port.js';
import { fitJobSummary } from './job-summary.js';
import type { Pipeline } from './pipeline.js';
import { describeCoverage, selectCountedFindings, selectVerdictFindings } from './report-facts.js';
import type { RunContext } from './run-context.js';

/** The folder under RUNNER_TEMP that holds the JSON report (and, in analyze mode, the artifact). */
export const RESULTS_FOLDER = 'ai-access-diff';

/** The most severe finding that counts toward the verdict (not ignored, not a standing gap), or `none`. */
export function findMaxSeverity(report: Report): Severity | 'none' {
  const severities = selectVerdictFindings(report).map((finding) => finding.severity);
  return severities.sort((a, b) => severityRank(a) - severityRank(b))[0] ?? 'none';
}

/** Appends to the job summary; outside a runner (no GITHUB_STEP_SUMMARY) says so instead of failing the run. */
export async function writeJobSummary(markdown: string): Promise<void> {
  const path = process.env.GITHUB_STEP_SUMMARY;
  if (path === undefined || path === '') {
    core.warning('GITHUB_STEP_SUMMARY is not set, so the job summary was not written.');
    return;
  }
  // Appended directly rather than through core.summary, which remembers the first path it saw for the process.
  await appendFile(path, `${markdown}\n`);
}

/** What the run's local results are about. */
export interface LocalResultsRequest {
  readonly report: Report;
  readonly conclusion: CheckConclusion;
  readonly inputs: ActionInputs;
  readonly context: RunContext;
  readonly pipeline: Pipeline;
  /** The commit and pull request the artifact is for (analyze mode). */
  readonly target: { pullNumber: number | null; headSha: string };
}

/**
 * Writes everything that needs no GitHub API and no write permission: the JSON report, the SARIF file, the job
 * summary, the artifact in analyze mode, and the outputs. Runs before publishing, so a failed publish loses nothing.
 */
export async function writeLocalResults(request: LocalResultsRequest): Promise<void> {
  const { report, inputs, context, pipeline } = request;
  const folder = join(context.runnerTemp, RESULTS_FOLDER);
  const reportFile = join(folder, ARTIFACT_REPORT_FILE);
  const reportJson = pipeline.renderJson(report);
  await mkdir(folder, { recursive: true });
  await writeFile(reportFile, reportJson);
  if (inputs.sarifFile !== null) {
    const sarifPath = resolve(context.workspace, inputs.sarifFile);
    await mkdir(dirname(sarifPath), { recursive: true });
    await writeFile(sarifPath, pipeline.renderSarif(report));
  }
  if (inputs.mode === 'analyze') {
    const artifactDir = inputs.artifactDir === null ? folder : resolve(context.workspace, inputs.artifactDir);
    await writeArtifact(artifactDir, reportJson, request.target);
    core.setOutput(OUTPUT.artifactDir, artifactDir);
  }
  await writeJobSummary(fitJobSummary((maxLength) => pipeline.renderMarkdown(report, maxLength)));
  core.setOutput(OUTPUT.conclusion, request.conclusion);
  core.setOutput(OUTPUT.maxSeverity, findMaxSeverity(report));
  core.setOutput(OUTPUT.findings, String(selectCountedFindings(report).length));
  core.setOutput(OUTPUT.coverageBefore, describeCoverage(report.coverage.before));
  core.setOutput(OUTPUT.coverageAfter, describeCoverage(report.coverage.after));
  core.setOutput(OUTPUT.reportFile, reportFile);
}
