/**
 * An in-memory GitHub repository behind nock, for roadmap sync tests: issues, milestones, labels,
 * sub-issues and blocked-by, served on the REST routes the sync uses, with Link-header pagination.
 * Every request is recorded (method, path, body) so tests assert exactly which calls were made.
 */
import { createHash } from 'node:crypto';
import nock from 'nock';

export const API = 'https://api.github.test';

export interface FakeIssue {
  number: number;
  id: number;
  title: string;
  body: string;
  state: 'open' | 'closed';
  state_reason: string | null;
  labels: { name: string }[];
  assignees: { login: string }[];
  milestone: { number: number; title: string } | null;
  parent_issue_url: string | null;
  issue_dependencies_summary: { total_blocked_by: number };
  blocked_by: number[];
  user: { login: string; type: 'User' | 'Bot' };
  pull_request?: object;
}

export interface Recorded {
  method: string;
  path: string;
  body?: Record<string, unknown>;
  /** GETs: the If-None-Match sent, and the status answered (304 when it matched). */
  ifNoneMatch?: string;
  status?: number;
}

export class FakeGitHub {
  issues: FakeIssue[] = [];
  milestones: { number: number; title: string; due_on: string | null; state: string; description: string | null }[] =
    [];
  labels: string[] = [];
  requests: Recorded[] = [];
  /** Set to make the nth write (1-based) fail with 500 once: a run cut off midway. */
  failOnWrite?: number;
  writes = 0;
  /** Answer 404 to blocked-by reads and writes, as a GitHub Enterprise Server without issue dependencies does. */
  refuseDependencies = false;
  /** Answer 422 to every blocked-by write (a dependency GitHub will not make), adding nothing. */
  unprocessableDependencies = false;
  /** Answer 404 to sub-issue writes, as a GitHub Enterprise Server without sub-issues does. */
  refuseSubIssues = false;
  /** Runs before each write is answered: a test makes another sync's write land first. */
  beforeWrite?: (method: string, path: string, body: Record<string, unknown>) => void;
  /** The account the token belongs to: it opens the issues the sync creates. */
  viewer = 'readygate-bot';
  /** An installation token: `GET /user` answers 403, the GraphQL viewer answers `<viewer>`, issues are opened by a Bot. */
  appToken = false;
  /** Neither `GET /user` nor the GraphQL viewer names the account. */
  anonymous = false;
  scope: nock.Scope;
  readonly api: string;
  /** `/repos/owner/name`. */
  readonly repo: string;

  /**
   * Serves every GET, POST and PATCH to `api` it is not beaten to: a test that also mocks other
   * routes (the App's check runs) registers those first.
   */
  constructor(options: { api?: string; repo?: string } = {}) {
    this.api = options.api ?? API;
    this.repo = options.repo ?? '/repos/acme/app';
    this.scope = nock(this.api).persist();
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- nock hands the request to `this` of a plain function
    const fake = this;
    const owns = (uri: string) => {
      const path = new URL(uri, this.api).pathname;
      if (path === '/graphql' || path === '/user') return true;
      return (
        path.startsWith(`${this.repo}/`) && /^(issues|milestones|labels)(\/|$)/.test(path.slice(this.repo.length + 1))
      );
    };
    this.scope.get(owns).reply(function (uri) {
      return fake.conditional(fake.get(uri), this.req.headers['if-none-match']);
    });
    for (const method of ['post', 'patch'] as const) {
      // optional: a run that must not write leaves them unused and the scope still done
      this.scope[method](owns)
        .optionally()
        .reply((uri, body) => this.write(method.toUpperCase(), uri, body as Record<string, unknown>));
    }
  }

  /** True when every request since `from` only read: GETs and the identity's GraphQL query. */
  readOnlySince(from: number): boolean {
    return this.requests.slice(from).every((r) => r.method === 'GET' || r.path === '/graphql');
  }

  get writesMade(): Recorded[] {
    return this.requests.filter((r) => r.method !== 'GET' && r.path !== '/graphql');
  }

  addIssue(partial: Partial<FakeIssue> & { title: string }): FakeIssue {
    const number = this.issues.length + this.milestones.length + 1;
    const issue: FakeIssue = {
      number,
      id: 1000 + number,
      body: '',
      state: 'open',
      state_reason: null,
      labels: [],
      assignees: [],
      milestone: null,
      parent_issue_url: null,
      issue_dependencies_summary: { total_blocked_by: 0 },
      blocked_by: [],
      user: { login: 'someone', type: 'User' },
      ...partial,
    };
    this.issues.push(issue);
    return issue;
  }

  issue(key: string): FakeIssue | undefined {
    return this.issues.find((i) => i.body.includes(`key=${encodeURIComponent(key)} `));
  }

  /** Every GET answer carries an ETag over its body; a request that sends it back gets 304, as GitHub does. */
  private conditional(
    [status, body, headers = {}]: [number, unknown, Record<string, string>?],
    ifNoneMatch: string | string[] | undefined,
  ): [number, unknown, Record<string, string>] {
    const last = this.requests[this.requests.length - 1]!;
    const sent = Array.isArray(ifNoneMatch) ? ifNoneMatch[0] : ifNoneMatch;
    if (sent !== undefined) last.ifNoneMatch = sent;
    if (status !== 200) return [(last.status = status), body, headers];
    const etag = `"${createHash('sha1').update(JSON.stringify(body)).digest('hex')}"`;
    last.status = sent === etag ? 304 : 200;
    return last.status === 304 ? [304, '', { ...headers, etag }] : [200, body, { ...headers, etag }];
  }

  private get(uri: string): [number, unknown, Record<string, string>?] {
    const url = new URL(uri, this.api);
    this.requests.push({ method: 'GET', path: url.pathname + url.search });
    const page = Number(url.searchParams.get('page') ?? 1);
    const per = Number(url.searchParams.get('per_page') ?? 30);
    const paged = (all: unknown[]): [number, unknown, Record<string, string>] => {
      const last = Math.max(1, Math.ceil(all.length / per));
      const headers: Record<string, string> = {};
      if (page < last) {
        const next = new URL(url);
        next.searchParams.set('page', String(page + 1));
        headers.link = `<${next.toString()}>; rel="next"`;
      }
      return [200, all.slice((page - 1) * per, page * per), headers];
    };
    if (url.pathname === '/user')
      return this.appToken || this.anonymous
        ? [403, { message: 'Resource not accessible by integration' }]
        : [200, { login: this.viewer, type: 'User' }];
    if (url.pathname === `${this.repo}/issues`) return paged(this.issues);
    if (url.pathname === `${this.repo}/milestones`) return paged(this.milestones);
    if (url.pathname === `${this.repo}/labels`) return paged(this.labels.map((name) => ({ name })));
    const single = new RegExp(`^${this.repo}/issues/(\\d+)$`).exec(url.pathname);
    if (single) return [200, this.byNumber(Number(single[1]))];
    const deps = new RegExp(`^${this.repo}/issues/(\\d+)/dependencies/blocked_by$`).exec(url.pathname);
    if (deps)
      return this.refuseDependencies
        ? [404, { message: 'Not Found' }]
        : [200, this.byNumber(Number(deps[1])).blocked_by.map((id) => ({ id }))];
    return [404, { message: 'Not Found' }];
  }

  private byNumber(n: number): FakeIssue {
    const issue = this.issues.find((i) => i.number === n);
    if (!issue) throw new Error(`fake: no issue #${n}`);
    return issue;
  }

  private write(method: string, uri: string, body: Record<string, unknown>): [number, unknown] {
    const path = new URL(uri, this.api).pathname;
    this.requests.push({ method, path, body });
    if (path === '/graphql') {
      if (this.anonymous)
        return [
          200,
          { data: null, errors: [{ type: 'FORBIDDEN', message: 'Resource not accessible by integration' }] },
        ];
      return [200, { data: { viewer: { login: this.appToken ? `${this.viewer}[bot]` : this.viewer } } }];
    }
    this.writes++;
    if (this.failOnWrite === this.writes) return [500, { message: 'Server Error' }];
    this.beforeWrite?.(method, path, body);
    if (method === 'POST' && path === `${this.repo}/labels`) {
      this.labels.push(String(body.name));
      return [201, { name: body.name }];
    }
    if (method === 'POST' && path === `${this.repo}/milestones`) {
      const m = {
        number: 900 + this.milestones.length,
        title: String(body.title),
        due_on: (body.due_on as string) ?? null,
        state: body.state === 'closed' ? 'closed' : 'open',
        description: (body.description as string) ?? null,
      };
      this.milestones.push(m);
      return [201, m];
    }
    const milestone = new RegExp(`^${this.repo}/milestones/(\\d+)$`).exec(path);
    if (method === 'PATCH' && milestone) {
      const m = this.milestones.find((x) => x.number === Number(milestone[1]));
      if (!m) return [404, { message: 'Not Found' }];
      if (body.due_on !== undefined) m.due_on = body.due_on as string;
      if (body.state === 'open' || body.state === 'closed') m.state = body.state;
      if (typeof body.description === 'string') m.description = body.description;
      return [200, m];
    }
    if (method === 'POST' && path === `${this.repo}/issues`) {
      const ms = this.milestones.find((m) => m.number === body.milestone);
      const issue = this.addIssue({
        title: String(body.title),
        body: String(body.body ?? ''),
        labels: ((body.labels as string[]) ?? []).map((name) => ({ name })),
        assignees: ((body.assignees as string[]) ?? []).map((login) => ({ login })),
        milestone: ms ? { number: ms.number, title: ms.title } : null,
        user:
          this.appToken || this.anonymous
            ? { login: `${this.viewer}[bot]`, type: 'Bot' }
            : { login: this.viewer, type: 'User' },
      });
      return [201, issue];
    }
    const one = new RegExp(`^${this.repo}/issues/(\\d+)(/sub_issues|/dependencies/blocked_by)?$`).exec(path);
    if (!one) return [404, { message: 'Not Found' }];
    const issue = this.byNumber(Number(one[1]));
    if (one[2] === '/sub_issues' && this.refuseSubIssues) return [404, { message: 'Not Found' }];
    if (one[2] === '/sub_issues') {
      const child = this.issues.find((i) => i.id === body.sub_issue_id)!;
      // GitHub refuses a second parent (the same one included) with 422 Validation Failed.
      if (child.parent_issue_url)
        return [
          422,
          { message: 'Validation Failed', errors: [{ resource: 'Issue', code: 'custom', field: 'sub_issue_id' }] },
        ];
      child.parent_issue_url = `${this.api}${this.repo}/issues/${issue.number}`;
      return [201, issue];
    }
    if (one[2] === '/dependencies/blocked_by' && this.refuseDependencies) return [404, { message: 'Not Found' }];
    if (one[2] === '/dependencies/blocked_by') {
      if (this.unprocessableDependencies || issue.blocked_by.includes(Number(body.issue_id)))
        return [
          422,
          { message: 'Validation Failed', errors: [{ resource: 'Issue', code: 'custom', field: 'issue_id' }] },
        ];
      issue.blocked_by.push(Number(body.issue_id));
      issue.issue_dependencies_summary.total_blocked_by = issue.blocked_by.length;
      return [201, issue];
    }
    if (typeof body.title === 'string') issue.title = body.title;
    if (typeof body.body === 'string') issue.body = body.body;
    if (body.state === 'open' || body.state === 'closed') {
      issue.state = body.state;
      issue.state_reason = (body.state_reason as string) ?? null;
    }
    if (Array.isArray(body.labels)) issue.labels = (body.labels as string[]).map((name) => ({ name }));
    if (Array.isArray(body.assignees)) issue.assignees = (body.assignees as string[]).map((login) => ({ login }));
    if (body.milestone !== undefined) {
      const ms = this.milestones.find((m) => m.number === body.milestone);
      issue.milestone = ms ? { number: ms.number, title: ms.title } : null;
    }
    return [200, issue];
  }
}
