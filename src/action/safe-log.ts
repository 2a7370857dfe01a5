/**
 * Log text that cannot run workflow commands. Any stdout line starting with `::` is a command
 * (`::set-env`, `::add-mask::`, `::error`), so report text (test names, messages, paths) echoed to
 * the log could inject one. Text containing `::` is wrapped in `::stop-commands::<token>` …
 * `::<token>::` with a fresh random token that does not occur in the text, the runner's own
 * mechanism for echoing untrusted output.
 */
import { randomUUID } from 'node:crypto';

export function safeLines(text: string, token: () => string = randomUUID): string[] {
  if (!text.includes('::')) return [text];
  let t = token();
  while (text.includes(t)) t = token();
  return [`::stop-commands::${t}`, text, `::${t}::`];
}
