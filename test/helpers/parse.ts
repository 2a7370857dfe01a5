/** Helpers for parser tests: run a parser on a fixture, or on a string, with default limits. */
import { Readable } from 'node:stream';
import { fileSource } from '../../src/collect/file-source.js';
import { createPathMapper } from '../../src/core/paths.js';
import { parseReport } from '../../src/core/reports/registry.js';
import {
  DEFAULT_LIMITS,
  type ParseContext,
  type ParseLimits,
  type ReportParser,
  type ReportSource,
} from '../../src/core/reports/types.js';
import type { Signal, SignalDataMap } from '../../src/core/model.js';

export const FIXTURES = new URL('../fixtures/', import.meta.url).pathname;

/** A fixture as the CLI opens a report (its display path under test/fixtures/). */
export function fixtureSource(relPath: string): ReportSource {
  return { ...fileSource(FIXTURES, relPath), path: `test/fixtures/${relPath}` };
}

export function textSource(text: string | Buffer, path = 'report'): ReportSource {
  const buf = typeof text === 'string' ? Buffer.from(text) : text;
  return { path, size: buf.length, open: () => Readable.from([buf]) };
}

/** Like textSource, but also readable as a file (positional reads from memory), as reports on disk are. */
export function memoryFileSource(text: string | Buffer, path = 'report'): ReportSource {
  const buf = typeof text === 'string' ? Buffer.from(text) : text;
  return {
    ...textSource(buf, path),
    openFile: async () => ({
      read: async (buffer: Uint8Array, offset: number, length: number, position: number) => {
        const bytes = buf.subarray(position, position + length);
        buffer.set(bytes, offset);
        return bytes.length;
      },
      close: async () => undefined,
    }),
  };
}

export function context(
  source: ReportSource,
  options: {
    root?: string;
    limits?: Partial<ParseLimits>;
    stripPrefixes?: string[];
    parserOptions?: Record<string, unknown>;
  } = {},
): ParseContext {
  return {
    source,
    paths: createPathMapper({ root: options.root ?? '/repo', stripPrefixes: options.stripPrefixes }),
    limits: { ...DEFAULT_LIMITS, ...options.limits },
    options: options.parserOptions,
  };
}

export function parseWith<S extends Signal>(
  parser: ReportParser<S>,
  source: ReportSource,
  options?: Parameters<typeof context>[1],
): Promise<SignalDataMap[S]> {
  return parser.parse(context(source, options));
}

/** Parses with a parser and returns what it said alongside the data (notices name the file). */
export async function parseNoticed<S extends Signal>(
  parser: ReportParser<S>,
  source: ReportSource,
  options?: Parameters<typeof context>[1],
): Promise<{ data: SignalDataMap[S]; notices: string[] }> {
  const notices: string[] = [];
  const data = await parser.parse({ ...context(source, options), notice: (m) => void notices.push(m) });
  return { data, notices };
}

/** Like parseFixture, with the notices the parser gave. */
export async function parseFixtureNoticed<S extends Signal>(
  signal: S,
  relPath: string,
  options?: Parameters<typeof context>[1] & { format?: string },
): Promise<{ data: SignalDataMap[S]; format: string; notices: string[] }> {
  const notices: string[] = [];
  const ctx = { ...context(fixtureSource(relPath), options), notice: (m: string) => void notices.push(m) };
  const parsed = await parseReport(signal, ctx, options?.format);
  return { ...parsed, notices };
}

export async function parseFixture<S extends Signal>(
  signal: S,
  relPath: string,
  options?: Parameters<typeof context>[1] & { format?: string },
): Promise<{ data: SignalDataMap[S]; format: string }> {
  return parseReport(signal, context(fixtureSource(relPath), options), options?.format);
}
