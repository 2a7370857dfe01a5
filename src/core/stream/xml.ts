/**
 * Streaming XML for the report parsers. Documents are read by the scanner in xml-scanner.ts, or by
 * saxes when their prolog asks for it (an internal DTD subset, XML 1.1, …: see xml-prolog.ts).
 * Neither expands DTD entities, so entity bombs and external entities are inert: a reference to an
 * entity a DOCTYPE declares is an "undefined entity" parse error. Nesting depth is bounded; every
 * error names the file and line. Raw control characters are read as their control pictures.
 */
import { SaxesParser } from 'saxes';
import { ReportParseError, describeError } from '../errors.js';
import type { ParseContext } from '../reports/types.js';
import { readText } from './text.js';
import { XmlScanner, XmlSyntaxError, type ScanEvents } from './xml-scanner.js';

export interface XmlVisitor {
  /** Element names have their namespace prefix removed. */
  open(name: string, attributes: Readonly<Record<string, string>>, line: number): void;
  close?(name: string): void;
  /** Character data and CDATA of the element currently open, possibly in several pieces. */
  text?(text: string): void;
  /**
   * When set, `text` only hears the character data inside these elements (nested ones included):
   * the rest of the document's text, such as the whitespace between elements, is not even cut out.
   */
  textIn?: ReadonlySet<string>;
  /**
   * Read documents written one after another into one file (cargo test's JUnit output holds one per
   * test binary): another XML declaration and root may follow the first root's end. Documents that
   * go to saxes (a DTD, XML 1.1) stay one document.
   */
  manyDocuments?: boolean;
}

export function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon === -1 ? name : name.slice(colon + 1);
}

/**
 * Default for `ParseLimits.maxXmlTokenChars`. Measured at it with bench/bounds.ts (2-core EPYC,
 * Node 20): one attribute value just under it, 0.4 s and 190 MB RSS; one that never closes, refused
 * in 0.6 s at 220 MB; a tag filled with 1.4 million distinct attributes, 4 s and 490 MB (saxes, for a
 * document with a DTD: 2.4 s, 380 MB); a 1 GiB JUnit file of 64 test cases named with nearly a whole
 * token each, 400 MB (1.6 GB before junit-reruns.ts kept long names as digests).
 */
const MAX_XML_TOKEN_CHARS = 16 * 1024 * 1024;

/** Thrown by visitors to stop early with a located message. */
export class XmlStop extends Error {}

export async function parseXml(ctx: ParseContext, visitor: XmlVisitor): Promise<void> {
  const { path } = ctx.source;
  const maxDepth = ctx.limits.maxXmlDepth;
  let depth = 0;
  let sawRoot = false;
  const onText = visitor.text?.bind(visitor);
  const { textIn } = visitor;
  /** Open elements named in `textIn`: text is passed on while there is one. */
  let inside = 0;
  const events: ScanEvents = {
    open(name, attributes, line) {
      sawRoot = true;
      if (++depth > maxDepth) throw new ReportParseError(path, `XML nested deeper than ${maxDepth} elements`, line);
      const local = localName(name);
      visitor.open(local, attributes, line);
      if (textIn?.has(local) && inside++ === 0) events.text = onText;
    },
    close(name) {
      depth--;
      const local = localName(name);
      visitor.close?.(local);
      if (textIn?.has(local) && --inside === 0) events.text = undefined;
    },
    text: textIn ? undefined : onText,
  };
  const reader = new XmlReader(
    events,
    onText !== undefined,
    ctx.limits.maxXmlTokenChars ?? MAX_XML_TOKEN_CHARS,
    visitor.manyDocuments === true,
  );
  try {
    for await (const chunk of readText(ctx.source)) reader.write(pictureControls(chunk));
    reader.end();
  } catch (error) {
    if (error instanceof ReportParseError) throw error;
    const line = error instanceof XmlSyntaxError ? error.line : reader.line;
    throw new ReportParseError(path, xmlMessage(error), line, { cause: error });
  }
  if (!sawRoot) throw new ReportParseError(path, 'no XML element found (empty file?)');
}

/** The scanner, or saxes from the start when the scanner hands a document over (before any event). */
class XmlReader {
  private readonly scanner: XmlScanner;
  private saxes: SaxesParser | undefined;

  /** Characters given to saxes since its last event: what it holds in memory for the token it is reading. */
  private sinceEvent = 0;

  constructor(
    private readonly events: ScanEvents,
    private readonly wantsText: boolean,
    private readonly maxToken: number,
    manyDocuments: boolean,
  ) {
    this.scanner = new XmlScanner(events, manyDocuments);
  }

  private tooLong(): XmlSyntaxError {
    return new XmlSyntaxError(
      `one tag, attribute value or run of text is over ${this.maxToken} characters: refusing to hold it in memory (a quote that never closes?)`,
      this.line,
    );
  }

  get line(): number {
    return this.saxes ? this.saxes.line : this.scanner.line;
  }

  write(chunk: string): void {
    if (this.saxes) {
      this.sinceEvent += chunk.length;
      if (this.sinceEvent > this.maxToken) throw this.tooLong();
      this.saxes.write(chunk);
    } else {
      this.scanner.write(chunk);
      if (this.scanner.needsSaxes) this.handOver();
      else if (this.scanner.unfinished > this.maxToken) throw this.tooLong();
    }
  }

  end(): void {
    if (!this.saxes) {
      this.scanner.end();
      if (this.scanner.needsSaxes) this.handOver();
    }
    this.saxes?.close();
  }

  private handOver(): void {
    const parser = new SaxesParser({ xmlns: false, position: true });
    const { events } = this;
    const seen = () => void (this.sinceEvent = 0);
    parser.on('opentag', (tag) => {
      seen();
      events.open(tag.name, tag.attributes as Record<string, string>, parser.line);
    });
    parser.on('closetag', (tag) => {
      seen();
      events.close(tag.name);
    });
    // Always listened to, so that what saxes has read counts as read; passed on through `events`,
    // which turns text on and off (XmlVisitor.textIn).
    const text = (piece: string) => {
      seen();
      if (this.wantsText) events.text?.(piece);
    };
    parser.on('text', text);
    parser.on('cdata', text);
    parser.on('comment', seen);
    parser.on('processinginstruction', seen);
    parser.on('doctype', seen);
    this.saxes = parser;
    parser.write(this.scanner.takeProlog());
  }
}

/** C0 control characters XML forbids (all but tab, line feed and carriage return). */
const CONTROL = /[\x00-\x08\x0b\x0c\x0e-\x1f]/;
const CONTROLS = /[\x00-\x08\x0b\x0c\x0e-\x1f]/g;

/**
 * Forbidden control characters become their Unicode control pictures (ESC becomes ␛, U+241B).
 * Some test runners write raw terminal colours into JUnit text; rejecting the whole report for
 * them helps no one. A picture is a character XML allows but not one a name may hold, so a control
 * character inside a tag or attribute name still makes the document invalid (no element can
 * silently turn into another), while in text it stays visible (TestsBuilder strips colour codes).
 */
export function pictureControls(text: string): string {
  return CONTROL.test(text) ? text.replace(CONTROLS, (c) => String.fromCharCode(0x2400 + c.charCodeAt(0))) : text;
}

function xmlMessage(error: unknown): string {
  // saxes prefixes "line:column: "; the line is reported separately.
  const raw = describeError(error).replace(/^(?:[^:]*:)?\d+:\d+: /, '');
  if (/undefined entity/.test(raw)) return `invalid XML: ${raw} (DTD entities are never expanded)`;
  return `invalid XML: ${raw}`;
}

/** Reads a numeric attribute; undefined when absent, NaN-safe. */
export function numAttr(attributes: Readonly<Record<string, string>>, name: string): number | undefined {
  const raw = attributes[name];
  if (raw === undefined || raw.trim() === '') return undefined;
  const value = Number(raw);
  return Number.isFinite(value) ? value : undefined;
}

/** Appends text up to a bound, so a 70 MB system-out never sits in memory. */
export class BoundedText {
  private parts: string[] = [];
  private length = 0;
  truncated = false;
  constructor(private readonly max: number) {}
  add(text: string): void {
    if (this.length >= this.max) {
      if (text.length > 0) this.truncated = true;
      return;
    }
    const room = this.max - this.length;
    const piece = text.length > room ? text.slice(0, room) : text;
    if (piece.length < text.length) this.truncated = true;
    this.parts.push(piece);
    this.length += piece.length;
  }
  toString(): string {
    const s = this.parts.join('');
    return this.truncated ? `${s}… (truncated)` : s;
  }
}
