import { describe, expect, it } from 'vitest';
import { countLines, formatRanges, toRanges } from '../../src/core/line-ranges.js';

describe('line ranges', () => {
  it.each([
    [[], []],
    [[7], [[7, 7]]],
    [
      [14, 15, 16, 17, 22],
      [
        [14, 17],
        [22, 22],
      ],
    ],
    [
      [1, 1, 2, 4, 4, 5],
      [
        [1, 2],
        [4, 5],
      ],
    ],
  ])('%j merges into %j', (lines, ranges) => {
    expect(toRanges(lines)).toEqual(ranges);
    expect(countLines(toRanges(lines))).toBe(new Set(lines).size);
  });

  it('formats ranges as people write them, and says how many it left out', () => {
    const ranges = toRanges([14, 15, 16, 17, 22, 30, 31]);
    expect(formatRanges(ranges)).toBe('14-17, 22, 30-31');
    expect(formatRanges(ranges, 2)).toBe('14-17, 22 … (1 more)');
  });
});
