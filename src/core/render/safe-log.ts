/**
 * Log text that cannot run workflow commands. The runner reads two forms from stdout: a line
 * starting with `::` (`::set-env`, `::add-mask::`, `::error`, leading whitespace allowed) and the
 * legacy form `##[command]data`, which it finds anywhere in a line (`##[set-output name=x]y`,
 * `##[add-mask]secret`). Report text (test names, messages, paths) echoed to the log could inject
 * either. Text that holds `::` or `##[` is wrapped in `::stop-commands::<token>` … `::<token>::`
 * with a fresh random token that does not occur in the text: the runner's own mechanism for
 * echoing untrusted output, which suspends both forms until the token comes back. The Action's log
 * lines and, under Actions (`GITHUB_ACTIONS=true`), everything the CLI prints go through here.
 */

/**
 * A fresh random token. Web Crypto's global, which Node loads on first use: importing node:crypto
 * here cost every CLI command (this module is loaded by all of them) its start-up share, for a
 * token only a run under Actions ever needs.
 */
const randomUUID = (): string => globalThis.crypto.randomUUID();

/** True when the text holds something the runner could read as a workflow command. */
export function mayHoldCommand(text: string): boolean {
  return text.includes('::') || text.includes('##[');
}

export function safeLines(text: string, token: () => string = randomUUID): string[] {
  if (!mayHoldCommand(text)) return [text];
  let t = token();
  while (text.includes(t)) t = token();
  return [`::stop-commands::${t}`, text, `::${t}::`];
}

/**
 * The runner splits its log at `\n`, `\r\n` and a lone `\r`, and trims each line with .NET's
 * `Trim()` (Unicode white space, U+0085 included) before looking for a leading `::`.
 */
const LINE_BREAK = /\r\n?|\n/;
const LEADING_COMMAND = /^[\s\u0085]*::/;

/** True when some line of the text would run a workflow command: `::` after white space, or `##[` anywhere. */
export function holdsCommand(text: string): boolean {
  return text.split(LINE_BREAK).some((line) => LEADING_COMMAND.test(line) || line.includes('##['));
}

/**
 * A JSON document printed whole keeps its value and stays parseable: `#` becomes `\u0023` inside
 * its strings (the only place `#` can be in JSON), and no line of JSON can start with `::`.
 */
function jsonWithoutCommands(text: string): string | undefined {
  const start = text.trimStart()[0];
  if ((start !== '{' && start !== '[') || !text.includes('##[')) return undefined;
  try {
    JSON.parse(text);
  } catch (error) {
    if (error instanceof SyntaxError) return undefined;
    throw error;
  }
  return text.replaceAll('##[', '#\\u0023[');
}

/**
 * Wraps a stream writer (the CLI's stdout or stderr under GitHub Actions) so that no write can run
 * a workflow command, even one split across writes: a write that would complete a command line is
 * put on lines of its own between `::stop-commands::<token>` and `::<token>::`.
 */
export function commandSafeWriter(
  write: (text: string) => void,
  token: () => string = randomUUID,
): (text: string) => void {
  let partial = ''; // the text of the current, unfinished line
  return (raw) => {
    const text = jsonWithoutCommands(raw) ?? raw;
    const combined = partial + text;
    if (!holdsCommand(combined)) {
      write(text);
      partial = combined.split(LINE_BREAK).at(-1) ?? '';
      return;
    }
    let t = token();
    while (combined.includes(t)) t = token();
    const open = `${partial ? '\n' : ''}::stop-commands::${t}\n`;
    write(`${open}${text}${/[\r\n]$/.test(text) ? '' : '\n'}::${t}::\n`);
    partial = '';
  };
}
