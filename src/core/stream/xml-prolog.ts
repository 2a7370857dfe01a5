/**
 * The part of an XML document before its root element, for the scanner in xml-scanner.ts.
 *
 * Reports start the same few ways: an XML 1.0 declaration, comments, and at most a DOCTYPE that
 * names an external DTD (Cobertura, JaCoCo), which is never fetched. Those are read here. Anything
 * else (an internal DTD subset, where entity bombs live; XML 1.1; processing instructions; a
 * malformed declaration; text) is left to saxes, which then parses the whole document: the prolog
 * comes before the first event, so nothing has been reported yet and nothing is lost.
 */
import { countLines, isNameStartCode, NOT_CHAR } from './xml-chars.js';

export type Prolog =
  /** The prolog is not complete yet: call again with more text. */
  | { kind: 'more' }
  /** Not a prolog this reader vouches for: let saxes parse the document. */
  | { kind: 'saxes' }
  /** The root element's `<` is at `at`, on line `line`. */
  | { kind: 'root'; at: number; line: number };

/** A prolog longer than this is left to saxes rather than held in memory. */
export const MAX_PROLOG = 1024 * 1024;

const S = '[ \\t\\r\\n]';
const XML_DECL = new RegExp(
  `^<\\?xml${S}+version${S}*=${S}*(["'])1\\.0\\1` +
    `(?:${S}+encoding${S}*=${S}*(["'])[A-Za-z][A-Za-z0-9._-]*\\2)?` +
    `(?:${S}+standalone${S}*=${S}*(["'])(?:yes|no)\\3)?${S}*\\?>$`,
);
const QUOTED = `(?:"[\\x20\\x21\\x23-\\x7e]*"|'[\\x20-\\x26\\x28-\\x7e]*')`;
const DOCTYPE = new RegExp(
  `^<!DOCTYPE${S}+[A-Za-z_:][A-Za-z0-9._:-]*(?:${S}+(?:SYSTEM${S}+${QUOTED}|PUBLIC${S}+${QUOTED}${S}+${QUOTED}))?${S}*>$`,
);

export function readProlog(s: string, final: boolean): Prolog {
  const more = (): Prolog => (final || s.length > MAX_PROLOG ? { kind: 'saxes' } : { kind: 'more' });
  let i = 0;
  let doctype = false;
  if (s.startsWith('<?xml')) {
    const end = s.indexOf('?>');
    if (end === -1) return more();
    if (!XML_DECL.test(s.slice(0, end + 2))) return { kind: 'saxes' };
    i = end + 2;
  } else if (s.length < 5 && '<?xml'.startsWith(s)) return more();
  for (;;) {
    while (i < s.length && (s[i] === ' ' || s[i] === '\n' || s[i] === '\t' || s[i] === '\r')) i++;
    if (s.startsWith('<!--', i)) {
      const end = s.indexOf('-->', i + 4);
      if (end === -1) return more();
      const body = s.slice(i + 4, end);
      if (body.includes('--') || body.endsWith('-') || NOT_CHAR.test(body)) return { kind: 'saxes' };
      i = end + 3;
    } else if (s.startsWith('<!DOCTYPE', i)) {
      const end = s.indexOf('>', i);
      if (end === -1) return more();
      if (doctype || !DOCTYPE.test(s.slice(i, end + 1))) return { kind: 'saxes' };
      doctype = true;
      i = end + 1;
    } else if (i + 1 < s.length && s[i] === '<' && isNameStartCode(s.charCodeAt(i + 1))) {
      return { kind: 'root', at: i, line: 1 + countLines(s, 0, i) };
    } else if (isStartOf(s.slice(i))) {
      return more();
    } else {
      return { kind: 'saxes' };
    }
  }
}

/** Whether the text left could still become a comment, a DOCTYPE or the root element. */
function isStartOf(rest: string): boolean {
  return rest === '' || rest === '<' || (rest.length < 9 && ('<!--'.startsWith(rest) || '<!DOCTYPE'.startsWith(rest)));
}
