// The lcov byte scanner reads UTF-8 files; UTF-16 files go through the text reader alone. On any
// tracefile, well-formed or not, cut into chunks anywhere, both must give the same data or the
// same error (message and line).
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { LcovWasm } from '../../../../src/core/reports/coverage/lcov/wasm.js';
import { chunked, expectSameOutcome, ODD_FORM_VARIANTS, oddFormTexts, outcome, READERS, utf16 } from './lcov-agree.js';

/** Numbers as tools write them, and (when `odd`) as no tool should. */
const number = (odd: boolean): fc.Arbitrary<string> =>
  fc.oneof(
    { arbitrary: fc.integer({ min: 1, max: 60 }).map(String), weight: odd ? 4 : 12 },
    { arbitrary: fc.constantFrom('0', '007', '18446744073709551615'), weight: 1 },
    { arbitrary: fc.constantFrom('1.5', '1e3', ' 4', '4 '), weight: odd ? 1 : 0 },
    { arbitrary: fc.constantFrom('00', '-1', '-0', '', 'x', '99999999999'), weight: odd ? 2 : 0 },
  );
const name = fc.constantFrom('main', 'helper', '(anonymous_0)', 'a,b', 'fé', '名前', 'x', 'x\ry', '', ' spaced ', '12', ',x');
const path = (odd: boolean): fc.Arbitrary<string> =>
  odd ? fc.constantFrom('/repo/src/a.ts', 'src/a.ts', './src/b.ts', 'C:\\repo\\c.ts', ' src/d.ts ', '') : fc.constantFrom('/repo/src/a.ts', 'src/a.ts', './src/b.ts', 'src/ü.ts');

function record(odd: boolean): fc.Arbitrary<string> {
  const num = number(odd);
  const taken = fc.oneof(num, fc.constant('-'));
  return fc.oneof(
    { arbitrary: fc.tuple(num, num, fc.constantFrom('', '', '', ',abc', ',')).map(([l, h, c]) => `DA:${l},${h}${c}`), weight: 8 },
    { arbitrary: fc.tuple(num, num, num, taken).map(([l, b, r, t]) => `BRDA:${l},${b},${r},${t}`), weight: 3 },
    { arbitrary: fc.tuple(num, fc.constantFrom('0,e,1', '0,a,b,c', '0,1', 'x', '')).map(([l, rest]) => `BRDA:${l},${rest}`), weight: odd ? 1 : 0 },
    { arbitrary: fc.tuple(num, name).map(([l, n]) => `FN:${l},${n}`), weight: 2 },
    fc.tuple(num, num, name).map(([l, e, n]) => `FN:${l},${e},${n}`),
    { arbitrary: fc.tuple(num, name).map(([h, n]) => `FNDA:${h},${n}`), weight: 2 },
    fc.tuple(num, num).map(([i, l]) => `FNL:${i},${l}`),
    fc.tuple(num, num, name).map(([i, h, n]) => `FNA:${i},${h},${n}`),
    { arbitrary: path(odd).map((p) => `SF:${p}`), weight: odd ? 1 : 0 },
    fc.constantFrom('TN:', 'TN:x', 'VER:2', 'LF:3', 'LH:1', 'BRF:2', 'BRH:0', 'FNF:1', 'FNH:1', 'KEY:value', '', '   ', '\t', ' \r', 'DA :1,1', ':', 'e:x'),
    { arbitrary: fc.constantFrom('end_of_record ', 'hello', 'DA', 'SF', 'D', 'FN', 'FNDA', 'BRDA', ' DA:1,1', 'end_of_record'), weight: odd ? 1 : 0 },
  );
}

/** A tracefile of a few file records, LF or CRLF endings, with or without a last line break. */
const tracefile = (odd: boolean): fc.Arbitrary<string> =>
  fc
    .tuple(fc.array(fc.tuple(path(odd), fc.array(record(odd), { maxLength: 14 })), { minLength: 1, maxLength: 5 }), fc.constantFrom('\n', '\r\n'), fc.boolean())
    .map(([records, eol, finalEol]) => records.flatMap(([p, body]) => [`SF:${p}`, ...body, 'end_of_record']).join(eol) + (finalEol ? eol : ''));

describe.each(READERS)('lcov: the byte scanner, reading %s, and the text reader agree', (_name, via, wasm) => {
  beforeAll(() => {
    if (!wasm) vi.stubGlobal('WebAssembly', undefined);
  });
  afterAll(() => {
    vi.unstubAllGlobals();
  });

  it(wasm ? 'with the WebAssembly loop' : 'with no WebAssembly loop', () => {
    expect(LcovWasm.create() !== undefined).toBe(wasm);
  });

  it.each([
    ['well-formed tracefiles', false],
    ['tracefiles with odd and malformed lines', true],
  ])('on %s, cut into chunks anywhere', async (_kind, odd) => {
    await fc.assert(
      fc.asyncProperty(tracefile(odd), fc.array(fc.nat(), { maxLength: 6 }), async (text, cuts) => {
        const expected = await outcome(chunked(via, utf16(text), []));
        expect(await outcome(chunked(via, Buffer.from(text), cuts))).toEqual(expected);
      }),
      { numRuns: 300, seed: 20261121 },
    );
  });

  // Every form, for every reader, in `npm run test:long` (lcov-odd-forms.long.test.ts). Here a fixed
  // sample: one form in 18, a different one for each reader and line ending (half the forms in all).
  it('on a sample of the odd forms of the records it reads itself, alone and in pairs', async () => {
    const reader = READERS.findIndex(([, v, w]) => v === via && w === wasm);
    for (const [v, [eol, tail]] of ODD_FORM_VARIANTS.entries()) {
      const sample = { stride: 18, offset: reader * ODD_FORM_VARIANTS.length + v };
      for (const text of oddFormTexts(eol, tail, sample)) await expectSameOutcome(via, text);
    }
  });

  it('on large records: many branch lines in any order, functions sharing lines, more than 64 on one', async () => {
    const body: string[] = [];
    for (let i = 0; i < 300; i++) body.push(`BRDA:${((i * 37) % 211) + 1},0,${i},${i % 3}`);
    for (let i = 0; i < 200; i++) body.push(`FN:${(i % 7) + 1},f${i}`, `FNDA:${i % 2},f${i}`);
    for (let i = 0; i < 70; i++) body.push(`FN:500,g${i}`, `FNDA:${i % 5},g${i}`);
    for (let i = 0; i < 500; i++) body.push(`DA:${((i * 13) % 499) + 1},${i % 4}`);
    const text = ['SF:a.ts', ...body, 'end_of_record', 'SF:a.ts', ...body.reverse(), 'end_of_record', ''].join('\n');
    const expected = await outcome(chunked(via, utf16(text), []));
    expect(expected).toMatchObject([{ p: 'a.ts', branches: { total: 300 }, functions: { total: 264 } }]);
    expect(await outcome(chunked(via, Buffer.from(text), [4_000, 9_000]))).toEqual(expected);
  });

  it('on functions whose FN lines and FNDA lines come in different reads', async () => {
    const fn = Array.from({ length: 60 }, (_, i) => `FN:${i + 1},name_${'x'.repeat(i % 9)}${i}`);
    const fnda = Array.from({ length: 60 }, (_, i) => `FNDA:${i % 3},name_${'x'.repeat(i % 9)}${i}`);
    const text = ['SF:a.ts', ...fn, ...fnda, 'DA:1,1', 'end_of_record', 'SF:b.ts', 'FN:1,f', 'FNDA:1,f', 'end_of_record', ''].join('\n');
    const expected = await outcome(chunked(via, utf16(text), []));
    expect(expected).toMatchObject([{ p: 'a.ts', functions: { covered: 40, total: 60 } }, { p: 'b.ts', functions: { covered: 1, total: 1 } }]);
    const cuts = Array.from({ length: text.length / 37 }, (_, i) => i * 37 + 5);
    expect(await outcome(chunked(via, Buffer.from(text), cuts))).toEqual(expected);
  });

  it('on a record split into one-byte chunks', async () => {
    const text = 'TN:\r\nSF:src/a.ts\r\nFN:3,9,main\r\nFNDA:2,main\r\nDA:3,2\r\nDA:4,0,abc\r\nBRDA:3,0,0,1\r\nBRDA:3,0,1,-\r\nend_of_record\r\n';
    const bytes = Buffer.from(text);
    const source = chunked(via, bytes, Array.from({ length: bytes.length }, (_, i) => i));
    expect(await outcome(source)).toEqual([
      {
        p: 'src/a.ts',
        lines: [
          [3, true],
          [4, false],
        ],
        branches: { covered: 1, total: 2 },
        functions: { covered: 1, total: 1 },
      },
    ]);
  });
});
