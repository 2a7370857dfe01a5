/**
 * Whether a request may see a repository's readiness, and on which branch: the App must be
 * installed on it, and a private or internal repository needs `?token=` signed for it
 * (token.ts). Every refusal is the same "unknown", so a badge URL never tells whether a private
 * repository exists. `?branch=` defaults to the repository's default branch.
 */
import type { RepoAccess } from './github-source.js';
import { isBranchName, type RepoName } from './names.js';
import type { ReadinessData } from './readiness-data.js';
import { verifyRepoToken } from './token.js';

export type Opened =
  { kind: 'open'; access: RepoAccess; branch: string } | { kind: 'unknown' } | { kind: 'bad-branch' };

export async function openRepo(
  data: ReadinessData,
  secret: string | undefined,
  name: RepoName,
  params: URLSearchParams,
): Promise<Opened> {
  const branch = params.get('branch');
  if (branch !== null && !isBranchName(branch)) return { kind: 'bad-branch' };
  const access = await data.repo(name);
  if (!access) return { kind: 'unknown' };
  if (access.restricted && !verifyRepoToken(secret, name, params.get('token'))) return { kind: 'unknown' };
  return { kind: 'open', access, branch: branch ?? access.defaultBranch };
}

/** Five minutes, as shields.io asks of endpoints; a private repository's answer is for that client only. */
export function cacheFor(access: RepoAccess | undefined): string {
  return `${access?.restricted ? 'private' : 'public'}, max-age=300`;
}
