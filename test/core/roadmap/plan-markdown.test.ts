import { describe, expect, it } from 'vitest';
import { collectRoadmap } from '../../../src/core/roadmap/collect.js';
import { planSync } from '../../../src/core/roadmap/plan.js';
import { planHeadline, renderPlanMarkdown } from '../../../src/core/roadmap/plan-markdown.js';
import type { Plan } from '../../../src/core/roadmap/plan-types.js';

const OPTIONS = {
  labels: [],
  closeDone: true,
  onRemoved: 'close_not_planned' as const,
  twoWay: true,
  files: ['ROADMAP.md'],
};
const plan = (text: string) =>
  planSync(collectRoadmap([{ file: 'ROADMAP.md', text }]), { issues: [], milestones: [], labels: [] }, OPTIONS);

describe('the plan as Markdown for a check run', () => {
  it('says in one sentence what merging will do, then lists each change, escaped', () => {
    const p = plan('# Plan\n\n- [ ] A-1 Ship |it| @team <b>now</b>\n- [ ] A-2 Docs\n- [x] A-3 Name\n');
    expect(renderPlanMarkdown(p)).toBe(
      'This change will create 3 issues.\n\n' +
        '- Create issue A-1: Ship \\|it\\| @\u200Bteam &lt;b&gt;now&lt;/b&gt;\n' +
        '- Create issue A-2: Docs\n' +
        '- Create issue A-3: Name (closed as completed)\n',
    );
  });

  it('counts closes and reopens apart from updates, and says when nothing changes', () => {
    const ops: Plan['ops'] = [
      { op: 'create_issue', key: 'a', title: 'A', body: '', labels: [], assignees: [] },
      { op: 'create_issue', key: 'b', title: 'B', body: '', labels: [], assignees: [] },
      { op: 'update_issue', key: 'c', number: 7, why: ['"c" is no longer in ROADMAP.md'], state: 'closed' },
    ];
    expect(planHeadline({ ops, drift: [], warnings: [], unchanged: 4 })).toBe(
      'This change will create 2 issues and close 1.',
    );
    expect(planHeadline({ ops: [], drift: [], warnings: [], unchanged: 4 })).toBe(
      'This change leaves the roadmap issues as they are.',
    );
  });

  it('bounds the list', () => {
    const many = plan(
      `# Plan\n\n${Array.from({ length: 80 }, (_, i) => `- [ ] B-${i + 1} Task ${i + 1}`).join('\n')}\n`,
    );
    const out = renderPlanMarkdown(many, { maxLines: 10 });
    expect(out.split('\n').filter((l) => l.startsWith('- Create issue'))).toHaveLength(10);
    expect(out).toContain('- …and 70 more\n');
  });
});
