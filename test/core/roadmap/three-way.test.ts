import { describe, expect, it } from 'vitest';
import { collectRoadmap } from '../../../src/core/roadmap/collect.js';
import { desiredIssue, type SyncOptions } from '../../../src/core/roadmap/desired.js';
import { fieldHash, managedRegion, readMarker, type Marker } from '../../../src/core/roadmap/marker.js';
import { planSync } from '../../../src/core/roadmap/plan.js';
import type { CurrentIssue, CurrentState } from '../../../src/core/roadmap/state.js';

const OPTIONS: SyncOptions = { labels: [], closeDone: true, onRemoved: 'ignore', twoWay: true, files: ['R.md'] };
const plan = (text: string, current: CurrentState) =>
  planSync(collectRoadmap([{ file: 'R.md', text }]), current, OPTIONS);

/** GitHub as a sync of `text` left it, then `edit` applied to the issue (as a person on GitHub would). */
function syncedWith(text: string, edit: (issue: CurrentIssue, marker: Marker) => void = () => {}): CurrentState {
  const issues = collectRoadmap([{ file: 'R.md', text }]).items.map((item, i): CurrentIssue => {
    const want = desiredIssue(item, OPTIONS);
    const marker: Marker = {
      key: want.key,
      source: 'R.md',
      hash: want.hash,
      status: item.status,
      state: 'open',
      labels: [],
      title: fieldHash(want.title),
      milestone: fieldHash(want.milestone ?? ''),
      assignees: want.assignees,
    };
    const issue: CurrentIssue = {
      number: i + 1,
      id: i + 1,
      title: want.title,
      body: '',
      state: 'open',
      labels: [],
      assignees: want.assignees,
      ...(want.milestone && { milestone: want.milestone }),
      marker,
    };
    edit(issue, marker);
    issue.body = managedRegion(marker, want.content);
    return issue;
  });
  const milestones = ['Phase 1: M1', 'Phase 2: M2'].map((title, i) => ({
    number: i + 1,
    title,
    state: 'open' as const,
  }));
  return { issues, milestones, labels: [] };
}

const DOC = '# Plan\n\n## Phase 1: M1\n\n- [ ] A-1 Build\n\n## Phase 2: M2\n\n## Notes\n';
const M1 = 'Phase 1: M1';
const M2 = 'Phase 2: M2';

describe('three-way merge of milestones', () => {
  it('moved in the file only: the file is written', () => {
    const p = plan(
      DOC.replace('- [ ] A-1 Build\n\n## Phase 2: M2\n', '## Phase 2: M2\n\n- [ ] A-1 Build\n'),
      syncedWith(DOC),
    );
    expect(p.ops).toMatchObject([{ key: 'A-1', milestone: M2, why: [`milestone ${M2}`, 'roadmap text changed'] }]);
  });

  it('moved out of every milestone in the file: readygate takes its own milestone off', () => {
    const p = plan(
      DOC.replace('- [ ] A-1 Build\n\n', '').replace('## Notes\n', '## Notes\n\n- [ ] A-1 Build\n'),
      syncedWith(DOC),
    );
    expect(p.ops).toMatchObject([
      { key: 'A-1', milestone: null, why: [`milestone ${M1} removed`, 'roadmap text changed'] },
    ]);
  });

  it('moved differently in the file and on GitHub: the file wins, and the plan says so', () => {
    const moved = DOC.replace('- [ ] A-1 Build\n\n## Phase 2: M2\n', '## Phase 2: M2\n\n- [ ] A-1 Build\n');
    const p = plan(
      moved,
      syncedWith(DOC, (issue) => void (issue.milestone = 'Someday')),
    );
    expect(p.ops).toMatchObject([
      {
        milestone: M2,
        why: [
          `milestone ${M2}: changed in the roadmap and on GitHub (there: Someday); the roadmap wins`,
          'roadmap text changed',
        ],
      },
    ]);
  });

  it('a milestone people set on GitHub for an item the file puts in none is left alone, as before', () => {
    const doc = '# Plan\n\n- [ ] A-1 Build\n';
    const p = plan(
      doc,
      syncedWith(doc, (issue) => void (issue.milestone = 'M1')),
    );
    expect(p).toMatchObject({ ops: [], drift: [] });
  });
});

describe('three-way merge of titles', () => {
  it('a title edited on GitHub in a table row: the patch escapes | for the cell', () => {
    const doc = '# Plan\n\n| ID | Task | Status |\n|---|---|---|\n| T-1 | Build it | Pending |\n';
    const p = plan(
      doc,
      syncedWith(doc, (issue) => void (issue.title = 'T-1: Build it | ship it')),
    );
    expect(p.ops).toEqual([]);
    expect(p.drift).toMatchObject([
      { field: 'title', githubValue: 'Build it | ship it', replacement: 'Build it \\| ship it', span: { table: true } },
    ]);
  });

  it('a marker from before last-synced values were kept: the file wins once, and the marker learns them', () => {
    const p = plan(
      DOC,
      syncedWith(DOC, (issue, marker) => {
        issue.title = 'A-1: Something else';
        delete marker.title;
        delete marker.milestone;
        delete marker.assignees;
      }),
    );
    expect(p.ops).toMatchObject([{ title: 'A-1: Build', why: ['title changed', 'marker changed'] }]);
    const op = p.ops[0]!;
    expect(readMarker(op.op === 'update_issue' ? op.body : '')).toMatchObject({
      title: fieldHash('A-1: Build'),
      milestone: fieldHash(M1),
      assignees: [],
    });
  });
});
