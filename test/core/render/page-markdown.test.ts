import { describe, expect, it } from 'vitest';
import type { PageInput } from '../../../src/core/render/page-model.js';
import { renderPageMarkdown } from '../../../src/core/render/page-markdown.js';
import { XSS, pageHistory, pagePolicy, pageReport, pageRoadmap } from './page-fixtures.js';

const input = (over: Partial<PageInput> = {}): PageInput => ({
  repo: 'acme/widgets',
  report: pageReport(),
  commit: 'abc1234',
  history: pageHistory(),
  roadmap: pageRoadmap(),
  policy: pagePolicy,
  today: '2026-12-04',
  ...over,
});

describe('renderPageMarkdown', () => {
  it('says the same as the HTML page: levels, the gap, every gate, one trend row per commit, milestones', () => {
    const text = renderPageMarkdown(input());
    expect(text).toContain('**✗ Not ready**: level reached **beta**, required **production**.');
    expect(text).toContain('### production (required): not reached');
    expect(text).toContain('- ✗ FAIL `coverage.lines`: line coverage 84.2% (842/1000) is below 85%');
    expect(text).toContain('| `coverage.lines` | production | ✗ FAIL | 84.2% | ≥ 85% | −0.8 |');
    expect(text).toContain('### Roadmap items blocking production');
    expect(text).toContain('- `M1.5` Exporter (blocked, Milestone 1)');
    expect(text.match(/^\| `c0ffee\d`|^\| `abc1234`/gm)).toHaveLength(6);
    expect(text).toContain('| Milestone 1 | 2026-11-30 | 3/7 (42.9%) | ✗ overdue |');
  });

  it('escapes HTML, table pipes and mentions in names, roadmap titles and gate messages', () => {
    const report = pageReport();
    report.gates[2]!.message = 'below | target, ask @acme/core';
    const text = renderPageMarkdown(
      input({
        repo: XSS,
        report,
        roadmap: pageRoadmap(`${XSS} | @octocat`),
        pulls: [{ number: 3, title: XSS, verdict: 'warn' }],
      }),
    );
    expect(text).not.toMatch(/<img/i);
    expect(text).toContain('# Readiness of &lt;img src=x onerror=alert(1)&gt;');
    expect(text).toContain('below \\| target, ask @\u200Bacme/core');
    expect(text).toContain('&lt;img src=x onerror=alert(1)&gt; \\| @\u200Boctocat');
    expect(text).not.toMatch(/(^|[^\u200B])@octocat/);
  });
});
