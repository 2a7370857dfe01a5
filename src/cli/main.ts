/**
 * The CLI front door: parse arguments, run one command, turn any error into one clear message and
 * an exit code (0 ready, 1 gates failed, 2 usage or config error). Never a stack trace.
 */
import { parseArgs } from 'node:util';
import { ConfigError, ReadygateError, UsageError, describeError } from '../core/errors.js';
import { VERSION } from '../version.js';
import { CHECK_HELP, checkCommand } from './check.js';
import { FORMATS_HELP, formatsCommand } from './formats.js';
import { INIT_HELP, initCommand } from './init.js';
import { ROADMAP_HELP, roadmapCommand } from './roadmap.js';
import { EXIT, type CliIO } from './io.js';
import { VALIDATE_HELP, validateCommand } from './validate.js';

const HELP = `readygate ${VERSION}: one readiness verdict from coverage, test, audit and lint reports

Usage: readygate <command> [options]

Commands:
  check      evaluate reports against the readiness policy (default command)
  init       write a starter .github/readygate.yml from the reports found
  validate   check a config file
  formats    list the report formats readygate reads
  roadmap    plan, sync or pull roadmap files against GitHub issues and milestones

Run \`readygate <command> --help\` for a command's options.
`;

const list = { type: 'string', multiple: true } as const;
const str = { type: 'string' } as const;
const bool = { type: 'boolean' } as const;

const COMMANDS = {
  check: { help: CHECK_HELP, options: { config: str, coverage: list, tests: list, audit: list, lint: list, base: str, diff: str, branch: str, format: str, out: str, 'markdown-out': str, cwd: str } },
  init: { help: INIT_HELP, options: { config: str, force: bool, cwd: str } },
  validate: { help: VALIDATE_HELP, options: { config: str, cwd: str } },
  formats: { help: FORMATS_HELP, options: { format: str } },
  roadmap: { help: ROADMAP_HELP, options: { file: list, config: str, repo: str, token: str, 'api-url': str, 'dry-run': bool, 'cache-dir': str, 'no-cache': bool, format: str, cwd: str } },
} as const;

type CommandName = keyof typeof COMMANDS;

export async function main(argv: readonly string[], io: CliIO): Promise<number> {
  try {
    return await dispatch(argv, io);
  } catch (error) {
    return fail(error, io);
  }
}

async function dispatch(argv: readonly string[], io: CliIO): Promise<number> {
  const [first, ...rest] = argv;
  if (first === '--help' || first === '-h' || first === 'help') {
    io.stdout(HELP);
    return EXIT.ok;
  }
  if (first === '--version' || first === '-v') {
    io.stdout(`${VERSION}\n`);
    return EXIT.ok;
  }
  const name: CommandName = first === undefined || first.startsWith('-') ? 'check' : (first as CommandName);
  const args = first === undefined || first.startsWith('-') ? argv : rest;
  const command = COMMANDS[name];
  if (!command) throw new UsageError(`unknown command "${first}"\n\n${HELP}`);
  let values: Record<string, unknown>;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({ args: [...args], options: { ...command.options, help: { type: 'boolean', short: 'h' } }, strict: true, allowPositionals: name === 'roadmap' }));
  } catch (error) {
    throw new UsageError(`${describeError(error)}\n\n${command.help}`, { cause: error });
  }
  if (values.help) {
    io.stdout(command.help);
    return EXIT.ok;
  }
  switch (name) {
    case 'check':
      return checkCommand(values, io);
    case 'init':
      return initCommand(values, io);
    case 'validate':
      return validateCommand(values, io);
    case 'formats':
      return formatsCommand(values, io);
    case 'roadmap':
      return roadmapCommand(positionals, values, io);
  }
}

function fail(error: unknown, io: CliIO): number {
  if (error instanceof ConfigError) {
    io.stderr(`readygate: ${error.message}\n${error.issues.map((i) => `  ${i.replace(/\n/g, '\n  ')}`).join('\n')}${error.issues.length ? '\n' : ''}`);
    return EXIT.usage;
  }
  if (error instanceof UsageError) {
    io.stderr(`readygate: ${error.message}\n`);
    return EXIT.usage;
  }
  if (error instanceof ReadygateError) {
    io.stderr(`readygate: ${error.message}\n`);
    return EXIT.usage;
  }
  io.stderr(`readygate: unexpected error: ${describeError(error)}\nPlease report this with the command you ran.\n`);
  return EXIT.usage;
}
