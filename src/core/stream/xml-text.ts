/**
 * One piece of text the XML scanner (xml-scanner.ts) is reading: where the next `<`, `&`, newline
 * or `]]>` is, found with native searches and remembered (so each is searched for once), and line
 * numbers, counted only when asked for.
 */
import { countLines, isForbiddenCode } from './xml-chars.js';

/** A well-formedness error at a 1-based line, worded as saxes words it. */
export class XmlSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
  }
}

export class TextCursor {
  /** The line at `counted`. */
  line: number;
  /** The text of the last entity reference read (xml-entity.ts). */
  entityText = '';
  private counted: number;
  private readonly hasCr: boolean;
  // The next occurrence at or after the last position asked about; the text's length if none.
  private lineLf = -1;
  private ltAt = -1;
  private ampAt = -1;
  private lfAt = -1;
  private tabAt = -1;
  private crAt = -1;
  private cdataEndAt = -1;
  private stopFrom = 0;
  private stopAt = -1;
  /** Runs of characters that are neither `<` nor forbidden. */
  private readonly plainRun = /[^<\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]*/y;

  /** `final`: no text follows `s`. */
  constructor(
    readonly s: string,
    from: number,
    line: number,
    readonly final: boolean,
  ) {
    this.line = line;
    this.counted = from;
    this.hasCr = s.indexOf('\r', from) !== -1;
  }

  /** The 1-based line of `s[pos]`. */
  lineAt(pos: number): number {
    const s = this.s;
    if (pos < this.counted) return this.line - countLines(s, pos, this.counted);
    let line = this.line;
    let lf = this.lineLf;
    if (lf < this.counted) lf = s.indexOf('\n', this.counted);
    while (lf !== -1 && lf < pos) {
      line++;
      lf = s.indexOf('\n', lf + 1);
    }
    this.lineLf = lf === -1 ? s.length : lf;
    if (this.hasCr) {
      // A lone `\r` ends a line too; `\r\n` was counted at its `\n`.
      for (let cr = s.indexOf('\r', this.counted); cr !== -1 && cr < pos; cr = s.indexOf('\r', cr + 1)) {
        if (s.charCodeAt(cr + 1) !== 0xa) line++;
      }
    }
    this.line = line;
    this.counted = pos;
    return line;
  }

  /** The line saxes reports after reading `s[pos]`: a newline there counts. */
  lineAfter(pos: number): number {
    const c = this.s.charCodeAt(pos);
    return this.lineAt(pos) + (c === 0xa || c === 0xd ? 1 : 0);
  }

  /** The next `<` or forbidden character (the text's length if none). */
  nextStop(from: number): number {
    if (from > this.stopAt || from < this.stopFrom) {
      const run = this.plainRun;
      run.lastIndex = this.stopFrom = from;
      run.test(this.s);
      this.stopAt = run.lastIndex;
    }
    return this.stopAt;
  }

  /** An error about the character at `pos`; a forbidden character there is reported as such, as saxes does. */
  errorAt(pos: number, message: string, after = false): XmlSyntaxError {
    const c = this.s.charCodeAt(pos);
    if (isForbiddenCode(c)) return new XmlSyntaxError('disallowed character.', this.lineAt(pos));
    return new XmlSyntaxError(message, after ? this.lineAfter(pos) : this.lineAt(pos));
  }

  nextLt(from: number): number {
    if (this.ltAt < from) this.ltAt = this.find('<', from);
    return this.ltAt;
  }

  nextAmp(from: number): number {
    if (this.ampAt < from) this.ampAt = this.find('&', from);
    return this.ampAt;
  }

  nextCdataEnd(from: number): number {
    if (this.cdataEndAt < from) this.cdataEndAt = this.find(']]>', from);
    return this.cdataEndAt;
  }

  /** Whether `s[from, to)` holds a tab, newline or carriage return. */
  hasSpaceToNormalise(from: number, to: number): boolean {
    if (this.lfAt < from) this.lfAt = this.find('\n', from);
    if (this.tabAt < from) this.tabAt = this.find('\t', from);
    if (this.hasCr && this.crAt < from) this.crAt = this.find('\r', from);
    return this.lfAt < to || this.tabAt < to || (this.hasCr && this.crAt < to);
  }

  /** Character data as XML hands it over: `\r\n` and a lone `\r` read as `\n`. */
  piece(from: number, to: number): string {
    const piece = this.s.slice(from, to);
    return this.hasCr ? piece.replace(/\r\n?/g, '\n') : piece;
  }

  private find(needle: string, from: number): number {
    const at = this.s.indexOf(needle, from);
    return at === -1 ? this.s.length : at;
  }
}
