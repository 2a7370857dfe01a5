/**
 * Log text that cannot run workflow commands. The runner reads two forms from stdout: a line
 * starting with `::` (`::set-env`, `::add-mask::`, `::error`, leading whitespace allowed) and the
 * legacy form `##[command]data`, which it finds anywhere in a line (`##[set-output name=x]y`,
 * `##[add-mask]secret`). Report text (test names, messages, paths) echoed to the log could inject
 * either. Text that holds `::` or `##[` is wrapped in `::stop-commands::<token>` … `::<token>::`
 * with a fresh random token that does not occur in the text: the runner's own mechanism for
 * echoing untrusted output, which suspends both forms until the token comes back.
 */
import { randomUUID } from 'node:crypto';

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
