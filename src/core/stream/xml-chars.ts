/**
 * XML 1.0 (fifth edition) character classes for the scanner in xml-scanner.ts, by UTF-16 code
 * unit: names (productions [4], [4a], [5]), characters ([2]) and whitespace ([3]).
 *
 * Written out rather than imported from `xmlchars` (what saxes uses) because that is not one of
 * readygate's dependencies, and the scanner needs code-unit tests that inline well in a hot loop.
 * Text comes from a decoder, so surrogates always come in pairs: a high surrogate D800–DB7F
 * starts a character in U+10000–U+EFFFF, which names allow; its low half is a name character.
 */

const NAME_START = 1;
const NAME = 2;
const ASCII = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  if (/[A-Za-z_:]/.test(ch)) ASCII[c] = NAME_START | NAME;
  else if (/[-.0-9]/.test(ch)) ASCII[c] = NAME;
}

export function isNameStartCode(c: number): boolean {
  if (c < 128) return (ASCII[c]! & NAME_START) !== 0;
  return (
    (c >= 0xc0 && c <= 0xd6) ||
    (c >= 0xd8 && c <= 0xf6) ||
    (c >= 0xf8 && c <= 0x2ff) ||
    (c >= 0x370 && c <= 0x37d) ||
    (c >= 0x37f && c <= 0x1fff) ||
    c === 0x200c ||
    c === 0x200d ||
    (c >= 0x2070 && c <= 0x218f) ||
    (c >= 0x2c00 && c <= 0x2fef) ||
    (c >= 0x3001 && c <= 0xdb7f) || // up to D7FF, then the high surrogates of U+10000–U+EFFFF
    (c >= 0xf900 && c <= 0xfdcf) ||
    (c >= 0xfdf0 && c <= 0xfffd)
  );
}

export function isNameCode(c: number): boolean {
  if (c < 128) return ASCII[c]! !== 0;
  return (
    isNameStartCode(c) ||
    c === 0xb7 ||
    (c >= 0x300 && c <= 0x36f) ||
    c === 0x203f ||
    c === 0x2040 ||
    (c >= 0xdc00 && c <= 0xdfff)
  );
}

export function isXmlName(s: string): boolean {
  if (s.length === 0 || !isNameStartCode(s.charCodeAt(0))) return false;
  for (let i = 1; i < s.length; i++) if (!isNameCode(s.charCodeAt(i))) return false;
  return true;
}

/** A code point a character reference may name (production [2], Char). */
export function isXmlChar(n: number): boolean {
  return (
    n === 0x9 ||
    n === 0xa ||
    n === 0xd ||
    (n >= 0x20 && n <= 0xd7ff) ||
    (n >= 0xe000 && n <= 0xfffd) ||
    (n >= 0x10000 && n <= 0x10ffff)
  );
}

/** Characters XML 1.0 forbids anywhere (production [2]); text from a decoder has no lone surrogates. */
export const NOT_CHAR = /[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]/;

export function isForbiddenCode(c: number): boolean {
  return (c < 0x20 && c !== 0x9 && c !== 0xa && c !== 0xd) || c === 0xfffe || c === 0xffff;
}

/** The first forbidden character in `s[from, to)`, or -1. */
export function firstForbidden(s: string, from: number, to: number): number {
  if (to <= from) return -1;
  const at = s.slice(from, to).search(NOT_CHAR);
  return at === -1 ? -1 : from + at;
}

export function isSpaceCode(c: number): boolean {
  return c === 0x20 || c === 0xa || c === 0xd || c === 0x9;
}

/** Newlines in `s[from, to)`, counting `\r\n` once and a lone `\r` as one, as XML does. */
export function countLines(s: string, from: number, to: number): number {
  let lines = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c === 0xa || (c === 0xd && s.charCodeAt(i + 1) !== 0xa)) lines++;
  }
  return lines;
}
