import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { renderPageHtml } from '../../../src/core/render/page-html.js';
import type { PageInput } from '../../../src/core/render/page-model.js';
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

const count = (html: string, needle: string) => html.split(needle).length - 1;

describe('renderPageHtml: escaping', () => {
  it('renders a roadmap item, a repository name, a gate message and a pull title named <img src=x onerror=alert(1)> as text', () => {
    const report = pageReport();
    report.gates[2]!.message = `coverage ${XSS}`;
    const html = renderPageHtml(
      input({
        repo: XSS,
        report,
        roadmap: pageRoadmap(XSS),
        pulls: [{ number: 7, title: XSS, verdict: 'fail', url: 'javascript:alert(1)' }],
      }),
    );
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toContain('javascript:');
    // once in <title>, h1, the gap list (gate message and roadmap item), the gates table and the pull list
    expect(count(html, '&lt;img src=x onerror=alert(1)&gt;')).toBeGreaterThanOrEqual(6);
  });

  it('keeps quotes inside attribute values: a commit label cannot add an attribute', () => {
    const html = renderPageHtml(input({ commit: '" onmouseover="alert(1)', history: [] }));
    expect(html).not.toContain('" onmouseover="');
    expect(html).toContain('data-commit="&quot; onmouseover=&quot;alert(1)"');
  });

  it('replaces control characters, so report text cannot smuggle markup past the escaper', () => {
    const report = pageReport();
    report.gates[0]!.message = 'ok\u0000<b>bold</b>';
    const html = renderPageHtml(input({ report }));
    expect(html).toContain('ok\uFFFD&lt;b&gt;bold&lt;/b&gt;');
    expect(html).not.toContain('\u0000');
  });

  it('allows nothing but its own stylesheet: no script, and a CSP whose style hash matches the <style> element', () => {
    const html = renderPageHtml(input());
    const css = /<style>([\s\S]*?)<\/style>/.exec(html)![1]!;
    const hash = createHash('sha256').update(css).digest('base64');
    expect(html).toContain(`style-src 'sha256-${hash}'`);
    expect(html).toContain("default-src 'none'");
    expect(html).not.toMatch(/<script|<link|<iframe|\son[a-z]+=/i);
    expect(css).toContain('prefers-color-scheme:dark');
  });
});

describe('renderPageHtml: content', () => {
  const html = renderPageHtml(input());

  it('says the level reached and the level required', () => {
    expect(html).toContain('Level reached: <strong>beta</strong>');
    expect(html).toContain('Required: <strong>production</strong>');
    expect(html).toMatch(
      /<strong>production<\/strong> <span class="muted">\(required\)<\/span> <span class="status fail">✗ not reached/,
    );
  });

  it('marks a failing gate with a word and a mark, not by colour alone, and shows actual, threshold and change', () => {
    const row = /<tr class="failing" data-gate="coverage\.lines" data-status="fail">([\s\S]*?)<\/tr>/.exec(html)![1]!;
    expect(row).toContain('✗ FAIL');
    expect(row).toContain('>84.2%<');
    expect(row).toContain('>≥ 85%<');
    expect(row).toContain('>−0.8<');
    const passing = /<tr class="" data-gate="lint\.warnings" data-status="pass">([\s\S]*?)<\/tr>/.exec(html)![1]!;
    expect(passing).toContain('✓ pass');
    expect(passing).toContain('>≤ 20<');
  });

  it('lists why production is not reached and the roadmap items that block it, not the done or cancelled ones', () => {
    const gap = /<section aria-labelledby="gap">([\s\S]*?)<\/section>/.exec(html)![1]!;
    expect(gap).toContain('production (required): not reached');
    expect(gap).toContain('<code>coverage.lines</code>: line coverage 84.2% (842/1000) is below 85%');
    expect(gap).toContain('<code>roadmap.done</code>');
    for (const key of ['M1.4', 'M1.5', 'M1.6', 'M1.8']) expect(gap).toContain(`<code>${key}</code>`);
    for (const key of ['M1.1', 'M1.7', 'M2.2']) expect(gap).not.toContain(`<code>${key}</code>`);
  });

  it('draws one point per commit for each series, and says how many commits', () => {
    expect(count(html, 'data-series="coverage"')).toBe(6);
    expect(count(html, 'data-series="passRate"')).toBe(6);
    expect(count(html, 'data-series="findings"')).toBe(6);
    expect(html).toContain('(6 commits)');
    expect(html).toContain('<caption>Trend per commit</caption>');
  });

  it('counts a commit seen twice once, with its later report', () => {
    const history = pageHistory();
    history.push({ ...history[4]!, report: pageReport({ lines: [500, 1000] }) });
    const again = renderPageHtml(input({ history }));
    expect(count(again, 'data-series="coverage"')).toBe(6);
    expect(again).toContain('c0ffee4 (2026-11-24): line coverage 50%');
  });

  it('shows progress per milestone, without cancelled items, and what is overdue on the given day', () => {
    const roadmap = /<section aria-labelledby="roadmap">([\s\S]*?)<\/section>/.exec(html)![1]!;
    expect(roadmap).toMatch(/Milestone 1<\/th><td>2026-11-30<\/td><td class="num">3\/7 \(42.9%\)/);
    expect(roadmap).toMatch(/Milestone 1[\s\S]*?✗ overdue/);
    expect(roadmap).toMatch(/Milestone 2[\s\S]*?– open/);
    const earlier = renderPageHtml(input({ today: '2026-11-01' }));
    expect(earlier).not.toContain('overdue</span>');
  });

  it('falls back to the report’s milestones when no roadmap files are given', () => {
    const page = renderPageHtml(input({ roadmap: undefined }));
    expect(page).toMatch(/Milestone 1<\/th><td>2026-11-30<\/td><td class="num">3\/7/);
    expect(page).not.toContain('Roadmap items blocking');
  });

  it('lists open pull requests with their verdicts, linking only https URLs', () => {
    const page = renderPageHtml(
      input({
        pulls: [
          {
            number: 12,
            title: 'Add export',
            verdict: 'pass',
            level: 'production',
            url: 'https://github.com/acme/widgets/pull/12',
          },
          { number: 13, title: 'WIP', verdict: 'pending' },
        ],
      }),
    );
    expect(page).toContain('<a href="https://github.com/acme/widgets/pull/12">#12</a>');
    expect(page).toMatch(/#13<\/th><td>WIP<\/td><td><span class="status skip">– pending/);
  });

  it('renders a report with no signals and no gates without inventing numbers', () => {
    const bare = pageReport();
    bare.signals = {};
    bare.gates = [];
    const page = renderPageHtml(input({ report: bare, history: [], roadmap: undefined }));
    expect(page).toContain('No gates are configured.');
    expect(page).not.toContain('data-series=');
    expect(page).toMatch(
      /<code>abc1234<\/code><\/th><td class="num">–<\/td><td class="num">–<\/td><td class="num">–<\/td>/,
    );
  });
});
