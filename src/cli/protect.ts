/** `readygate protect`: require the readygate check on the default branch, and say what changed. */
import { resolve } from 'node:path';
import { UsageError } from '../core/errors.js';
import { createOctokit } from '../github/octokit.js';
import { describeProtection } from '../github/protection-text.js';
import { protectDefaultBranch } from '../github/protection.js';
import { EXIT, type CliIO } from './io.js';
import { bool, defineCommand, str, type FlagsOf } from './options.js';
import { DEFAULT_API, GITHUB_FLAGS_HELP, GITHUB_OPTIONS } from './remote.js';
import { repoRef } from './roadmap-source.js';

export const PROTECT_HELP = `Usage: readygate protect [options]

Makes the readygate check required on the default branch: adds it to the branch protection's
required status checks, else to an active repository ruleset's required_status_checks rule, else
creates a ruleset "readygate" for the default branch. Never removes a required check. Needs a
token of a repository admin.

Options:
  --check-name NAME    check to require (default: readygate)
  --app-id ID          require it from this GitHub App (the readygate App's id); a required
                       check any app may set is pinned to it
  --dry-run            print what would change; change nothing
${GITHUB_FLAGS_HELP}  --cwd DIR            repository root, for the origin remote (default: the current directory)
  -h, --help           show this help
`;

export const PROTECT_OPTIONS = {
  'check-name': str,
  'app-id': str,
  'dry-run': bool,
  ...GITHUB_OPTIONS,
  cwd: str,
} as const;

export type ProtectFlags = FlagsOf<typeof PROTECT_OPTIONS>;

export const protectCli = defineCommand({
  help: PROTECT_HELP,
  options: PROTECT_OPTIONS,
  run: (flags, _positionals, io) => protectCommand(flags, io),
});

export async function protectCommand(flags: ProtectFlags, io: CliIO): Promise<number> {
  const token = flags.token ?? io.env.GITHUB_TOKEN;
  if (!token) throw new UsageError('no GitHub token: set GITHUB_TOKEN or pass --token (an admin of the repository)');
  const appId = flags['app-id'] === undefined ? undefined : Number(flags['app-id']);
  if (appId !== undefined && (!Number.isSafeInteger(appId) || appId <= 0))
    throw new UsageError(`--app-id must be a GitHub App's numeric id, not "${flags['app-id']}"`);
  const checkName = flags['check-name'] ?? 'readygate';
  if (!checkName.trim()) throw new UsageError('--check-name must not be empty');
  const repo = repoRef(resolve(io.cwd, flags.cwd ?? '.'), flags.repo ?? io.env.GITHUB_REPOSITORY);
  const octokit = createOctokit({
    token,
    baseUrl: flags['api-url'] ?? io.env.GITHUB_API_URL ?? DEFAULT_API,
    log: { warn: (m) => io.stderr(`warning: ${m}\n`) },
  });
  const change = await protectDefaultBranch(octokit, repo, { checkName, appId, dryRun: flags['dry-run'] === true });
  io.stdout(`${repo.owner}/${repo.repo}: ${describeProtection(change, checkName)}`);
  return EXIT.ok;
}
