/**
 * What the badges and the readiness page read from GitHub, through the App's own installation on
 * the repository: the App's JWT finds the installation (`GET /repos/{owner}/{repo}/installation`;
 * 404 when the App is not installed there, or the repository does not exist), the installation
 * token reads the rest. A commit's readiness is the digest in the App's newest completed run of
 * the check name on exactly that commit (made by the App's id, as own-check-run.ts counts runs);
 * a digest that names another commit, or carries no readiness, is no data. Nothing is cached here
 * (readiness-data.ts caches).
 */
import type { Probot, ProbotOctokit } from 'probot';
import type { PullVerdict } from '../../core/render/page-model.js';
import { decodeDigest, type DigestCoverage } from '../../github/digest.js';
import type { Readiness } from '../../github/digest-readiness.js';
import { httpStatus } from '../../github/errors.js';
import type { RepoName } from './names.js';

export interface RepoAccess {
  installationId: number;
  /** owner/name as GitHub spells it. */
  fullName: string;
  /** Private or internal: served only with a token. */
  restricted: boolean;
  defaultBranch: string;
}

export interface CommitRef {
  sha: string;
  /** YYYY-MM-DD of the commit, when GitHub gives one. */
  date?: string;
}

export interface CommitDigest {
  readiness: Readiness;
  coverage?: DigestCoverage;
}

export interface MilestoneProgress {
  title: string;
  due?: string;
  done: number;
  total: number;
}

export interface ReadinessSource {
  /** The App's installation on the repository, or undefined when it has none there. */
  repo(name: RepoName): Promise<RepoAccess | undefined>;
  /** The newest `count` commits of `branch`, newest first; undefined when the branch does not exist. */
  commits(access: RepoAccess, name: RepoName, branch: string, count: number): Promise<CommitRef[] | undefined>;
  digest(access: RepoAccess, name: RepoName, sha: string): Promise<CommitDigest | undefined>;
  pulls(access: RepoAccess, name: RepoName, count: number): Promise<PullVerdict[]>;
  milestones(access: RepoAccess, name: RepoName, count: number): Promise<MilestoneProgress[]>;
}

export interface SourceSettings {
  appId: number;
  checkName: string;
}

type Run = Awaited<ReturnType<ProbotOctokit['rest']['checks']['listForRef']>>['data']['check_runs'][number];

/** Treats the statuses GitHub answers for "no such thing here" as undefined. */
async function absentOn<T>(statuses: number[], read: () => Promise<T>): Promise<T | undefined> {
  try {
    return await read();
  } catch (error) {
    if (statuses.includes(httpStatus(error) ?? 0)) return undefined;
    throw error;
  }
}

export function githubSource(app: Pick<Probot, 'auth'>, settings: SourceSettings): ReadinessSource {
  const { appId, checkName } = settings;

  async function ownRuns(access: RepoAccess, name: RepoName, sha: string): Promise<Run[]> {
    const octokit = await app.auth(access.installationId);
    const { data } = await octokit.rest.checks.listForRef({
      ...name,
      ref: sha,
      check_name: checkName,
      app_id: appId,
      filter: 'all',
      per_page: 100,
    });
    return data.check_runs
      .filter((r) => r.name === checkName && r.head_sha === sha && r.app?.id === appId)
      .sort((a, b) => (b.started_at ?? '').localeCompare(a.started_at ?? '') || b.id - a.id);
  }

  function digestOf(runs: Run[], sha: string): CommitDigest | undefined {
    for (const run of runs) {
      if (run.status !== 'completed') continue;
      const result = decodeDigest(run.output.summary, `the ${checkName} check run on ${sha.slice(0, 7)}`);
      if ('problem' in result || result.sha !== sha || !result.readiness) continue;
      return { readiness: result.readiness, ...(result.coverage && { coverage: result.coverage }) };
    }
    return undefined;
  }

  return {
    async repo(name) {
      const jwt = await app.auth();
      const installation = await absentOn([404], () => jwt.rest.apps.getRepoInstallation({ ...name }));
      if (!installation) return undefined;
      const octokit = await app.auth(installation.data.id);
      const repo = await absentOn([403, 404], () => octokit.rest.repos.get({ ...name }));
      if (!repo) return undefined;
      return {
        installationId: installation.data.id,
        fullName: repo.data.full_name,
        restricted: repo.data.private || repo.data.visibility === 'internal',
        defaultBranch: repo.data.default_branch,
      };
    },

    async commits(access, name, branch, count) {
      const octokit = await app.auth(access.installationId);
      // 404: no such branch; 409: an empty repository.
      const listed = await absentOn([404, 409, 422], () =>
        octokit.rest.repos.listCommits({ ...name, sha: branch, per_page: count }),
      );
      return listed?.data.map((c) => {
        const date = c.commit.committer?.date ?? c.commit.author?.date;
        return { sha: c.sha, ...(date && { date: date.slice(0, 10) }) };
      });
    },

    async digest(access, name, sha) {
      return digestOf(await ownRuns(access, name, sha), sha);
    },

    async pulls(access, name, count) {
      const octokit = await app.auth(access.installationId);
      const { data } = await octokit.rest.pulls.list({
        ...name,
        state: 'open',
        sort: 'updated',
        direction: 'desc',
        per_page: count,
      });
      return Promise.all(
        data.map(async (pull): Promise<PullVerdict> => {
          // The newest run says where the pull request stands: one in progress is pending.
          const [newest] = await ownRuns(access, name, pull.head.sha);
          const digest = newest && digestOf([newest], pull.head.sha);
          const verdict = newest?.status !== 'completed' ? 'pending' : (digest?.readiness.verdict ?? verdictOf(newest));
          return {
            number: pull.number,
            title: pull.title,
            url: pull.html_url,
            verdict,
            ...(digest && { level: digest.readiness.level }),
          };
        }),
      );
    },

    async milestones(access, name, count) {
      const octokit = await app.auth(access.installationId);
      const { data } = await octokit.rest.issues.listMilestones({
        ...name,
        state: 'all',
        sort: 'due_on',
        direction: 'desc',
        per_page: count,
      });
      return data.reverse().map((m) => ({
        title: m.title,
        ...(m.due_on && { due: m.due_on.slice(0, 10) }),
        done: m.closed_issues,
        total: m.open_issues + m.closed_issues,
      }));
    },
  };
}

/** A completed run without a readable digest, by its conclusion. */
function verdictOf(run: Run): PullVerdict['verdict'] {
  if (run.conclusion === 'success') return 'pass';
  if (run.conclusion === 'failure') return 'fail';
  if (run.conclusion === 'neutral') return 'warn';
  return 'pending';
}
