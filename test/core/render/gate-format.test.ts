// Every renderer writes a gate's numbers from the unit and direction the gate carries, not from
// what its id looks like: a gate readygate gains later renders right with no renderer to change.
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../../src/core/render/markdown.js';
import { renderPageHtml } from '../../../src/core/render/page-html.js';
import { renderPageMarkdown } from '../../../src/core/render/page-markdown.js';
import type { ReportV1 } from '../../../src/core/report-schema.js';
import { pageReport } from './page-fixtures.js';

type Gate = ReportV1['gates'][number];

function withGate(gate: Partial<Gate>): ReportV1 {
  const report = pageReport();
  report.gates.push({
    id: 'tests.duration_share',
    level: 'production',
    status: 'fail',
    actual: 7.5,
    threshold: 5,
    message: 'slow',
    ...gate,
  });
  return report;
}

const page = (report: ReportV1) => ({
  repo: 'acme/widgets',
  report,
  commit: 'abc1234',
  history: [],
  today: '2026-12-04',
});

describe('gate numbers, as the gate says they are', () => {
  it.each([
    [{ unit: 'percent', direction: 'at_most' }, '7.5%', '≤ 5%'],
    [{ unit: 'count', direction: 'at_least' }, '7.5', '≥ 5'],
    [{ unit: 'points', direction: 'at_most' }, '7.5', '≤ 5'],
    [{ unit: 'count' }, '7.5', '5'],
  ] as const)('%j: %s against %s', (measure, actual, threshold) => {
    const report = withGate(measure);
    expect(renderMarkdown(report)).toContain(`| \`tests.duration_share\` |  |  | ❌ ${actual} ${threshold} |`);
    expect(renderPageMarkdown(page(report))).toContain(
      `| \`tests.duration_share\` | production | ✗ FAIL | ${actual} | ${threshold} | – | slow |`,
    );
    expect(renderPageHtml(page(report))).toContain(
      `<td class="num" data-label="Actual">${actual}</td><td class="num" data-label="Threshold">${threshold}</td>`,
    );
  });

  it('guesses nothing from the id: a gate without a unit or direction shows bare numbers', () => {
    const report = withGate({ id: 'coverage.lines.elsewhere', actual: 84.2, threshold: 85 });
    expect(renderPageMarkdown(page(report))).toContain(
      '| `coverage.lines.elsewhere` | production | ✗ FAIL | 84.2 | 85 |',
    );
  });
});
