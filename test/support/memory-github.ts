// An in-memory GitHub port: the calls the action makes, recorded, with failures injected per operation.
import { GithubCallError, type GithubFailureKind } from '../../src/action/github-call-error.js';
import type {
  CheckAnnotation,
  CheckConclusion,
  CheckOutput,
  GithubPort,
  IssueComment,
  StatusState,
} from '../../src/action/github-port.js';

/** The port's operations, as failures are keyed. */
export type PortOperation = keyof GithubPort;

/** A stored comment. */
export interface MemoryComment {
  id: number;
  nodeId: string;
  body: string;
  byBot: boolean;
  minimized: boolean;
}

/** A stored check run. */
export interface MemoryCheckRun {
  id: number;
  name: string;
  headSha: string;
  conclusion: CheckConclusion | null;
  title: string;
  summary: string;
  annotationBatches: CheckAnnotation[][];
}

const STATUS_OF: Record<GithubFailureKind, number | null> = {
  forbidden: 403,
  unprocessable: 422,
  'not-found': 404,
  network: null,
  other: 502,
};

/** The in-memory port. */
export class MemoryGithub implements GithubPort {
  readonly calls: PortOperation[] = [];
  readonly comments: MemoryComment[] = [];
  readonly checkRuns: MemoryCheckRun[] = [];
  readonly statuses: Array<{
    sha: string;
    state: StatusState;
    context: string;
    description: string;
    targetUrl: string;
  }> = [];
  readonly pulls = new Map<number, string>();
  /** Comments longer than this are refused as GitHub does (422). */
  maxCommentLength = 65_536;
  private readonly failures = new Map<PortOperation, { kind: GithubFailureKind; times: number }>();
  private nextId = 1;

  /** Makes the next `times` calls of an operation fail with the given kind. */
  fail(operation: PortOperation, kind: GithubFailureKind, times = Number.POSITIVE_INFINITY): void {
    this.failures.set(operation, { kind, times });
  }

  /** Puts a comment there as an earlier run or a person wrote it. */
  seedComment(body: string, byBot = true): MemoryComment {
    const id = this.nextId++;
    const comment = { id, nodeId: `IC_${id}`, body, byBot, minimized: false };
    this.comments.push(comment);
    return comment;
  }

  private enter(operation: PortOperation): void {
    this.calls.push(operation);
    const failure = this.failures.get(operation);
    if (failure !== undefined && failure.times > 0) {
      failure.times -= 1;
      throw new GithubCallError(operation, failure.kind, STATUS_OF[failure.kind], 'injected failure');
    }
  }

  private view(comment: MemoryComment): IssueComment {
    return {
      id: comment.id,
      nodeId: comment.nodeId,
      body: comment.body,
      byBot: comment.byBot,
      url: `https://github.test/c/${comment.id}`,
    };
  }

  async listIssueComments(): Promise<IssueComment[]> {
    this.enter('listIssueComments');
    return this.comments.map((comment) => this.view(comment));
  }

  async createIssueComment(_issue: number, body: string): Promise<IssueComment> {
    this.enter('createIssueComment');
    if (body.length > this.maxCommentLength)
      throw new GithubCallError('create', 'unprocessable', 422, 'too long');
    return this.view(this.seedComment(body));
  }

  async updateIssueComment(commentId: number, body: string): Promise<IssueComment> {
    this.enter('updateIssueComment');
    if (body.length > this.maxCommentLength)
      throw new GithubCallError('update', 'unprocessable', 422, 'too long');
    const comment = this.comments.find((item) => item.id === commentId);
    if (comment === undefined) throw new GithubCallError('update', 'not-found', 404, 'gone');
    comment.body = body;
    return this.view(comment);
  }

  async deleteIssueComment(commentId: number): Promise<void> {
    this.enter('deleteIssueComment');
    const index = this.comments.findIndex((item) => item.id === commentId);
    if (index >= 0) this.comments.splice(index, 1);
  }

  async minimizeComment(nodeId: string): Promise<void> {
    this.enter('minimizeComment');
    const comment = this.comments.find((item) => item.nodeId === nodeId);
    if (comment !== undefined) comment.minimized = true;
  }

  async createCheckRun(name: string, headSha: string): Promise<number> {
    this.enter('createCheckRun');
    const id = this.nextId++;
    this.checkRuns.push({
      id,
      name,
      headSha,
      conclusion: null,
      title: '',
      summary: '',
      annotationBatches: [],
    });
    return id;
  }

  async updateCheckRun(
    checkRunId: number,
    output: CheckOutput,
    conclusion: CheckConclusion | null,
  ): Promise<void> {
    this.enter('updateCheckRun');
    const run = this.checkRuns.find((item) => item.id === checkRunId);
    if (run === undefined) throw new GithubCallError('update check', 'not-found', 404, 'gone');
    run.title = output.title;
    run.summary = output.summary;
    run.annotationBatches.push([...output.annotations]);
    if (conclusion !== null) run.conclusion = conclusion;
  }

  async createCommitStatus(
    sha: string,
    status: { state: StatusState; context: string; description: string; targetUrl: string },
  ): Promise<void> {
    this.enter('createCommitStatus');
    this.statuses.push({ sha, ...status });
  }

  async getPullRequestHeadSha(pullNumber: number): Promise<string> {
    this.enter('getPullRequestHeadSha');
    const sha = this.pulls.get(pullNumber);
    if (sha === undefined) throw new GithubCallError('read pull', 'not-found', 404, 'no such pull request');
    return sha;
  }
}
