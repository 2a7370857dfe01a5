/**
 * Streaming XML on saxes. saxes never expands DTD entities, so entity bombs and external entities
 * are inert: a reference to an entity a DOCTYPE declares is an "undefined entity" parse error.
 * Nesting depth is bounded; every error names the file and line.
 */
import { SaxesParser } from 'saxes';
import { ReportParseError, describeError } from '../errors.js';
import type { ParseContext } from '../reports/types.js';
import { readText } from './text.js';

export interface XmlVisitor {
  /** Element names have their namespace prefix removed. */
  open(name: string, attributes: Readonly<Record<string, string>>, line: number): void;
  close?(name: string): void;
  /** Character data and CDATA of the element currently open. */
  text?(text: string): void;
}

export function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon === -1 ? name : name.slice(colon + 1);
}

/** Thrown by visitors to stop early with a located message. */
export class XmlStop extends Error {}

export async function parseXml(ctx: ParseContext, visitor: XmlVisitor): Promise<void> {
  const { path } = ctx.source;
  const parser = new SaxesParser({ xmlns: false, position: true });
  let depth = 0;
  let sawRoot = false;
  parser.on('opentag', (tag) => {
    depth++;
    sawRoot = true;
    if (depth > ctx.limits.maxXmlDepth) {
      throw new ReportParseError(path, `XML nested deeper than ${ctx.limits.maxXmlDepth} elements`, parser.line);
    }
    visitor.open(localName(tag.name), tag.attributes as Record<string, string>, parser.line);
  });
  parser.on('closetag', (tag) => {
    depth--;
    visitor.close?.(localName(tag.name));
  });
  if (visitor.text) {
    const onText = visitor.text.bind(visitor);
    parser.on('text', onText);
    parser.on('cdata', onText);
  }
  try {
    for await (const chunk of readText(ctx.source)) parser.write(chunk);
    parser.close();
  } catch (error) {
    if (error instanceof ReportParseError) throw error;
    throw new ReportParseError(path, xmlMessage(error), parser.line, { cause: error });
  }
  if (!sawRoot) throw new ReportParseError(path, 'no XML element found (empty file?)');
}

function xmlMessage(error: unknown): string {
  // saxes prefixes "line:column: "; we report the line ourselves.
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
