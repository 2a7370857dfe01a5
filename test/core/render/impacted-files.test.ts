import { createHash } from 'node:crypto';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../../src/core/render/markdown.js';
import { diffAnchor } from '../../../src/core/render/impacted-files.js';
import type { ReportV1 } from '../../../src/core/report-schema.js';
import { exampleReport } from '../../helpers/report.js';

const LINKS = { repoUrl: 'https://github.com/acme/widgets', pullNumber: 5 };

describe('impacted files', () => {
  it("links each file to the pull request's diff of it (GitHub's anchor is sha256 of the path)", async () => {
    const md = renderMarkdown(await exampleReport(), { diffLinks: LINKS });
    const anchor = `diff-${createHash('sha256').update('src/cart.js').digest('hex')}`;
    expect(diffAnchor('src/cart.js')).toBe(anchor);
    expect(md).toContain(
      `| [src/cart.js](https://github.com/acme/widgets/pull/5/files#${anchor}) | 63.64% (7/11) | 37, 40-42 | 82.61% (19/23) | – |`,
    );
  });

  it('shows each file’s line coverage change against a base that lists it', async () => {
    const report = await exampleReport();
    const files = report.signals.coverage!.patch!.files!;
    files[0] = { ...files[0]!, base_lines: { covered: 20, total: 20 } };
    files[1] = { ...files[1]!, base_lines: { covered: 7, total: 8 } };
    const md = renderMarkdown(report);
    expect(md).toContain('| `src/cart.js` | 63.64% (7/11) | 37, 40-42 | 82.61% (19/23) | −17.39 |');
    expect(md).toContain('| `src/format.js` | 71.43% (5/7) | 20, 28 | 87.5% (14/16) | ±0 |');
  });

  it('lists the first rows and counts the rest, including files the report itself left out', async () => {
    const report = await exampleReport();
    const patch = report.signals.coverage!.patch!;
    patch.files = Array.from({ length: 30 }, (_, i) => ({
      path: `src/f${i}.js`,
      total: 2,
      covered: 1,
      uncovered: [[i + 1, i + 1]],
    }));
    patch.files_omitted = 4;
    const md = renderMarkdown(report);
    expect(md).toContain('| `src/f19.js` |');
    expect(md).not.toContain('| `src/f20.js` |');
    expect(md).toContain('| … and 14 more in the JSON report | | | | |');
  });

  it('a hostile path stays text in one table cell', async () => {
    const report: ReportV1 = await exampleReport();
    const evil = 'src/a|b<img src=x onerror=alert(1)>@org/team #12.js';
    report.signals.coverage!.patch!.files = [{ path: evil, total: 1, covered: 0, uncovered: [[1, 1]] }];
    const md = renderMarkdown(report, { diffLinks: LINKS });
    expect(md).not.toContain('<img');
    expect(md).not.toContain('@org/team');
    const tree = unified().use(remarkParse).use(remarkGfm).parse(md);
    const tables = tree.children.filter((n) => n.type === 'table');
    const impacted = tables.find((t) => JSON.stringify(t).includes('Patch coverage'))!;
    for (const row of impacted.children) expect(row.children).toHaveLength(5);
  });
});
