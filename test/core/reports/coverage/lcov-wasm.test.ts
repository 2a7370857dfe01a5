// The WebAssembly half of the lcov scanner: the committed binary is the build of scan.wat, and the
// loop hands back to JavaScript correctly at its limits (the tape, the largest line, long runs).
import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { MAX_LINE } from '../../../../src/core/coverage/table.js';
import { lcov } from '../../../../src/core/reports/coverage/lcov.js';
import { LcovWasm, TAPE_BRDA, TAPE_FN, TAPE_FNDA } from '../../../../src/core/reports/coverage/lcov/wasm.js';
import type { ReportSource } from '../../../../src/core/reports/types.js';
// @ts-expect-error: a plain .mjs build script without types
import { ROOT, WASM_SOURCES, generate } from '../../../../scripts/build-wasm.mjs';
import { parseWith } from '../../../helpers/parse.js';

const source = (bytes: Buffer): ReportSource => ({ path: 'r.info', size: bytes.length, open: () => Readable.from([bytes]) });
const utf16 = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);

/** Per file: lines, branch and function totals; the same for the byte scanner and the text reader. */
async function both(text: string): Promise<[unknown, unknown]> {
  const read = async (bytes: Buffer) => {
    const { table } = await parseWith(lcov, source(bytes));
    return [...table.files].map(([p, f]) => ({ p, lines: [...f.lineEntries()].length, covered: f.lines()?.covered, branches: f.branches(), functions: f.functions() }));
  };
  return [await read(Buffer.from(text)), await read(utf16(text))];
}

describe('lcov scan.wat', () => {
  it('is built into scan-wasm.ts (run `npm run wasm` after changing it)', async () => {
    for (const s of WASM_SOURCES as { ts: string }[]) {
      expect(readFileSync(`${ROOT as string}${s.ts}`, 'utf8') === (await generate(s)), `${s.ts} is stale: run \`npm run wasm\``).toBe(true);
    }
  });

  it('reads the usual lines itself, sets DA bits, and puts BRDA, FN and FNDA on the tape', () => {
    const wasm = LcovWasm.create()!;
    const text = 'DA:3,0\nDA:9,12\nBRDA:4,0,0,1\nBRDA:4,0,1,-\nFN:7,9,main\nFNDA:0,main\r\nDA:10,0,abc\nSF:next\n';
    const end = wasm.load(Buffer.from(text), 0, text.length);
    const stop = wasm.scan(wasm.input, end, 0);
    expect(Buffer.from(wasm.mem.subarray(stop, end)).toString()).toBe('SF:next\n');
    expect(wasm.lines).toBe(7);
    // lines 3 and 9 coverable, 9 covered; line 10 coverable
    expect([...wasm.bits.subarray(0, wasm.used)]).toEqual([0b1000, 0, 0b110, 0b10]);
    expect(wasm.entries).toBe(3);
    const entry = (k: number) => [...wasm.tape.subarray(k * 5, k * 5 + 5)];
    expect(entry(0).slice(0, 4)).toEqual([TAPE_BRDA, 4, 2, 1]);
    const [kind, line, start, end2] = entry(1);
    expect([kind, line, Buffer.from(wasm.mem.subarray(start, end2)).toString()]).toEqual([TAPE_FN, 7, 'main']);
    const [kind3, hit, s3, e3] = entry(2);
    expect([kind3, hit, Buffer.from(wasm.mem.subarray(s3, e3)).toString()]).toEqual([TAPE_FNDA, 0, 'main']);
  });

  it('leaves lines past the largest line number, and wrapping numbers, to JavaScript with the same result', async () => {
    for (const line of [String(MAX_LINE), String(MAX_LINE + 1), '4294967297', '0000000001', '99999999999']) {
      const text = `SF:a.ts\nDA:${line},1\nBRDA:${line},0,0,1\nFN:${line},f\nFNDA:1,f\nDA:1,0\nend_of_record\n`;
      const [bytes, text16] = await both(text).catch((e: Error) => [e.message, undefined]);
      if (text16 === undefined) await expect(parseWith(lcov, source(utf16(text)))).rejects.toThrow(bytes as string);
      else expect(bytes, line).toEqual(text16);
    }
  });

  it('stops when its tape is full and goes on from there, in records far longer than the tape', async () => {
    const n = 12_000;
    const body = [
      ...Array.from({ length: n }, (_, i) => `FN:${i + 1},f${i}`),
      ...Array.from({ length: n }, (_, i) => `FNDA:${i % 3},f${i}`),
      ...Array.from({ length: n }, (_, i) => `BRDA:${i + 1},0,0,${i % 2}\nBRDA:${i + 1},0,1,-`),
      ...Array.from({ length: n }, (_, i) => `DA:${i + 1},${i % 5}`),
    ];
    const text = ['SF:a.ts', ...body, 'end_of_record', ''].join('\n');
    const [bytes, text16] = await both(text);
    expect(bytes).toEqual(text16);
    expect(bytes).toEqual([{ p: 'a.ts', lines: n, covered: (n * 4) / 5, branches: { total: 2 * n, covered: n / 2 }, functions: { total: n, covered: (n * 2) / 3 } }]);
  });
});

describe('lcov functions past the ordinal table’s first size', () => {
  it('number functions right when the table grows while they are numbered (the Maps path)', async () => {
    const n = 129;
    const record = (hits: number, first = '') =>
      ['SF:a.ts', first, ...Array.from({ length: n }, (_, i) => `FN:${i + 1},f${i}`), ...Array.from({ length: n }, (_, i) => `FNDA:${hits},f${i}`), 'end_of_record'].filter(Boolean).join('\n');
    // An FNDA before its FN sends the first record to the Maps; the second is read in place.
    const text = `${record(1, 'FNDA:1,f5')}\n${record(0)}\n`;
    const [bytes, text16] = await both(text);
    expect(bytes).toEqual(text16);
    expect(bytes).toMatchObject([{ p: 'a.ts', functions: { covered: n, total: n } }]);
  });
});

describe('lcov WebAssembly instances, kept from parse to parse', () => {
  it('carry no line of a parse stopped by an error into the next one', async () => {
    const broken = `SF:a.ts\n${Array.from({ length: 40 }, (_, i) => `DA:${i * 997 + 1},1`).join('\n')}\nDA:0,1\nend_of_record\n`;
    await expect(parseWith(lcov, source(Buffer.from(broken)))).rejects.toThrow(/^r\.info:42: /);
    for (let i = 0; i < 3; i++) {
      const { table } = await parseWith(lcov, source(Buffer.from('SF:b.ts\nDA:2,1\nend_of_record\n')));
      expect([...table.files].map(([p, f]) => [p, [...f.lineEntries()]])).toEqual([['b.ts', [[2, true]]]]);
    }
  });

  it('serve parses that run at the same time, each with its own', async () => {
    const texts = Array.from({ length: 4 }, (_, k) => `SF:f${k}.ts\n${Array.from({ length: 50 }, (_, i) => `DA:${i * 4 + k + 1},${i % 2}`).join('\n')}\nend_of_record\n`);
    const slow = (bytes: Buffer): ReportSource => ({
      path: 'r.info',
      size: bytes.length,
      open: () => Readable.from((async function* () {
        for (let at = 0; at < bytes.length; at += 64) {
          await new Promise((resolve) => setImmediate(resolve));
          yield bytes.subarray(at, at + 64);
        }
      })()),
    });
    const tables = await Promise.all(texts.map((t) => parseWith(lcov, slow(Buffer.from(t)))));
    expect(tables.map(({ table }) => [...table.files].map(([p, f]) => [p, [...f.lineEntries()]]))).toEqual(
      texts.map((_, k) => [[`f${k}.ts`, Array.from({ length: 50 }, (_, i) => [i * 4 + k + 1, i % 2 === 1])]]),
    );
  });
});
