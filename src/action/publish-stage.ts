import type { Report } from '../model/report.js';
import type { ActionInputs } from './action-inputs.js';
import type { ActionLog } from './action-log.js';
import { publishCheck } from './check.js';
import { publishComment } from './comment.js';
import type { RunStamp } from './comment-markers.js';
import { GithubCallError } from './github-call-error.js';
import { CHECK_SUMMARY_MAX_CHARS } from './github-limits.js';
import type { CheckConclusion, GithubPort } from './github-port.js';
import type { Pipeline } from './pipeline.js';
import { hasAiRelevantChange } from './report-facts.js';

/** Where the results go: the pull request, its head commit, and the run whose stamp orders the comments. */
export interface PublishTarget {
  readonly pullNumber: number | null;
  readonly headSha: string;
  readonly stamp: RunStamp;
}

/** Everything the publishing stage needs. */
export interface PublishRequest {
  readonly report: Report;
  readonly conclusion: CheckConclusion;
  readonly inputs: ActionInputs;
  readonly target: PublishTarget;
  readonly runUrl: string;
  readonly pipeline: Pipeline;
}

/** What publishing achieved; failures were already logged, once each kind. */
export interface PublishResult {
  readonly commentUrl: string | null;
  /** True when the token could not write (a fork): the summary then tells readers where the results are. */
  readonly forbidden: boolean;
  readonly failures: readonly GithubCallError[];
}

/** The one warning a read-only token produces, pointing to the README's fork section. */
export const FORK_WARNING =
  'The token cannot write to this repository, so the check and the pull-request comment were not posted ' +
  '(a pull request from a fork gets a read-only token). The full report is in the job summary, and the step still ' +
  'passes or fails by the verdict. To publish on fork pull requests, use the two-workflow mode: see the README, ' +
  'section "Forks" (#forks).';

function asCallError(error: unknown, operation: string): GithubCallError {
  if (error instanceof GithubCallError) return error;
  return new GithubCallError(
    operation,
    'other',
    null,
    error instanceof Error ? error.message : String(error),
  );
}

function logFailures(failures: readonly GithubCallError[], log: ActionLog): void {
  if (failures.some((failure) => failure.kind === 'forbidden')) log.warning(FORK_WARNING);
  for (const failure of failures.filter((item) => item.kind !== 'forbidden')) {
    log.warning(`${failure.message}. The report is in the job summary.`);
  }
}

/**
 * Posts the check run (or a commit status) and the sticky comment. Never throws for a GitHub failure: the verdict
 * is already decided and the summary written, so a failed publish must not change the step's outcome.
 */
export async function publishToGithub(
  port: GithubPort,
  request: PublishRequest,
  log: ActionLog,
): Promise<PublishResult> {
  const { report, inputs, target } = request;
  const failures: GithubCallError[] = [];
  if (target.headSha === '') {
    log.warning('No commit to attach the check to (no pull request head and no GITHUB_SHA); check skipped.');
  } else {
    try {
      const outcome = await publishCheck(port, {
        name: inputs.checkName,
        headSha: target.headSha,
        report,
        conclusion: request.conclusion,
        summary: request.pipeline.renderMarkdown(report, CHECK_SUMMARY_MAX_CHARS),
        runUrl: request.runUrl,
      });
      log.info(
        outcome.via === 'check-run' ? `Check run ${outcome.checkRunId} completed.` : 'Commit status set.',
      );
    } catch (error) {
      failures.push(asCallError(error, 'publish the check'));
    }
  }
  let commentUrl: string | null = null;
  const unreachable = failures.some((failure) => failure.kind === 'network');
  if (target.pullNumber === null) {
    if (inputs.commentMode !== 'off') log.info('Not a pull request: no comment.');
  } else if (!unreachable) {
    try {
      const outcome = await publishComment(port, {
        pullNumber: target.pullNumber,
        mode: inputs.commentMode,
        key: inputs.commentKey,
        stamp: target.stamp,
        relevant: hasAiRelevantChange(report),
        render: (maxLength) => request.pipeline.renderMarkdown(report, maxLength),
      });
      commentUrl = outcome.url;
      log.info(
        outcome.action === 'skipped' ? `Comment skipped: ${outcome.reason}.` : `Comment ${outcome.action}.`,
      );
    } catch (error) {
      failures.push(asCallError(error, 'publish the pull-request comment'));
    }
  }
  logFailures(failures, log);
  return { commentUrl, forbidden: failures.some((failure) => failure.kind === 'forbidden'), failures };
}
