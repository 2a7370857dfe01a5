// Items the reader used to lose, one class per test, each on a small file of that shape written
// for the test in the shape's conventions.
import { describe, expect, it } from 'vitest';
import { collectRoadmap } from '../../../src/core/roadmap/collect.js';
import { planSync } from '../../../src/core/roadmap/plan.js';

const read = (text: string) => collectRoadmap([{ file: 'ROADMAP.md', text }]);
const rows = (text: string) => read(text).items.map((i) => [i.key, i.status, i.parent ?? null]);

describe('items lost', () => {
  it('an unknown bold field line never hides a heading item: kept in its body, the dependency on it kept', () => {
    const r = read(
      '# Plan\n\n#### P2A.1: Debug the upload\n\n**Risk:** HIGH\n**Status:** IN PROGRESS\n**Notes:** seen twice\n\n- [ ] Capture a trace\n\n#### P2A.2: Docs\n\n**Dependency:** P2A.1\n',
    );
    expect(r.items.map((i) => [i.key, i.status, i.parent ?? null])).toEqual([
      ['P2A.1', 'in_progress', null],
      ['P2A.1/capture-a-trace', 'todo', 'P2A.1'],
      ['P2A.2', 'todo', null],
    ]);
    expect(r.items[0]!.body).toBe('**Risk:** HIGH\n**Notes:** seen twice');
    expect(r.items[2]!.dependsOn).toEqual(['P2A.1']);
    expect(r.warnings).toEqual([]);
  });

  it('a heading followed only by unknown fields is still an item; prose with a colon is not a field block', () => {
    expect(rows('# Plan\n\n#### OPS-7: Rotate keys\n\n**Risk:** LOW\n')).toEqual([['OPS-7', 'todo', null]]);
    expect(rows('# Plan\n\n## 1. Introduction\n\nNote: this document explains the plan.\n')).toEqual([]);
  });

  it('field lines written as a bullet list under a heading item are its fields, unknown ones its body', () => {
    const r = read(
      '# Plan\n\n#### P2A.1: Debug the uploader\n\n- **Risk:** HIGH\n- **Status:** In progress\n- **Priority:** P1\n\n#### P2A.2: Retry queue\n\n- **Status:** Done\n- **Depends on:** P2A.1\n\n#### P2A.3: Notes\n\n- Plain bullet, no field\n- **Status:** Done\n',
    );
    expect(r.items.map((i) => [i.key, i.status, i.priority ?? null, i.dependsOn, i.body])).toEqual([
      ['P2A.1', 'in_progress', 'P1', [], '**Risk:** HIGH'],
      ['P2A.2', 'done', null, ['P2A.1'], ''],
      ['P2A.3', 'todo', null, [], '- Plain bullet, no field\n- **Status:** Done'],
    ]);
    expect(r.items[0]!.statusSpan).toMatchObject({ kind: 'field', raw: 'In progress' });
    // Written with the same bullet as the tasks after them (one list to Markdown): still fields.
    expect(
      rows('# Plan\n\n#### OPS-2: Rotate keys\n\n- **Status:** Done\n\n- [x] Staging\n- [ ] Production\n'),
    ).toEqual([
      ['OPS-2', 'done', null],
      ['OPS-2/staging', 'done', 'OPS-2'],
      ['OPS-2/production', 'todo', 'OPS-2'],
    ]);
  });

  it("Kiro's optional tasks `- [ ]* 4.3 …` are tasks labelled optional", () => {
    const r = read('# Tasks\n\n- [ ] 4. Tests\n  - [ ]* 4.3 Write property tests\n  - [x]* 4.4 Fuzz the reader\n');
    expect(r.items.map((i) => [i.key, i.status, i.parent ?? null, i.labels])).toEqual([
      ['4', 'todo', null, []],
      ['4.3', 'todo', '4', ['optional']],
      ['4.4', 'done', '4', ['optional']],
    ]);
  });

  it('a dotted number extending the previous item’s number is its child, without indentation', () => {
    expect(rows('# Tasks\n\n- [x] 1. Setup\n- [x] 1.1 Repo\n- [ ] 1.2 CI\n- [ ] 2. Parser\n- [ ] 2.1 Lexer\n')).toEqual(
      [
        ['1', 'done', null],
        ['1.1', 'done', '1'],
        ['1.2', 'todo', '1'],
        ['2', 'todo', null],
        ['2.1', 'todo', '2'],
      ],
    );
  });

  it('numbered nesting without indentation goes as deep as the numbers do', () => {
    expect(
      rows('# Tasks\n\n- [ ] 2. Importer\n- [ ] 2.1 Parse CSV\n- [ ]* 2.1.1 Property tests\n- [ ] 2.2 Map columns\n'),
    ).toEqual([
      ['2', 'todo', null],
      ['2.1', 'todo', '2'],
      ['2.1.1', 'todo', '2.1'],
      ['2.2', 'todo', '2'],
    ]);
  });

  it('a section whose status is a field and that has no task under it is an item; with tasks it stays their default', () => {
    const r = read(
      '# Plan\n\n## Phase 1: Base\n**Status:** Complete\n\nRepo and CI.\n\n## Phase 2: Accounts\n**Status:** In Progress\n\n- [x] Sign up\n- [ ] Reset\n',
    );
    expect(r.items.map((i) => [i.title, i.status, i.milestone ?? null])).toEqual([
      ['Phase 1: Base', 'done', null],
      ['Sign up', 'done', 'Phase 2: Accounts'],
      ['Reset', 'todo', 'Phase 2: Accounts'],
    ]);
    expect(r.items[0]!.body).toBe('Repo and CI.');
    expect(r.items[0]!.statusSpan).toMatchObject({ kind: 'field', raw: 'Complete' });
    expect(r.milestones.map((m) => m.title)).toEqual(['Phase 2: Accounts']);
  });

  it('a table whose rows are milestones gives milestones with due dates (a range’s end) and status, or says why not', () => {
    const r = read(
      '# Releases\n\nStarted 2025-11-03.\n\n| Milestone | Theme | Target | Status |\n| --- | --- | --- | --- |\n| v0.5 | Import | 2025-11-20 | ✅ Released |\n| v0.6 | Share<br>links | Dec 2 – Dec 9 | 🚧 In Progress |\n| v0.7 | Offline | 12/2-12/9 | Planned |\n',
    );
    expect(r.milestones.map((m) => [m.title, m.due ?? null, m.status, m.description])).toEqual([
      ['v0.5', '2025-11-20', 'done', 'Import'],
      ['v0.6', '2025-12-09', 'in_progress', 'Share links'],
      ['v0.7', null, 'todo', 'Offline'],
    ]);
    expect(r.items).toEqual([]);
    // Declared milestones are created with no task naming them yet; a done one is created closed.
    const plan = planSync(
      r,
      { issues: [], milestones: [], labels: [] },
      {
        labels: [],
        closeDone: true,
        onRemoved: 'close_not_planned',
        twoWay: true,
        files: ['ROADMAP.md'],
      },
    );
    expect(
      plan.ops.map((o) => (o.op === 'create_milestone' ? [o.title, o.due_on ?? null, o.state ?? 'open'] : o.op)),
    ).toEqual([
      ['v0.5', '2025-11-20T12:00:00Z', 'closed'],
      ['v0.6', '2025-12-09T12:00:00Z', 'open'],
      ['v0.7', null, 'open'],
    ]);
    expect(r.warnings.map((w) => [w.line, w.message])).toEqual([
      [9, 'milestone "v0.7": "12/2-12/9" is no date readygate can read; write it as YYYY-MM-DD or "Dec 9"'],
    ]);
  });

  it('a milestone table numbered by a `#` column is still one; a task table with a Milestone column stays tasks', () => {
    const r = read(
      '# Roadmap\n\n| # | Milestone | Target | Status |\n|---|---|---|---|\n| 1 | Private beta | 2026-02-15 | ✅ Done |\n| 2 | Public beta | 2026-04-01 | 🚧 Active |\n',
    );
    expect(r.items).toEqual([]);
    expect(r.milestones.map((m) => [m.title, m.due, m.status])).toEqual([
      ['Private beta', '2026-02-15', 'done'],
      ['Public beta', '2026-04-01', 'in_progress'],
    ]);
    const tasks = read(
      '| # | Task | Milestone | Status |\n|---|---|---|---|\n| 1 | Login | v1 | Done |\n| 2 | Logout | v1 | Todo |\n',
    );
    expect(tasks.items.map((i) => [i.key, i.title])).toEqual([
      ['1', 'Login'],
      ['2', 'Logout'],
    ]);
    expect(tasks.milestones).toEqual([]);
  });

  it('a table of dated milestones without a Status column is not synced, and says so', () => {
    const r = read(
      '# Releases\n\n| Version | Date | Highlights |\n|---|---|---|\n| v2.0 | 2026-06-01 | Plugins |\n| v2.1 | 2026-08-01 | Themes |\n',
    );
    expect([r.items, r.milestones]).toEqual([[], []]);
    expect(r.warnings.map((w) => [w.line, w.message])).toEqual([
      [
        3,
        'a table of 2 milestone(s) with dates but no Status column: not synced (it may list releases long shipped); add a Status column to make them milestones',
      ],
    ]);
  });

  it('a checklist after a phase’s ID’d task headings is that phase’s criteria, and the headings are its tasks', () => {
    const r = read(
      '# Plan\n\n## Phase 5B: Search\n\n#### 5B.1 Index on save\n\n#### 5B.2 Query API\n\n### Completion Criteria\n\n- [ ] p95 under 200 ms\n- [x] Filters combine\n',
    );
    expect(r.items.map((i) => i.key)).toEqual(['5B.1', '5B.2']);
    expect(r.milestones[0]!.criteria.map((c) => [c.text, c.done, c.heading])).toEqual([
      ['p95 under 200 ms', false, 'Completion Criteria'],
      ['Filters combine', true, 'Completion Criteria'],
    ]);
  });

  it('a bold label naming criteria above a checklist heads it as a criteria heading would; other labels change nothing', () => {
    const r = read(
      '# Plan\n\n## Phase 6A: Sync\n\n#### 6A.1 Conflict detection\n\n#### 6A.2 Merge strategy\n\n**Subtasks:**\n\n- [ ] Three-way merge\n\n**Completion Criteria:**\n- [ ] No data loss in 1,000 random merges\n- [x] Sync under 2 s\n',
    );
    expect(r.items.map((i) => [i.key, i.parent ?? null])).toEqual([
      ['6A.1', null],
      ['6A.2', null],
      ['6A.2/three-way-merge', '6A.2'],
    ]);
    expect(r.items[1]!.body).toBe('**Subtasks:**');
    expect(r.milestones[0]!.criteria.map((c) => [c.text, c.done, c.heading])).toEqual([
      ['No data loss in 1,000 random merges', false, 'Completion Criteria'],
      ['Sync under 2 s', true, 'Completion Criteria'],
    ]);
  });

  it('one ID heading without fields and without siblings of its pattern stays a section', () => {
    expect(rows('# Plan\n\n## 5B.1 Background\n\nSome prose.\n\n- [ ] Task\n')).toEqual([['5B.1/task', 'todo', null]]);
  });
});
