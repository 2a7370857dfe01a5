/**
 * Runs XML through readygate's scanner and through saxes and records what each reports, in one
 * comparable shape: the events (adjacent text joined, as visitors see it) or the error and line.
 */
import { SaxesParser } from 'saxes';
import { XmlScanner, XmlSyntaxError } from '../../../src/core/stream/xml-scanner.js';

export type XmlEvent = ['open', string, Record<string, string>, number] | ['close', string] | ['text', string];
export type XmlOutcome = { events: XmlEvent[] } | { error: string; line: number } | { handover: true };

/** Records events; text outside the root element is dropped (saxes reports it, the scanner does not). */
class Recorder {
  readonly events: XmlEvent[] = [];
  private depth = 0;
  open(name: string, attributes: Record<string, string>, line: number): void {
    this.depth++;
    this.events.push(['open', name, { ...attributes }, line]);
  }
  close(name: string): void {
    this.depth--;
    this.events.push(['close', name]);
  }
  text(text: string): void {
    if (text === '' || this.depth === 0) return;
    const last = this.events[this.events.length - 1];
    if (last?.[0] === 'text') last[1] += text;
    else this.events.push(['text', text]);
  }
}

/** The scanner, fed `chunks` (the text is the chunks joined). `handover` when it leaves the document to saxes. */
export function viaScanner(chunks: readonly string[], withText = true): XmlOutcome {
  const recorder = new Recorder();
  const scanner = new XmlScanner({
    open: (name, attributes, line) => recorder.open(name, attributes, line),
    close: (name) => recorder.close(name),
    text: withText ? (text) => recorder.text(text) : undefined,
  });
  try {
    for (const chunk of chunks) {
      scanner.write(chunk);
      if (scanner.needsSaxes) return { handover: true };
    }
    scanner.end();
    if (scanner.needsSaxes) return { handover: true };
  } catch (error) {
    if (error instanceof XmlSyntaxError) return { error: error.message, line: error.line };
    throw error;
  }
  return { events: recorder.events };
}

/** saxes, as parseXml configures it, fed `chunks`. */
export function viaSaxes(chunks: readonly string[], withText = true): XmlOutcome {
  const recorder = new Recorder();
  const parser = new SaxesParser({ xmlns: false, position: true });
  parser.on('opentag', (tag) => recorder.open(tag.name, tag.attributes as Record<string, string>, parser.line));
  parser.on('closetag', (tag) => recorder.close(tag.name));
  if (withText) {
    parser.on('text', (text) => recorder.text(text));
    parser.on('cdata', (text) => recorder.text(text));
  }
  try {
    for (const chunk of chunks) parser.write(chunk);
    parser.close();
  } catch (error) {
    return { error: (error as Error).message.replace(/^\d+:\d+: /, ''), line: parser.line };
  }
  return { events: recorder.events };
}

/** Splits `text` at the given cut points (any numbers; taken modulo the length, sorted). */
export function chunked(text: string, cuts: readonly number[]): string[] {
  if (text.length === 0) return [text];
  const points = [...new Set(cuts.map((c) => c % text.length))].sort((a, b) => a - b);
  const chunks: string[] = [];
  let from = 0;
  for (const p of points) {
    chunks.push(text.slice(from, p));
    from = p;
  }
  chunks.push(text.slice(from));
  return chunks;
}
