/**
 * Dates in roadmap prose: ISO (`2026-03-01`), `October 24, 2025`, `Oct 31`, `31 Oct 2025`. Dates
 * without a year take it from the document's own dated lines (a "Start Date:" line first, else the
 * earliest full date); with no such line the date is ambiguous and reported, never guessed.
 */

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
/** A month's name or abbreviation (one capture group). */
export const MONTH =
  '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const ISO_DATE = /\b(\d{4})-(\d{2})-(\d{2})\b/;
const MONTH_DAY_YEAR = new RegExp(`\\b${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?\\b`, 'i');
const DAY_MONTH_YEAR = new RegExp(`\\b(\\d{1,2})\\s+${MONTH}(?:,?\\s+(\\d{4}))?\\b`, 'i');
const START_LINE = /\b(start(?:ed|s)?|kick-?off|began|created|date)\b[^:\n]*:/i;

export interface FoundDate {
  month: number;
  day: number;
  year?: number;
}

/** The first date in `text`, with or without a year. */
export function findDate(text: string): FoundDate | undefined {
  const iso = ISO_DATE.exec(text);
  if (iso) return { year: Number(iso[1]), month: Number(iso[2]), day: Number(iso[3]) };
  const mdy = MONTH_DAY_YEAR.exec(text);
  if (mdy) return { month: monthIndex(mdy[1]!), day: Number(mdy[2]), ...(mdy[3] && { year: Number(mdy[3]) }) };
  const dmy = DAY_MONTH_YEAR.exec(text);
  if (dmy) return { month: monthIndex(dmy[2]!), day: Number(dmy[1]), ...(dmy[3] && { year: Number(dmy[3]) }) };
  return undefined;
}

function monthIndex(name: string): number {
  return MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;
}

export function isoDate(year: number, month: number, day: number): string | undefined {
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return undefined;
  return d.toISOString().slice(0, 10);
}

/** The document's anchor: a full date on a "Start Date:"-like line, else its earliest full date. */
export function anchorDate(lines: readonly string[]): string | undefined {
  let earliest: string | undefined;
  for (const line of lines) {
    const found = findDate(line);
    if (!found?.year) continue;
    const iso = isoDate(found.year, found.month, found.day);
    if (!iso) continue;
    if (START_LINE.test(line)) return iso;
    if (!earliest || iso < earliest) earliest = iso;
  }
  return earliest;
}

export type Resolved = { date: string } | { ambiguous: string };

/**
 * A found date as YYYY-MM-DD. Without a year: the first date on or after the anchor (allowing two
 * weeks of slack for a milestone dated just before the start line).
 * `resolveDate({ month: 10, day: 31 }, '2025-10-24')` → `{ date: '2025-10-31' }`.
 */
export function resolveDate(found: FoundDate, anchor: string | undefined): Resolved {
  const label = `${MONTHS[found.month - 1] ?? '?'} ${found.day}`;
  if (found.year !== undefined) {
    const iso = isoDate(found.year, found.month, found.day);
    return iso ? { date: iso } : { ambiguous: `${found.year}-${found.month}-${found.day} is not a calendar date` };
  }
  if (!anchor) return { ambiguous: `"${label}" has no year and the document has no dated line to take one from` };
  const anchorYear = Number(anchor.slice(0, 4));
  const slack = new Date(Date.parse(anchor) - 14 * 86_400_000).toISOString().slice(0, 10);
  for (const year of [anchorYear, anchorYear + 1]) {
    const iso = isoDate(year, found.month, found.day);
    if (iso && iso >= slack) return { date: iso };
  }
  return { ambiguous: `"${label}" is not a calendar date` };
}
