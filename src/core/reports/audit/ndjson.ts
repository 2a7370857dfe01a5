/**
 * Newline-delimited JSON (yarn's `--json` output): streamed line by line, each line parsed on its
 * own so that an error names the line, and a line longer than the limit is refused before it is held.
 */
import { forEachLine } from '../../stream/text.js';
import { parseJsonText } from '../../stream/json.js';
import type { ParseContext } from '../types.js';

export async function forEachJsonLine(ctx: ParseContext, onValue: (value: unknown, lineNo: number) => void): Promise<number> {
  let values = 0;
  await forEachLine(ctx.source, ctx.limits.maxLineBytes, (line, lineNo) => {
    if (line.trim() === '') return;
    values++;
    onValue(parseJsonText(ctx.source.path, line, lineNo - 1), lineNo);
  });
  return values;
}
