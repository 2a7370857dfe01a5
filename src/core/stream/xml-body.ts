/**
 * The body of an XML document, for the scanner in xml-scanner.ts: character data, elements,
 * comments, CDATA and processing instructions, read from one piece of text at a time. The scanner
 * hands over the pieces and carries a token cut off at the end of one into the next.
 */
import { firstForbidden, isForbiddenCode, isNameCode, isNameStartCode, isSpaceCode } from './xml-chars.js';
import { readEntity } from './xml-entity.js';
import { CUT, StartTagReader } from './xml-tag.js';
import { TextCursor, XmlSyntaxError } from './xml-text.js';

export interface ScanEvents {
  open(name: string, attributes: Record<string, string>, line: number): void;
  close(name: string): void;
  /** Character data of the open element, in pieces. Undefined when unread: then nothing is sliced. */
  text: ((text: string) => void) | undefined;
}

export const TEXT = 0;
const COMMENT = 1;
const CDATA = 2;
const [LF, CR, SLASH, BANG, QUESTION, LT, GT, RBRACKET] = [0xa, 0xd, 0x2f, 0x21, 0x3f, 0x3c, 0x3e, 0x5d] as const;

export class BodyReader {
  /** The text being read. */
  t = new TextCursor('', 0, 1, false);
  /** Inside a comment or CDATA section, which may run over several pieces of text. */
  mode = TEXT;
  /** The elements open, innermost last. */
  readonly stack: string[] = [];
  rootClosed = false;
  private readonly tag = new StartTagReader();

  /** `manyDocuments`: a new root (and its XML declaration) may follow a closed one, as in concatenated output. */
  constructor(
    private readonly events: ScanEvents,
    private readonly manyDocuments = false,
  ) {}

  /** Reads on from `i`: the index after what was read, or `~at` when the text ends inside a token starting at `at`. */
  step(i: number): number {
    if (this.mode === COMMENT) return this.comment(i);
    if (this.mode === CDATA) return this.cdata(i);
    return this.stack.length > 0 ? this.text(i) : this.outside(i);
  }

  /** Comments, CDATA and processing instructions are searched natively: check what they hold. */
  private noForbidden(from: number, to: number): void {
    const bad = firstForbidden(this.t.s, from, to);
    if (bad !== -1) throw new XmlSyntaxError('disallowed character.', this.t.lineAt(bad));
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
      if (after < 0) return ~amp;
      if (emit !== undefined) emit(t.entityText);
      start = after;
    }
    noCdataEnd(t, start, end);
    if (emit !== undefined && end > start) emit(t.piece(start, end));
    if (end === n) return n;
    if (end < stop) return ~end;
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
    if (end < s.length) return end === lt ? this.markup(lt) : ~end;
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
    return next === CUT ? ~i : next;
  }

  private startTag(i: number): number {
    if (this.rootClosed) {
      if (!this.manyDocuments) return this.secondRoot(i);
      this.rootClosed = false;
    }
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
    if (top !== undefined && j + top.length < n && s.charCodeAt(j + top.length) === GT && s.startsWith(top, j))
      j += top.length;
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
    if (s.startsWith('DOCTYPE', i + 2))
      throw new XmlSyntaxError('inappropriately located doctype declaration.', t.lineAt(i + 8));
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
      return t.final ? s.length : ~keep;
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
      return t.final ? s.length : ~keep;
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
      throw t.errorAt(
        i + 2,
        first === QUESTION || isSpaceCode(first)
          ? 'processing instruction without a target.'
          : 'disallowed character in processing instruction name.',
        true,
      );
    }
    let j = i + 3;
    while (j < n && isNameCode(s.charCodeAt(j))) j++;
    if (j >= n) return CUT;
    const target = s.slice(i + 2, j);
    const after = s.charCodeAt(j);
    if (after !== QUESTION && !isSpaceCode(after))
      throw t.errorAt(j, 'disallowed character in processing instruction name.');
    // The declaration of the next document, when documents are concatenated.
    const nextDeclaration = this.manyDocuments && this.rootClosed && target === 'xml';
    if (target === 'xml' && !nextDeclaration)
      throw new XmlSyntaxError('an XML declaration must be at the start of the document.', t.lineAfter(j));
    const end = s.indexOf('?>', j);
    this.noForbidden(j, end === -1 ? n : end);
    if (end === -1) return CUT;
    if (target.toLowerCase() === 'xml' && !nextDeclaration)
      throw new XmlSyntaxError('the XML declaration must appear at the start of the document.', t.lineAt(end + 1));
    return end + 2;
  }
}

/** `]]>` may not appear in character data. */
function noCdataEnd(t: TextCursor, from: number, to: number): void {
  const at = t.nextCdataEnd(from);
  if (at < to) throw new XmlSyntaxError('the string "]]>" is disallowed in char data.', t.lineAt(at + 2));
}
