/**
 * JSON reports are read whole (their formats are not line-delimited), so they are refused above a
 * size limit with a message instead of running the process out of memory. Syntax errors carry the
 * line. Shapes are then checked with zod by each parser: parse, don't cast.
 */
import type { z } from 'zod';
import { ReportParseError } from '../errors.js';
import type { ParseContext } from '../reports/types.js';
import { readWholeText } from './whole.js';

export async function readJsonText(ctx: ParseContext): Promise<string> {
  const { source, limits } = ctx;
  const tooBig = () =>
    new ReportParseError(
      source.path,
      `JSON report is larger than the limit of ${formatBytes(limits.maxJsonBytes)} (raise limits.max_json_bytes if this is expected)`,
    );
  if (source.size !== undefined && source.size > limits.maxJsonBytes) throw tooBig();
  return readWholeText(source, limits.maxJsonBytes, tooBig);
}

export async function readJson(ctx: ParseContext): Promise<unknown> {
  const text = await readJsonText(ctx);
  const max = ctx.limits.maxJsonContainers ?? MAX_JSON_CONTAINERS;
  if (containersOver(text, max))
    throw new ReportParseError(
      ctx.source.path,
      `JSON report holds more than ${max} objects and arrays: refusing to build them in memory`,
    );
  return parseJsonText(ctx.source.path, text);
}

/** Default for `ParseLimits.maxJsonContainers`. */
const MAX_JSON_CONTAINERS = 8_000_000;

/**
 * Whether the document opens more than `max` objects and arrays. Counting every `{` and `[` (strings
 * included) is native-fast and only over-counts; strings are skipped only when that count is over.
 */
export function containersOver(text: string, max: number): boolean {
  let rough = 0;
  for (const c of ['{', '['])
    for (let i = text.indexOf(c); i !== -1 && rough <= max; i = text.indexOf(c, i + 1)) rough++;
  if (rough <= max) return false;
  let exact = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      for (i++; i < text.length; i++) {
        const d = text.charCodeAt(i);
        if (d === 0x5c) i++;
        else if (d === 0x22) break;
      }
    } else if ((c === 0x7b || c === 0x5b) && ++exact > max) return true;
  }
  return false;
}

export function parseJsonText(path: string, text: string, lineOffset = 0): unknown {
  if (text.trim() === '') throw new ReportParseError(path, 'file is empty', lineOffset || undefined);
  try {
    return JSON.parse(text);
  } catch (error) {
    if (error instanceof RangeError) {
      throw new ReportParseError(path, 'JSON is nested too deeply to read', undefined, { cause: error });
    }
    const message = error instanceof Error ? error.message : String(error);
    const pos = /position (\d+)/.exec(message);
    const line = pos ? lineOffset + lineAt(text, Number(pos[1])) : lineOffset || undefined;
    throw new ReportParseError(path, `invalid JSON: ${message.replace(/\s*\(line \d+ column \d+\)/, '')}`, line, {
      cause: error,
    });
  }
}

function lineAt(text: string, position: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < position; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/**
 * Validates a parsed value against a raw-shape schema, naming the first mismatch; `at` is where
 * `value` sits in the document, when it is a part of it.
 */
export function checkShape<T>(
  path: string,
  schema: z.ZodType<T>,
  value: unknown,
  what: string,
  at: readonly PropertyKey[] = [],
): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue && at.length + issue.path.length > 0 ? ` at ${[...at, ...issue.path].map(String).join('.')}` : '';
  throw new ReportParseError(path, `not a valid ${what}: ${issue?.message ?? 'unexpected shape'}${where}`, undefined, {
    cause: result.error,
  });
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${(bytes / 1024 ** 3).toFixed(1)} GiB`;
  if (bytes >= 1024 ** 2) return `${(bytes / 1024 ** 2).toFixed(0)} MiB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(0)} KiB`;
  return `${bytes} B`;
}
