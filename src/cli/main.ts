/**
 * The CLI front door: parse arguments, run one command, turn any error into one clear message and
 * an exit code (0 ready, 1 gates failed, 2 usage or config error). Never a stack trace.
 */
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { closest } from '../config/suggest.js';
import { ConfigError, ReadygateError, UsageError, describeError } from '../core/errors.js';
import { commandSafeWriter } from '../core/render/safe-log.js';
import { VERSION } from '../version.js';
import { EXIT, type CliIO } from './io.js';

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

const list = { type: 'string', multiple: true } as const;
const str = { type: 'string' } as const;
const bool = { type: 'boolean' } as const;

type Values = Record<string, unknown>;
interface Command {
  help: string;
  run(values: Values, positionals: string[], io: CliIO): number | Promise<number>;
}

/**
 * Each command's module is imported only when that command runs: start-up time is part of the
 * product (`readygate check` on small reports must finish in well under 300 ms), and the roadmap
 * command alone pulls in the Markdown parser and Octokit.
 */
const COMMANDS = {
  check: {
    load: async (): Promise<Command> => {
      const m = await import('./check.js');
      return { help: m.CHECK_HELP, run: (v, _p, io) => m.checkCommand(v, io) };
    },
    options: {
      config: str,
      coverage: list,
      tests: list,
      audit: list,
      lint: list,
      base: str,
      diff: str,
      branch: str,
      format: str,
      out: str,
      'markdown-out': str,
      cwd: str,
      repo: str,
      token: str,
      'api-url': str,
    },
  },
  init: {
    load: async (): Promise<Command> => {
      const m = await import('./init.js');
      return { help: m.INIT_HELP, run: (v, _p, io) => m.initCommand(v, io) };
    },
    options: { config: str, force: bool, cwd: str },
  },
  validate: {
    load: async (): Promise<Command> => {
      const m = await import('./validate.js');
      return { help: m.VALIDATE_HELP, run: (v, _p, io) => m.validateCommand(v, io) };
    },
    options: { config: str, cwd: str, repo: str, token: str, 'api-url': str },
  },
  formats: {
    load: async (): Promise<Command> => {
      const m = await import('./formats.js');
      return { help: m.FORMATS_HELP, run: (v, _p, io) => m.formatsCommand(v, io) };
    },
    options: { format: str },
  },
  roadmap: {
    load: async (): Promise<Command> => {
      const m = await import('./roadmap.js');
      return { help: m.ROADMAP_HELP, run: (v, p, io) => m.roadmapCommand(p, v, io) };
    },
    options: {
      file: list,
      config: str,
      repo: str,
      token: str,
      'api-url': str,
      'dry-run': bool,
      'cache-dir': str,
      'no-cache': bool,
      format: str,
      cwd: str,
    },
  },
  report: {
    load: async (): Promise<Command> => {
      const m = await import('./report.js');
      return { help: m.REPORT_HELP, run: (v, p, io) => m.reportCommand(v, p, io) };
    },
    options: {
      report: str,
      history: list,
      commit: str,
      repo: str,
      config: str,
      out: str,
      'markdown-out': str,
      cwd: str,
    },
  },
  protect: {
    load: async (): Promise<Command> => {
      const m = await import('./protect.js');
      return { help: m.PROTECT_HELP, run: (v, _p, io) => m.protectCommand(v, io) };
    },
    options: {
      'check-name': str,
      'app-id': str,
      'dry-run': bool,
      repo: str,
      token: str,
      'api-url': str,
      cwd: str,
    },
  },
} as const;

type CommandName = keyof typeof COMMANDS;

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
  const name: CommandName = first === undefined || first.startsWith('-') ? 'check' : (first as CommandName);
  const args = first === undefined || first.startsWith('-') ? argv : rest;
  const spec = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!spec) throw new UsageError(`unknown command "${first}"\n\n${HELP}`);
  const command = await spec.load();
  let values: Values;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: [...args],
      options: { ...spec.options, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: name === 'roadmap' || name === 'report',
    }));
  } catch (error) {
    throw new UsageError(usageMessage(error, name, Object.keys(spec.options), command.help), { cause: error });
  }
  if (values.help) {
    io.stdout(command.help);
    return EXIT.ok;
  }
  if (typeof values.cwd === 'string') {
    // One rule for every path on the command line: relative to --cwd, as if readygate started there.
    io = { ...io, cwd: existingDirectory(resolve(io.cwd, values.cwd), values.cwd) };
    values = { ...values, cwd: undefined };
  }
  return command.run(values, positionals, io);
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

/**
 * parseArgs's error in a line: an unknown flag gets the command's closest flag ("did you mean"),
 * other mistakes the command's help.
 */
function usageMessage(error: unknown, command: string, flags: readonly string[], help: string): string {
  const code = (error as { code?: unknown }).code;
  const unknown =
    code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' ? /'(-{1,2}[^']*)'/.exec(describeError(error))?.[1] : undefined;
  if (unknown === undefined) return `${describeError(error)}\n\n${help}`;
  const guess = closest(unknown.replace(/^-+/, '').split('=')[0]!, [...flags, 'help']);
  return `unknown option ${unknown} for \`readygate ${command}\`${guess ? `: did you mean --${guess}?` : ''}\nRun \`readygate ${command} --help\` for its options.`;
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
