import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ReportV1 } from '../../src/core/report-schema.js';
import { cli, tempRepo } from '../helpers/cli.js';

const LCOV = 'SF:src/a.ts\nDA:1,1\nDA:2,1\nDA:3,0\nend_of_record\n';
const JUNIT =
  '<testsuite name="s"><testcase name="ok" classname="c"/><testcase name="bad" classname="c" file="src/a.test.ts" line="4"><failure message="expected 1">trace</failure></testcase></testsuite>';
const POLICY = `reports:
  coverage: [coverage/lcov.info]
  tests: [junit.xml]
levels:
  mvp: { tests: { max_failed: 1 } }
  beta: { coverage: { lines: 60 }, tests: { pass_rate: 100 } }
require: mvp
`;

describe('readygate check', () => {
  it('exit 0 when the required level is reached, and writes the JSON report', async () => {
    const dir = tempRepo({ '.github/readygate.yml': POLICY, 'coverage/lcov.info': LCOV, 'junit.xml': JUNIT });
    const r = await cli(['check', '--out', 'out/report.json'], dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('READY: reached mvp (required: mvp)');
    const report = ReportV1.parse(JSON.parse(readFileSync(join(dir, 'out/report.json'), 'utf8')));
    expect(report.signals.coverage?.lines).toEqual({ covered: 2, total: 3 });
    expect(report.signals.tests).toMatchObject({ total: 2, passed: 1, failed: 1 });
    expect(report.signals.tests?.failures[0]).toMatchObject({
      name: 'bad',
      file: 'src/a.test.ts',
      line: 4,
      message: 'expected 1',
    });
  });

  it('exit 1 when gates fail; --branch picks a stricter level', async () => {
    const dir = tempRepo({
      '.github/readygate.yml': `${POLICY}branches: { main: beta }\n`,
      'coverage/lcov.info': LCOV,
      'junit.xml': JUNIT,
    });
    const r = await cli(['check', '--branch', 'main', '--format', 'json'], dir);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({ verdict: 'fail', level: 'mvp', required: 'beta' });
  });

  it('flags override the config globs per signal', async () => {
    const dir = tempRepo({
      '.github/readygate.yml': POLICY,
      'other.info': 'SF:x\nDA:1,0\nend_of_record\n',
      'junit.xml': JUNIT,
    });
    const r = await cli(['check', '--coverage', 'other.info', '--format', 'json'], dir);
    expect(JSON.parse(r.stdout).signals.coverage.lines).toEqual({ covered: 0, total: 1 });
  });

  it('patch coverage from a diff on stdin', async () => {
    const diff = 'diff --git a/src/a.ts b/src/a.ts\n--- a/src/a.ts\n+++ b/src/a.ts\n@@ -1,0 +2,2 @@\n+b\n+c\n';
    const dir = tempRepo({ '.github/readygate.yml': POLICY, 'coverage/lcov.info': LCOV, 'junit.xml': JUNIT });
    const r = await cli(['check', '--diff', '-', '--format', 'json'], dir, { stdin: diff });
    const patch = JSON.parse(r.stdout).signals.coverage.patch;
    expect(patch).toMatchObject({
      covered: 1,
      total: 2,
      files: [{ path: 'src/a.ts', total: 2, covered: 1, uncovered: [[3, 3]], lines: { covered: 2, total: 3 } }],
    });
    // The whole changed file's lines, for a publisher that measures the patch again.
    expect(patch.line_data).toEqual({
      extensions: ['.ts'],
      files: [{ path: 'src/a.ts', covered: [[1, 2]], uncovered: [[3, 3]] }],
    });
  });

  it('a new source file no test loads fails coverage.patch, and the gate names it', async () => {
    const diff = [
      'diff --git a/src/a.ts b/src/a.ts\n--- a/src/a.ts\n+++ b/src/a.ts\n@@ -1,0 +2,1 @@\n+b\n',
      'diff --git a/src/untested.ts b/src/untested.ts\nnew file mode 100644\n--- /dev/null\n+++ b/src/untested.ts\n@@ -0,0 +1,3 @@\n+// new\n+export const x = 1;\n+export const y = 2;\n',
      'diff --git a/src/untested.test.ts b/src/untested.test.ts\nnew file mode 100644\n--- /dev/null\n+++ b/src/untested.test.ts\n@@ -0,0 +1,1 @@\n+test();\n',
    ].join('');
    const policy = POLICY.replace(
      'mvp: { tests: { max_failed: 1 } }',
      'mvp: { tests: { max_failed: 1 }, coverage: { patch: 80 } }',
    );
    const dir = tempRepo({ '.github/readygate.yml': policy, 'coverage/lcov.info': LCOV, 'junit.xml': JUNIT });
    const r = await cli(['check', '--diff', '-', '--format', 'json'], dir, { stdin: diff });
    const report = JSON.parse(r.stdout);
    expect(report.signals.coverage.patch).toMatchObject({
      covered: 1,
      total: 3,
      files: [
        { path: 'src/untested.ts', total: 2, covered: 0, uncovered: [[2, 3]], unreported: true },
        { path: 'src/a.ts', total: 1, covered: 1, uncovered: [] },
      ],
    });
    const gate = report.gates.find((g: { id: string }) => g.id === 'coverage.patch');
    expect(gate).toMatchObject({ status: 'fail' });
    expect(gate.message).toContain(
      '2 added lines of 1 changed file(s) the coverage report does not list as uncovered: src/untested.ts',
    );
    expect(r.code).toBe(1);

    const ignoring = tempRepo({
      '.github/readygate.yml': `${policy}patch: { unreported: ignore }\n`,
      'coverage/lcov.info': LCOV,
      'junit.xml': JUNIT,
    });
    const r2 = await cli(['check', '--diff', '-', '--format', 'json'], ignoring, { stdin: diff });
    // Ignored: the new file is in neither the counter nor the file list.
    expect(JSON.parse(r2.stdout).signals.coverage.patch).toMatchObject({
      covered: 1,
      total: 1,
      files: [{ path: 'src/a.ts', total: 1, covered: 1, uncovered: [] }],
    });
  });

  describe('bad inputs fail the gate with the file named (exit 1), never a stack trace', () => {
    it.each([
      ['an empty file', '', 'junit.xml: file is empty'],
      ['truncated XML', '<testsuite name="s"><testcase name="a">', 'junit.xml:1: invalid XML'],
      [
        'random bytes',
        Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x1a, 0xff, 0xfe, 0x00]),
        'junit.xml:1: contains a NUL byte: this is a binary file, not a text report',
      ],
      [
        'invalid UTF-8 without NUL',
        Buffer.from([0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x28, 0xa1]),
        'junit.xml: not a tests report readygate recognises',
      ],
      [
        'JSON of the wrong shape',
        '{"hello": "world"}',
        'junit.xml: not a tests report readygate recognises (tried: junit',
      ],
    ])('%s', async (_name, content, expected) => {
      const dir = tempRepo({ '.github/readygate.yml': POLICY, 'coverage/lcov.info': LCOV, 'junit.xml': content });
      const r = await cli(['check'], dir);
      expect(r.code).toBe(1);
      expect(r.stdout).toContain(`error: ${expected}`);
      expect(r.stdout + r.stderr).not.toMatch(/\n\s+at .*\(.*:\d+:\d+\)/);
    });

    it('a missing file and a glob that matches nothing', async () => {
      const dir = tempRepo({ '.github/readygate.yml': POLICY.replace('[junit.xml]', '[reports/**/*.xml]') });
      const r = await cli(['check', '--format', 'json'], dir);
      expect(r.code).toBe(1);
      const report = JSON.parse(r.stdout);
      expect(report.errors).toEqual([
        { signal: 'coverage', path: 'coverage/lcov.info', message: 'file not found' },
        { signal: 'tests', path: 'reports/**/*.xml', message: 'no file matches this glob' },
      ]);
      expect(report.level).toBeNull();
    });

    it('JUnit with zero tests does not pass a pass-rate gate', async () => {
      const dir = tempRepo({
        '.github/readygate.yml': POLICY,
        'coverage/lcov.info': LCOV,
        'junit.xml': '<testsuites tests="0"></testsuites>',
      });
      const r = await cli(['check', '--branch', 'x', '--format', 'json'], dir);
      const report = JSON.parse(r.stdout);
      expect(report.signals.tests.total).toBe(0);
      expect(
        report.gates.find((g: { id: string; level: string }) => g.id === 'tests.pass_rate' && g.level === 'beta')
          .status,
      ).toBe('fail');
    });

    it('lcov with negative counts names the line', async () => {
      const dir = tempRepo({
        '.github/readygate.yml': POLICY,
        'coverage/lcov.info': 'SF:a\nDA:1,-1\n',
        'junit.xml': JUNIT,
      });
      const r = await cli(['check'], dir);
      expect(r.code).toBe(1);
      expect(r.stdout).toContain('error: coverage/lcov.info:2: negative execution count -1 for line 1');
    });

    it('a glob that leaves the repository is refused', async () => {
      const dir = tempRepo({
        '.github/readygate.yml': POLICY.replace('[junit.xml]', '["../../etc/*.xml"]'),
        'coverage/lcov.info': LCOV,
      });
      const r = await cli(['check'], dir);
      expect(r.code).toBe(1);
      expect(r.stdout).toContain('glob leaves the repository');
    });
  });

  describe('usage and config errors exit 2', () => {
    it('a config with a typo', async () => {
      const dir = tempRepo({ '.github/readygate.yml': POLICY.replace('require:', 'requir:') });
      const r = await cli(['check'], dir);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(
        'readygate: .github/readygate.yml has 1 problem\n  .github/readygate.yml:7: unknown key `requir`: did you mean `require`?\n',
      );
    });

    it('an unknown flag, a bad --format, an unreadable --base, a non-diff', async () => {
      const dir = tempRepo({
        '.github/readygate.yml': POLICY,
        'coverage/lcov.info': LCOV,
        'junit.xml': JUNIT,
        'base.json': '{"schema": 1}',
        'x.diff': 'nope',
      });
      expect((await cli(['check', '--colour'], dir)).stderr).toBe(
        'readygate: unknown option --colour for `readygate check`\nRun `readygate check --help` for its options.\n',
      );
      expect((await cli(['check', '--covrage', 'x'], dir)).stderr).toBe(
        'readygate: unknown option --covrage for `readygate check`: did you mean --coverage?\nRun `readygate check --help` for its options.\n',
      );
      expect((await cli(['check', '--format', 'yaml'], dir)).stderr).toBe(
        'readygate: --format must be text, markdown or json, not "yaml"\n',
      );
      const base = await cli(['check', '--base', 'base.json'], dir);
      expect(base.code).toBe(2);
      expect(base.stderr).toMatch(/^readygate: --base base\.json is not a readygate report \(readygate\/report@1\)/);
      expect((await cli(['check', '--base', 'nope.json'], dir)).stderr).toMatch(
        /--base: cannot read .*nope\.json: file not found/,
      );
      expect((await cli(['check', '--diff', 'x.diff'], dir)).stderr).toBe(
        'readygate: x.diff is not a unified diff (expected "diff --git" or "---/+++" headers); make it with `git diff base...head`\n',
      );
    });

    it('--out or --markdown-out that names a directory, or sits under a file', async () => {
      const dir = tempRepo({
        '.github/readygate.yml': POLICY,
        'coverage/lcov.info': LCOV,
        'junit.xml': JUNIT,
        'out/keep.txt': 'x',
      });
      const r = await cli(['check', '--out', 'out'], dir);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^readygate: --out: cannot write .*out: is a directory, not a file\n$/);
      const md = await cli(['check', '--markdown-out', 'junit.xml/summary.md'], dir);
      expect(md.code).toBe(2);
      expect(md.stderr).toMatch(/^readygate: --markdown-out: cannot write .*summary\.md: /);
      expect(md.stderr).not.toContain('    at ');
    });

    it('no config, no flags and no reports in the usual places', async () => {
      const r = await cli(['check'], tempRepo({}));
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('no reports found in the usual places');
    });
  });

  it('with no config it finds reports in the usual places and says it uses the default policy', async () => {
    const dir = tempRepo({ 'coverage/lcov.info': LCOV, 'junit.xml': '<testsuite><testcase name="a"/></testsuite>' });
    const r = await cli(['check'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("note: no .github/readygate.yml found: using readygate's default policy");
    expect(r.stdout).toContain('note: reports found in the usual places: coverage/lcov.info, junit.xml');
  });

  it('a base report enables delta gates', async () => {
    const dir = tempRepo({
      '.github/readygate.yml': POLICY.replace('lines: 60 }', 'lines: 60, max_drop: 1 }'),
      'coverage/lcov.info': LCOV,
      'junit.xml': JUNIT,
    });
    await cli(['check', '--out', 'base.json'], dir);
    const r = await cli(['check', '--base', 'base.json', '--format', 'json'], dir);
    const gate = JSON.parse(r.stdout).gates.find((g: { id: string }) => g.id === 'coverage.max_drop');
    expect(gate).toMatchObject({ status: 'pass', actual: 0 });
  });

  it('colour only on a TTY, and never with NO_COLOR', async () => {
    const dir = tempRepo({ '.github/readygate.yml': POLICY, 'coverage/lcov.info': LCOV, 'junit.xml': JUNIT });
    expect((await cli(['check'], dir, { isTTY: true })).stdout).toContain('\u001b[');
    expect((await cli(['check'], dir, { isTTY: true, env: { NO_COLOR: '1' } })).stdout).not.toContain('\u001b[');
    expect((await cli(['check'], dir)).stdout).not.toContain('\u001b[');
  });
});

describe('the default policy', () => {
  it('fails a named report that does not exist, instead of passing without it', async () => {
    const r = await cli(['check', '--tests', 'junit.xml', '--coverage', 'coverage/lcov.info'], tempRepo({}));
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('NOT READY');
    expect(r.stdout).toContain('error: junit.xml: file not found');
  });

  it('gates only the signals that have reports', async () => {
    const r = await cli(
      ['check', '--format', 'json'],
      tempRepo({ 'eslint.json': '[{"filePath":"a.js","messages":[]}]' }),
    );
    const report = JSON.parse(r.stdout);
    expect(r.code).toBe(0);
    expect(report.gates.map((g: { id: string }) => g.id)).toEqual(['lint.errors']);
    expect(report.level).toBe('passing');
  });
});

describe('crafted JUnit summaries', () => {
  it.each([
    '<testsuite tests="1" failures="-10"/>',
    '<testsuite tests="2" failures="1.5"/>',
    '<testsuite tests="1" failures="3"/>',
  ])('%s is refused, not passed', async (xml) => {
    const dir = tempRepo({ '.github/readygate.yml': POLICY, 'coverage/lcov.info': LCOV, 'junit.xml': xml });
    const r = await cli(['check'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("error: junit.xml: the suite's declared counts");
  });
});

describe('report paths on the command line', () => {
  it('may be absolute or outside --cwd, and appear as given; the config may not do the same', async () => {
    const outside = tempRepo({ 'cov/lcov.info': LCOV, 'cov/more/x.info': LCOV });
    const dir = tempRepo({ '.github/readygate.yml': POLICY, 'junit.xml': JUNIT });
    const paths = async (args: string[]) => {
      const r = await cli(['check', ...args, '--format', 'json'], dir);
      expect(r.stderr).toBe('');
      const report = JSON.parse(r.stdout) as { reports: { signal: string; path: string }[] };
      return report.reports.filter((x) => x.signal === 'coverage').map((x) => x.path);
    };
    expect(await paths(['--coverage', join(outside, 'cov/lcov.info')])).toEqual([join(outside, 'cov/lcov.info')]);
    expect(await paths(['--coverage', `${outside}/cov/**/*.info`])).toEqual([
      join(outside, 'cov/lcov.info'),
      join(outside, 'cov/more/x.info'),
    ]);
    const up = relative(dir, join(outside, 'cov/lcov.info'));
    expect(await paths(['--coverage', up])).toEqual([up]);

    const policy = POLICY.replace('coverage/lcov.info', join(outside, 'cov/lcov.info'));
    const confined = tempRepo({ '.github/readygate.yml': policy, 'junit.xml': JUNIT });
    const r = await cli(['check'], confined);
    expect(r.stdout).toContain(`${join(outside, 'cov/lcov.info')}: glob is absolute`);
  });
});
