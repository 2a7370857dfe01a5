/**
 * GitHub access for CLI commands that need it only sometimes (a policy's `_extends`): built on
 * first use, so `readygate check` on a self-contained policy never loads Octokit.
 */
import type { RemoteAccess } from '../check/config-source.js';
import { UsageError } from '../core/errors.js';
import type { CliIO } from './io.js';
import { str, type FlagsOf } from './options.js';

export const DEFAULT_API = 'https://api.github.com';

/** The flags of every command that may read GitHub. */
export const GITHUB_OPTIONS = { repo: str, token: str, 'api-url': str } as const;
export type GitHubFlags = FlagsOf<typeof GITHUB_OPTIONS>;

export const GITHUB_FLAGS_HELP = `  --repo OWNER/REPO    repository (default: GITHUB_REPOSITORY, else the git remote "origin")
  --token TOKEN        GitHub token (default: GITHUB_TOKEN)
  --api-url URL        API base, for GitHub Enterprise Server (default: GITHUB_API_URL or ${DEFAULT_API})
`;

export function remoteAccess(root: string, flags: GitHubFlags, io: CliIO): RemoteAccess {
  return async () => {
    const token = flags.token ?? io.env.GITHUB_TOKEN;
    if (!token) return { unavailable: 'no GitHub token: set GITHUB_TOKEN or pass --token' };
    const { repoRef } = await import('./roadmap-source.js');
    let repo;
    try {
      repo = repoRef(root, flags.repo ?? io.env.GITHUB_REPOSITORY);
    } catch (error) {
      if (error instanceof UsageError) return { unavailable: error.message };
      throw error;
    }
    const { createOctokit } = await import('../github/octokit.js');
    const baseUrl = flags['api-url'] ?? io.env.GITHUB_API_URL ?? DEFAULT_API;
    return { octokit: createOctokit({ token, baseUrl, log: { warn: (m) => io.stderr(`warning: ${m}\n`) } }), repo };
  };
}
