// Milestones dated by what the document says elsewhere: a plan's list of dated milestones names the
// phases it dates, and a date field under a milestone's heading is the milestone's, not its tasks'.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { collectRoadmap } from '../../../src/core/roadmap/collect.js';
import { planSync } from '../../../src/core/roadmap/plan.js';

const read = (text: string) => collectRoadmap([{ file: 'PLAN.md', text }]);
const dues = (text: string) => read(text).milestones.map((m) => [m.title, m.due ?? null]);
const fixture = readFileSync(new URL('../../fixtures/roadmaps/phase-plan-milestones.md', import.meta.url), 'utf8');
const PHASES =
  '# Plan\n\nStarted 2025-10-06.\n\n## Phase 1: Base\n\n- [ ] A\n\n## Phase 2: Sync\n\n- [ ] B\n\n## Phase 3: Polish\n\n- [ ] C\n\n';

describe("a phase plan's list of dated milestones", () => {
  it('dates the phases each entry names (`Phases 2 and 3` both), and the sync creates them with those dates', () => {
    const roadmap = read(fixture);
    expect(roadmap.milestones.map((m) => [m.title, m.due ?? null])).toEqual([
      ['Phase 1: Foundation', '2025-10-31'],
      ['Phase 2: Conflict handling', '2025-11-21'],
      ['Phase 3: Polish', '2025-11-21'],
      ['Phase 4: Beta', '2025-12-12'],
    ]);
    expect(roadmap.warnings).toEqual([]);
    const plan = planSync(
      roadmap,
      { issues: [], milestones: [], labels: [] },
      { labels: [], closeDone: true, onRemoved: 'close_not_planned', twoWay: true, files: ['PLAN.md'] },
    );
    expect(plan.ops.filter((o) => o.op === 'create_milestone').map((o) => [o.title, o.due_on])).toEqual([
      ['Phase 1: Foundation', '2025-10-31T12:00:00Z'],
      ['Phase 2: Conflict handling', '2025-11-21T12:00:00Z'],
      ['Phase 3: Polish', '2025-11-21T12:00:00Z'],
      ['Phase 4: Beta', '2025-12-12T12:00:00Z'],
    ]);
  });

  it.each([
    ['a numbered range of phases', '- M1: Phases 1–3 (Nov 21)\n', ['2025-11-21', '2025-11-21', '2025-11-21']],
    [
      'a date range: its end',
      '- Phase 2: Nov 1 – Nov 14\n- Phase 3: 2025-11-17 to 2025-12-05\n',
      [null, '2025-11-14', '2025-12-05'],
    ],
    [
      'an ordered list, the date first',
      '1. Oct 31 — Phase 1\n2. Nov 14 — Phase 2\n',
      ['2025-10-31', '2025-11-14', null],
    ],
    [
      'two entries naming one phase: the later date',
      '- Oct 31: Phase 1 demo\n- Nov 14: Phase 1 done, Phase 2 started\n',
      ['2025-11-14', '2025-11-14', null],
    ],
    [
      'entries without a date, or naming no phase of the plan',
      '- Phase 1: soon\n- Phase 7 (Dec 1)\n- Launch party (Dec 5)\n',
      [null, null, null],
    ],
  ])('%s', (_, list, expected) => {
    expect(dues(`${PHASES}## Schedule\n\n${list}`).map(([, due]) => due)).toEqual(expected);
  });

  it('sprints and versions are named too; a list before the phases dates them as well', () => {
    expect(
      dues(
        '# Plan\n\n- Sprint 4 ends Mar 13, 2026\n- v0.3 ships 2026-04-01\n\n## Sprint 4\n\n- [ ] A\n\n## v0.3 — Beta\n\n- [ ] B\n',
      ),
    ).toEqual([
      ['Sprint 4', '2026-03-13'],
      ['v0.3 — Beta', '2026-04-01'],
    ]);
  });

  it('a list inside a phase does not date other phases; a checklist is tasks, not dates', () => {
    const r = read(
      `${PHASES.replace('- [ ] B\n', '- [ ] B\n\n- Phase 3 starts Nov 24\n')}## Next\n\n- [ ] Phase 1 review (Dec 1)\n`,
    );
    expect(r.milestones.map((m) => m.due ?? null)).toEqual([null, null, null]);
  });

  it("a heading's own date wins; a list that says otherwise is a warning", () => {
    const r = read(
      '# Plan\n\nStarted 2025-10-06.\n\n## Phase 1: Base (Oct 31)\n\n- [ ] A\n\n## Dates\n\n- Phase 1: Nov 7\n',
    );
    expect(r.milestones.map((m) => m.due)).toEqual(['2025-10-31']);
    expect(r.warnings.map((w) => [w.line, w.message])).toEqual([
      [
        11,
        'milestone "Phase 1: Base" is due 2025-10-31 by its heading but 2025-11-07 by a list of dated milestones: the heading\'s date is kept',
      ],
    ]);
  });
});

describe("a date field under a milestone's heading", () => {
  it("is the milestone's due date, not a due date of every task under it", () => {
    const r = read(
      '# Plan\n\n## Phase 4: Launch\n**Status:** Not started\n**Target:** 2026-05-01\n\n- [ ] Press kit\n- [ ] Blog post\n',
    );
    expect(r.milestones.map((m) => [m.title, m.due])).toEqual([['Phase 4: Launch', '2026-05-01']]);
    expect(r.items.map((i) => [i.title, i.due ?? null, i.milestone])).toEqual([
      ['Press kit', null, 'Phase 4: Launch'],
      ['Blog post', null, 'Phase 4: Launch'],
    ]);
  });
});
