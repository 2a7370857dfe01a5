/** `readygate validate`: check a config file and say what is wrong, with lines. */
import { resolve } from 'node:path';
import { requiredLevel } from '../core/gates/evaluate.js';
import { DEFAULT_CONFIG_PATH, loadConfigFile } from '../check/config-source.js';
import { EXIT, type CliIO } from './io.js';
import { defineCommand, str, type FlagsOf } from './options.js';
import { GITHUB_FLAGS_HELP, GITHUB_OPTIONS, remoteAccess } from './remote.js';

export const VALIDATE_HELP = `Usage: readygate validate [--config FILE] [--cwd DIR] [--repo OWNER/REPO] [--token TOKEN]

Checks a readiness config (default: .github/readygate.yml) against the schema. A config with
_extends is checked merged over its bases, read through the API (with a token and repository).

${GITHUB_FLAGS_HELP}
Exit codes: 0 valid, 2 invalid or unreadable.
`;

export const VALIDATE_OPTIONS = { config: str, cwd: str, ...GITHUB_OPTIONS } as const;

export const validateCli = defineCommand({
  help: VALIDATE_HELP,
  options: VALIDATE_OPTIONS,
  run: (flags, _positionals, io) => validateCommand(flags, io),
});

export async function validateCommand(flags: FlagsOf<typeof VALIDATE_OPTIONS>, io: CliIO): Promise<number> {
  const root = resolve(io.cwd, flags.cwd ?? '.');
  const path = flags.config ?? DEFAULT_CONFIG_PATH;
  const remote = remoteAccess(root, flags, io);
  const { config, notices } = flags.config
    ? await loadConfigFile(io.cwd, flags.config, remote)
    : await loadConfigFile(root, path, remote);
  for (const notice of notices) io.stdout(`note: ${notice}\n`);
  const levels = Object.keys(config.levels);
  const signals = Object.keys(config.reports).filter(
    (k) => (config.reports as Record<string, unknown[] | undefined>)[k]?.length,
  );
  if (levels.length === 0) {
    io.stdout(`${path} is valid: roadmap sync only (no levels: \`readygate check\` has nothing to gate)\n`);
    return EXIT.ok;
  }
  io.stdout(
    `${path} is valid: levels ${levels.join(' < ')}; required ${requiredLevel(config, undefined)}; reports for ${signals.join(', ') || 'no signal'}\n`,
  );
  return EXIT.ok;
}
