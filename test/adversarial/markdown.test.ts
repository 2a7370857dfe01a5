// Hostile test names and a 70,000-character failure message through the Markdown summary.
import { describe, expect, it } from 'vitest';
import { emptyTests } from '../../src/core/model.js';
import { renderMarkdown } from '../../src/core/render/markdown.js';
import { finding } from '../helpers/signals.js';
import { reportFrom } from '../helpers/report.js';

const NAMES = ['@org/team', '<script>alert(1)</script>', 'a|b', '::set-output name=x::y'];

function hostile(failures: number) {
  const tests = emptyTests();
  tests.total = tests.failed = failures;
  for (let i = 0; i < failures; i++) {
    const name = NAMES[i % NAMES.length]!;
    tests.failures.push({
      name,
      suite: name,
      file: `src/${name}.ts`,
      line: 1,
      message: `${name}\n${'x'.repeat(70_000)}`,
      details: `${'```'}\n${'y'.repeat(70_000)}`,
      kind: 'failure',
    });
  }
  const audit = { findings: NAMES.map((n, i) => ({ ...finding(`GHSA-${i}`, 'high', n), title: n, version: n })) };
  return reportFrom({ tests, audit }, { levels: { ready: { tests: { pass_rate: 100 }, audit: { high: 0 } } } }, NAMES);
}

function checkSafe(md: string, max: number): void {
  expect(md.length).toBeLessThanOrEqual(max);
  // Outside code spans (where GitHub renders text literally), a zero-width space stops the mention
  // and HTML is escaped.
  const prose = md.replace(/(`+)[\s\S]*?(?<!`)\1(?!`)/g, '');
  expect(prose).not.toMatch(/@org\/team/);
  expect(prose).not.toMatch(/<script>|<\/script>/);
  expect(md.split('\n').some((l) => l.startsWith('::'))).toBe(false); // no workflow command at a line start
  expect(openFenceAtEnd(md)).toBe(false);
  for (const table of tables(md)) {
    const columns = cells(table[0]!).length;
    for (const row of table) expect({ row, columns: cells(row).length }).toEqual({ row, columns });
  }
}

/** Splits a row on unescaped pipes (a pipe inside a code span is escaped too). */
function cells(row: string): string[] {
  return row.split(/(?<!\\)\|/).slice(1, -1);
}

/** Consecutive lines starting with "|" form one table. */
function tables(md: string): string[][] {
  const out: string[][] = [];
  let current: string[] | undefined;
  for (const line of md.split('\n')) {
    if (!line.startsWith('|')) current = undefined;
    else if (current) current.push(line);
    else out.push((current = [line]));
  }
  return out;
}

/** CommonMark fences: a fence closes only with at least as many backticks as opened it. */
function openFenceAtEnd(md: string): boolean {
  let open = 0;
  for (const line of md.split('\n')) {
    const fence = /^\s*(`{3,})(.*)$/.exec(line);
    if (!fence) continue;
    if (open === 0) open = fence[1]!.length;
    else if (fence[1]!.length >= open && fence[2]!.trim() === '') open = 0;
  }
  return open !== 0;
}

describe('renderMarkdown with hostile content', () => {
  it.each([1, 4, 60, 2_000])(
    '%s hostile failures: mentions neutralised, HTML escaped, pipes escaped, fences closed, ≤ 65,535',
    (n) => {
      checkSafe(renderMarkdown(hostile(n)), 65_535);
    },
  );

  it('still holds when the limit forces a cut mid-content', () => {
    for (const max of [2_000, 5_000, 20_000]) checkSafe(renderMarkdown(hostile(60), { maxChars: max }), max);
  });

  it('shows the escaped names, not nothing', () => {
    const md = renderMarkdown(hostile(4));
    expect(md).toContain('&lt;script&gt;');
    expect(md).toContain('a\\|b');
    expect(md).toMatch(/@\u200Borg\/team/);
  });
});
