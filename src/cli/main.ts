/**
 * The CLI front door: parse arguments, run one command, turn any error into one clear message and
 * an exit code (0 ready, 1 gates failed, 2 usage or config error). Never a stack trace.
 */
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { ConfigError, ReadygateError, UsageError, describeError } from '../core/errors.js';
import { commandSafeWriter } from '../core/render/safe-log.js';
import { VERSION } from '../version.js';
import { EXIT, type CliIO } from './io.js';
import { parseFlags, type CliCommand, type OptionSpecs } from './options.js';

const HELP = `readygate ${VERSION}: one readiness verdict from coverage, test, audit and lint reports

Usage: readygate <command> [options]

Commands:
  check      evaluate reports against the readiness policy (default command)
  init       write a starter .github/readygate.yml from the reports found
  validate   check a config file
  formats    list the report formats readygate reads
  roadmap    plan, sync or pull roadmap files against GitHub issues and milestones
  report     write the readiness page (HTML and Markdown) from a JSON report
  protect    require the readygate check on the default branch (branch protection or ruleset)

Run \`readygate <command> --help\` for a command's options.
`;

/**
 * Each command's module is imported only when that command runs: start-up time is part of the
 * product (`readygate check` on small reports must finish in well under 300 ms), and the roadmap
 * command alone pulls in the Markdown parser and Octokit. Each module declares its own options.
 */
const COMMANDS = {
  check: async () => (await import('./check.js')).checkCli,
  init: async () => (await import('./init.js')).initCli,
  validate: async () => (await import('./validate.js')).validateCli,
  formats: async () => (await import('./formats.js')).formatsCli,
  roadmap: async () => (await import('./roadmap.js')).roadmapCli,
  report: async () => (await import('./report.js')).reportCli,
  protect: async () => (await import('./protect.js')).protectCli,
} satisfies Record<string, () => Promise<CliCommand<OptionSpecs>>>;

function isCommand(name: string): name is keyof typeof COMMANDS {
  return Object.hasOwn(COMMANDS, name);
}

export async function main(argv: readonly string[], given: CliIO): Promise<number> {
  // In an Actions step the runner executes workflow commands it reads in the log, and report
  // text (failure messages, test names) is printed here: none of it may run as a command.
  const io =
    given.env.GITHUB_ACTIONS === 'true'
      ? { ...given, stdout: commandSafeWriter(given.stdout), stderr: commandSafeWriter(given.stderr) }
      : given;
  try {
    return await dispatch(argv, io);
  } catch (error) {
    return fail(error, io);
  }
}

async function dispatch(argv: readonly string[], given: CliIO): Promise<number> {
  let io = given;
  const [first, ...rest] = argv;
  if (first === '--help' || first === '-h' || first === 'help') {
    io.stdout(HELP);
    return EXIT.ok;
  }
  if (first === '--version' || first === '-v') {
    io.stdout(`${VERSION}\n`);
    return EXIT.ok;
  }
  const name = first === undefined || first.startsWith('-') ? 'check' : first;
  const args = first === undefined || first.startsWith('-') ? argv : rest;
  const load = isCommand(name) ? COMMANDS[name] : undefined;
  if (!load) throw new UsageError(`unknown command "${first}"\n\n${HELP}`);
  const command: CliCommand<OptionSpecs> = await load();
  const { flags, positionals, help } = parseFlags(name, command, args);
  if (help) {
    io.stdout(command.help);
    return EXIT.ok;
  }
  if (typeof flags.cwd === 'string') {
    // One rule for every path on the command line: relative to --cwd, as if readygate started there.
    io = { ...io, cwd: existingDirectory(resolve(io.cwd, flags.cwd), flags.cwd) };
    delete flags.cwd;
  }
  return command.run(flags, positionals, io);
}

function existingDirectory(dir: string, given: string): string {
  let isDirectory = false;
  try {
    isDirectory = statSync(dir).isDirectory();
  } catch (error) {
    throw new UsageError(`--cwd ${given}: no such directory (${describeError(error)})`, { cause: error });
  }
  if (!isDirectory) throw new UsageError(`--cwd ${given}: not a directory`);
  return dir;
}

function fail(error: unknown, io: CliIO): number {
  if (error instanceof ConfigError) {
    io.stderr(
      `readygate: ${error.message}\n${error.issues.map((i) => `  ${i.replace(/\n/g, '\n  ')}`).join('\n')}${error.issues.length ? '\n' : ''}`,
    );
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
