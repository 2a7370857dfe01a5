/**
 * A roadmap that contradicts itself: summary lines ("Total Tasks: 30", "✅ Complete: 1",
 * "Completion: 3.3%", "**code-hygiene-master**: 13 tasks") checked against the items the document's
 * own lists and tables hold. Each disagreement is a warning naming the line.
 */
import type { RoadmapStatus } from '../model.js';
import type { Builder } from './builder.js';
import { statusOf } from './status.js';

const TOTAL = /\btotal (?:tasks|items)\s*:\s*(\d+)\b/i;
const STATUS_COUNT = /^[^\p{L}]*([\p{L} ]{2,20}?)\s*:\s*(\d+)\b/u;
const COMPLETION = /\bcompletion\s*:\s*(\d+(?:\.\d+)?)\s*%/i;
const OWNER_COUNT = /^[-*\s]*\**([\w.@-]+)\**\s*:\s*(\d+)\s+tasks?\b/i;

export function checkContradictions(b: Builder, text: string): void {
  const items = b.items;
  const lines = text.split('\n');
  const hasTotal = lines.some((l) => TOTAL.test(l));
  if (!hasTotal || items.length === 0) return;
  const count = (status: RoadmapStatus) => items.filter((i) => i.status === status).length;
  const say = (line: number, claim: string, actual: string) =>
    b.warn(`the document says ${claim} but its items say ${actual}`, line);
  lines.forEach((raw, index) => {
    const line = index + 1;
    const plain = raw.replace(/[*_`]/g, '');
    const total = TOTAL.exec(plain);
    if (total) {
      if (Number(total[1]) !== items.length) say(line, `${total[1]} tasks in total`, `${items.length}`);
      return;
    }
    const completion = COMPLETION.exec(plain);
    if (completion) {
      const pct = (count('done') / items.length) * 100;
      if (Math.abs(pct - Number(completion[1])) > 0.5)
        say(line, `${completion[1]}% complete`, `${pct.toFixed(1)}% (${count('done')}/${items.length})`);
      return;
    }
    const owner = OWNER_COUNT.exec(plain);
    if (owner) {
      const name = owner[1]!.toLowerCase();
      const actual = items.filter(
        (i) => i.owner?.toLowerCase() === name || i.assignee?.toLowerCase() === name.replace(/^@/, ''),
      ).length;
      if (actual !== Number(owner[2]) && (actual > 0 || items.some((i) => i.owner)))
        say(line, `${owner[1]} has ${owner[2]} tasks`, `${actual}`);
      return;
    }
    const statusLine = STATUS_COUNT.exec(plain);
    if (statusLine && /^\s*[-*]|^\s*\p{Extended_Pictographic}/u.test(raw)) {
      const status = statusOf(statusLine[1]!) ?? statusOf(raw.slice(0, raw.indexOf(':')));
      if (status && count(status) !== Number(statusLine[2]))
        say(line, `${statusLine[1]!.trim()}: ${statusLine[2]}`, `${count(status)}`);
    }
  });
}
