/**
 * The one interface every report parser implements. Adding a format is one file exporting a
 * `ReportParser` and one line in its signal's registry (`reports/<signal>/index.ts`).
 */
import type { Readable } from 'node:stream';
import type { PathMapper } from '../paths.js';
import type { Signal, SignalDataMap } from '../model.js';

export interface ParseLimits {
  /** JSON formats are read whole: files larger than this are refused with a message. */
  maxJsonBytes: number;
  /** Longest line a line-based format accepts before it calls the file corrupt. */
  maxLineBytes: number;
  /**
   * Most objects and arrays a JSON report may hold: a file just under maxJsonBytes made of tiny
   * objects would otherwise take gigabytes once parsed. Over it the report fails. Default: one per
   * 32 bytes of maxJsonBytes (see jsonContainerLimit), so raising the size limit raises this too.
   */
  maxJsonContainers?: number;
  /** Deepest XML nesting accepted. */
  maxXmlDepth: number;
  /**
   * Longest single XML token (a tag with its attributes, or, in documents with a DTD, a run of
   * text) held in memory while it is read; over it the report fails. Text is streamed otherwise.
   */
  maxXmlTokenChars?: number;
  /** How many test failures keep their details (the rest are only counted). */
  maxFailures: number;
  /** Longest failure message or details kept, in characters. */
  maxMessageChars: number;
}

export const DEFAULT_LIMITS: ParseLimits = {
  maxJsonBytes: 256 * 1024 * 1024,
  maxLineBytes: 4 * 1024 * 1024,
  maxXmlDepth: 512,
  maxXmlTokenChars: 16 * 1024 * 1024,
  maxFailures: 5_000,
  maxMessageChars: 8_000,
};

/** One report file, opened lazily as a byte stream. */
export interface ReportSource {
  /** Repo-relative display path; every message names it. */
  readonly path: string;
  /** Size in bytes, when known. */
  readonly size?: number;
  open(): Readable;
  /**
   * The bytes can be read only once (a named pipe, a socket, a terminal): a second `open()` would
   * wait for a writer that is gone. Readers that open twice wrap it (see stream/read-once.ts).
   */
  readonly readOnce?: boolean;
  /**
   * Positional reads, when the report is a file on disk. Byte parsers then read into buffers they
   * reuse, where a stream hands over a fresh chunk per read (on 50 MB, the fresh memory alone costs
   * more time than the reading).
   */
  openFile?(): Promise<ReportFile>;
}

/** The part of a `fs.promises.FileHandle` the byte reader uses. */
export interface ReportFile {
  /** Reads up to `length` bytes at file offset `position` into `buffer[offset…]`; resolves the count (0 at the end). */
  read(buffer: Uint8Array, offset: number, length: number, position: number): Promise<number>;
  close(): Promise<void>;
}

export interface ParseContext {
  source: ReportSource;
  paths: PathMapper;
  limits: ParseLimits;
  /** Free-form options from the config's `{ path, format, options }` entry (e.g. a line pattern). */
  options?: Readonly<Record<string, unknown>>;
  /**
   * Where a parser says what it could not place or what the report contradicts (a line number 0, a
   * summary that disagrees with the items) while it reads the rest. Each notice reaches the
   * report's `notices`; use `notify` (below), which names the file.
   */
  notice?: (message: string) => void;
}

/** Tells the reader something about this report file (a datum skipped, totals that disagree). */
export function notify(ctx: ParseContext, message: string): void {
  ctx.notice?.(`${ctx.source.path}: ${message}`);
}

export interface ReportParser<S extends Signal = Signal> {
  /** Stable id used in config `format:` and in `readygate formats`. */
  readonly id: string;
  readonly signal: S;
  readonly title: string;
  /** What detection looks at, for people (`readygate formats`, "formats tried" messages). */
  readonly detectedBy: string;
  /** Metrics this format provides, for people. */
  readonly metrics: readonly string[];
  /**
   * Sniffs the first bytes of a file (BOM stripped, decoded as text). Returns true when the file is
   * this format. Must be cheap and must not throw.
   */
  detect(head: string): boolean;
  /** Parses the whole file. Throws only ReportParseError. */
  parse(ctx: ParseContext): Promise<SignalDataMap[S]>;
}

/** Any parser, whatever its signal. */
export type AnyParser = { [S in Signal]: ReportParser<S> }[Signal];
