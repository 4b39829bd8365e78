import { resolve } from 'node:path';
import { reachesThreshold } from '../analysis/findings.js';
import type { FailOn, Report } from '../model/report.js';
import type { ActionInputs } from './action-inputs.js';
import { ArtifactError, readArtifact } from './artifact.js';
import type { GithubPort } from './github-port.js';
import type { PublishTarget } from './publish-stage.js';
import { selectVerdictFindings } from './report-facts.js';
import type { RunContext } from './run-context.js';

/** Applies the publishing workflow's own `fail-on`: the artifact's verdict came from the pull request's config. */
function applyFailOn(report: Report, failOn: FailOn | null): Report {
  if (failOn === null) return report;
  const failed = selectVerdictFindings(report).some((finding) => reachesThreshold(finding.severity, failOn));
  return { ...report, verdict: { failOn, failed } };
}

/**
 * Reads the analysis artifact in a `workflow_run` workflow and checks that it belongs to the triggering run's head
 * commit and that its pull request really has that head, so a fork cannot aim the comment at another pull request.
 */
export async function loadPublishedReport(
  inputs: ActionInputs,
  context: RunContext,
  port: GithubPort,
): Promise<{ report: Report; target: PublishTarget }> {
  const run = context.triggeringRun;
  if (run === null) {
    throw new ArtifactError(
      "mode 'publish' must run on a workflow_run event, after the analysis run it publishes.",
    );
  }
  if (inputs.artifactDir === null) {
    throw new ArtifactError(
      "mode 'publish' needs the 'artifact-dir' input: where the analysis artifact was downloaded.",
    );
  }
  const { report, metadata } = await readArtifact(
    resolve(context.workspace, inputs.artifactDir),
    run.headSha,
  );
  const pullNumber = metadata.pullNumber;
  if (pullNumber !== null && !run.pullNumbers.includes(pullNumber)) {
    const headSha = await port.getPullRequestHeadSha(pullNumber);
    if (headSha !== run.headSha) {
      throw new ArtifactError(
        `The artifact names pull request #${pullNumber}, whose head is ${headSha}, not the analysed commit ${run.headSha}; refused.`,
      );
    }
  }
  return {
    report: applyFailOn(report, inputs.failOn),
    target: { pullNumber, headSha: run.headSha, stamp: { runId: run.id, attempt: run.attempt } },
  };
}
