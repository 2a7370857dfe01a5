// Bulk adds (a whole lcov record at once) land in slices of the table's shared blocks: many files
// must keep their own data across block boundaries, and later adds must merge with it.
import { describe, expect, it } from 'vitest';
import { Arena } from '../../../src/core/coverage/arena.js';
import { CoverageTable } from '../../../src/core/coverage/table.js';

/** Line bits in FileCoverage's layout for the given [line, covered] pairs. */
function lineBits(lines: [number, boolean][]): Uint8Array {
  const bits = new Uint8Array(((Math.max(...lines.map(([l]) => l)) >>> 3) + 1) * 2);
  for (const [line, covered] of lines) {
    bits[(line >>> 3) << 1]! |= 1 << (line & 7);
    if (covered) bits[((line >>> 3) << 1) + 1]! |= 1 << (line & 7);
  }
  return bits;
}

const pairs = (...values: number[]): Int32Array => Int32Array.from(values);

describe('Arena', () => {
  it('hands out slices that keep their values when later copies move on to new blocks', () => {
    const arena = new Arena();
    const slices: { block: Int32Array; base: number; values: number[] }[] = [];
    for (let i = 0; i < 5_000; i++) {
      const values = Array.from({ length: 1 + (i % 50) }, (_, k) => i * 1000 + k);
      const base = arena.ints.copy(Int32Array.from(values), values.length);
      slices.push({ block: arena.ints.block, base, values });
    }
    expect(new Set(slices.map((s) => s.block)).size).toBeGreaterThan(1);
    for (const { block, base, values } of slices) expect([...block.subarray(base, base + values.length)]).toEqual(values);
  });

  it('copies only the given length, and gives a large slice an array of its own', () => {
    const arena = new Arena();
    const src = Uint8Array.from([1, 2, 3, 4]);
    const base = arena.bytes.copy(src, 2);
    expect([...arena.bytes.block.subarray(base, base + 3)]).toEqual([1, 2, 0]);
    const big = new Uint8Array(100_000).fill(7);
    expect(arena.bytes.copy(big, big.length)).toBe(0);
    expect(arena.bytes.block).not.toBe(big);
    expect(arena.bytes.block.length).toBe(100_000);
  });
});

describe('FileCoverage bulk adds', () => {
  it('keeps each of thousands of files apart (the blocks fill up and new ones start)', () => {
    const table = new CoverageTable();
    // 40 branch lines and 40 functions a file: 160 ints, so 3,000 files fill several 64 K-int blocks.
    const lines40 = Array.from({ length: 40 }, (_, k) => k + 1);
    for (let i = 0; i < 3_000; i++) {
      const file = table.file(`f${i}.ts`);
      const bits = lineBits([
        [1, true],
        [i + 2, i % 2 === 0],
      ]);
      file.addLineBits(bits, bits.length);
      // Every other file hands its lines over in descending order (lcov records need not be sorted).
      const order = i % 2 === 0 ? lines40 : [...lines40].reverse();
      file.addBranchPairs(pairs(...order.flatMap((l) => [l, (2 << 16) | ((l + i) % 3 === 0 ? 1 : 0)])), 40, i % 2 === 0);
      file.addFunctionPairs(pairs(...order.flatMap((l) => [l * 64, (l + i) % 4 === 0 ? 1 : 0])), 40, i % 2 === 0);
    }
    // Merging reads every file's logs back from the blocks (the totals kept at add time would not).
    const copy = new CoverageTable();
    copy.mergeFrom(table);
    for (const i of [0, 1, 777, 1_500, 2_999]) {
      const file = copy.files.get(`f${i}.ts`)!;
      expect([...file.lineEntries()]).toEqual([
        [1, true],
        [i + 2, i % 2 === 0],
      ]);
      expect(file.branches()).toEqual({ covered: lines40.filter((l) => (l + i) % 3 === 0).length, total: 80 });
      expect(file.functions()).toEqual({ covered: 10, total: 40 });
    }
    expect(copy.totals()).toEqual(table.totals());
    expect(table.totals().lines).toEqual({ covered: 4_500, total: 6_000 });
  });

  it('merges a second record of a file with the first: lines unioned, branch counts by maximum, functions by either', () => {
    const file = new CoverageTable().file('a.ts');
    const small = lineBits([
      [3, false],
      [5, true],
    ]);
    file.addLineBits(small, small.length);
    const large = lineBits([
      [3, true],
      [40, false],
    ]);
    file.addLineBits(large, large.length);
    expect([...file.lineEntries()]).toEqual([
      [3, true],
      [5, true],
      [40, false],
    ]);
    expect(file.lines()).toEqual({ covered: 2, total: 3 });
    file.addBranchPairs(pairs(9, (2 << 16) | 2, 3, (2 << 16) | 0), 2, false);
    file.addBranchPairs(pairs(3, (2 << 16) | 1, 7, (3 << 16) | 0), 2, true);
    expect(file.branches()).toEqual({ covered: 3, total: 7 });
    file.addFunctionPairs(pairs(3 * 64, 0), 1, true);
    file.addFunctionPairs(pairs(9 * 64, 0, 3 * 64, 1), 2, false);
    expect(file.functions()).toEqual({ covered: 1, total: 2 });
  });

  it('mixes bulk and line-by-line adds, and merges tables built either way', () => {
    const bulk = new CoverageTable();
    const bits = lineBits([[2, true]]);
    bulk.file('x.ts').addLineBits(bits, bits.length);
    bulk.file('x.ts').addLine(100, 0);
    bulk.file('x.ts').addBranchPairs(pairs(2, (2 << 16) | 1), 1, true);
    bulk.file('x.ts').addBranches(2, 2, 2);
    expect(bulk.file('x.ts').branches()).toEqual({ covered: 2, total: 2 });
    const byLine = new CoverageTable();
    byLine.file('x.ts').addLine(3, 1);
    byLine.mergeFrom(bulk);
    expect([...byLine.files.get('x.ts')!.lineEntries()]).toEqual([
      [2, true],
      [3, true],
      [100, false],
    ]);
    expect(byLine.totals()).toEqual({ lines: { covered: 2, total: 3 }, branches: { covered: 2, total: 2 }, functions: undefined });
    expect(byLine.patch(new Map([['x.ts', [2, 4, 100]]]))).toEqual({ covered: 1, total: 2 });
  });
});
