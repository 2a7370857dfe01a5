// Items the reader used to invent or misname, one class per test, each on a small file of that
// shape written for the test.
import { describe, expect, it } from 'vitest';
import { collectRoadmap } from '../../../src/core/roadmap/collect.js';
import { splitId } from '../../../src/core/roadmap/keys.js';

const read = (text: string) => collectRoadmap([{ file: 'ROADMAP.md', text }]);

describe('items invented or misnamed', () => {
  it('a banner heading (mark first, no plan number, no task under it) is a warning, not an issue', () => {
    const r = read(
      '# Roadmap\n\n### ✅ Already Implemented\n\n- Workspaces\n- CSV export\n\n### ✅ P1 COMPLETION STATUS\n\nAll shipped.\n\n### Search 🚧\n\n- [ ] Filters\n\n### Export ✅\n',
    );
    expect(r.items.map((i) => [i.title, i.status])).toEqual([
      ['Search', 'in_progress'],
      ['Filters', 'todo'],
      ['Export', 'done'],
    ]);
    expect(r.warnings.map((w) => [w.line, w.message.slice(0, 60)])).toEqual([
      [3, '"Already Implemented" leads with a status mark but has no ta'],
      [8, '"P1 COMPLETION STATUS" leads with a status mark but has no t'],
    ]);
  });

  it('a feature table with no work column and every row done is an inventory: a warning, no issues', () => {
    const r = read(
      '# Plans\n\n| Feature | Status | Notes |\n| --- | --- | --- |\n| Roadmaps | ✅ Included | Core |\n| Sharing | ✅ Included | Paid |\n',
    );
    expect(r.items).toEqual([]);
    expect(r.warnings[0]!.message).toMatch(/^a table of 2 row\(s\), all marked done, .* an inventory/);
    // One row of work left makes it a task table again.
    expect(
      read('| Feature | Status |\n| --- | --- |\n| Roadmaps | ✅ Done |\n| Sharing | 🔴 Pending |\n').items,
    ).toHaveLength(2);
  });

  it('the title column is found by header and by content; inline HTML is stripped', () => {
    const r = read(
      '# Sprint\n\n| | Task | Work | Status |\n| --- | --- | --- | --- |\n| 🔵 | 1.1 | Initial code setup<br>and CI | Done |\n| | 1.2 | Release notes | Pending |\n',
    );
    expect(r.items.map((i) => [i.key, i.title, i.status])).toEqual([
      ['1.1', 'Initial code setup and CI', 'done'],
      ['1.2', 'Release notes', 'todo'],
    ]);
  });

  it.each([
    ['C2V translator', undefined, 'C2V translator'],
    ['HTTP2 support', undefined, 'HTTP2 support'],
    ['S3 bucket policy', undefined, 'S3 bucket policy'],
    ['S3: bucket policy', 'S3', 'bucket policy'],
    ['AB1 - Login', 'AB1', 'Login'],
    ['T001 Create model', 'T001', 'Create model'],
    ['SEC-001 Fix it', 'SEC-001', 'Fix it'],
  ])('an ID needs a separator or a pattern: splitId(%j)', (text, id, title) => {
    expect(splitId(text)).toEqual({ ...(id && { id }), title });
  });

  it('a list with a pattern of bare IDs reads them as IDs; one such word alone is a title', () => {
    expect(read('- [ ] A1 Login\n- [ ] A2 Signup\n- [ ] HTTP2 support\n').items.map((i) => i.key)).toEqual([
      'A1',
      'A2',
      'http2-support',
    ]);
    expect(read('- [ ] C2V translator\n- [ ] Docs\n').items.map((i) => i.key)).toEqual(['c2v-translator', 'docs']);
  });

  it('milestone headings: `2025 Q1` as `Q1 2025`, `Alpha 2`, an H1 version, badges stripped, a completion date no due date', () => {
    const r = read(
      '# Roadmap\n\n## 2025 Q1\n\n- [ ] A\n\n## Alpha 2 [![ci](https://img.shields.io/b.svg)](https://ci.example)\n\n- [ ] B\n\n## Alpha 4 - Completed 2024-02-01\n\n- [x] C\n',
    );
    expect(r.milestones.map((m) => [m.title, m.due ?? null, m.status ?? null])).toEqual([
      ['2025 Q1', null, null],
      ['Alpha 2', null, null],
      ['Alpha 4', null, 'done'],
    ]);
    const h1 = read(
      '# v1.12.0 - Search ![badge](https://img.shields.io/x.svg)\n\n## Indexing\n\n- [ ] Index on save\n',
    );
    expect(h1.milestones.map((m) => m.title)).toEqual(['v1.12.0 - Search']);
    expect(h1.items[0]).toMatchObject({ milestone: 'v1.12.0 - Search', section: ['Indexing'] });
    expect(read('# Roadmap\n\n## Launch\n\n- [ ] X\n').milestones).toEqual([]);
  });

  it('a dependency on a group is one on its top-level items, not on every subtask', () => {
    const r = read(
      '# Plan\n\n- [ ] P2B.1 Limits\n  - [ ] P2B.1.1 Per user\n  - [ ] P2B.1.2 Per token\n- [ ] P2B.2 Headers\n- [ ] P3.1 Load test\n  **Dependency:** P2B (rate limits)\n',
    );
    expect(r.items.find((i) => i.key === 'P3.1')!.dependsOn).toEqual(['P2B.1', 'P2B.2']);
  });
});
