// Invalid UTF-8 is read (replacement characters, never a crash); NUL bytes mark a binary file.
import { describe, expect, it } from 'vitest';
import { ReportParseError } from '../../src/core/errors.js';
import { npmAudit } from '../../src/core/reports/audit/npm-audit.js';
import { lcov } from '../../src/core/reports/coverage/lcov.js';
import { junit } from '../../src/core/reports/tests/junit.js';
import { parseWith, textSource } from '../helpers/parse.js';

const rejection = (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (e: unknown) => e,
  );

describe('invalid UTF-8', () => {
  it('lcov: a path with invalid bytes is kept, with replacement characters', async () => {
    const bytes = Buffer.concat([
      Buffer.from('SF:src/caf'),
      Buffer.from([0xc3, 0x28, 0xff]),
      Buffer.from('.ts\nDA:1,1\nend_of_record\n'),
    ]);
    const data = await parseWith(lcov, textSource(bytes));
    expect([...data.table.files.keys()]).toEqual(['src/caf\uFFFD(\uFFFD.ts']);
    expect(data.table.totals().lines).toEqual({ covered: 1, total: 1 });
  });

  it('JUnit: a failing test named with invalid bytes still counts as failed', async () => {
    const bytes = Buffer.concat([
      Buffer.from('<testsuites><testsuite name="s"><testcase name="bad '),
      Buffer.from([0xe2, 0x82]),
      Buffer.from('"><failure message="m"/></testcase></testsuite></testsuites>'),
    ]);
    const data = await parseWith(junit, textSource(bytes));
    expect(data.failed).toBe(1);
    expect(data.failures[0]!.name).toBe('bad \uFFFD');
  });

  it('a multi-byte character split across stream chunks is decoded whole', async () => {
    const euro = Buffer.from('€'); // three bytes
    const head = Buffer.concat([Buffer.from('SF:a'), euro.subarray(0, 1)]);
    const tail = Buffer.concat([euro.subarray(1), Buffer.from('.ts\nDA:1,0\nend_of_record\n')]);
    const { Readable } = await import('node:stream');
    const source = { path: 'split.info', open: () => Readable.from([head, tail]) };
    const data = await parseWith(lcov, source);
    expect([...data.table.files.keys()]).toEqual(['a€.ts']);
  });
});

describe('NUL bytes', () => {
  it.each([
    ['lcov', lcov, 'SF:a.ts\nDA:1,1\nDA:2,\u00000\nend_of_record\n', 3],
    ['junit', junit, '<testsuites>\n<testsuite name="s">\n\n<testcase name="a\u0000"/></testsuite></testsuites>', 4],
    ['npm-audit', npmAudit, '{\n"auditReportVersion": 2,\n"vulnerabilities": {"\u0000": 1}}', 3],
  ] as const)('%s: refused as a binary file, with the line of the first NUL', async (_name, parser, text, line) => {
    const error = await rejection(parseWith(parser as typeof lcov, textSource(text, 'r.txt')));
    expect(error).toBeInstanceOf(ReportParseError);
    expect((error as ReportParseError).message).toBe(
      `r.txt:${line}: contains a NUL byte: this is a binary file, not a text report`,
    );
  });

  it('finds the line of a NUL far into a multi-chunk file', async () => {
    const { Readable } = await import('node:stream');
    const chunk = Buffer.from('DA:1,1\n'.repeat(150_000)); // ~1 MB, 150,000 lines
    const bad = Buffer.from('DA:2,\u00001\n');
    const source = { path: 'big.info', open: () => Readable.from([Buffer.from('SF:a.ts\n'), chunk, chunk, bad]) };
    const error = await rejection(parseWith(lcov, source));
    expect((error as ReportParseError).line).toBe(300_002);
  });
});
