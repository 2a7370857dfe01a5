/**
 * A streaming XML 1.0 scanner for report files: elements, attributes, text, CDATA, comments,
 * processing instructions, the five predefined entities and character references. parseXml
 * (xml.ts) uses it for every document whose prolog xml-prolog.ts accepts, and saxes for the rest.
 *
 * Why hand-written when saxes is here: saxes reads every character through a method call that
 * updates its position, ~75% of the time of a large JUnit or Cobertura parse. This scanner jumps
 * with native searches (the next `<` or forbidden character, the closing quote, `]]>`), and counts
 * lines only when asked. In a report read once, by a process that just started, code that V8 has
 * not optimised yet runs a lot: native searches beat JavaScript loops there, which is why the
 * code favours them. It keeps what readygate relies on saxes for:
 * - no DTD is ever read: a document with an internal subset goes to saxes before any event, and
 *   here a reference to any entity but the five predefined ones is an error ("undefined entity"),
 *   so entity bombs and external entities stay inert;
 * - well-formedness: it refuses what saxes refuses, in saxes's words and at saxes's line (a
 *   differential fuzz test holds it to saxes: test/core/stream/xml-differential.test.ts);
 * - nesting depth is bounded by parseXml, for both. Invalid UTF-8 never reaches either: the
 *   decoder (text.ts) has replaced it.
 *
 * Chunks: text, comments and CDATA stream. A tag, reference or processing instruction cut off by
 * the end of a chunk is carried over: a short one is finished on the head of the next chunk, a
 * long one read again once the text after it is at least as long, so even a tag of many
 * megabytes is read in linear time. Reading the body itself is xml-body.ts.
 */
import { BodyReader, TEXT, type ScanEvents } from './xml-body.js';
import { isNameCode } from './xml-chars.js';
import { readProlog } from './xml-prolog.js';
import { TextCursor, XmlSyntaxError } from './xml-text.js';

export { XmlSyntaxError, type ScanEvents };

/** A carried token shorter than this is joined to the head of the next chunk only (see finishCarried). */
const PROBE = 4096;

export class XmlScanner {
  /** Set when the prolog is one for saxes (see xml-prolog.ts); nothing has been reported then. */
  needsSaxes = false;
  /** The text read so far while in the prolog (which is read whole). */
  private head: string | undefined = '';
  private carry = '';
  private pending: string[] = [];
  private pendingLength = 0;
  private readonly body: BodyReader;

  constructor(events: ScanEvents, manyDocuments = false) {
    this.body = new BodyReader(events, manyDocuments);
  }

  /** Line of the last character read. */
  get line(): number {
    return this.body.t.line;
  }

  /**
   * Characters of the token the last read left unfinished (a tag, a reference, the prolog): what a
   * bound on one token compares. The text held in memory is at most twice that plus a chunk: a
   * long token is read again only once the text after it is as long (`pending`), so a token just
   * under a bound is never refused for the text read past its end.
   */
  get unfinished(): number {
    return (this.head?.length ?? 0) + this.carry.length;
  }

  write(chunk: string): void {
    if (this.needsSaxes) throw new Error('the scanner handed this document to saxes');
    if (this.head !== undefined) return this.prolog(this.head + chunk, false);
    if (this.carry.length === 0) this.scan(chunk, 0, this.line, false);
    else if (this.pending.length === 0 && this.carry.length < PROBE) this.finishCarried(chunk);
    else {
      // A long token: wait until the text after it is as long, so that it is read again in linear time.
      this.pending.push(chunk);
      this.pendingLength += chunk.length;
      if (this.pendingLength < this.carry.length) return;
      const s = this.carry + this.pending.join('');
      this.carry = '';
      this.pending = [];
      this.pendingLength = 0;
      this.scan(s, 0, this.line, false);
    }
  }

  end(): void {
    if (this.head !== undefined) {
      this.prolog(this.head, true);
      if (this.needsSaxes) return;
    } else {
      const s = this.carry + this.pending.join('');
      this.carry = '';
      this.pending = [];
      this.scan(s, 0, this.line, true);
    }
    if (this.body.stack.length > 0) throw this.unclosed(this.line);
    if (this.body.mode !== TEXT) throw new XmlSyntaxError('unexpected end.', this.line);
  }

  /** Once `needsSaxes` is set: all the text written so far, for saxes to start from. */
  takeProlog(): string {
    const text = this.head ?? '';
    this.head = undefined;
    return text;
  }

  private prolog(s: string, final: boolean): void {
    const prolog = readProlog(s, final);
    if (prolog.kind === 'more') this.head = s;
    else if (prolog.kind === 'saxes') {
      this.head = s;
      this.needsSaxes = true;
    } else {
      this.head = undefined;
      this.scan(s, prolog.at, prolog.line, final);
    }
  }

  /**
   * Reads the small token carried over joined to the start of `chunk` only (joining the whole
   * chunk would copy it), then the rest of the chunk from where the token ends.
   */
  private finishCarried(chunk: string): void {
    const carried = this.carry;
    const line = this.line;
    for (let take = Math.min(chunk.length, PROBE); ; take = Math.min(chunk.length, take * 4)) {
      this.carry = '';
      const probe = carried + chunk.slice(0, take);
      let at = this.scan(probe, 0, line, false, carried.length);
      if (this.carry !== '') at = probe.length - this.carry.length;
      if (at >= carried.length) {
        // Nothing carried from before is left: go on in the chunk itself.
        this.carry = '';
        if (at - carried.length < chunk.length) this.scan(chunk, at - carried.length, this.line, false);
        return;
      }
      // Still cut off, so nothing was reported: try with more of the chunk, or carry it all.
      if (take === chunk.length) return;
    }
  }

  /** Reads `s` from `from` (up to `until` at least); the index where it stopped. */
  private scan(s: string, from: number, line: number, final: boolean, until = s.length): number {
    const body = this.body;
    const t = (body.t = new TextCursor(s, from, line, final));
    let i = from;
    while (i < until) {
      i = body.step(i);
      if (i < 0) i = this.wait(~i);
    }
    // Lines are counted up to there, unless a token was carried over (its lines count next time).
    if (this.carry === '') t.lineAt(i);
    return i;
  }

  /** The token at `at` runs past the end of the text: carry it into the next chunk, or fail. */
  private wait(at: number): number {
    const { t, stack, rootClosed } = this.body;
    if (t.final) {
      const line = t.lineAt(t.s.length);
      if (stack.length > 0) throw this.unclosed(line);
      // saxes has seen the root once its name is read.
      if (!rootClosed && nameRunsToEnd(t.s, at + 1))
        throw new XmlSyntaxError('document must contain a root element.', line);
      throw new XmlSyntaxError('unexpected end.', line);
    }
    t.lineAt(at);
    this.carry = t.s.slice(at);
    return t.s.length;
  }

  private unclosed(line: number): XmlSyntaxError {
    return new XmlSyntaxError(`unclosed tag: ${this.body.stack[this.body.stack.length - 1]}`, line);
  }
}

function nameRunsToEnd(s: string, from: number): boolean {
  let i = from;
  while (i < s.length && isNameCode(s.charCodeAt(i))) i++;
  return i === s.length;
}
