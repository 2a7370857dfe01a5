// Class (#12, hangs and resource use): "an lcov file that is mostly blank lines runs ~10× slower per
// byte than a real one". The cost was per line, not per byte: every blank line (and every skipped
// record such as LH: inside a file record) left the WebAssembly loop, was decoded to a string and
// went through the text reader. Now the loop and the TypeScript scanner skip such lines in place,
// with the same data and the same error lines as the text reader. What is checked here is that
// behaviour (what reads a blank line, how often the loop is left), never a timing; the measured
// numbers are in the comment on LcovScanner.other (src/core/reports/coverage/lcov/scan.ts).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LcovTextLines } from '../../src/core/reports/coverage/lcov/text-lines.js';
import { LcovWasm } from '../../src/core/reports/coverage/lcov/wasm.js';
import { chunked, outcome, READERS, utf16 } from '../core/reports/coverage/lcov-agree.js';

const BLANKS = ['', '   ', '\t', ' \t\v\f ', '\r'];
const SKIPPED = ['LH:0', 'TN:', 'BRF:2', 'FNH:1', 'KEY:value', ' DA:1,1', 'DAX:1', ':'];

/** `count` filler lines, cycling through `lines`. */
const filler = (lines: readonly string[], count: number): string[] =>
  Array.from({ length: count }, (_, i) => lines[i % lines.length]!);

/** Two records, with the `fill` lines before, inside (between the data lines) and after each. */
function tracefile(fill: readonly string[], eol: string): string {
  const record = (path: string) => [
    `SF:${path}`,
    ...fill,
    'FN:2,main',
    ...fill,
    'FNDA:1,main',
    'DA:2,1',
    ...fill,
    'DA:3,0',
    'BRDA:2,0,0,1',
    ...fill,
    'BRDA:2,0,1,-',
    'end_of_record',
  ];
  return [...fill, 'TN:', ...record('a.ts'), ...fill, ...record('b.ts'), ...fill, ''].join(eol);
}

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe.each(READERS)('an lcov file that is mostly blank lines, read from %s', (_name, via, wasm) => {
  const stub = () => {
    if (!wasm) vi.stubGlobal('WebAssembly', undefined);
  };

  it.each([
    ['blank lines', BLANKS, '\n'],
    ['blank lines, CRLF', BLANKS, '\r\n'],
    ['records the parser skips', SKIPPED, '\n'],
  ])(
    '%s: the same data as the text reader, whatever the chunking, and no string made for them',
    async (_kind, lines, eol) => {
      stub();
      const text = tracefile(filler(lines, 3_000), eol);
      const expected = await outcome(chunked(via, utf16(text), []));
      expect(expected).toMatchObject([
        { p: 'a.ts', branches: { total: 2, covered: 1 }, functions: { total: 1, covered: 1 } },
        { p: 'b.ts', branches: { total: 2, covered: 1 }, functions: { total: 1, covered: 1 } },
      ]);
      const line = vi.spyOn(LcovTextLines.prototype, 'line');
      expect(await outcome(chunked(via, Buffer.from(text), [1_000, 7_777, 20_000]))).toEqual(expected);
      // The byte scanner decodes no filler line: the text reader sees none of them.
      expect(line).not.toHaveBeenCalled();
    },
  );

  it('names the right line in an error after thousands of blank lines, in and out of records', async () => {
    stub();
    for (const [text, lineNo] of [
      [`${'\n'.repeat(5_000)}DA:1,1\n`, 5_001],
      [`SF:a.ts\n${' \n'.repeat(4_000)}DA:0,1\nend_of_record\n`, 4_002],
      [`SF:a.ts\nDA:1,1\nend_of_record\n${'\r\n'.repeat(3_000)}hello\n`, 3_004],
    ] as const) {
      const expected = await outcome(chunked(via, utf16(text), []));
      expect(expected).toMatchObject({ error: expect.stringMatching(new RegExp(`^r\\.info:${lineNo}: `)) });
      expect(await outcome(chunked(via, Buffer.from(text), [100, 4_001]))).toEqual(expected);
    }
  });
});

describe('the WebAssembly loop reads blank lines and skipped records itself', () => {
  const run = (text: string, open: boolean) => {
    const wasm = LcovWasm.create()!;
    try {
      const bytes = Buffer.from(text);
      const end = wasm.load(bytes, 0, bytes.length);
      const stop = wasm.scan(wasm.input, end, 0, open);
      return { rest: Buffer.from(wasm.mem.subarray(stop, end)).toString(), lines: wasm.lines };
    } finally {
      wasm.recycle(0);
    }
  };

  it('inside a record: stops only at a line it does not read (SF, end_of_record, FNL, odd lines)', () => {
    const body = '\n \t\r\nLH:0\nDA:1,1\n\v\f\nBRF:1\nFNF:1\nDAX:1\n:\n';
    for (const stop of [
      'SF:b.ts\n',
      'end_of_record\n',
      'FNL:0,1\n',
      'FNA:0,1,f\n',
      'hello\n',
      '\u00a0\n',
      'DA:x\n',
      'BRDA:1\n',
    ]) {
      expect(run(`${body}${stop}DA:2,1\n`, true), stop).toEqual({ rest: `${stop}DA:2,1\n`, lines: 9 });
    }
  });

  it('outside a record: reads only blank lines and skipped records, and stops at any data line', () => {
    for (const stop of ['SF:a.ts\n', 'DA:1,1\n', 'FN:1,f\n', 'FNDA:1,f\n', 'BRDA:1,0,0,1\n', 'end_of_record\n']) {
      expect(run(`TN:\n\n  \nVER:2\n${stop}`, false), stop).toEqual({ rest: stop, lines: 4 });
    }
  });

  it('is left a few times per record, not once per blank line', async () => {
    const scan = vi.spyOn(LcovWasm.prototype, 'scan');
    const text = tracefile(filler(BLANKS, 10_000), '\n');
    expect(await outcome(chunked('file', Buffer.from(text), []))).toMatchObject([{ p: 'a.ts' }, { p: 'b.ts' }]);
    // Per record: after SF and after end_of_record (its totals and blank lines are read in place).
    expect(scan.mock.calls.length).toBeLessThan(10);
  });
});
