// A loopback fake of the parts of the GitHub REST and GraphQL APIs the action calls, with fault injection.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the fake received. */
export interface RecordedCall {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly body: unknown;
}

/** A fault: requests that match answer with `status` (or only wait, when status is absent). */
export interface FaultRule {
  readonly method?: string;
  readonly path?: RegExp;
  readonly status?: number;
  /** How many matching requests it applies to; unlimited when absent. */
  readonly times?: number;
  /** Waits this long before answering (or before the fault). */
  readonly delayMs?: number;
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
}

/** A comment as the fake stores it. */
export interface FakeComment {
  id: number;
  node_id: string;
  body: string;
  html_url: string;
  user: { login: string; type: string };
  minimized: boolean;
}

/** A check run as the fake stores it, with every annotation it was sent. */
export interface FakeCheckRun {
  id: number;
  name: string;
  head_sha: string;
  status: string;
  conclusion: string | null;
  output: { title?: string; summary?: string };
  annotations: Array<Record<string, unknown>>;
  updates: number;
}

/** A commit status as the fake stores it. */
export interface FakeStatus {
  sha: string;
  state: string;
  context: string;
  description: string;
  target_url: string;
}

interface Route {
  readonly method: string;
  readonly pattern: RegExp;
  readonly handle: (match: RegExpExecArray, body: unknown, query: URLSearchParams) => Reply;
}

interface Reply {
  readonly status: number;
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
}

const FORBIDDEN = { message: 'Resource not accessible by integration', status: '403' };

/** The fake server. Start with `FakeGithub.start()`, stop with `close()`. */
export class FakeGithub {
  readonly calls: RecordedCall[] = [];
  readonly comments: FakeComment[] = [];
  readonly checkRuns: FakeCheckRun[] = [];
  readonly statuses: FakeStatus[] = [];
  /** Head commit per pull-request number, for GET /pulls/:n. */
  readonly pulls = new Map<number, string>();
  /** Comments longer than this are refused with 422, as GitHub does over 65,536. */
  maxCommentLength = 65_536;
  /** Answers every non-GET request with 403, as a fork's read-only token gets. */
  forbidWrites = false;
  /** Pages of comments hold at most this many, whatever per_page asks: small values force pagination. */
  maxPerPage = 100;
  private readonly faults: Array<FaultRule & { used: number }> = [];
  private nextId = 1000;
  private readonly routes: Route[];

  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {
    this.routes = this.buildRoutes();
  }

  /** Starts the fake on 127.0.0.1 with a free port. */
  static async start(): Promise<FakeGithub> {
    const holder: { fake?: FakeGithub } = {};
    const server = createServer((request, response) => {
      void holder.fake?.serve(request, response);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    holder.fake = new FakeGithub(server, `http://127.0.0.1:${port}`);
    return holder.fake;
  }

  /** Adds a fault rule; rules are checked in the order they were added. */
  fail(rule: FaultRule): void {
    this.faults.push({ ...rule, used: 0 });
  }

  /** Puts a comment on the pull request as if an earlier run (or a person) had written it. */
  addComment(body: string, user: { login: string; type: string } = botUser()): FakeComment {
    const id = this.nextId++;
    const comment = {
      id,
      node_id: `IC_${id}`,
      body,
      html_url: `https://github.test/pull/comment-${id}`,
      user,
      minimized: false,
    };
    this.comments.push(comment);
    return comment;
  }

  /** Calls other than reads, in order: the writes a run made. */
  writes(): RecordedCall[] {
    return this.calls.filter((call) => call.method !== 'GET');
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async serve(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const url = new URL(request.url ?? '/', this.url);
    const method = request.method ?? 'GET';
    let body: unknown = null;
    try {
      body = text === '' ? null : (JSON.parse(text) as unknown);
    } catch {
      body = text;
    }
    this.calls.push({ method, path: url.pathname, query: url.searchParams, body });
    const reply = await this.answer(method, url, body);
    if (response.destroyed) return;
    const payload = reply.body === undefined ? '' : JSON.stringify(reply.body);
    response.writeHead(reply.status, { 'content-type': 'application/json; charset=utf-8', ...reply.headers });
    response.end(payload);
  }

  private async answer(method: string, url: URL, body: unknown): Promise<Reply> {
    const fault = this.faults.find(
      (rule) =>
        (rule.method === undefined || rule.method === method) &&
        (rule.path === undefined || rule.path.test(url.pathname)) &&
        (rule.times === undefined || rule.used < rule.times),
    );
    if (fault !== undefined) {
      fault.used += 1;
      if (fault.delayMs !== undefined) await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
      if (fault.status !== undefined) {
        return {
          status: fault.status,
          body: fault.body ?? { message: `injected ${fault.status}` },
          headers: fault.headers,
        };
      }
    }
    if (this.forbidWrites && method !== 'GET') return { status: 403, body: FORBIDDEN };
    for (const route of this.routes) {
      if (route.method !== method) continue;
      const match = route.pattern.exec(url.pathname);
      if (match !== null) return route.handle(match, body, url.searchParams);
    }
    return { status: 404, body: { message: 'Not Found' } };
  }

  private buildRoutes(): Route[] {
    const field = (body: unknown, key: string): unknown =>
      typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[key] : undefined;
    const findComment = (id: string) => this.comments.find((comment) => comment.id === Number(id));
    return [
      {
        method: 'GET',
        pattern: /^\/repos\/[^/]+\/[^/]+\/issues\/(\d+)\/comments$/,
        handle: (match, _body, query) => {
          const perPage = Math.min(Number(query.get('per_page') ?? 30), this.maxPerPage);
          const page = Number(query.get('page') ?? 1);
          const start = (page - 1) * perPage;
          const items = this.comments.slice(start, start + perPage);
          const headers: Record<string, string> = {};
          if (start + perPage < this.comments.length) {
            const next = new URL(`/repos/o/r/issues/${match[1]}/comments`, this.url);
            next.searchParams.set('per_page', String(perPage));
            next.searchParams.set('page', String(page + 1));
            headers.link = `<${next.href}>; rel="next"`;
          }
          return { status: 200, body: items, headers };
        },
      },
      {
        method: 'POST',
        pattern: /^\/repos\/[^/]+\/[^/]+\/issues\/(\d+)\/comments$/,
        handle: (_match, body) => {
          const text = String(field(body, 'body') ?? '');
          if (text.length > this.maxCommentLength) return tooLong();
          return { status: 201, body: this.addComment(text) };
        },
      },
      {
        method: 'PATCH',
        pattern: /^\/repos\/[^/]+\/[^/]+\/issues\/comments\/(\d+)$/,
        handle: (match, body) => {
          const comment = findComment(match[1] ?? '');
          if (comment === undefined) return { status: 404, body: { message: 'Not Found' } };
          const text = String(field(body, 'body') ?? '');
          if (text.length > this.maxCommentLength) return tooLong();
          comment.body = text;
          return { status: 200, body: comment };
        },
      },
      {
        method: 'DELETE',
        pattern: /^\/repos\/[^/]+\/[^/]+\/issues\/comments\/(\d+)$/,
        handle: (match) => {
          const index = this.comments.findIndex((comment) => comment.id === Number(match[1]));
          if (index < 0) return { status: 404, body: { message: 'Not Found' } };
          this.comments.splice(index, 1);
          return { status: 204 };
        },
      },
      {
        method: 'POST',
        pattern: /^\/repos\/[^/]+\/[^/]+\/check-runs$/,
        handle: (_match, body) => {
          const run: FakeCheckRun = {
            id: this.nextId++,
            name: String(field(body, 'name')),
            head_sha: String(field(body, 'head_sha')),
            status: String(field(body, 'status') ?? 'queued'),
            conclusion: null,
            output: {},
            annotations: [],
            updates: 0,
          };
          this.checkRuns.push(run);
          return { status: 201, body: { id: run.id, status: run.status } };
        },
      },
      {
        method: 'PATCH',
        pattern: /^\/repos\/[^/]+\/[^/]+\/check-runs\/(\d+)$/,
        handle: (match, body) => {
          const run = this.checkRuns.find((item) => item.id === Number(match[1]));
          if (run === undefined) return { status: 404, body: { message: 'Not Found' } };
          const output = field(body, 'output') as {
            title?: string;
            summary?: string;
            annotations?: unknown[];
          };
          const annotations = (output?.annotations ?? []) as Array<Record<string, unknown>>;
          if (annotations.length > 50)
            return { status: 422, body: { message: 'Only 50 annotations allowed' } };
          if ((output?.summary ?? '').length > 65_535)
            return { status: 422, body: { message: 'summary too long' } };
          run.updates += 1;
          run.output = { title: output?.title, summary: output?.summary };
          run.annotations.push(...annotations);
          if (field(body, 'status') !== undefined) run.status = String(field(body, 'status'));
          if (field(body, 'conclusion') !== undefined) run.conclusion = String(field(body, 'conclusion'));
          return { status: 200, body: { id: run.id } };
        },
      },
      {
        method: 'POST',
        pattern: /^\/repos\/[^/]+\/[^/]+\/statuses\/([0-9a-f]+)$/,
        handle: (match, body) => {
          const description = String(field(body, 'description') ?? '');
          if (description.length > 140) return { status: 422, body: { message: 'description too long' } };
          this.statuses.push({
            sha: match[1] ?? '',
            state: String(field(body, 'state')),
            context: String(field(body, 'context')),
            description,
            target_url: String(field(body, 'target_url') ?? ''),
          });
          return { status: 201, body: {} };
        },
      },
      {
        method: 'GET',
        pattern: /^\/repos\/[^/]+\/[^/]+\/pulls\/(\d+)$/,
        handle: (match) => {
          const sha = this.pulls.get(Number(match[1]));
          if (sha === undefined) return { status: 404, body: { message: 'Not Found' } };
          return { status: 200, body: { number: Number(match[1]), head: { sha } } };
        },
      },
      {
        method: 'POST',
        pattern: /^\/graphql$/,
        handle: (_match, body) => {
          const query = String(field(body, 'query') ?? '');
          const id = String(field(field(body, 'variables'), 'id') ?? '');
          const comment = this.comments.find((item) => item.node_id === id);
          if (!query.includes('minimizeComment') || comment === undefined) {
            return {
              status: 200,
              body: { data: null, errors: [{ type: 'NOT_FOUND', message: 'no such node' }] },
            };
          }
          comment.minimized = true;
          return {
            status: 200,
            body: { data: { minimizeComment: { minimizedComment: { isMinimized: true } } } },
          };
        },
      },
    ];
  }
}

/** The user a GITHUB_TOKEN writes as. */
export function botUser(): { login: string; type: string } {
  return { login: 'github-actions[bot]', type: 'Bot' };
}

function tooLong(): Reply {
  return {
    status: 422,
    body: {
      message: 'Validation Failed',
      errors: [{ resource: 'IssueComment', code: 'custom', field: 'body' }],
    },
  };
}
