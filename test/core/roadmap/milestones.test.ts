import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseRoadmap } from '../../../src/core/roadmap/parse.js';

const read = (name: string) => readFileSync(new URL(`../../fixtures/roadmaps/${name}`, import.meta.url), 'utf8');
const milestonesOf = (text: string, milestones?: number | 'off' | 'auto') => {
  const r = parseRoadmap('R.md', text, milestones === undefined ? {} : { milestones });
  return r.items.map((i) => [i.title, i.milestone ?? null]);
};

describe('which headings are milestones (default: auto, by what the heading carries)', () => {
  it.each([
    ['a date', '## Core Functionality (2026-03-01)', 'Core Functionality'],
    ['a date without a year', 'Start Date: October 24, 2025\n\n## Launch (Oct 31)', 'Launch'],
    ['a version', '## v0.1.0 -- Foundation', 'v0.1.0 -- Foundation'],
    ['a bare version', '### 1.2.0', '1.2.0'],
    ['a numbered milestone', '### Milestone 1: Core', 'Milestone 1: Core'],
    ['a numbered phase', '## Phase 2: User Story 1', 'Phase 2: User Story 1'],
    ['a sprint', '## Sprint 12', 'Sprint 12'],
    ['a quarter', '## Q3 2026', 'Q3 2026'],
    ['a half-year', '## H2 2026', 'H2 2026'],
    ['a half-year, year first', '## 2026-H1', '2026-H1'],
  ])('%s: %s', (_, heading, title) => {
    expect(milestonesOf(`# Plan\n\n${heading}\n\n- [ ] Do it\n`)).toEqual([['Do it', title]]);
  });

  it.each([
    ['a team heading', '## 🔒 **Security Team** (Lead: code-hygiene-master)'],
    ['a topic heading', '## Production Readiness Tasks'],
    ['a tracking heading', '## Progress Tracking'],
    ['the document title', '# Release 2.0'],
  ])('not %s', (_, heading) => {
    expect(milestonesOf(`# Plan\n\n${heading}\n\n- [ ] Do it\n`)).toEqual([['Do it', null]]);
  });

  it('a phase heading with a status mark is an item; an ID heading with a date is an item with a due date', () => {
    const r = parseRoadmap(
      'R.md',
      '# Plan\n\n### Phase 1: Analysis ✅\n\nDone.\n\n#### P2A.1: Login (2026-02-01)\n\n**Status:** NOT STARTED\n',
    );
    expect(r.items.map((i) => [i.key, i.status, i.due ?? null, i.milestone ?? null])).toEqual([
      ['phase-1-analysis', 'done', null, null],
      ['P2A.1', 'todo', '2026-02-01', null],
    ]);
    expect(r.milestones).toEqual([]);
  });

  it('milestones do not nest: phases inside a dated milestone are sections', () => {
    expect(parseRoadmap('docs/phase-blocks.md', read('phase-blocks.md')).items.map((i) => i.milestone)).toEqual([
      ...Array(7).fill('Milestone 1: Core Functionality'),
      'Milestone 2: Launch',
    ]);
  });

  it('a heading level or off still choose as before', () => {
    const team = read('team-task-tables.md');
    expect(new Set(parseRoadmap('t.md', team).items.map((i) => i.milestone))).toEqual(new Set([undefined]));
    expect(parseRoadmap('t.md', team, { milestones: 2 }).items[0]!.milestone).toBe('Security Team');
    expect(milestonesOf('# Plan\n\n## v1.0 (2026-03-01)\n\n- [ ] Do it\n', 'off')).toEqual([['Do it', null]]);
    expect(milestonesOf('# Plan\n\n## Backend\n\n### Week 1\n\n- [ ] Do it\n', 2)).toEqual([['Do it', 'Backend']]);
  });
});
