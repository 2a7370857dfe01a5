/**
 * A plan's list of dated milestones that names its phases (`- Milestone 1 — Phase 1 complete: Oct 31`,
 * `- Milestone 2 (Nov 21): Phases 2 and 3`): each phase, sprint or version the entry names, when the
 * document has it as a milestone, is due on the entry's date. Read from structure, not wording: a
 * plain (not checkbox) list outside any milestone section whose entries carry a date and name units
 * of the plan by their number; the heading above it can say "Milestones", "Timeline" or anything.
 */
import type { List } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Builder } from './builder.js';
import { findDate, MONTH } from './dates.js';
import type { RoadmapMilestone } from './types.js';

/** A unit of a plan and its number: `Phase 2`, `Sprint 4`, `Milestone 1`; with more numbers after (`Phases 2 and 3`, `Phases 2–4`). */
const UNIT_REF =
  /\b(milestone|phase|stage|sprint|iteration|week|wave|increment|cycle|release)s?\s*[-#]?\s*(\d+[a-z]?)((?:\s*(?:,|&|\band\b|-|–|—|\bto\b|\bthrough\b)\s*\d+[a-z]?\b)*)/gi;
/** The same at the start of a milestone's title: `Phase 2: Conflict handling` → `phase 2`. */
const UNIT_TITLE =
  /^(milestone|phase|stage|sprint|iteration|week|wave|increment|cycle|release)\s*[-#]?\s*(\d+[a-z]?)\b/i;
/** A version, in a title or in an entry: `v0.2`, `1.4.0`. */
const VERSION = /\bv?(\d+\.\d+(?:\.\d+)*)\b/gi;
const DAY = `\\b(?:\\d{4}-\\d{2}-\\d{2}|${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?(?:,?\\s+\\d{4})?|\\d{1,2}\\s+${MONTH}(?:\\s+\\d{4})?)`;
/** A date range (`Nov 1 – Nov 21`, `2025-11-01 to 2025-11-21`): its end is the due date. */
const DATE_RANGE = new RegExp(`${DAY}\\s*(?:\\s(?:-|to|until|through)\\s|[–—])\\s*(?<end>${DAY})`, 'i');

/** `phase 2`, `v1.4`: how a milestone is named by other lines of the document. */
function unitOf(title: string): string | undefined {
  const unit = UNIT_TITLE.exec(title);
  if (unit) return `${unit[1]!.toLowerCase()} ${unit[2]!.toLowerCase()}`;
  const version = /^(?:(?:release|version)\s+)?v?(\d+\.\d+(?:\.\d+)*)\b/i.exec(title);
  return version ? `v${version[1]}` : undefined;
}

/** Every unit an entry names: `Phases 2 and 3` → phase 2, phase 3; `Phases 2–4` → 2, 3, 4. */
function unitsIn(text: string): string[] {
  const units: string[] = [];
  for (const m of text.matchAll(UNIT_REF)) {
    const kind = m[1]!.toLowerCase();
    const numbers = [m[2]!, ...[...m[3]!.matchAll(/\d+[a-z]?/gi)].map((n) => n[0])].map((n) => n.toLowerCase());
    const range =
      /^\s*(?:-|–|—|to|through)/i.test(m[3]!) && numbers.length === 2 && numbers.every((n) => /^\d+$/.test(n));
    if (range)
      for (let n = Number(numbers[0]); n <= Number(numbers[1]) && n - Number(numbers[0]) < 20; n++)
        units.push(`${kind} ${n}`);
    else units.push(...numbers.map((n) => `${kind} ${n}`));
  }
  for (const m of text.matchAll(VERSION)) units.push(`v${m[1]}`);
  return units;
}

/** The entry's due date: the end of a range (`Nov 1 – Nov 21`), else its first date. */
function dateIn(text: string): string | undefined {
  const range = DATE_RANGE.exec(text);
  if (range?.groups?.end) return range.groups.end;
  return findDate(text) ? text : undefined;
}

/** Lists that may date milestones: plain lists outside milestone sections, kept until the document is read. */
export function noteDatedList(b: Builder, list: List): void {
  if (b.milestone() || b.inCriteria()) return;
  if (list.children.some((li) => li.checked != null)) return;
  b.datedLists.push(list);
}

/**
 * Dates the milestones the noted lists name. A milestone dated by its own heading keeps that date
 * (a list that says otherwise is a warning); named by several entries, the latest date wins (the
 * unit is due when the last of them is).
 */
export function dateNamedMilestones(b: Builder): void {
  const byUnit = new Map<string, RoadmapMilestone[]>();
  for (const m of b.milestones) {
    const unit = unitOf(m.title);
    if (unit) byUnit.set(unit, [...(byUnit.get(unit) ?? []), m]);
  }
  if (byUnit.size === 0) return;
  const dated = new Map<RoadmapMilestone, { due: string; line: number }>();
  for (const list of b.datedLists) {
    for (const entry of list.children) {
      const first = entry.children[0];
      if (first?.type !== 'paragraph') continue;
      const text = toString(first).replace(/\s+/g, ' ');
      const named = [...new Set(unitsIn(text))].flatMap((u) => byUnit.get(u) ?? []);
      const dateText = named.length > 0 ? dateIn(text) : undefined;
      if (!dateText) continue;
      const line = entry.position?.start.line ?? 0;
      const { due } = b.due(dateText, line);
      if (!due) continue;
      for (const m of named) {
        const seen = dated.get(m);
        if (!seen || due > seen.due) dated.set(m, { due, line });
      }
    }
  }
  for (const [m, { due, line }] of dated) {
    if (!m.due) m.due = due;
    else if (m.due !== due)
      b.warn(
        `milestone "${m.title}" is due ${m.due} by its heading but ${due} by a list of dated milestones: the heading's date is kept`,
        line,
      );
  }
}
