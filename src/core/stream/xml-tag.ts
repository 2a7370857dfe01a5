/**
 * Start tags for the XML scanner (xml-scanner.ts). Most tags in a report are plain
 * (`<testcase name="a" time="0.1">`): one sticky regular expression recognises those, and their
 * attributes are cut out with native searches. Anything else (other whitespace, single quotes,
 * non-ASCII names, and every malformed tag) is read character by character, with saxes's errors.
 *
 * Attributes come in a null-prototype object, as saxes gives them (no `toString`, no `__proto__`
 * setter), but one built from a constructor, so V8 keeps it in its fast mode; names are interned,
 * so the same name is the same string from tag to tag.
 */
import { detach } from './text.js';
import { isNameCode, isNameStartCode, isSpaceCode } from './xml-chars.js';
import { attributeValue } from './xml-entity.js';
import { XmlSyntaxError, type TextCursor } from './xml-text.js';

/** What a token reader returns when the token runs past the end of the text. */
export const CUT = -1;

const [SPACE, SLASH, EQ, GT, DQ, SQ] = [0x20, 0x2f, 0x3d, 0x3e, 0x22, 0x27] as const;

const Attributes = function Attributes() {} as unknown as new () => Record<string, string>;
Attributes.prototype = Object.create(null) as object;

export class StartTagReader {
  name = '';
  attributes: Record<string, string> = new Attributes();
  selfClosing = false;
  /** The line of the tag's `>`, as saxes reports it. */
  line = 1;
  /**
   * `<name( name="value")* \s* /?>` with ASCII names, and values without `"`, `<`, tabs, newlines
   * or forbidden characters: a tag this matches needs no other check.
   */
  private readonly plain = /<[A-Za-z_:][\w.:-]*(?: [A-Za-z_:][\w.:-]*="[^"<\x00-\x1f\ufffe\uffff]*")*[ \t\r\n]*\/?>/y;
  /** Names seen, by a hash of their length and ends: a name read again is the same string. */
  private readonly names: string[] = new Array<string>(256).fill('');

  /** Reads the start tag at `t.s[i]` (`<` and a name start) into the fields: the index after it, or CUT. */
  read(t: TextCursor, i: number): number {
    const { s } = t;
    const plain = this.plain;
    plain.lastIndex = i;
    if (!plain.test(s)) return this.readCarefully(t, i);
    const end = plain.lastIndex;
    let j = i + 2;
    while (isNameCode(s.charCodeAt(j))) j++;
    this.name = this.intern(s, i + 1, j);
    const attributes = new Attributes();
    let duplicate: string | undefined;
    while (s.charCodeAt(j) === SPACE && isNameStartCode(s.charCodeAt(j + 1))) {
      const eq = s.indexOf('=', j + 2);
      const close = s.indexOf('"', eq + 2);
      const name = this.intern(s, j + 1, eq);
      const value = t.nextAmp(eq + 2) < close ? attributeValue(t, eq + 2, close) : s.slice(eq + 2, close);
      if (value === undefined) return CUT;
      if (duplicate === undefined && attributes[name] !== undefined) duplicate = name;
      attributes[name] = value;
      j = close + 1;
    }
    this.line = t.lineAt(end - 1);
    if (duplicate !== undefined) throw new XmlSyntaxError(`duplicate attribute: ${duplicate}.`, this.line);
    this.attributes = attributes;
    this.selfClosing = s.charCodeAt(end - 2) === SLASH;
    return end;
  }

  /** Any start tag, character by character, with saxes's errors. */
  private readCarefully(t: TextCursor, i: number): number {
    const { s } = t;
    const n = s.length;
    let j = i + 2;
    while (j < n && isNameCode(s.charCodeAt(j))) j++;
    if (j >= n) return CUT;
    let c = s.charCodeAt(j);
    if (c !== GT && c !== SLASH && !isSpaceCode(c)) throw t.errorAt(j, 'disallowed character in tag name.');
    const name = this.intern(s, i + 1, j);
    const attributes = new Attributes();
    let duplicate: string | undefined;
    let spaced = true;
    for (;;) {
      if (isSpaceCode(c)) {
        do if (++j >= n) return CUT;
        while (isSpaceCode((c = s.charCodeAt(j))));
        spaced = true;
      }
      if (c === GT || c === SLASH) break;
      if (!isNameStartCode(c)) throw t.errorAt(j, 'disallowed character in attribute name.');
      if (!spaced) throw new XmlSyntaxError('no whitespace between attributes.', t.lineAt(j));
      const attrStart = j;
      do if (++j >= n) return CUT;
      while (isNameCode((c = s.charCodeAt(j))));
      const attr = this.intern(s, attrStart, j);
      for (let white = false; c !== EQ; c = s.charCodeAt(j), white = true) {
        if (!isSpaceCode(c))
          throw t.errorAt(
            j,
            white || c === GT ? 'attribute without value.' : 'disallowed character in attribute name.',
          );
        if (++j >= n) return CUT;
      }
      do if (++j >= n) return CUT;
      while (isSpaceCode((c = s.charCodeAt(j))));
      if (c !== DQ && c !== SQ) throw t.errorAt(j, 'unquoted attribute value.');
      const close = s.indexOf(c === DQ ? '"' : "'", j + 1);
      const value = attributeValue(t, j + 1, close === -1 ? n : close);
      if (close === -1) return CUT;
      if (value === undefined) return CUT;
      if (duplicate === undefined && attributes[attr] !== undefined) duplicate = attr;
      attributes[attr] = value;
      spaced = false;
      if ((j = close + 1) >= n) return CUT;
      c = s.charCodeAt(j);
    }
    if (c === SLASH) {
      if (++j >= n) return CUT;
      if (s.charCodeAt(j) !== GT) throw t.errorAt(j, 'forward-slash in opening tag not followed by >.', true);
    }
    this.line = t.lineAt(j);
    if (duplicate !== undefined) throw new XmlSyntaxError(`duplicate attribute: ${duplicate}.`, this.line);
    this.name = name;
    this.attributes = attributes;
    this.selfClosing = c === SLASH;
    return j + 1;
  }

  private intern(s: string, from: number, to: number): string {
    const length = to - from;
    const slot = (length * 31 + s.charCodeAt(from) * 7 + s.charCodeAt(to - 1)) & 255;
    const known = this.names[slot]!;
    if (known.length === length && s.startsWith(known, from)) return known;
    // A slice of 13 characters or more shares the chunk it was cut from: copy it, or the table
    // would keep chunks alive.
    const name = length < 13 ? s.slice(from, to) : detach(s.slice(from, to));
    return (this.names[slot] = name);
  }
}
