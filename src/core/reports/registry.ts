/**
 * Every parser, and format detection: sniff the head of a file, try each parser of the signal in
 * order, and say which formats were tried when none matches.
 */
import { ReportParseError, describeError } from '../errors.js';
import type { Signal, SignalDataMap } from '../model.js';
import { readOnceSource } from '../stream/read-once.js';
import { readText } from '../stream/text.js';
import { auditParsers } from './audit/index.js';
import { coverageParsers } from './coverage/index.js';
import { lintParsers } from './lint/index.js';
import { testsParsers } from './tests/index.js';
import type { AnyParser, ParseContext, ReportParser, ReportSource } from './types.js';

export const PARSERS_BY_SIGNAL: { [S in Signal]: readonly ReportParser<S>[] } = {
  coverage: coverageParsers,
  tests: testsParsers,
  audit: auditParsers,
  lint: lintParsers,
};

export const ALL_PARSERS: readonly AnyParser[] = [...coverageParsers, ...testsParsers, ...auditParsers, ...lintParsers];

const HEAD_CHARS = 16_384;

/** The first characters of a file, decoded (BOM and UTF-16 handled). */
export async function readHead(source: ReportSource): Promise<string> {
  let head = '';
  for await (const text of readText(source)) {
    head += text;
    if (head.length >= HEAD_CHARS) break;
  }
  return head.slice(0, HEAD_CHARS);
}

export function findParser<S extends Signal>(signal: S, id: string): ReportParser<S> | undefined {
  return (PARSERS_BY_SIGNAL[signal] as readonly ReportParser<S>[]).find((p) => p.id === id);
}

export function detectParser<S extends Signal>(signal: S, head: string): ReportParser<S> | undefined {
  return (PARSERS_BY_SIGNAL[signal] as readonly ReportParser<S>[]).find((p) => safeDetect(p, head));
}

/** For auto-discovery: every parser of any signal that recognises the head. */
export function detectAny(head: string): AnyParser[] {
  return ALL_PARSERS.filter((p) => safeDetect(p, head));
}

function safeDetect(parser: AnyParser | ReportParser<Signal>, head: string): boolean {
  try {
    return parser.detect(head);
  } catch (error) {
    if (error instanceof Error) return false;
    throw error;
  }
}

/**
 * Parses one report for a signal: the named format, or the detected one. Every failure becomes a
 * ReportParseError naming the file; nothing else escapes.
 */
export async function parseReport<S extends Signal>(
  signal: S,
  ctx: ParseContext,
  format?: string,
): Promise<{ data: SignalDataMap[S]; format: string }> {
  // Detection reads the head and the parser reads it all: a pipe is read once, and replayed.
  if (ctx.source.readOnce && !format) ctx = { ...ctx, source: readOnceSource(ctx.source) };
  const { path } = ctx.source;
  let parser: ReportParser<S> | undefined;
  if (format) {
    parser = findParser(signal, format);
    if (!parser) {
      const known = PARSERS_BY_SIGNAL[signal].map((p) => p.id).join(', ');
      throw new ReportParseError(path, `unknown ${signal} format "${format}" (known: ${known})`);
    }
  } else {
    const head = await readHead(ctx.source);
    if (head.trim() === '') throw new ReportParseError(path, 'file is empty');
    parser = detectParser(signal, head);
    if (!parser) {
      const tried = PARSERS_BY_SIGNAL[signal].map((p) => p.id).join(', ');
      throw new ReportParseError(path, `not a ${signal} report readygate recognises (tried: ${tried}); set "format:" if it is one of them`);
    }
  }
  try {
    return { data: await parser.parse(ctx), format: parser.id };
  } catch (error) {
    if (error instanceof ReportParseError) throw error;
    throw new ReportParseError(path, `could not parse as ${parser.id}: ${describeError(error)}`, undefined, { cause: error });
  }
}
