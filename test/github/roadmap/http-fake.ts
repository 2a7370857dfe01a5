/**
 * A GitHub repository behind a real HTTP server on 127.0.0.1 (not nock), so that several processes
 * can sync against one shared issue state: issues, milestones, labels, comments, sub-issues and
 * blocked-by relations on the REST routes the roadmap sync uses, with Link-header pagination. `holdCreates` makes issue creation wait until
 * that many issue listings have been answered: two syncs then surely start from the same listing.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface HttpIssue {
  number: number;
  id: number;
  title: string;
  body: string;
  state: 'open' | 'closed';
  state_reason: string | null;
  labels: { name: string }[];
  assignees: { login: string }[];
  milestone: { number: number; title: string } | null;
  user: { login: string; type: 'User' };
  comments: string[];
  /** Sub-issue parent's number, and the ids of the issues this one is blocked by. */
  parent: number | null;
  blockedBy: number[];
}

export class HttpFakeGitHub {
  issues: HttpIssue[] = [];
  milestones: { number: number; title: string; due_on: string | null; state: string }[] = [];
  labels: string[] = [];
  issueListings = 0;
  holdCreates = 0;
  private waiting: (() => void)[] = [];
  private server?: Server;

  async start(): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve, reject) => this.server?.close((e) => (e ? reject(e) : resolve())));
  }

  /** An issue as the REST API shows it. */
  private shown({ comments: _c, parent, blockedBy, ...issue }: HttpIssue) {
    return {
      ...issue,
      parent_issue_url: parent === null ? null : `http://127.0.0.1/repos/acme/app/issues/${parent}`,
      issue_dependencies_summary: { total_blocked_by: blockedBy.length },
    };
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let raw = '';
    for await (const chunk of req) raw += String(chunk);
    const body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const send = (status: number, data: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(data));
    };
    const path = url.pathname.replace(/^\/repos\/acme\/app/, '');
    if (req.method === 'POST' && url.pathname === '/graphql')
      return send(200, { data: { viewer: { login: 'readygate-bot' } } });
    if (req.method === 'GET') {
      const all =
        path === '/issues'
          ? this.issues.map((i) => this.shown(i))
          : path === '/milestones'
            ? this.milestones
            : path === '/labels'
              ? this.labels.map((name) => ({ name }))
              : undefined;
      const single = /^\/issues\/(\d+)(\/dependencies\/blocked_by)?$/.exec(path);
      const found = single && this.issues.find((i) => i.number === Number(single[1]));
      if (found && single![2])
        return send(
          200,
          found.blockedBy.map((id) => ({ id })),
        );
      if (found) return send(200, this.shown(found));
      if (!all) return send(404, { message: 'Not Found' });
      if (path === '/issues') {
        this.issueListings++;
        if (this.issueListings >= this.holdCreates) for (const go of this.waiting.splice(0)) go();
      }
      const page = Number(url.searchParams.get('page') ?? 1);
      const per = Number(url.searchParams.get('per_page') ?? 30);
      const headers: Record<string, string> = {};
      if (page * per < all.length) {
        const next = new URL(url.toString().replace('http://127.0.0.1', `http://${req.headers.host}`));
        next.searchParams.set('page', String(page + 1));
        headers.link = `<${next.toString()}>; rel="next"`;
      }
      return send(200, all.slice((page - 1) * per, page * per), headers);
    }
    if (req.method === 'POST' && path === '/labels') {
      if (this.labels.includes(String(body.name)))
        return send(422, { message: 'Validation Failed', errors: [{ resource: 'Label', code: 'already_exists' }] });
      this.labels.push(String(body.name));
      return send(201, { name: body.name });
    }
    if (req.method === 'POST' && path === '/milestones') {
      if (this.milestones.some((m) => m.title === body.title))
        return send(422, { message: 'Validation Failed', errors: [{ resource: 'Milestone', code: 'already_exists' }] });
      const m = { number: 900 + this.milestones.length, title: String(body.title), due_on: null, state: 'open' };
      this.milestones.push(m);
      return send(201, m);
    }
    if (req.method === 'POST' && path === '/issues') {
      if (this.issueListings < this.holdCreates) await new Promise<void>((go) => this.waiting.push(go));
      const number = this.issues.length + 1;
      const ms = this.milestones.find((m) => m.number === body.milestone);
      const issue: HttpIssue = {
        number,
        id: 5000 + number,
        title: String(body.title),
        body: String(body.body ?? ''),
        state: 'open',
        state_reason: null,
        labels: ((body.labels as string[]) ?? []).map((name) => ({ name })),
        assignees: [],
        milestone: ms ? { number: ms.number, title: ms.title } : null,
        user: { login: 'readygate-bot', type: 'User' },
        comments: [],
        parent: null,
        blockedBy: [],
      };
      this.issues.push(issue);
      return send(201, issue);
    }
    const one = /^\/issues\/(\d+)(\/comments|\/sub_issues|\/dependencies\/blocked_by)?$/.exec(path);
    const issue = one && this.issues.find((i) => i.number === Number(one[1]));
    if (!issue) return send(404, { message: 'Not Found' });
    // A relation added twice (two syncs at once) is refused with 422, as GitHub does.
    const refused = () => send(422, { message: 'Validation Failed', errors: [{ resource: 'Issue', code: 'custom' }] });
    if (req.method === 'POST' && one![2] === '/sub_issues') {
      const child = this.issues.find((i) => i.id === body.sub_issue_id);
      if (!child) return send(404, { message: 'Not Found' });
      if (child.parent !== null) return refused();
      child.parent = issue.number;
      return send(201, this.shown(issue));
    }
    if (req.method === 'POST' && one![2] === '/dependencies/blocked_by') {
      if (issue.blockedBy.includes(Number(body.issue_id))) return refused();
      issue.blockedBy.push(Number(body.issue_id));
      return send(201, this.shown(issue));
    }
    if (req.method === 'POST' && one![2] === '/comments') {
      issue.comments.push(String(body.body));
      return send(201, { id: 1 });
    }
    if (req.method === 'PATCH') {
      if (typeof body.body === 'string') issue.body = body.body;
      if (typeof body.title === 'string') issue.title = body.title;
      if (body.state === 'open' || body.state === 'closed') {
        issue.state = body.state;
        issue.state_reason = (body.state_reason as string) ?? null;
      }
      return send(200, issue);
    }
    return send(404, { message: 'Not Found' });
  }
}
