import { reachesThreshold, severityRank } from '../analysis/findings.js';
import { SEVERITIES, type FailOn, type Report, type ReportFinding } from '../model/report.js';
import { maskSecrets } from '../report/mask-secrets.js';
import { GithubCallError } from './github-call-error.js';
import {
  ANNOTATIONS_PER_REQUEST,
  CHECK_SUMMARY_MAX_CHARS,
  CHECK_TITLE_MAX_CHARS,
  STATUS_DESCRIPTION_MAX_CHARS,
} from './github-limits.js';
import type { AnnotationLevel, CheckAnnotation, CheckConclusion, GithubPort } from './github-port.js';
import { selectCountedFindings } from './report-facts.js';

/** What the check run (or the commit status standing in for it) reports. */
export interface CheckRequest {
  readonly name: string;
  readonly headSha: string;
  readonly report: Report;
  readonly conclusion: CheckConclusion;
  /** The Markdown summary; cut to the Checks API's limit here if the renderer left it longer. */
  readonly summary: string;
  /** Where a commit status links to: the workflow run. */
  readonly runUrl: string;
}

/** How the verdict reached GitHub. */
export type CheckOutcome =
  | { readonly via: 'check-run'; readonly checkRunId: number; readonly requests: number }
  | { readonly via: 'commit-status' };

/** Cuts text to a limit, marking the cut so a reader knows there is more. */
export function truncateText(text: string, limit: number): string {
  if (text.length <= limit) return text;
  const marker = '…';
  return text.slice(0, limit - marker.length) + marker;
}

function levelOf(finding: ReportFinding, failOn: FailOn): AnnotationLevel {
  // A standing gap never fails the verdict, so its annotation must not read as the reason the check failed.
  if (finding.existing !== true && reachesThreshold(finding.severity, failOn)) return 'failure';
  return finding.severity === 'info' ? 'notice' : 'warning';
}

/**
 * One annotation per counted finding that has a location, most severe first. Annotations carry finding text straight
 * to GitHub without a renderer, so they get the renderers' masking of credential-shaped text here.
 */
export function buildAnnotations(report: Report): CheckAnnotation[] {
  return selectCountedFindings(report)
    .filter((finding) => finding.location !== undefined && finding.location.file !== '')
    .sort((a, b) => severityRank(a.severity) - severityRank(b.severity))
    .map((finding) => {
      const line = Math.max(1, finding.location?.line ?? 1);
      return {
        path: maskSecrets(finding.location?.file ?? ''),
        startLine: line,
        endLine: line,
        level: levelOf(finding, report.verdict.failOn),
        title: truncateText(maskSecrets(`${finding.severity}: ${finding.title}`), CHECK_TITLE_MAX_CHARS),
        message: maskSecrets(finding.message === '' ? finding.title : finding.message),
      };
    });
}

/** The one-line result: the verdict and the counted findings by severity. */
export function describeCheckTitle(report: Report, conclusion: CheckConclusion): string {
  if (conclusion === 'neutral') return 'Nothing to analyse';
  const counts = SEVERITIES.map((severity) => ({
    severity,
    count: selectCountedFindings(report).filter((finding) => finding.severity === severity).length,
  })).filter((entry) => entry.count > 0);
  const total = counts.reduce((sum, entry) => sum + entry.count, 0);
  const verdict = conclusion === 'failure' ? 'Fails' : 'Passes';
  const detail = counts.map((entry) => `${entry.count} ${entry.severity}`).join(', ');
  const findings = total === 0 ? 'no findings' : `${total} finding${total === 1 ? '' : 's'} (${detail})`;
  return truncateText(`${verdict}: ${findings}`, CHECK_TITLE_MAX_CHARS);
}

/** Splits annotations into the batches one request may carry. */
export function batchAnnotations(annotations: readonly CheckAnnotation[]): CheckAnnotation[][] {
  const batches: CheckAnnotation[][] = [];
  for (let start = 0; start < annotations.length; start += ANNOTATIONS_PER_REQUEST) {
    batches.push(annotations.slice(start, start + ANNOTATIONS_PER_REQUEST));
  }
  return batches.length === 0 ? [[]] : batches;
}

async function publishCommitStatus(
  port: GithubPort,
  request: CheckRequest,
  title: string,
): Promise<CheckOutcome> {
  await port.createCommitStatus(request.headSha, {
    state: request.conclusion === 'failure' ? 'failure' : 'success',
    context: request.name,
    description: truncateText(title, STATUS_DESCRIPTION_MAX_CHARS),
    targetUrl: request.runUrl,
  });
  return { via: 'commit-status' };
}

/**
 * Creates the check run in progress, then sends the annotations in batches and completes it with the last batch.
 * When the token may not create check runs (403), sets a commit status of the same name instead.
 */
export async function publishCheck(port: GithubPort, request: CheckRequest): Promise<CheckOutcome> {
  const title = describeCheckTitle(request.report, request.conclusion);
  let checkRunId: number;
  try {
    checkRunId = await port.createCheckRun(request.name, request.headSha);
  } catch (error) {
    if (error instanceof GithubCallError && error.kind === 'forbidden') {
      return publishCommitStatus(port, request, title);
    }
    throw error;
  }
  const summary = truncateText(request.summary, CHECK_SUMMARY_MAX_CHARS);
  const batches = batchAnnotations(buildAnnotations(request.report));
  for (const [index, annotations] of batches.entries()) {
    const last = index === batches.length - 1;
    await port.updateCheckRun(checkRunId, { title, summary, annotations }, last ? request.conclusion : null);
  }
  return { via: 'check-run', checkRunId, requests: 1 + batches.length };
}
