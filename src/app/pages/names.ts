/**
 * What a badge or page URL may name, checked before anything reaches GitHub: an owner of letters,
 * digits, `-` and `_` (up to 39), a repository of letters, digits, `.`, `-` and `_` (up to 100,
 * never `.` or `..`), a branch of the usual safe ref characters with no `..`, `//` or `@{`. A
 * percent-encoded or otherwise odd name is simply not a route (404).
 *
 * @example parseRepoName('acme', 'widgets') // { owner: 'acme', repo: 'widgets' }
 */
const OWNER = /^[A-Za-z0-9][A-Za-z0-9_-]{0,38}$/;
const REPO = /^[A-Za-z0-9._-]{1,100}$/;
const BRANCH = /^[A-Za-z0-9._/+-]{1,255}$/;

export interface RepoName {
  owner: string;
  repo: string;
}

export function parseRepoName(owner: string, repo: string): RepoName | undefined {
  if (!OWNER.test(owner) || !REPO.test(repo) || repo === '.' || repo === '..') return undefined;
  return { owner, repo };
}

export function isBranchName(branch: string): boolean {
  return (
    BRANCH.test(branch) &&
    !branch.includes('..') &&
    !branch.includes('//') &&
    !/^[/.-]|[/.]$|\.lock$/.test(branch) &&
    !branch.split('/').some((part) => part.startsWith('.'))
  );
}

/** The key a repository is cached and signed under: GitHub names are case-insensitive. */
export function repoKey(name: RepoName): string {
  return `${name.owner}/${name.repo}`.toLowerCase();
}
