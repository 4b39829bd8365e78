/** An issue comment as the port returns it. */
export interface IssueComment {
  readonly id: number;
  /** The GraphQL id, needed to minimise the comment. */
  readonly nodeId: string;
  readonly body: string;
  readonly url: string;
  /** True when a bot (GITHUB_TOKEN or an app) wrote it; a person's comment that copies the marker is not ours. */
  readonly byBot: boolean;
}

/** The level of a check-run annotation. */
export type AnnotationLevel = 'notice' | 'warning' | 'failure';

/** One check-run annotation, in the shape the Checks API takes. */
export interface CheckAnnotation {
  readonly path: string;
  readonly startLine: number;
  readonly endLine: number;
  readonly level: AnnotationLevel;
  readonly title: string;
  readonly message: string;
}

/** The conclusions this action gives a check run. */
export type CheckConclusion = 'success' | 'failure' | 'neutral';

/** The visible part of a check run. */
export interface CheckOutput {
  readonly title: string;
  readonly summary: string;
  readonly annotations: readonly CheckAnnotation[];
}

/** A commit status state. */
export type StatusState = 'success' | 'failure' | 'pending' | 'error';

/** Where the calls go: the repository and its pull request. */
export interface RepoRef {
  readonly owner: string;
  readonly repo: string;
}

/**
 * The GitHub calls this action makes, and no others. The Octokit implementation talks to the API; tests use a fake.
 * Every method rejects with a `GithubCallError` when the call fails.
 */
export interface GithubPort {
  /** All comments of an issue or pull request, every page. */
  listIssueComments(issue: number): Promise<IssueComment[]>;
  createIssueComment(issue: number, body: string): Promise<IssueComment>;
  updateIssueComment(commentId: number, body: string): Promise<IssueComment>;
  deleteIssueComment(commentId: number): Promise<void>;
  /** Collapses a comment as outdated (GraphQL `minimizeComment`). */
  minimizeComment(nodeId: string): Promise<void>;
  /** Creates an in-progress check run and returns its id. */
  createCheckRun(name: string, headSha: string): Promise<number>;
  /** Adds output (annotations are appended by GitHub) and, when a conclusion is given, completes the run. */
  updateCheckRun(checkRunId: number, output: CheckOutput, conclusion: CheckConclusion | null): Promise<void>;
  createCommitStatus(
    sha: string,
    status: { state: StatusState; context: string; description: string; targetUrl: string },
  ): Promise<void>;
  /** The head commit of a pull request: the publish half checks that an artifact belongs to it. */
  getPullRequestHeadSha(pullNumber: number): Promise<string>;
}
