/**
 * Item identity. An explicit ID at the start of a title (`SEC-001`, `P2A.1:`, `T001`, `1.`, `2.1`)
 * is the key; otherwise the key is a slug of the section path and title, so it stays stable while
 * neither changes.
 */

/** `SEC-001`, `ITEM-001`, `P2A.1`, `5B.1`, `T001`, `US-12`: letters, then digits, dots, letters. Not P0–P4. */
const WORD_ID =
  /^([A-Z][A-Z0-9]*-\d+[A-Z0-9.]*|[A-Z]{1,4}\d+[A-Z]?(?:\.\d+)*|\d+[A-Z]{1,3}\.\d+(?:\.\d+)*|T\d{3,})(?=[:.\s)\]]|\s[-–—]|$)[:.)]?\s*(?:[-–—]\s*)?/;
/** `1.`, `2.1`, `3.2.1.` numbered titles. */
const NUMBER_ID = /^(\d+(?:\.\d+)*)\.?(?=\s)\s*/;
const PRIORITY_WORD = /^P[0-4]$/;

export interface SplitTitle {
  id?: string;
  title: string;
}

/** Letters then one or two digits, unpadded (`C2V`, `HTTP2`, `S3`, `Q4`): a word as often as an ID (`T001` is padded: an ID). */
const BARE_ID = /^[A-Z]{1,4}[1-9]\d?[A-Z]?$/;
/** What follows an ID that a word would not have: `A1: Title`, `A1. Title`, `A1) Title`, `A1 - Title`. */
const SEPARATED = /^\S+(?:[:.)]|\s+[-–—])/;

/**
 * `splitId('P2A.1: Add login')` → `{ id: 'P2A.1', title: 'Add login' }`. A bare letters-and-digits
 * word (`C2V translator`, `HTTP2 support`) is an ID only with a separator after it, or when its list
 * shows a pattern of such IDs (`pattern`: `A1 Login`, `A2 Signup`).
 */
export function splitId(text: string, pattern = false): SplitTitle {
  const trimmed = text.trim();
  const word = WORD_ID.exec(trimmed);
  const bare = word !== null && BARE_ID.test(word[1]!) && !pattern && !SEPARATED.test(trimmed);
  if (word && !bare && !PRIORITY_WORD.test(word[1]!) && word[0].length < trimmed.length) {
    return { id: word[1]!.replace(/\.$/, ''), title: trimmed.slice(word[0].length).trim() };
  }
  const num = NUMBER_ID.exec(trimmed);
  if (num && num[0].length < trimmed.length) return { id: num[1]!, title: trimmed.slice(num[0].length).trim() };
  return { title: trimmed };
}

/** Whether a whole table cell is an ID (`SEC-001`). */
/** The letter stems that two or more of these titles share as bare IDs (`A1 …`, `A2 …` → `A`). */
export function idPatterns(titles: readonly string[]): Set<string> {
  const counts = new Map<string, number>();
  for (const t of titles) {
    const m = /^([A-Z]{1,4})\d+[A-Z]?(?=\s)/.exec(t.trim());
    if (m) counts.set(m[1]!, (counts.get(m[1]!) ?? 0) + 1);
  }
  return new Set([...counts].filter(([, n]) => n >= 2).map(([stem]) => stem));
}

export function isId(text: string): boolean {
  const t = text.trim();
  return (WORD_ID.test(t) && !PRIORITY_WORD.test(t) && !/\s/.test(t)) || /^\d+(\.\d+)*$/.test(t);
}

export function slug(text: string): string {
  return text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** `derivedKey(['Phase 1'], 'Write docs')` → `phase-1/write-docs`. Long paths keep their last part. */
export function derivedKey(section: readonly string[], title: string): string {
  const parts = [...section.map(slug).filter(Boolean), slug(title) || 'item'];
  let key = parts.join('/');
  while (key.length > 120 && parts.length > 1) {
    parts.shift();
    key = parts.join('/');
  }
  return key.slice(0, 120);
}
