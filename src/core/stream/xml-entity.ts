/**
 * Entity references and attribute values for the XML scanner (xml-scanner.ts). Only the five
 * entities XML predefines and character references are known: no DTD is ever read, so a
 * reference to anything else is an "undefined entity" error, as in saxes.
 */
import { firstForbidden, isXmlChar, isXmlName } from './xml-chars.js';
import { XmlSyntaxError, type TextCursor } from './xml-text.js';

/** Longer than any reference but a character reference with absurdly many leading zeros. */
export const MAX_ENTITY = 1024;
const ATTRIBUTE_SPACE = /\r\n|[\t\n\r]/g;

/** Reads the reference at `t.s[at]` (`&`) into `t.entityText`; the index after its `;`, or -1 if the text ends first. */
export function readEntity(t: TextCursor, at: number): number {
  const s = t.s;
  const semi = s.indexOf(';', at + 1);
  const complete = semi !== -1 && semi - at <= MAX_ENTITY;
  // saxes reads a reference up to its `;`: a forbidden character on the way is the error.
  const bad = firstForbidden(s, at + 1, complete ? semi : Math.min(s.length, at + 2 + MAX_ENTITY));
  if (bad !== -1) throw new XmlSyntaxError('disallowed character.', t.lineAt(bad));
  if (!complete) {
    if (semi === -1 && s.length - at <= MAX_ENTITY) return -1;
    // saxes would read on to the next `;`, however far: the one place the scanner stops sooner.
    throw new XmlSyntaxError(
      `unterminated entity reference: no ";" within ${MAX_ENTITY} characters of this "&" (an unescaped "&"?)`,
      t.lineAt(at),
    );
  }
  const name = s.slice(at + 1, semi);
  const text = decodeEntity(name);
  if (text === undefined) throw new XmlSyntaxError(entityError(name), t.lineAt(semi));
  t.entityText = text;
  return semi + 1;
}

/**
 * The value of the attribute between `from` and `to` (its quotes): references decoded, and each
 * tab, newline and `\r\n` read as one space. Undefined if a reference runs past the text. A `<`
 * is an error, but not inside a reference, which saxes reads up to its `;` whatever it holds.
 */
export function attributeValue(t: TextCursor, from: number, to: number): string | undefined {
  const s = t.s;
  let amp = t.nextAmp(from);
  noLessThan(t, from, Math.min(amp, to));
  if (amp >= to) {
    const value = s.slice(from, to);
    return t.hasSpaceToNormalise(from, to) ? value.replace(ATTRIBUTE_SPACE, ' ') : value;
  }
  let value = '';
  let start = from;
  for (; amp < to; amp = t.nextAmp(start)) {
    noLessThan(t, start, amp);
    value += s.slice(start, amp).replace(ATTRIBUTE_SPACE, ' ');
    const after = readEntity(t, amp);
    if (after < 0) return undefined;
    value += t.entityText;
    start = after;
  }
  noLessThan(t, start, to);
  return value + s.slice(start, to).replace(ATTRIBUTE_SPACE, ' ');
}

/** No `<` and no forbidden character (both "disallowed character" to saxes) in `[from, to)`. */
function noLessThan(t: TextCursor, from: number, to: number): void {
  const stop = t.nextStop(from);
  if (stop < to) throw new XmlSyntaxError('disallowed character.', t.lineAt(stop));
}

function decodeEntity(name: string): string | undefined {
  switch (name) {
    case 'lt':
      return '<';
    case 'gt':
      return '>';
    case 'amp':
      return '&';
    case 'apos':
      return "'";
    case 'quot':
      return '"';
  }
  if (name.charCodeAt(0) !== 0x23) return undefined;
  let code = NaN;
  // As saxes: `&#x41;` and `&#65;`; `&#X41;` is malformed.
  if (name[1] === 'x' && /^#x[0-9a-f]+$/i.test(name)) code = parseInt(name.slice(2), 16);
  else if (/^#[0-9]+$/.test(name)) code = parseInt(name.slice(1), 10);
  return isXmlChar(code) ? String.fromCodePoint(code) : undefined;
}

function entityError(name: string): string {
  if (name === '') return 'empty entity name.';
  if (name.startsWith('#')) return 'malformed character entity.';
  return isXmlName(name) ? 'undefined entity.' : 'disallowed character in entity name.';
}
