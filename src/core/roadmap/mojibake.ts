/**
 * Repairs double-encoded UTF-8: text that was UTF-8, read as a single-byte code page and saved as
 * UTF-8 again. Two code pages make nearly all of it: Windows-1252 (✅ shows as `âœ…`, 🎯 as `ðŸŽ¯`)
 * and Mac Roman, what older macOS tools and editors assume (✅ shows as `‚úÖ`, 📅 as `üìÖ`).
 * Hand-written because no installed library does it and the rule is small: a run of characters
 * whose bytes in that code page form one valid UTF-8 sequence (lead byte C2–F4 plus the right
 * number of continuation bytes) is decoded back.
 */

/** One single-byte code page, by what its bytes 0x80–0xFF read as. */
interface CodePage {
  name: 'Windows-1252' | 'Mac Roman';
  byteOf: Map<string, number>;
  sequence: RegExp;
  /** Lead bytes of 2-byte sequences believed without other evidence: they decode to accented Latin. */
  trustedLeads: ReadonlySet<number>;
}

/**
 * Mac Roman's 0xF0 is the Apple logo, a private-use character (U+F8FF; glibc's iconv writes U+E01E)
 * that other systems show as nothing and tools often drop: 📅 (F0 9F 93 85) then reads `üìÖ`. A
 * 4-byte lead is taken as 0xF0 when one of those, and an emoji whose lead is gone is found by its
 * second byte, 0x9F (`ü`), and two more continuation bytes.
 */
const APPLE_LOGO = ['\uf8ff', '\ue01e'];
/** Emoji blocks (U+1F300–U+1FAFF) a lead-less sequence must decode into to count. */
const EMOJI = /^[\u{1f300}-\u{1faff}]$/u;

/**
 * Windows-1252 characters in 0x80–0x9F, by byte; 0xA0–0xFF read as Latin-1. Undefined bytes stay
 * as the C1 control chars.
 */
const CP1252_HIGH = `€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ${latin1(0xa0, 0xff)}`;
/** Mac Roman characters in 0x80–0xFF, by byte (Apple's table since 1998: 0xDB is €, 0xF0 the Apple logo). */
const MAC_ROMAN_HIGH =
  'ÄÅÇÉÑÖÜáàâäãåçéèêëíìîïñóòôöõúùûü†°¢£§•¶ß®©™´¨≠ÆØ∞±≤≥¥µ∂∑∏π∫ªºΩæø' +
  '¿¡¬√ƒ≈∆«»…\u00a0ÀÃÕŒœ–—“”‘’÷◊ÿŸ⁄€‹›ﬁﬂ‡·‚„‰ÂÊÁËÈÍÎÏÌÓÔ\uf8ffÒÚÛÙıˆ˜¯˘˙˚¸˝˛ˇ';

function latin1(from: number, to: number): string {
  let s = '';
  for (let b = from; b <= to; b++) s += String.fromCharCode(b);
  return s;
}

function codePage(name: CodePage['name'], high: string, trustedLeads: number[]): CodePage {
  const byteOf = new Map<string, number>();
  [...high].forEach((c, i) => byteOf.set(c, 0x80 + i));
  const mac = name === 'Mac Roman';
  if (mac) for (const c of APPLE_LOGO) byteOf.set(c, 0xf0);
  // Windows-1252's undefined bytes (0x81, 0x8D, …) were passed through as the C1 controls.
  if (name === 'Windows-1252') for (let b = 0x80; b <= 0x9f; b++) byteOf.set(String.fromCharCode(b), b);
  const chars = (from: number, to: number) => {
    const set = [...byteOf].filter(([, b]) => b >= from && b <= to).map(([c]) => c);
    return `[${set.map((c) => `\\u{${c.codePointAt(0)!.toString(16)}}`).join('')}]`;
  };
  const cont = chars(0x80, 0xbf);
  const leadless = mac ? `|\\u{fc}${cont}{2}` : '';
  const sequence = new RegExp(
    `${chars(0xc2, 0xdf)}${cont}|${chars(0xe0, 0xef)}${cont}{2}|${chars(0xf0, 0xf4)}${cont}{3}${leadless}`,
    'gu',
  );
  return { name, byteOf, sequence, trustedLeads: new Set(trustedLeads) };
}

const CODE_PAGES: readonly CodePage[] = [
  // Ã© (é), Â  (no-break space), Ä/Å leads: accented Latin
  codePage('Windows-1252', CP1252_HIGH, [0xc2, 0xc3, 0xc4, 0xc5]),
  // √© (é), ¬† (no-break space): signs no real text puts before those characters
  codePage('Mac Roman', MAC_ROMAN_HIGH, [0xc2, 0xc3]),
];

const decoder = new TextDecoder('utf-8', { fatal: true });

export interface Repaired {
  text: string;
  /** How many sequences were repaired. */
  count: number;
  /** The code page the UTF-8 had been read as, and the first repair, for the warning. */
  encoding?: CodePage['name'];
  example?: { from: string; to: string };
}

/**
 * `repairMojibake('Done âœ…')` → `{ text: 'Done ✅', count: 1, encoding: 'Windows-1252', … }`, and
 * `repairMojibake('Done ‚úÖ')` the same through Mac Roman. Text without mojibake is returned as is.
 * Real text can hold what looks like a 2-byte sequence (`Gruß“`: ß then a curly quote), so those
 * are repaired only when they decode to accented Latin (`Ã©` → é) or when the text shows 3- or
 * 4-byte mojibake elsewhere (`âœ…`, `‚úÖ`), which real text does not. A file is read as having
 * gone through one code page: the one with more such evidence.
 */
export function repairMojibake(text: string): Repaired {
  const ranked = CODE_PAGES.map((page) => ({ page, evidence: evidenceOf(text, page) })).sort(
    (a, b) => b.evidence - a.evidence,
  );
  for (const { page, evidence } of ranked) {
    const repaired = repairWith(text, page, evidence > 0);
    if (repaired.count > 0) return repaired;
  }
  return { text, count: 0 };
}

function decode(seq: string, page: CodePage): string | undefined {
  const bytes = [...seq].map((c) => page.byteOf.get(c) ?? 0);
  // A sequence that starts with a continuation byte is an emoji whose 0xF0 lead was dropped.
  const leadless = bytes[0]! < 0xc0;
  try {
    const text = decoder.decode(Uint8Array.from(leadless ? [0xf0, ...bytes] : bytes));
    return leadless && !EMOJI.test(text) ? undefined : text;
  } catch (error) {
    if (error instanceof TypeError) return undefined; // not a valid UTF-8 sequence: real text, keep it
    throw error;
  }
}

/** How many 3- and 4-byte sequences in `text` decode through `page`: mojibake real text does not hold. */
function evidenceOf(text: string, page: CodePage): number {
  let n = 0;
  for (const m of text.matchAll(page.sequence)) if ([...m[0]].length > 2 && decode(m[0], page) !== undefined) n++;
  return n;
}

function repairWith(text: string, page: CodePage, evidence: boolean): Repaired {
  let count = 0;
  let example: Repaired['example'];
  const out = text.replace(page.sequence, (seq) => {
    if ([...seq].length === 2 && !evidence && !page.trustedLeads.has(page.byteOf.get(seq[0]!) ?? 0)) return seq;
    const decoded = decode(seq, page);
    if (decoded === undefined) return seq;
    count++;
    example ??= { from: seq, to: decoded };
    return decoded;
  });
  return count > 0 ? { text: out, count, encoding: page.name, ...(example && { example }) } : { text, count: 0 };
}
