/**
 * Status words and marks → todo | in_progress | done | blocked | cancelled. Covers the emoji and
 * words roadmaps use (🔴 Pending, 🟡 In Progress, ✅ Complete, ⬜, "Done", "NOT STARTED", [x]).
 */
import type { RoadmapStatus } from '../model.js';

/** Checked in order: "NOT STARTED" is todo before "started" can make it in progress. */
const RULES: [RoadmapStatus, RegExp][] = [
  ['cancelled', /\b(cancell?ed|dropped|won'?t ?(do|fix)|wontfix|abandoned|obsolete|not planned|descoped)\b|❌/iu],
  ['blocked', /\b(blocked|on hold|stuck)\b|⛔|🛑|🚫/iu],
  [
    'todo',
    /\b(not[ -]started|pending|to[ -]?do|open|planned|backlog|not done|incomplete|queued|new)\b|🔴|⬜|☐|⭕|\[ \]/iu,
  ],
  [
    'in_progress',
    /\b(in[ -]?progress|wip|started|ongoing|underway|doing|partial(ly)?|in review|active)\b|🟡|🟠|🚧|🔄|⏳|🔶/iu,
  ],
  [
    'done',
    /\b(done|complete[d]?|finished|shipped|closed|resolved|merged|fixed|implemented|released)\b|✅|✔|✓|☑|🟢|\[x\]/iu,
  ],
];

/** The status a cell, field or heading mark names; undefined when it names none. */
export function statusOf(raw: string): RoadmapStatus | undefined {
  const text = raw.trim();
  if (!text) return undefined;
  for (const [status, rule] of RULES) if (rule.test(text)) return status;
  return undefined;
}

/** A status mark at the start or end of a heading: `### Phase 1 ✅`, `## v0.1.0 -- Foundation [ ]`. */
// Every mark DEFAULT_WORDS.heading writes back (⛔ blocked, ❌ cancelled included) reads as one.
export const HEADING_STATUS =
  /^(?:(\[[ xX]\]|✅|✔️?|✓|☑️?|⬜|🚧|🟡|🔴|🟢|⛔|❌)\s*)|(?:\s*(\[[ xX]\]|✅|✔️?|✓|☑️?|⬜|🚧|🟡|🔴|🟢|⛔|❌))$/u;

/** How a status is written back, in the style the document already uses for that kind of span. */
export const DEFAULT_WORDS: Record<'table' | 'field' | 'heading', Record<RoadmapStatus, string>> = {
  table: {
    todo: '🔴 Pending',
    in_progress: '🟡 In Progress',
    done: '✅ Complete',
    blocked: '⛔ Blocked',
    cancelled: 'Cancelled',
  },
  field: {
    todo: 'NOT STARTED',
    in_progress: 'IN PROGRESS',
    done: 'COMPLETE',
    blocked: 'BLOCKED',
    cancelled: 'CANCELLED',
  },
  heading: { todo: '⬜', in_progress: '🚧', done: '✅', blocked: '⛔', cancelled: '❌' },
};
