/**
 * What the Action knows about the run, from the environment it is given (never process.env
 * directly) and the event payload. Only the fields readygate uses are parsed, with zod.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { ConfigError, describeError } from '../core/errors.js';
import { parseRepo, type RepoRef } from '../github/repo.js';

const Sha = z.string().regex(/^[0-9a-f]{40,64}$/);
const Repository = z.object({ full_name: z.string(), default_branch: z.string().optional() });
const PullRequestEvent = z.object({
  pull_request: z.object({
    number: z.number().int().positive(),
    head: z.object({ sha: Sha, repo: Repository.nullable().optional() }),
    base: z.object({ sha: Sha, ref: z.string() }),
  }),
  repository: Repository.optional(),
});
const PushEvent = z.object({
  before: z.string().optional(),
  after: z.string().optional(),
  repository: Repository.optional(),
});
const MergeGroupEvent = z.object({
  merge_group: z.object({ head_sha: Sha, head_ref: z.string(), base_sha: Sha, base_ref: z.string() }),
  repository: Repository.optional(),
});
const WorkflowRunEvent = z.object({
  workflow_run: z.object({
    id: z.number().int().positive(),
    event: z.string(),
    head_sha: Sha,
    head_branch: z.string().nullable(),
    head_repository: Repository.nullable().optional(),
    html_url: z.string().optional(),
  }),
  repository: Repository.optional(),
});

export type ActionEvent =
  | { kind: 'pull_request'; number: number; headSha: string; baseSha: string; baseRef: string; headRepo?: string }
  | { kind: 'push'; sha: string; before?: string; branch?: string }
  /** A merge queue group: the queued merge commit (head) is judged as a change to its base branch. */
  | { kind: 'merge_group'; headSha: string; baseSha: string; baseRef: string }
  | {
      kind: 'workflow_run';
      runId: number;
      triggeringEvent: string;
      headSha: string;
      headBranch?: string;
      headRepo?: string;
      runUrl?: string;
    }
  | { kind: 'other'; name: string; sha: string };

export interface ActionContext {
  repo: RepoRef;
  /** GitHub's API root: GITHUB_API_URL on Enterprise Server. */
  apiUrl: string;
  serverUrl: string;
  runId?: string;
  workspace: string;
  defaultBranch?: string;
  event: ActionEvent;
  /** `owner/repo@ref` of this Action as the workflow named it; undefined for a local `uses: ./`. */
  actionRef?: string;
}

export function readContext(env: Readonly<Record<string, string | undefined>>, cwd: string): ActionContext {
  const need = (name: string) => {
    const v = env[name];
    if (!v)
      throw new ConfigError(
        `${name} is not set: readygate's Action runs inside GitHub Actions (use the CLI elsewhere)`,
      );
    return v;
  };
  const repo = parseRepo(need('GITHUB_REPOSITORY'));
  const name = need('GITHUB_EVENT_NAME');
  let payload: unknown = {};
  if (env.GITHUB_EVENT_PATH) {
    try {
      payload = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8'));
    } catch (error) {
      throw new ConfigError(`cannot read the event payload ${env.GITHUB_EVENT_PATH}: ${describeError(error)}`, [], {
        cause: error,
      });
    }
  }
  const parse = <T>(schema: z.ZodType<T>): T => {
    const r = schema.safeParse(payload);
    if (!r.success)
      throw new ConfigError(
        `the ${name} event payload is missing what readygate needs: ${r.error.issues[0]?.path.join('.')} ${r.error.issues[0]?.message}`,
      );
    return r.data;
  };
  let event: ActionEvent;
  let defaultBranch: string | undefined;
  if (name === 'pull_request' || name === 'pull_request_target') {
    const p = parse(PullRequestEvent);
    const pr = p.pull_request;
    event = {
      kind: 'pull_request',
      number: pr.number,
      headSha: pr.head.sha,
      baseSha: pr.base.sha,
      baseRef: pr.base.ref,
      headRepo: pr.head.repo?.full_name,
    };
    defaultBranch = p.repository?.default_branch;
  } else if (name === 'push') {
    const p = parse(PushEvent);
    const ref = env.GITHUB_REF ?? '';
    const before = p.before && !/^0+$/.test(p.before) ? p.before : undefined;
    event = {
      kind: 'push',
      sha: p.after ?? need('GITHUB_SHA'),
      before,
      branch: ref.startsWith('refs/heads/') ? ref.slice(11) : undefined,
    };
    defaultBranch = p.repository?.default_branch;
  } else if (name === 'merge_group') {
    const g = parse(MergeGroupEvent);
    const m = g.merge_group;
    event = {
      kind: 'merge_group',
      headSha: m.head_sha,
      baseSha: m.base_sha,
      baseRef: m.base_ref.replace(/^refs\/heads\//, ''),
    };
    defaultBranch = g.repository?.default_branch;
  } else if (name === 'workflow_run') {
    const p = parse(WorkflowRunEvent);
    const r = p.workflow_run;
    event = {
      kind: 'workflow_run',
      runId: r.id,
      triggeringEvent: r.event,
      headSha: r.head_sha,
      headBranch: r.head_branch ?? undefined,
      headRepo: r.head_repository?.full_name,
      runUrl: r.html_url,
    };
    defaultBranch = p.repository?.default_branch;
  } else event = { kind: 'other', name, sha: need('GITHUB_SHA') };
  return {
    repo,
    apiUrl: env.GITHUB_API_URL ?? 'https://api.github.com',
    serverUrl: env.GITHUB_SERVER_URL ?? 'https://github.com',
    runId: env.GITHUB_RUN_ID,
    workspace: env.GITHUB_WORKSPACE ?? cwd,
    defaultBranch,
    event,
    ...(env.GITHUB_ACTION_REPOSITORY &&
      env.GITHUB_ACTION_REF && { actionRef: `${env.GITHUB_ACTION_REPOSITORY}@${env.GITHUB_ACTION_REF}` }),
  };
}
