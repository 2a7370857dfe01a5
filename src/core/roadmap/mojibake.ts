/**
 * Repairs double-encoded UTF-8: text that was UTF-8, read as Windows-1252 (or Latin-1) and saved as
 * UTF-8 again, so ✅ shows as `âœ…` and 🎯 as `ðŸŽ¯`. Hand-written because no installed library does
 * it and the rule is small: a run of characters whose Windows-1252 bytes form one valid UTF-8
 * sequence (lead byte C2–F4 plus the right number of continuation bytes) is decoded back.
 */

/** Windows-1252 characters in 0x80–0x9F, by byte. Undefined bytes stay as the C1 control chars. */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

const BYTE_OF = new Map<string, number>();
for (let i = 0; i < 32; i++) BYTE_OF.set(CP1252_HIGH[i]!, 0x80 + i);
for (let b = 0x80; b <= 0x9f; b++) if (!BYTE_OF.has(String.fromCharCode(b))) BYTE_OF.set(String.fromCharCode(b), b);
for (let b = 0xa0; b <= 0xff; b++) BYTE_OF.set(String.fromCharCode(b), b);

const CONT = `[\\u0080-\\u00bf${CP1252_HIGH.replace(/[\u0080-\u009f]/g, '')}]`;
/** Named so the intent reads: a 2-, 3- or 4-byte UTF-8 sequence seen through Windows-1252. */
const MOJIBAKE_SEQUENCE = new RegExp(
  `[\\u00c2-\\u00df]${CONT}|[\\u00e0-\\u00ef]${CONT}{2}|[\\u00f0-\\u00f4]${CONT}{3}`,
  'g',
);

const decoder = new TextDecoder('utf-8', { fatal: true });

export interface Repaired {
  text: string;
  /** How many sequences were repaired. */
  count: number;
}

/**
 * `repairMojibake('Done âœ…')` → `{ text: 'Done ✅', count: 1 }`. Text without mojibake is returned
 * as is. Real text can hold what looks like a 2-byte sequence (`Gruß“`: ß then a curly quote), so
 * those are repaired only when they decode to accented Latin (`Ã©` → é, `Â ` → a no-break space)
 * or when the text shows 3- or 4-byte mojibake elsewhere (`âœ…`, `ðŸŽ¯`), which real text does not.
 */
export function repairMojibake(text: string): Repaired {
  const decode = (seq: string): string | undefined => {
    const bytes = Uint8Array.from([...seq].map((c) => BYTE_OF.get(c) ?? 0));
    try {
      return decoder.decode(bytes);
    } catch (error) {
      if (error instanceof TypeError) return undefined; // not a valid UTF-8 sequence: real Latin-1 text, keep it
      throw error;
    }
  };
  let evidence = false;
  for (const m of text.matchAll(MOJIBAKE_SEQUENCE)) {
    if (m[0].length > 2 && decode(m[0]) !== undefined) {
      evidence = true;
      break;
    }
  }
  let count = 0;
  const out = text.replace(MOJIBAKE_SEQUENCE, (seq) => {
    if (seq.length === 2 && !evidence && seq.charCodeAt(0) > 0xc5) return seq;
    const decoded = decode(seq);
    if (decoded === undefined) return seq;
    count++;
    return decoded;
  });
  return { text: out, count };
}
