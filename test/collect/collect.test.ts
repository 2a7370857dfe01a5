import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collect } from '../../src/collect/collect.js';
import { DEFAULT_LIMITS } from '../../src/core/reports/types.js';
import { tempRepo } from '../helpers/cli.js';
import { FIXTURES } from '../helpers/parse.js';

describe('collect', () => {
  it('maps Go import paths to repo paths through the root go.mod', async () => {
    const dir = tempRepo({});
    copyFileSync(join(FIXTURES, 'go-cover/go.mod'), join(dir, 'go.mod'));
    copyFileSync(join(FIXTURES, 'go-cover/cover-set.out'), join(dir, 'cover.out'));
    const out = await collect({ root: dir, reports: { coverage: ['cover.out'] }, limits: DEFAULT_LIMITS });
    expect(out.errors).toEqual([]);
    const paths = [...out.signals.coverage!.table.files.keys()];
    expect(paths.length).toBeGreaterThan(0);
    expect(paths.every((p) => !p.includes('example.com'))).toBe(true);
  });

  it('merges several files of one signal and records each file and format', async () => {
    const dir = tempRepo({
      'a.info': 'SF:x.ts\nDA:1,1\nDA:2,0\nend_of_record\n',
      'b.info': 'SF:x.ts\nDA:2,1\nend_of_record\n',
    });
    const out = await collect({ root: dir, reports: { coverage: ['*.info'] }, limits: DEFAULT_LIMITS });
    expect(out.reports).toEqual([
      { signal: 'coverage', path: 'a.info', format: 'lcov' },
      { signal: 'coverage', path: 'b.info', format: 'lcov' },
    ]);
    expect(out.signals.coverage!.table.totals().lines).toEqual({ covered: 2, total: 2 });
  });

  it('reads a file that two globs match once', async () => {
    const junit =
      '<testsuite name="s" tests="3"><testcase name="a"/><testcase name="b"/><testcase name="c"/></testsuite>\n';
    const dir = tempRepo({ 'reports/junit.xml': junit });
    const out = await collect({
      root: dir,
      reports: { tests: ['reports/junit.xml', 'reports/**/*.xml', './reports/junit.xml'] },
      limits: DEFAULT_LIMITS,
    });
    expect(out.errors).toEqual([]);
    expect(out.reports).toEqual([{ signal: 'tests', path: 'reports/junit.xml', format: 'junit' }]);
    expect(out.signals.tests!.total).toBe(3);
  });
});
