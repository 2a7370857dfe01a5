// The per-record line table of the lcov reader: slots keep their lines and values while it grows,
// lines come back in the order they were added, and clearing makes it reusable.
import { describe, expect, it } from 'vitest';
import { LineTable } from '../../../../src/core/reports/coverage/lcov/line-table.js';

describe('LineTable', () => {
  it('counts per line across growth, in first-added order, and clears for the next record', () => {
    const table = new LineTable();
    const lines = Array.from({ length: 1_000 }, (_, i) => ((i * 7_919) % 10_007) + 1);
    for (const [i, line] of lines.entries()) table.values[table.slot(line)] = i;
    for (const line of lines.slice(0, 10)) table.values[table.slot(line)]! += 1_000_000;
    expect(table.size).toBe(1_000);
    expect(Array.from({ length: 1_000 }, (_, i) => table.lineAt(i))).toEqual(lines);
    expect(table.valueAt(3)).toBe(1_000_003);
    expect(table.valueAt(999)).toBe(999);
    table.clear();
    expect(table.size).toBe(0);
    expect(table.values[table.slot(lines[5]!)]).toBe(0);
    expect(table.lineAt(0)).toBe(lines[5]);
  });

  it('finds lines whose hashes collide', () => {
    const table = new LineTable();
    // Lines 2^26 apart share the top bits of the multiplicative hash of a 64-slot table often enough.
    const lines = Array.from({ length: 20 }, (_, i) => 1 + i * 2 ** 20);
    for (const line of lines) table.values[table.slot(line)]! += line;
    for (const line of lines) expect(table.values[table.slot(line)]).toBe(line);
    expect(table.size).toBe(20);
  });
});
