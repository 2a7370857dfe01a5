/**
 * Tables whose rows are milestones (`| Milestone | Theme | Target | Status |`, `| v0.6.0 | … |`): each
 * row is a milestone, declared even before any task names it, with its due date (the end of a range)
 * and its status (a done milestone is created closed). A date cell readygate cannot read is reported,
 * never guessed (`12/2-12/9` could be December or February and September).
 */
import type { RoadmapStatus } from '../model.js';
import type { Builder } from './builder.js';
import { findDate } from './dates.js';
import { statusOf } from './status.js';

type Cell = 'milestone' | 'title' | 'due' | 'status';
type Row = unknown;

/** Splits a date range (`Dec 2 – Dec 9`, `2025-12-02 to 2025-12-09`) into its ends. */
const RANGE = /\s+(?:-|–|—|to|until)\s+|\s*[–—]\s*/i;

export function walkMilestoneTable<R extends Row>(
  b: Builder,
  rows: readonly R[],
  text: (row: R, cell: Cell) => string,
  line: number,
): void {
  let read = 0;
  rows.forEach((row, index) => {
    const title = text(row, 'milestone');
    if (!title) return;
    const at = line + 2 + index;
    const raw = text(row, 'due');
    const end = raw
      .split(RANGE)
      .reverse()
      .find((part) => findDate(part));
    if (raw && !end)
      b.warn(`milestone "${title}": "${raw}" is no date readygate can read; write it as YYYY-MM-DD or "Dec 9"`, at);
    const status: RoadmapStatus | undefined = statusOf(text(row, 'status'));
    const theme = text(row, 'title');
    b.milestones.push({
      title,
      line: at,
      file: b.file,
      criteria: [],
      declared: true,
      ...(theme && { description: theme }),
      ...(status && { status }),
      ...(end && b.due(end, at)),
    });
    read++;
  });
  if (read === 0) b.warn('a milestone table with no milestone named in its rows', line);
}
