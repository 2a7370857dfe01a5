/**
 * JSON reports are read whole (their formats are not line-delimited), so they are refused above a
 * size limit with a message instead of running the process out of memory. Syntax errors carry the
 * line. Shapes are then checked with zod by each parser: parse, don't cast.
 */
import type { z } from 'zod';
import { ReportParseError } from '../errors.js';
import { safeParseFirst } from '../first-issue.js';
import type { ParseContext, ParseLimits } from '../reports/types.js';
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
  const max = jsonContainerLimit(ctx.limits);
  if (containersOver(text, max))
    throw new ReportParseError(
      ctx.source.path,
      `JSON report holds more than ${max.toLocaleString('en-US')} objects and arrays: refusing to build them in memory (raise limits.max_json_bytes if this is expected: each ${BYTES_PER_CONTAINER} bytes of it allow one more)`,
    );
  return parseJsonText(ctx.source.path, text);
}

/**
 * Bytes of `maxJsonBytes` per object or array a report may hold, by default: 8,388,608 at 256 MiB.
 * Measured at that bound with bench/bounds.ts (2-core EPYC, Node 20, --max-old-space-size=2048 as
 * Node sets itself on a 7-8 GB runner): 8.4 million `{}` (a 25 MB file) that a format's shape
 * refuses, 0.9 GB RSS and 7 s; 8.4 million `{}` a shape accepts (SARIF locations), parsed and then
 * copied by zod, 1.4 GB RSS and 9.5 s; a 207 MB istanbul coverage-final.json (~25 bytes an object),
 * 1.3 GB RSS and 8.6 s. One more fails in 0.5 s (160 MB RSS), having only counted brackets. (The
 * refused `{}` ran out of a 4 GB heap until shape checks stopped at their first issue: first-issue.ts.)
 */
const BYTES_PER_CONTAINER = 32;

/** The most objects and arrays a JSON report may hold under `limits`. */
export function jsonContainerLimit(limits: ParseLimits): number {
  return limits.maxJsonContainers ?? Math.floor(limits.maxJsonBytes / BYTES_PER_CONTAINER);
}

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
  const result = safeParseFirst(schema, value);
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
