// A status line under a section heading is a default for the tasks that state none, never a
// verdict over the ones that do: the sync would otherwise close or reopen them all.
import { describe, expect, it } from 'vitest';
import { collectRoadmap } from '../../../src/core/roadmap/collect.js';

const statuses = (text: string) =>
  collectRoadmap([{ file: 'ROADMAP.md', text }]).items.map((i) => `${i.title}: ${i.status}`);

describe('section status lines', () => {
  it('do not override checkboxes', () => {
    expect(
      statuses('# Plan\n\n## Phase 1: Foundation\n**Status:** Done\n\n- [x] Repo\n- [ ] CI\n- [ ] Docs\n'),
    ).toEqual(['Repo: done', 'CI: todo', 'Docs: todo']);
  });

  it('do not override a status cell', () => {
    const table =
      '# Plan\n\n## Sprint 2\n**Status:** In Progress\n\n| Task | Status |\n| --- | --- |\n| Login | ✅ Done |\n| Signup | ⬜ Todo |\n';
    expect(statuses(table)).toEqual(['Login: done', 'Signup: todo']);
  });

  it('give way to an item’s own status line', () => {
    const own = '# Plan\n\n## Sprint 2\n**Status:** In Progress\n\n- [ ] Signup\n  **Status:** Done\n';
    expect(statuses(own)).toEqual(['Signup: done']);
  });
});

describe('item bodies', () => {
  it('are the same from a CRLF checkout as from an LF one', () => {
    const lf = '# Plan\n\n- [ ] Login\n  Users sign in with email.\n\n  - note one\n  - note two\n- [ ] Signup\n';
    const bodies = (text: string) => collectRoadmap([{ file: 'ROADMAP.md', text }]).items.map((i) => i.body);
    expect(bodies(lf.replace(/\n/g, '\r\n'))).toEqual(bodies(lf));
    expect(bodies(lf)[0]).toContain('Users sign in with email.');
  });
});
