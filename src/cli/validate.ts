/** `readygate validate`: check a config file and say what is wrong, with lines. */
import { resolve } from 'node:path';
import { requiredLevel } from '../core/gates/evaluate.js';
import { DEFAULT_CONFIG_PATH, readConfigFile } from '../check/config-source.js';
import { EXIT, type CliIO } from './io.js';

export const VALIDATE_HELP = `Usage: readygate validate [--config FILE] [--cwd DIR]

Checks a readiness config (default: .github/readygate.yml) against the schema.
Exit codes: 0 valid, 2 invalid or unreadable.
`;

export function validateCommand(flags: { config?: string; cwd?: string }, io: CliIO): number {
  const root = resolve(io.cwd, flags.cwd ?? '.');
  const path = flags.config ?? DEFAULT_CONFIG_PATH;
  const config = flags.config ? readConfigFile(io.cwd, flags.config) : readConfigFile(root, path);
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
