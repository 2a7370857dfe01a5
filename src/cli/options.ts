/**
 * A command's flags, declared once: `parseArgs` reads the same declaration the command's flag
 * type is derived from, so a flag and its type cannot drift apart. A flag with `choices` is checked
 * here and typed as the union of its choices.
 *
 * @example
 * const OPTIONS = { out: str, format: oneOf('text', 'json') } as const;
 * type Flags = FlagsOf<typeof OPTIONS>; // { out?: string; format?: 'text' | 'json' }
 */
import { parseArgs } from 'node:util';
import { closest } from '../config/suggest.js';
import { UsageError, describeError } from '../core/errors.js';
import type { CliIO } from './io.js';

export type OptionSpec =
  | { readonly type: 'boolean' }
  | { readonly type: 'string'; readonly multiple?: true; readonly choices?: readonly string[] };

export type OptionSpecs = Readonly<Record<string, OptionSpec>>;

type ValueOf<S extends OptionSpec> = S extends { type: 'boolean' }
  ? boolean
  : S extends { multiple: true }
    ? string[]
    : S extends { choices: readonly (infer C)[] }
      ? C
      : string;

/** The flags a command receives: every declared option, each optional, typed by its declaration. */
export type FlagsOf<O extends OptionSpecs> = { -readonly [K in keyof O]?: ValueOf<O[K]> };

export const str = { type: 'string' } as const;
export const list = { type: 'string', multiple: true } as const;
export const bool = { type: 'boolean' } as const;
export function oneOf<const C extends readonly string[]>(...choices: C): { type: 'string'; choices: C } {
  return { type: 'string', choices };
}

/** One command: its help, its options, and what it does with the flags parsed from them. */
export interface CliCommand<O extends OptionSpecs> {
  help: string;
  options: O;
  /** Whether bare arguments (not flags) are accepted. */
  positionals?: boolean;
  run(flags: FlagsOf<O>, positionals: string[], io: CliIO): number | Promise<number>;
}

/** Declares a command; the identity function, there so `run`'s flags are typed from `options`. */
export function defineCommand<const O extends OptionSpecs>(command: CliCommand<O>): CliCommand<O> {
  return command;
}

export interface Parsed<O extends OptionSpecs> {
  flags: FlagsOf<O>;
  positionals: string[];
  help: boolean;
}

/**
 * The command line of `readygate <name>` parsed against the command's options (plus -h/--help).
 * An unknown flag gets the closest declared one ("did you mean"); a value outside a flag's choices
 * names them.
 */
export function parseFlags<O extends OptionSpecs>(name: string, command: CliCommand<O>, args: readonly string[]) {
  let values: Record<string, string | boolean | string[] | undefined>;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: [...args],
      options: { ...command.options, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: command.positionals === true,
    }));
  } catch (error) {
    throw new UsageError(usageMessage(error, name, Object.keys(command.options), command.help), { cause: error });
  }
  const { help, ...flags } = values;
  for (const [flag, spec] of Object.entries(command.options)) {
    const value = flags[flag];
    if (spec.type === 'string' && spec.choices && typeof value === 'string' && !spec.choices.includes(value))
      throw new UsageError(`--${flag} must be ${alternatives(spec.choices)}, not "${value}"`);
  }
  // parseArgs gives each option the value its declaration says (string, string[] or boolean), and
  // choices were checked above: the flags are what FlagsOf<O> describes.
  return { flags: flags as FlagsOf<O>, positionals, help: help === true } satisfies Parsed<O>;
}

/** "a", "a or b", "a, b or c". */
function alternatives(choices: readonly string[]): string {
  return choices.length <= 1 ? (choices[0] ?? '') : `${choices.slice(0, -1).join(', ')} or ${choices.at(-1)}`;
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
