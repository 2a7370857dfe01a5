import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ReportV1 } from '../../src/core/report-schema.js';
import { cli, tempRepo } from '../helpers/cli.js';
import { XSS, pageReport } from '../core/render/page-fixtures.js';

const json = (r: ReportV1) => `${JSON.stringify(r, null, 2)}\n`;
const count = (text: string, needle: string) => text.split(needle).length - 1;

const ROADMAP = `# Plan\n\n## Launch (2026-11-01)\n\n- [x] SHIP-1 Pick a name\n- [ ] SHIP-2 ${XSS}\n- [ ] SHIP-3 Write the docs\n`;
const POLICY = `roadmap:\n  files: [ROADMAP.md]\n  cache_dir: false\nlevels:\n  mvp: { tests: { pass_rate: 90 } }\n  beta: { coverage: { lines: 70 } }\n  production: { coverage: { lines: 85 }, roadmap: { milestone: Launch, done: 100 } }\nrequire: production\n`;

function repo(): string {
  const report = pageReport();
  // the report's roadmap gate, as readygate check writes it for this policy
  report.gates = report.gates.map((g) => (g.id === 'roadmap.done' ? { ...g, message: 'Launch is 33% done' } : g));
  return tempRepo({
    '.github/readygate.yml': POLICY,
    'ROADMAP.md': ROADMAP,
    'out/report.json': json(report),
    'history/0001-aaa1111.json': json(pageReport({ lines: [700, 1000] })),
    'history/0002-bbb2222.json': json(pageReport({ lines: [760, 1000] })),
    'old/ccc3333.json': json(pageReport({ lines: [800, 1000] })),
  });
}

describe('readygate report', () => {
  it('writes the HTML page and the Markdown: history from files and globs, one trend point per commit', async () => {
    const dir = repo();
    const r = await cli(
      [
        'report',
        '--report',
        'out/report.json',
        '--history',
        'history/*.json',
        'old/ccc3333.json',
        '--repo',
        'acme/widgets',
        '--out',
        'site/index.html',
        '--markdown-out',
        'site/READINESS.md',
      ],
      dir,
    );
    expect(r.stderr).toBe('readygate: wrote site/index.html and site/READINESS.md\n');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    const html = readFileSync(join(dir, 'site/index.html'), 'utf8');
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(count(html, 'data-series="coverage"')).toBe(4);
    expect([...html.matchAll(/data-series="coverage" data-commit="([^"]+)"/g)].map((m) => m[1])).toEqual([
      '0001-aaa1111',
      '0002-bbb2222',
      'ccc3333',
      'report',
    ]);
    expect(html).toContain('<h1>Readiness of acme/widgets</h1>');
    const md = readFileSync(join(dir, 'site/READINESS.md'), 'utf8');
    expect(md).toContain('# Readiness of acme/widgets');
    expect(md.match(/^\| `[^`]+` \| \d/gm)).toHaveLength(4);
  });

  it('reads the roadmap files the config names: milestone progress, what is overdue, and the items blocking the next level, as text', async () => {
    const dir = repo();
    const r = await cli(['report', '--report', 'out/report.json', '--out', 'page.html'], dir, {
      env: { GITHUB_REPOSITORY: 'acme/app', GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567' },
    });
    expect(r.code).toBe(0);
    const html = readFileSync(join(dir, 'page.html'), 'utf8');
    expect(html).toContain('<h1>Readiness of acme/app</h1>');
    expect(html).toContain('for commit <code>0123456</code>');
    expect(html).toMatch(/Launch<\/th><td>2026-11-01<\/td><td class="num">1\/3 \(33.3%\)[\s\S]*?✗ overdue/);
    expect(html).toContain('Roadmap items blocking production');
    expect(html).toContain('<code>SHIP-2</code> &lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('<code>SHIP-3</code> Write the docs');
    expect(html).not.toContain('<code>SHIP-1</code>');
    expect(html).not.toMatch(/<img/i);
  });

  it('prints the HTML page when no output file is named', async () => {
    const r = await cli(['report', '--report', 'out/report.json'], repo());
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith('<!doctype html>')).toBe(true);
  });

  it.each([
    [['report'], /--report FILE is required/],
    [['report', '--report', 'missing.json'], /cannot read report missing\.json/],
    [['report', '--report', 'ROADMAP.md'], /report ROADMAP\.md is not JSON/],
    [['report', '--report', '.github/readygate.yml'], /not JSON/],
    [
      ['report', '--report', 'out/report.json', '--history', 'nothing/*.json'],
      /--history nothing\/\*\.json: no such file, and no file matches it/,
    ],
    [['report', '--report', 'out/report.json', '--bogus'], /unknown option --bogus for `readygate report`/],
    [
      ['report', '--report', 'out/report.json', '--histroy', 'x'],
      /unknown option --histroy .*: did you mean --history\?/,
    ],
  ])('exits 2 with a message for %j', async (args, message) => {
    const r = await cli(args, repo());
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
  });

  it('names a history file that is not a readygate report', async () => {
    const dir = tempRepo({ 'r.json': json(pageReport()), 'h.json': '{"schema":"other"}' });
    const r = await cli(['report', '--report', 'r.json', '--history', 'h.json'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^readygate: h\.json is not a readygate report \(readygate\/report@1\)/);
  });

  it('documents its options', async () => {
    const r = await cli(['report', '--help'], repo());
    expect(r.code).toBe(0);
    for (const flag of ['--report', '--history', '--commit', '--repo', '--config', '--out', '--markdown-out', '--cwd'])
      expect(r.stdout).toContain(flag);
  });
});
