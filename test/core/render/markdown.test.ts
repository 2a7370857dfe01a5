import { describe, expect, it } from 'vitest';
import { assignFingerprints } from '../../../src/core/fingerprint.js';
import { renderMarkdown, truncate } from '../../../src/core/render/markdown.js';
import { renderText } from '../../../src/core/render/text.js';
import { emptyTests } from '../../../src/core/model.js';
import { exampleReport, reportFrom } from '../../helpers/report.js';
import { finding, lintFinding } from '../../helpers/signals.js';

const HOSTILE = [
  '@org/team',
  '<script>alert(1)</script>',
  'a|b|c',
  '::set-output name=x::y',
  '`code` **bold** [link](http://x)',
];

function hostileReport(failures = HOSTILE.length, messageChars = 200) {
  const tests = emptyTests();
  tests.total = tests.failed = failures;
  for (let i = 0; i < failures; i++) {
    const name = HOSTILE[i % HOSTILE.length]!;
    tests.failures.push({
      name,
      suite: `suite | ${i}`,
      file: 'src/a.ts',
      line: i + 1,
      message: `${name} failed ${'x'.repeat(messageChars)}`,
      details: 'at a (src/a.ts:1:1)\n```\nnot a fence end\n```',
      kind: 'failure',
    });
  }
  return reportFrom(
    {
      tests,
      audit: {
        findings: [{ ...finding('GHSA-aaaa', 'high', '@evil/pkg|x'), title: '<img src=x onerror=alert(1)> @admins' }],
      },
      lint: { findings: assignFingerprints([lintFinding('src/a|b.ts', 3, 'error', 'no-@mention', '@here look')]) },
    },
    { levels: { ready: { tests: { pass_rate: 100 }, audit: { high: 0 }, lint: { errors: 0 } } } },
    ['policy note @someone <b>'],
  );
}

describe('renderMarkdown', () => {
  it('renders the example reports (no base) as committed in test/__outputs__', async () => {
    const report = await exampleReport();
    await expect(renderMarkdown(report)).toMatchFileSnapshot('../../__outputs__/example-summary.md');
    await expect(renderText(report, { color: false })).toMatchFileSnapshot('../../__outputs__/demo-terminal.txt');
  });

  it('neutralises mentions, HTML and pipes from report content', async () => {
    const md = renderMarkdown(hostileReport());
    await expect(md).toMatchFileSnapshot('../../__outputs__/hostile-names.md');
    expect(md).not.toMatch(/@(org|admins|here|someone|evil)\b/);
    expect(md).not.toContain('<script>');
    expect(md).not.toContain('<img');
    expect(md).not.toContain('<b>');
    // Every table row keeps its column count: no unescaped pipe leaked into a cell.
    for (const row of md.split('\n').filter((l) => l.startsWith('| '))) {
      const header = md.split('\n').find((l) => l.startsWith('| Severity'))!;
      if (row.includes('GHSA-aaaa')) expect(row.split(/(?<!\\)\|/).length).toBe(header.split('|').length);
    }
  });

  it('sheds detail, then truncates, to stay within the limit with fences closed', () => {
    const report = hostileReport(2_000, 3_000);
    const full = renderMarkdown(report, { maxChars: 10_000_000 });
    expect(full).toContain('and 1950 more in the JSON report');
    expect(renderMarkdown(report).length).toBeLessThanOrEqual(65_535);
    const limit = Math.floor(full.length / 2);
    const md = renderMarkdown(report, { maxChars: limit });
    expect(md.length).toBeLessThanOrEqual(limit);
    expect(md).toMatch(/and 19[89]\d more in the JSON report/);
    expect(md).not.toContain('cut to fit');
    expect((md.match(/^`{3,}/gm) ?? []).length % 2).toBe(0);
    const tiny = renderMarkdown(report, { maxChars: 500 });
    expect(tiny.length).toBeLessThanOrEqual(500);
    expect(tiny).toContain('cut to fit');
  });

  it('truncate closes an open fence', () => {
    const text = `intro\n\`\`\`\n${'line\n'.repeat(100)}\`\`\`\nend\n`;
    const cut = truncate(text, 300);
    expect(cut.length).toBeLessThanOrEqual(300);
    expect((cut.match(/^```/gm) ?? []).length % 2).toBe(0);
  });
});

describe('safeUrl', async () => {
  const { safeUrl } = await import('../../../src/core/render/markdown.js');
  it('links only https URLs, encoding what could break out of the link or the cell', () => {
    expect(safeUrl('https://github.com/advisories/GHSA-aaaa-bbbb-cccc')).toBe(
      'https://github.com/advisories/GHSA-aaaa-bbbb-cccc',
    );
    expect(safeUrl('https://x.io/a|@org/team <img src=x>')).toBe('https://x.io/a%7C%40org/team%20%3Cimg%20src=x%3E');
    expect(safeUrl('javascript:alert(1)')).toBeUndefined();
    expect(safeUrl('http://x.io')).toBeUndefined();
    expect(safeUrl('https://x.io/\u0007')).toBeUndefined();
  });
});
