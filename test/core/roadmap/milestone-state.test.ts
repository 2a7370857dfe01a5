// An existing milestone kept in step with the roadmap: its due date follows the file, and so does its
// open/closed state where the file declares a status for it (a milestone table), merged three ways
// through the note readygate keeps in the description.
import { describe, expect, it } from 'vitest';
import { collectRoadmap } from '../../../src/core/roadmap/collect.js';
import type { SyncOptions } from '../../../src/core/roadmap/desired.js';
import { notedState, withNote } from '../../../src/core/roadmap/milestone-ops.js';
import { planSync } from '../../../src/core/roadmap/plan.js';
import { renderPlanMarkdown } from '../../../src/core/roadmap/plan-markdown.js';
import { renderPlanText } from '../../../src/core/roadmap/render-plan.js';
import type { CurrentMilestone } from '../../../src/core/roadmap/state.js';

const OPTIONS: SyncOptions = {
  labels: [],
  closeDone: true,
  onRemoved: 'close_not_planned',
  twoWay: true,
  files: ['ROADMAP.md'],
};
const table = (status: string, target = '2026-03-01') =>
  `# Releases\n\n| Milestone | Target | Status |\n| --- | --- | --- |\n| v1.0 | ${target} | ${status} |\n`;
const OURS = 'From `ROADMAP.md` (readygate roadmap sync).';
const onGitHub = (
  state: 'open' | 'closed',
  description: string | undefined,
  due = '2026-03-01',
): CurrentMilestone[] => [{ number: 7, title: 'v1.0', due, state, ...(description !== undefined && { description }) }];
const plan = (text: string, milestones: CurrentMilestone[], options: Partial<SyncOptions> = {}) =>
  planSync(
    collectRoadmap([{ file: 'ROADMAP.md', text }]),
    { issues: [], milestones, labels: [] },
    { ...OPTIONS, ...options },
  );

describe('an existing milestone', () => {
  it.each([
    [
      'done in the file, open where readygate left it open: closed',
      '✅ Released',
      'open',
      withNote(OURS, 'open'),
      { state: 'closed', description: withNote(OURS, 'closed') },
    ],
    [
      'back in progress in the file after readygate closed it: reopened',
      '🚧 In progress',
      'closed',
      withNote(OURS, 'closed'),
      { state: 'open', description: withNote(OURS, 'open') },
    ],
    [
      'made before notes were kept: the file wins once, and the note is written',
      '✅ Done',
      'open',
      OURS,
      { state: 'closed', description: withNote(OURS, 'closed') },
    ],
    [
      'made by hand (not our description): closed, its description left alone',
      '✅ Done',
      'open',
      'Q1 scope',
      { state: 'closed' },
    ],
    [
      'closed on GitHub and the file caught up: only the note changes',
      '✅ Done',
      'closed',
      withNote(OURS, 'open'),
      { description: withNote(OURS, 'closed') },
    ],
  ])('%s', (_, status, state, description, change) => {
    const { ops, warnings } = plan(table(status), onGitHub(state as 'open' | 'closed', description));
    expect(ops).toEqual([{ op: 'update_milestone', number: 7, title: 'v1.0', ...change }]);
    expect(warnings).toEqual([]);
  });

  it('closed on GitHub while the file still says in progress: kept and reported (two_way), reopened (two_way: false)', () => {
    const closedByHand = onGitHub('closed', withNote(OURS, 'open'));
    const kept = plan(table('🚧 In progress'), closedByHand);
    expect(kept.ops).toEqual([]);
    expect(kept.warnings).toEqual([
      'milestone "v1.0" was closed on GitHub while the roadmap (ROADMAP.md:5) still says in progress: GitHub\'s is kept; update the roadmap to match',
    ]);
    expect(plan(table('🚧 In progress'), closedByHand, { twoWay: false }).ops).toEqual([
      { op: 'update_milestone', number: 7, title: 'v1.0', state: 'open', description: withNote(OURS, 'open') },
    ]);
  });

  it('in step: nothing to write; a new due date moves it, and the plan says what changes', () => {
    expect(plan(table('✅ Done'), onGitHub('closed', withNote(OURS, 'closed'))).ops).toEqual([]);
    const moved = plan(table('✅ Done', '2026-03-15'), onGitHub('open', withNote(OURS, 'open')));
    expect(moved.ops).toEqual([
      {
        op: 'update_milestone',
        number: 7,
        title: 'v1.0',
        due_on: '2026-03-15T12:00:00Z',
        was: '2026-03-01',
        state: 'closed',
        description: withNote(OURS, 'closed'),
      },
    ]);
    expect(renderPlanText(moved)).toContain(
      '- milestone "v1.0" due 2026-03-15 (was 2026-03-01), closed (the roadmap says it is finished)',
    );
    expect(renderPlanMarkdown(moved)).toMatch(
      /^This change will create or update 1 milestone\.\n\n- Close milestone v1\.0 due 2026-03-15/,
    );
  });

  it('a milestone whose status the file does not declare (a heading) keeps its state', () => {
    const text = '# Plan\n\n## v1.0 (2026-03-01)\n\n- [x] Ship it\n';
    const closed = { issues: [], labels: [], milestones: onGitHub('closed', OURS) };
    expect(
      planSync(collectRoadmap([{ file: 'ROADMAP.md', text }]), closed, OPTIONS).ops.filter((o) =>
        o.op.endsWith('milestone'),
      ),
    ).toEqual([]);
  });

  it('a new milestone with a declared status carries the note from its creation', () => {
    const [create] = plan(table('✅ Done'), []).ops;
    expect(create).toMatchObject({ op: 'create_milestone', state: 'closed' });
    expect(notedState((create as { description: string }).description)).toBe('closed');
  });
});
