/**
 * The badges' and the page's reads from GitHub, cached per process (ttl-cache.ts): the App's
 * installation and the repository's visibility, a branch's newest commits, each commit's digest,
 * the open pull requests' verdicts and the milestones. A commit's digest that is there is kept
 * longer than one that is not yet (its run may be about to complete).
 *
 * "Latest" is the newest of a branch's last few commits whose run carries a readiness digest, so
 * a badge does not turn grey while CI runs on a fresh push.
 */
import type { PullVerdict } from '../../core/render/page-model.js';
import type { CommitDigest, CommitRef, MilestoneProgress, ReadinessSource, RepoAccess } from './github-source.js';
import { repoKey, type RepoName } from './names.js';
import { TtlCache, type Shared } from './ttl-cache.js';

export interface DataSettings {
  /** Commits in the page's trend (default 20). */
  trendCommits: number;
  /** Commits a badge looks back through for one with a digest (default 5). */
  badgeCommits: number;
  /** Open pull requests on the page (default 20) and milestones (default 30). */
  pulls: number;
  milestones: number;
  /** How long what GitHub said is kept (default 5 minutes), and a commit with no digest yet (1 minute). */
  ttlMs: number;
  missTtlMs: number;
  /** Digest reads at once for the trend (default 4). */
  concurrency: number;
}

export const DEFAULT_DATA_SETTINGS: DataSettings = {
  trendCommits: 20,
  badgeCommits: 5,
  pulls: 20,
  milestones: 30,
  ttlMs: 5 * 60_000,
  missTtlMs: 60_000,
  concurrency: 4,
};

export interface DigestAt {
  commit: CommitRef;
  digest: CommitDigest;
}

export class ReadinessData {
  readonly settings: DataSettings;
  readonly #repos: TtlCache<RepoAccess | undefined>;
  readonly #commits: TtlCache<CommitRef[] | undefined>;
  readonly #digests: TtlCache<CommitDigest | undefined>;
  readonly #pulls: TtlCache<PullVerdict[]>;
  readonly #milestones: TtlCache<MilestoneProgress[]>;

  constructor(
    private readonly source: ReadinessSource,
    now: () => number,
    settings: Partial<DataSettings> = {},
    /** Redis with REDIS_URL: the replicas share what they read (ttl-cache.ts). */
    shared?: Omit<Shared, 'namespace'>,
  ) {
    this.settings = { ...DEFAULT_DATA_SETTINGS, ...settings };
    const sharing = (namespace: string) => shared && { ...shared, namespace };
    this.#repos = new TtlCache(now, undefined, sharing('repo'));
    this.#commits = new TtlCache(now, undefined, sharing('commits'));
    this.#digests = new TtlCache(now, 20_000, sharing('digest'));
    this.#pulls = new TtlCache(now, undefined, sharing('pulls'));
    this.#milestones = new TtlCache(now, undefined, sharing('milestones'));
  }

  repo(name: RepoName): Promise<RepoAccess | undefined> {
    return this.#repos.get(repoKey(name), async () => ({
      value: await this.source.repo(name),
      ttlMs: this.settings.ttlMs,
    }));
  }

  /** The newest commit among the branch's last few with a readiness digest. */
  async latest(access: RepoAccess, name: RepoName, branch: string): Promise<DigestAt | undefined> {
    const commits = (await this.#branch(access, name, branch)).slice(0, this.settings.badgeCommits);
    for (const commit of commits) {
      const digest = await this.#digest(access, name, commit.sha);
      if (digest) return { commit, digest };
    }
    return undefined;
  }

  /** The branch's last commits that have a readiness digest, newest first. */
  async trend(access: RepoAccess, name: RepoName, branch: string): Promise<DigestAt[]> {
    const commits = await this.#branch(access, name, branch);
    const digests = await mapLimited(commits, this.settings.concurrency, (c) => this.#digest(access, name, c.sha));
    return commits.flatMap((commit, i) => (digests[i] ? [{ commit, digest: digests[i] }] : []));
  }

  pulls(access: RepoAccess, name: RepoName): Promise<PullVerdict[]> {
    return this.#pulls.get(repoKey(name), async () => ({
      value: await this.source.pulls(access, name, this.settings.pulls),
      ttlMs: this.settings.ttlMs,
    }));
  }

  milestones(access: RepoAccess, name: RepoName): Promise<MilestoneProgress[]> {
    return this.#milestones.get(repoKey(name), async () => ({
      value: await this.source.milestones(access, name, this.settings.milestones),
      ttlMs: this.settings.ttlMs,
    }));
  }

  async #branch(access: RepoAccess, name: RepoName, branch: string): Promise<CommitRef[]> {
    const count = Math.max(this.settings.trendCommits, this.settings.badgeCommits);
    const commits = await this.#commits.get(`${repoKey(name)}@${branch}`, async () => ({
      value: await this.source.commits(access, name, branch, count),
      ttlMs: this.settings.ttlMs,
    }));
    return commits ?? [];
  }

  #digest(access: RepoAccess, name: RepoName, sha: string): Promise<CommitDigest | undefined> {
    return this.#digests.get(`${repoKey(name)}@${sha}`, async () => {
      const value = await this.source.digest(access, name, sha);
      return { value, ttlMs: value ? this.settings.ttlMs : this.settings.missTtlMs };
    });
  }
}

/** `fn` over `items`, at most `limit` at a time, results in order. */
async function mapLimited<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}
