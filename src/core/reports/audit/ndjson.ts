/**
 * Newline-delimited JSON (yarn's `--json` output): streamed line by line, each line parsed on its
 * own so that an error names the line, and a line longer than the limit is refused before it is held.
 */
import { ReportParseError } from '../../errors.js';
import { forEachLine } from '../../stream/text.js';
import { parseJsonText } from '../../stream/json.js';
import type { ParseContext } from '../types.js';

export async function forEachJsonLine(ctx: ParseContext, onValue: (value: unknown, lineNo: number) => void): Promise<number> {
  let values = 0;
  await forEachLine(ctx.source, ctx.limits.maxLineBytes, (line, lineNo) => {
    if (line.trim() === '') return;
    values++;
    let value: unknown;
    try {
      value = parseJsonText(ctx.source.path, line);
    } catch (error) {
      // One document per line: the error is on this line, whatever position JSON.parse gave.
      if (error instanceof ReportParseError) throw new ReportParseError(ctx.source.path, error.reason, lineNo, { cause: error });
      throw error;
    }
    onValue(value, lineNo);
  });
  return values;
}
