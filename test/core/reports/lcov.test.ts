import { describe, expect, it } from 'vitest';
import { ReportParseError } from '../../../src/core/errors.js';
import { lcov } from '../../../src/core/reports/coverage/lcov.js';
import { parseFixture, parseWith, textSource } from '../../helpers/parse.js';

// Expected totals are the ones each tool printed (see test/fixtures/lcov/README.md).
describe('lcov: real tool output', () => {
  it.each([
    ['lcov/vitest-v8.lcov.info', { covered: 30, total: 53 }, { covered: 26, total: 54 }, { covered: 9, total: 11 }],
    ['lcov/vitest-istanbul.lcov.info', { covered: 30, total: 53 }, { covered: 26, total: 54 }, { covered: 9, total: 11 }],
    ['lcov/jest-istanbul.lcov.info', { covered: 33, total: 56 }, { covered: 26, total: 54 }, { covered: 9, total: 11 }],
    ['lcov/c8-node-test.lcov.info', { covered: 79, total: 108 }, { covered: 28, total: 34 }, { covered: 8, total: 10 }],
    ['lcov/geninfo-gcc.lcov.info', { covered: 21, total: 29 }, { covered: 10, total: 18 }, { covered: 4, total: 5 }],
    ['lcov/lcov-add-gcc.lcov.info', { covered: 21, total: 29 }, { covered: 10, total: 18 }, { covered: 4, total: 5 }],
  ])('%s matches the totals its tool printed', async (file, lines, branches, functions) => {
    const { data, format } = await parseFixture('coverage', file);
    expect(format).toBe('lcov');
    const totals = data.table.totals();
    expect(totals.lines).toEqual(lines);
    expect(totals.branches).toEqual(branches);
    expect(totals.functions).toEqual(functions);
  });

  it('coverage.py 6.5: counts its DA records (with checksums), not its LF/LH summaries', async () => {
    // coverage.py 6.5's lcov writer disagrees with its own `coverage report` (32/39): it writes 41
    // DA records (34 hit) and LF/LH of 39/34. The DA records are the per-line truth patch coverage
    // needs, so they are what counts; the Cobertura file from the same run gives 32/39.
    const { data } = await parseFixture('coverage', 'lcov/coveragepy.lcov.info');
    const totals = data.table.totals();
    expect(totals.lines).toEqual({ covered: 34, total: 41 });
    expect(totals.branches).toEqual({ covered: 16, total: 22 });
  });

  it('keeps per-line data for patch coverage, with repo-relative paths', async () => {
    const { data } = await parseFixture('coverage', 'lcov/vitest-v8.lcov.info');
    const paths = [...data.table.files.keys()];
    expect(paths.every((p) => !p.startsWith('/') && !p.startsWith('./'))).toBe(true);
    const file = data.table.files.get(paths[0]!)!;
    const entries = [...file.lineEntries()];
    expect(entries.length).toBe(file.lines()!.total);
  });
});

describe('lcov: merging and edge cases', () => {
  it('unions repeated SF records for one file', async () => {
    const text = 'SF:/repo/src/a.ts\nDA:1,1\nDA:2,0\nend_of_record\nSF:src/a.ts\nDA:2,3\nDA:3,0\nend_of_record\n';
    const data = await parseWith(lcov, textSource(text));
    expect([...data.table.files.keys()]).toEqual(['src/a.ts']);
    expect(data.table.totals().lines).toEqual({ covered: 2, total: 3 });
  });

  it('accepts huge execution counts as covered', async () => {
    const data = await parseWith(lcov, textSource('SF:a.c\nDA:1,18446744073709551615\nDA:2,0\nend_of_record\n'));
    expect(data.table.totals().lines).toEqual({ covered: 1, total: 2 });
  });

  it('refuses negative counts with the line of the record', async () => {
    const error = await parseWith(lcov, textSource('SF:a.c\nDA:1,1\nDA:2,-3\nend_of_record\n', 'cov.info')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReportParseError);
    expect((error as ReportParseError).message).toBe('cov.info:3: negative execution count -3 for line 2 (a corrupt gcov run)');
  });

  it('refuses absurd line numbers instead of allocating for them', async () => {
    const error = await parseWith(lcov, textSource('SF:a.c\nDA:99999999999,1\n')).catch((e: unknown) => e);
    expect((error as ReportParseError).message).toMatch(/report:2: line number "99999999999" is not between 1 and 10000000/);
  });

  it('refuses data outside a file record', async () => {
    await expect(parseWith(lcov, textSource('DA:1,1\n'))).rejects.toThrow('report:1: DA record outside a file record (no SF: line before it)');
  });

  it('refuses an empty file and text that is not lcov', async () => {
    await expect(parseWith(lcov, textSource(''))).rejects.toThrow('report: file is empty');
    await expect(parseWith(lcov, textSource('SF:a\nhello world\n'))).rejects.toThrow('report:2: not an LCOV record: "hello world"');
  });

  it('handles CRLF line endings and a BOM', async () => {
    const data = await parseWith(lcov, textSource(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('SF:.\\src\\b.ts\r\nDA:1,1\r\nend_of_record\r\n')])));
    expect([...data.table.files.keys()]).toEqual(['src/b.ts']);
    expect(data.table.totals().lines).toEqual({ covered: 1, total: 1 });
  });

  it('refuses NUL bytes, naming the line', async () => {
    await expect(parseWith(lcov, textSource(Buffer.from('SF:a\nDA:1,1\n\u0000\u0001binary')))).rejects.toThrow('report:3: contains a NUL byte');
  });

  it('refuses a line longer than the limit without holding it', async () => {
    const long = `SF:${'x'.repeat(5000)}`;
    await expect(parseWith(lcov, textSource(long), { limits: { maxLineBytes: 1000 } })).rejects.toThrow('line is longer than 1000 characters');
  });

  it('reads lcov 2.2 FNL/FNA function records', async () => {
    const text = 'SF:a.c\nFNL:0,3,9\nFNA:0,2,main\nFNL:1,12\nFNA:1,0,helper\nDA:3,1\nend_of_record\n';
    const data = await parseWith(lcov, textSource(text));
    expect(data.table.totals().functions).toEqual({ covered: 1, total: 2 });
  });
});
