/**
 * Milestones: created with their due date, description and (when the roadmap declares one) their
 * state; kept in step afterwards. A milestone's due date follows the file. Its open/closed state
 * follows a status the file declares for it (a milestone table's status, `Alpha 4 - Completed …`),
 * merged three ways like an issue's: the description carries a hidden note of the state readygate
 * left it in (`<!-- readygate:milestone state=closed -->`), so a milestone closed or reopened on
 * GitHub while the file did not change is drift, kept and reported, not overwritten.
 */
import { uniqueMilestones, type Roadmap } from './collect.js';
import type { PlanOp } from './plan-types.js';
import type { CurrentMilestone } from './state.js';
import type { RoadmapMilestone } from './types.js';

const NOTE = /<!-- readygate:milestone state=(open|closed) -->/;

/** The state readygate last left a milestone in, from its description. */
export function notedState(description: string | undefined): 'open' | 'closed' | undefined {
  return NOTE.exec(description ?? '')?.[1] as 'open' | 'closed' | undefined;
}

/** `description` with its note saying `state` (added at the end when it has none). */
export function withNote(description: string, state: 'open' | 'closed'): string {
  const note = `<!-- readygate:milestone state=${state} -->`;
  return NOTE.test(description) ? description.replace(NOTE, note) : `${description.trimEnd()}\n\n${note}`;
}

/** GitHub normalises due_on to midnight US Pacific: noon UTC keeps the date. */
export function dueOn(date: string): string {
  return `${date}T12:00:00Z`;
}

/** The state a declared status asks for: done and cancelled close, the rest stay open. */
function wantedState(m: RoadmapMilestone): 'open' | 'closed' | undefined {
  if (!m.status) return undefined;
  return m.status === 'done' || m.status === 'cancelled' ? 'closed' : 'open';
}

export function milestoneOps(
  roadmap: Roadmap,
  current: readonly CurrentMilestone[],
  twoWay: boolean,
  warnings: string[],
): PlanOp[] {
  const used = new Set(roadmap.items.map((i) => i.milestone).filter(Boolean));
  const ops: PlanOp[] = [];
  for (const m of uniqueMilestones(roadmap.milestones).filter((m) => used.has(m.title) || m.declared)) {
    const have = current.find((c) => c.title === m.title);
    const state = wantedState(m);
    if (!have) {
      ops.push(createOp(m, state));
      continue;
    }
    const update: Extract<PlanOp, { op: 'update_milestone' }> = {
      op: 'update_milestone',
      number: have.number,
      title: m.title,
    };
    if (m.due && have.due !== m.due) Object.assign(update, { due_on: dueOn(m.due) }, have.due && { was: have.due });
    if (state) restate(update, m, state, have, twoWay, warnings);
    if (update.due_on || update.state || update.description !== undefined) ops.push(update);
  }
  return ops;
}

function createOp(m: RoadmapMilestone, state: 'open' | 'closed' | undefined): PlanOp {
  const criteria = m.criteria.map((c) => `- [${c.done ? 'x' : ' '}] ${c.text}`).join('\n');
  const about = m.description ? `${m.description}\n\n` : '';
  const description = `${about}From \`${m.file}\` (readygate roadmap sync).${criteria ? `\n\n${criteria}` : ''}`;
  return {
    op: 'create_milestone',
    title: m.title,
    ...(m.due && { due_on: dueOn(m.due) }),
    description: state ? withNote(description, state) : description,
    ...(state === 'closed' && { state: 'closed' as const }),
  };
}

/**
 * The state the file declares, against GitHub's and the one readygate left (the note). Without a
 * note (a milestone made by hand, or before notes were kept) the file wins once; the note is only
 * written into descriptions readygate wrote.
 */
function restate(
  update: Extract<PlanOp, { op: 'update_milestone' }>,
  m: RoadmapMilestone,
  state: 'open' | 'closed',
  have: CurrentMilestone,
  twoWay: boolean,
  warnings: string[],
): void {
  const noted = notedState(have.description);
  const ours = noted !== undefined || (have.description ?? '').includes('(readygate roadmap sync)');
  const note = (s: 'open' | 'closed') => {
    if (ours) update.description = withNote(have.description ?? '', s);
  };
  if (have.state === state) {
    if (ours && noted !== state) note(state); // GitHub caught up with the file: remember it
    return;
  }
  if (twoWay && noted !== undefined && noted === state) {
    // The file still says what readygate last wrote; GitHub was changed since: GitHub's is kept.
    warnings.push(
      `milestone "${m.title}" was ${have.state === 'closed' ? 'closed' : 'reopened'} on GitHub while the roadmap (${m.file}:${m.line}) still says ${m.status!.replace('_', ' ')}: GitHub's is kept; update the roadmap to match`,
    );
    return;
  }
  update.state = state;
  note(state);
}
