/**
 * What lcov-scan.test.ts and lcov-odd-forms.long.test.ts share: the three ways the byte scanner
 * reads a tracefile, sources cut into chunks anywhere, and the odd forms of the records the
 * scanner reads itself (each checked against the text reader, which reads the same text as UTF-16).
 */
import { Readable } from 'node:stream';
import { expect } from 'vitest';
import { lcov } from '../../../../src/core/reports/coverage/lcov.js';
import type { ReportSource } from '../../../../src/core/reports/types.js';
import { parseWith } from '../../../helpers/parse.js';

/** The byte scanner's readers: [title, how the bytes come, whether WebAssembly is there]. */
export const READERS = [
  ['a stream', 'stream', true],
  ['a file', 'file', true],
  // `node --jitless` has no WebAssembly: the TypeScript scanner then reads every line itself.
  ['a file, without WebAssembly', 'file', false],
] as const;

/**
 * `bytes` cut at `cuts`: as a stream of those chunks, or as a file whose reads stop short there
 * (the byte reader then reuses its two buffers from read to read).
 */
export function chunked(via: 'stream' | 'file', bytes: Buffer, cuts: number[], path = 'r.info'): ReportSource {
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const chunks: Buffer[] = [];
  let from = 0;
  for (const p of [...points, bytes.length]) {
    if (p > from) chunks.push(bytes.subarray(from, p));
    from = Math.max(from, p);
  }
  const open = () => Readable.from(chunks.length > 0 ? chunks : [Buffer.alloc(0)]);
  if (via === 'stream') return { path, size: bytes.length, open };
  const read = async (buffer: Uint8Array, offset: number, length: number, position: number) => {
    const stop = Math.min(position + length, points.find((p) => p > position) ?? bytes.length, bytes.length);
    if (stop <= position) return 0;
    buffer.set(bytes.subarray(position, stop), offset);
    return stop - position;
  };
  return { path, size: bytes.length, open, openFile: async () => ({ read, close: async () => undefined }) };
}

/** What a parse gives, as plain data: per file its lines, branch and function totals; or the error. */
export async function outcome(source: ReportSource): Promise<unknown> {
  try {
    const { table } = await parseWith(lcov, source);
    return [...table.files].map(([p, f]) => ({
      p,
      lines: [...f.lineEntries()],
      branches: f.branches(),
      functions: f.functions(),
    }));
  } catch (error) {
    return { error: (error as Error).message };
  }
}

/** `text` as UTF-16 (with its byte order mark), which only the text reader reads. */
export function utf16(text: string): Buffer {
  return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
}

/** The byte scanner (reading as `via` says) and the text reader give the same data or error for `text`. */
export async function expectSameOutcome(via: 'stream' | 'file', text: string): Promise<void> {
  expect(await outcome(chunked(via, Buffer.from(text), [])), JSON.stringify(text)).toEqual(
    await outcome(chunked(via, utf16(text), [])),
  );
}

const VALUES = ['1', '0', '01', '', ' 1', '1 ', '1.5', '-1', '-0', '1e3', 'x', '-', '--', '10000000', '10000001', '4294967297', '18446744073709551615'];
const NAMES = ['main', 'x', 'x\ry', 'x\r', ',x', '12,x', '12,', '12', '', 'a,b', 'fé'];

/** Every odd form of the lines the scanner reads itself, then FN/FNDA pairs of odd names (2,459 bodies). */
const ODD_FORM_BODIES = [
  ...VALUES.flatMap((a) =>
    VALUES.flatMap((b) => [`DA:${a},${b}`, `DA:${a},${b},abc`, `DA:${a},${b},`, `BRDA:${a},0,0,${b}`, `BRDA:${a},0,${b}`, `BRDA:${a},${b}`]),
  ),
  ...VALUES.flatMap((a) => NAMES.flatMap((n) => [`FN:${a},${n}`, `FNDA:${a},${n}`, `FN:3,${a},${n}`])),
  ...['DA', 'DA:', 'DA:1', 'BRDA', 'BRDA:', 'FN', 'FN:', 'FNDA:', 'FNDA:1', 'end_of_recor', 'end_of_record ', 'D', 'B', 'F', 'FNX:1', 'DAX:1,1'],
  // lines read as nothing (skipped in place by both fast paths), and near misses that are not
  ...['', ' ', '\t', '\v\f', ' \r', '\u00a0', '\ufeff', '\u2028', 'LH:0', 'BRF:1', 'FNF:', 'FNDAX:1', 'BRDAX:1', 'SFX:a', ':', ':x', 'e:x'],
  ...['end_of_record:x', 'FNL:0,1', 'FNA:0,1,x', 'FNL:x', 'FNA:', ' SF:b.ts', 'SF :b.ts', 'x', ' x ', '\tDA:1,1'],
  ...NAMES.flatMap((a) => NAMES.map((b) => `FN:3,${a}\nFNDA:1,${b}`)),
];

/** Each body once as it is and once followed by a malformed line, whose error must name the same line. */
export const ODD_FORM_VARIANTS: readonly (readonly [eol: string, tail: string])[] = [
  ['\n', ''],
  ['\r\n', ''],
  ['\r\n', 'DA:0,1\r\n'],
];

/**
 * Tracefiles of one record holding one odd form each: all of them, or (with `sample`) every
 * `stride`-th one from `offset`, so that different samples visit different forms.
 */
export function oddFormTexts(eol: string, tail: string, sample?: { stride: number; offset: number }): string[] {
  const bodies = sample ? ODD_FORM_BODIES.filter((_, i) => i % sample.stride === sample.offset % sample.stride) : ODD_FORM_BODIES;
  return bodies.map((body) => `SF:a.ts${eol}FN:2,x${eol}${body.replaceAll('\n', eol)}${eol}${tail}end_of_record${eol}`);
}
