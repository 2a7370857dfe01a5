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
 *   differential fuzz test holds it to saxes: test/core/stream/xml-scanner.test.ts);
 * - nesting depth is bounded by parseXml, for both. Invalid UTF-8 never reaches either: the
 *   decoder (text.ts) has replaced it.
 *
 * Chunks: text, comments and CDATA stream. A tag, reference or processing instruction cut off by
 * the end of a chunk is carried over and read again once the text after it is at least as long,
 * so even a tag of many megabytes is read in linear time.
 */
import { firstForbidden, isForbiddenCode, isNameCode, isNameStartCode, isSpaceCode } from './xml-chars.js';
import { readEntity } from './xml-entity.js';
import { readProlog } from './xml-prolog.js';
import { CUT, StartTagReader } from './xml-tag.js';
import { TextCursor, XmlSyntaxError } from './xml-text.js';

export { XmlSyntaxError };

export interface ScanEvents {
  open(name: string, attributes: Record<string, string>, line: number): void;
  close(name: string): void;
  /** Character data of the open element, in pieces. Undefined when unread: then nothing is sliced. */
  text: ((text: string) => void) | undefined;
}

/** A carried token shorter than this is joined to the head of the next chunk only (see finishCarried). */
const PROBE = 4096;
const TEXT = 0;
const COMMENT = 1;
const CDATA = 2;
const [LF, CR, SLASH, BANG, QUESTION, LT, GT, RBRACKET] = [0xa, 0xd, 0x2f, 0x21, 0x3f, 0x3c, 0x3e, 0x5d] as const;

export class XmlScanner {
  /** Set when the prolog is one for saxes (see xml-prolog.ts); nothing has been reported then. */
  needsSaxes = false;
  /** The text read so far while in the prolog (which is read whole). */
  private head: string | undefined = '';
  private carry = '';
  private pending: string[] = [];
  private pendingLength = 0;
  private mode = TEXT;
  private readonly stack: string[] = [];
  private rootClosed = false;
  private t = new TextCursor('', 0, 1, false);
  private readonly tag = new StartTagReader();

  constructor(private readonly events: ScanEvents) {}

  /** Line of the last character read. */
  get line(): number {
    return this.t.line;
  }

  write(chunk: string): void {
    if (this.needsSaxes) throw new Error('the scanner handed this document to saxes');
    if (this.head !== undefined) return this.prolog(this.head + chunk, false);
    if (this.carry.length === 0) this.scan(chunk, 0, this.t.line, false);
    else if (this.pending.length === 0 && this.carry.length < PROBE) this.finishCarried(chunk);
    else {
      this.pending.push(chunk);
      this.pendingLength += chunk.length;
      if (this.pendingLength < this.carry.length) return;
      const s = this.carry + this.pending.join('');
      this.carry = '';
      this.pending = [];
      this.pendingLength = 0;
      this.scan(s, 0, this.t.line, false);
    }
  }

  /**
   * Reads the small token carried over joined to the start of `chunk` only (joining the whole
   * chunk would copy it), then the rest of the chunk where the token ends.
   */
  private finishCarried(chunk: string): void {
    const carried = this.carry;
    const line = this.t.line;
    for (let take = Math.min(chunk.length, PROBE); ; take = Math.min(chunk.length, take * 4)) {
      this.carry = '';
      const probe = carried + chunk.slice(0, take);
      let at = this.scan(probe, 0, line, false, carried.length);
      if (this.carry !== '') at = probe.length - this.carry.length;
      if (at >= carried.length) {
        // Nothing carried from before is left: go on in the chunk itself.
        this.carry = '';
        if (at - carried.length < chunk.length) this.scan(chunk, at - carried.length, this.t.line, false);
        return;
      }
      // Still cut off, so nothing was reported: try with more of the chunk, or carry it all.
      if (take === chunk.length) return;
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
      this.scan(s, 0, this.t.line, true);
    }
    if (this.stack.length > 0) throw this.unclosed(this.t.line);
    if (this.mode !== TEXT) throw new XmlSyntaxError('unexpected end.', this.t.line);
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

  /** Reads `s` from `from` (up to `until` at least); the index where it stopped. */
  private scan(s: string, from: number, line: number, final: boolean, until = s.length): number {
    const t = (this.t = new TextCursor(s, from, line, final));
    let i = from;
    while (i < until) {
      if (this.mode === COMMENT) i = this.comment(i);
      else if (this.mode === CDATA) i = this.cdata(i);
      else if (this.stack.length > 0) i = this.text(i);
      else i = this.outside(i);
    }
    // Lines are counted up to there, unless a token was carried over (its lines count next time).
    if (this.carry === '') t.lineAt(i);
    return i;
  }

  /** The token at `at` runs past the end of the text: carry it into the next chunk, or fail. */
  private wait(at: number): number {
    const t = this.t;
    if (t.final) {
      const line = t.lineAt(t.s.length);
      if (this.stack.length > 0) throw this.unclosed(line);
      // saxes has seen the root once its name is read.
      if (!this.rootClosed && nameRunsToEnd(t.s, at + 1)) throw new XmlSyntaxError('document must contain a root element.', line);
      throw new XmlSyntaxError('unexpected end.', line);
    }
    t.lineAt(at);
    this.carry = t.s.slice(at);
    return t.s.length;
  }

  /** Comments, CDATA and processing instructions are searched natively: check what they hold. */
  private noForbidden(from: number, to: number): void {
    const bad = firstForbidden(this.t.s, from, to);
    if (bad !== -1) throw new XmlSyntaxError('disallowed character.', this.t.lineAt(bad));
  }

  private unclosed(line: number): XmlSyntaxError {
    return new XmlSyntaxError(`unclosed tag: ${this.stack[this.stack.length - 1]}`, line);
  }

  /** Character data inside the root element, up to the next `<` (or forbidden character). */
  private text(i: number): number {
    const t = this.t;
    const { s } = t;
    const n = s.length;
    const stop = t.nextStop(i);
    let end = stop;
    if (stop === n && !t.final) {
      // `]]` or `\r` at the end may pair with what comes next.
      while (end > i && end > n - 2 && (s.charCodeAt(end - 1) === RBRACKET || s.charCodeAt(end - 1) === CR)) end--;
    }
    const emit = this.events.text;
    let start = i;
    for (let amp = t.nextAmp(i); amp < end; amp = t.nextAmp(start)) {
      noCdataEnd(t, start, amp);
      if (emit !== undefined && amp > start) emit(t.piece(start, amp));
      const after = readEntity(t, amp);
      if (after < 0) return this.wait(amp);
      if (emit !== undefined) emit(t.entityText);
      start = after;
    }
    noCdataEnd(t, start, end);
    if (emit !== undefined && end > start) emit(t.piece(start, end));
    if (end === n) return n;
    if (end < stop) return this.wait(end);
    if (s.charCodeAt(stop) !== LT) throw new XmlSyntaxError('disallowed character.', t.lineAt(stop));
    return this.markup(stop);
  }

  /** Before and after the root element: only whitespace, comments and processing instructions. */
  private outside(i: number): number {
    const t = this.t;
    const { s } = t;
    const lt = t.nextLt(i);
    let end = lt;
    if (lt === s.length && !t.final && s.charCodeAt(lt - 1) === CR) end--;
    let text = false;
    for (let k = i; k < end; k++) {
      const c = s.charCodeAt(k);
      if (c === 0x26) throw new XmlSyntaxError('text data outside of root node.', t.lineAt(k));
      if (isForbiddenCode(c)) throw new XmlSyntaxError('disallowed character.', t.lineAt(k));
      text ||= !isSpaceCode(c);
    }
    // saxes notices at the next `<` (or the end of its chunk).
    if (text) throw new XmlSyntaxError('text data outside of root node.', t.lineAt(end));
    if (end < s.length) return end === lt ? this.markup(lt) : this.wait(end);
    return end;
  }

  /** `s[i]` is `<`: the index after the markup, or the whole text if it is cut off. */
  private markup(i: number): number {
    const t = this.t;
    let next = CUT;
    if (i + 1 < t.s.length) {
      const c = t.s.charCodeAt(i + 1);
      if (isNameStartCode(c)) next = this.startTag(i);
      else if (c === SLASH) next = this.closeTag(i);
      else if (c === BANG) next = this.bang(i);
      else if (c === QUESTION) next = this.instruction(i);
      else throw t.errorAt(i + 1, 'disallowed character in tag name', true);
    }
    return next === CUT ? this.wait(i) : next;
  }

  private startTag(i: number): number {
    if (this.rootClosed) return this.secondRoot(i);
    const tag = this.tag;
    const end = tag.read(this.t, i);
    if (end === CUT) return CUT;
    this.events.open(tag.name, tag.attributes, tag.line);
    if (!tag.selfClosing) this.stack.push(tag.name);
    else {
      this.events.close(tag.name);
      if (this.stack.length === 0) this.rootClosed = true;
    }
    return end;
  }

  private secondRoot(i: number): number {
    const { s } = this.t;
    let j = i + 2;
    while (j < s.length && isNameCode(s.charCodeAt(j))) j++;
    if (j >= s.length) return CUT;
    throw new XmlSyntaxError('documents may contain only one root.', this.t.lineAfter(j));
  }


  private closeTag(i: number): number {
    const t = this.t;
    const { s } = t;
    const n = s.length;
    const stack = this.stack;
    const top = stack[stack.length - 1];
    let j = i + 2;
    if (top !== undefined && j + top.length < n && s.charCodeAt(j + top.length) === GT && s.startsWith(top, j)) j += top.length;
    else {
      while (j < n && isNameCode(s.charCodeAt(j))) j++;
      const name = s.slice(i + 2, j);
      while (j < n && isSpaceCode(s.charCodeAt(j))) j++;
      if (j >= n) return CUT;
      const line = t.lineAt(j);
      if (s.charCodeAt(j) !== GT) throw t.errorAt(j, 'disallowed character in closing tag.');
      if (name === '') throw new XmlSyntaxError('weird empty close tag.', line);
      if (top === undefined) throw new XmlSyntaxError(`unmatched closing tag: ${name}.`, line);
      if (top !== name) throw new XmlSyntaxError('unexpected close tag.', line);
    }
    stack.pop();
    this.events.close(top);
    if (stack.length === 0) this.rootClosed = true;
    return j + 1;
  }

  /** `<!`: a comment or CDATA (a DOCTYPE only belongs in the prolog). */
  private bang(i: number): number {
    const t = this.t;
    const { s } = t;
    if (s.startsWith('--', i + 2)) {
      this.mode = COMMENT;
      return i + 4;
    }
    if (s.startsWith('[CDATA[', i + 2)) {
      if (this.stack.length === 0) throw new XmlSyntaxError('text data outside of root node.', t.lineAt(i + 8));
      this.mode = CDATA;
      return i + 9;
    }
    if (s.startsWith('DOCTYPE', i + 2)) throw new XmlSyntaxError('inappropriately located doctype declaration.', t.lineAt(i + 8));
    // saxes reads seven characters (`\r\n` is one) before it gives up on `<!…`.
    let k = i + 2;
    for (let read = 0; read < 7; read++) {
      if (k >= s.length || (k + 1 >= s.length && !t.final && s.charCodeAt(k) === CR)) return CUT;
      if (isForbiddenCode(s.charCodeAt(k))) throw new XmlSyntaxError('disallowed character.', t.lineAt(k));
      k += s.charCodeAt(k) === CR && s.charCodeAt(k + 1) === LF ? 2 : 1;
    }
    throw new XmlSyntaxError('incorrect syntax.', t.lineAfter(k - 1));
  }

  private comment(i: number): number {
    const t = this.t;
    const { s } = t;
    const dashes = s.indexOf('--', i);
    if (dashes === -1 || dashes + 2 >= s.length) {
      let keep = s.length;
      if (!t.final) {
        keep = dashes === -1 ? s.length - 1 : dashes;
        if (s.charCodeAt(keep) !== 0x2d) keep++;
        if (s.charCodeAt(keep - 1) === CR) keep--;
        keep = Math.max(i, keep);
      }
      this.noForbidden(i, keep);
      return t.final ? s.length : this.wait(keep);
    }
    this.noForbidden(i, dashes);
    if (s.charCodeAt(dashes + 2) !== GT) throw t.errorAt(dashes + 2, 'malformed comment.', true);
    this.mode = TEXT;
    return dashes + 3;
  }

  private cdata(i: number): number {
    const t = this.t;
    const { s } = t;
    const emit = this.events.text;
    const end = s.indexOf(']]>', i);
    if (end === -1) {
      let keep = s.length;
      if (!t.final) {
        keep = Math.max(i, s.length - 2);
        if (keep > i && s.charCodeAt(keep - 1) === CR) keep--;
      }
      this.noForbidden(i, keep);
      if (emit !== undefined && keep > i) emit(t.piece(i, keep));
      return t.final ? s.length : this.wait(keep);
    }
    this.noForbidden(i, end);
    if (emit !== undefined && end > i) emit(t.piece(i, end));
    this.mode = TEXT;
    return end + 3;
  }

  /** `<?target …?>`: checked and skipped. */
  private instruction(i: number): number {
    const t = this.t;
    const { s } = t;
    const n = s.length;
    if (i + 2 >= n) return CUT;
    const first = s.charCodeAt(i + 2);
    if (!isNameStartCode(first)) {
      throw t.errorAt(i + 2, first === QUESTION || isSpaceCode(first) ? 'processing instruction without a target.' : 'disallowed character in processing instruction name.', true);
    }
    let j = i + 3;
    while (j < n && isNameCode(s.charCodeAt(j))) j++;
    if (j >= n) return CUT;
    const target = s.slice(i + 2, j);
    const after = s.charCodeAt(j);
    if (after !== QUESTION && !isSpaceCode(after)) throw t.errorAt(j, 'disallowed character in processing instruction name.');
    if (target === 'xml') throw new XmlSyntaxError('an XML declaration must be at the start of the document.', t.lineAfter(j));
    const end = s.indexOf('?>', j);
    this.noForbidden(j, end === -1 ? n : end);
    if (end === -1) return CUT;
    if (target.toLowerCase() === 'xml') throw new XmlSyntaxError('the XML declaration must appear at the start of the document.', t.lineAt(end + 1));
    return end + 2;
  }
}

function nameRunsToEnd(s: string, from: number): boolean {
  let i = from;
  while (i < s.length && isNameCode(s.charCodeAt(i))) i++;
  return i === s.length;
}

/** `]]>` may not appear in character data. */
function noCdataEnd(t: TextCursor, from: number, to: number): void {
  const at = t.nextCdataEnd(from);
  if (at < to) throw new XmlSyntaxError('the string "]]>" is disallowed in char data.', t.lineAt(at + 2));
}
