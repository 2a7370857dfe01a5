// How readygate writes numbers: every renderer, gate message and Action output goes through these.
import { describe, expect, it } from 'vitest';
import { coveredPercent, fmtCount, fmtCoverage, fmtPct, round } from '../../src/core/numbers.js';

describe('numbers', () => {
  it('groups thousands as en-US does, for any integer, without loading the locale data', () => {
    for (const n of [0, 7, 999, 1000, 12_345, 999_999, 1_000_000, 123_456_789, -1234, Number.MAX_SAFE_INTEGER])
      expect(fmtCount(n)).toBe(n.toLocaleString('en-US'));
    expect(fmtCount(1234.5)).toBe('1,234.5');
  });

  it.each([
    [78.4213, 2, 78.42, '78.42%'],
    [78.4213, 1, 78.4, '78.4%'],
    [80, 2, 80, '80%'],
    [99.999, 2, 100, '100%'],
    [0.005, 2, 0.01, '0.01%'],
  ])('rounds %d to %d decimals: %d, %s', (value, decimals, rounded, shown) => {
    expect(round(value, decimals)).toBe(rounded);
    expect(fmtPct(value, decimals)).toBe(shown);
  });

  it('writes coverage as percent and counts, and says n/a when there is nothing to cover', () => {
    expect(fmtCoverage({ covered: 1234, total: 1573 })).toBe('78.45% (1,234/1,573)');
    expect(fmtCoverage({ covered: 0, total: 0 })).toBe('n/a');
    expect(coveredPercent({ covered: 0, total: 0 })).toBeUndefined();
    expect(coveredPercent({ covered: 1, total: 3 })).toBeCloseTo(33.333, 3);
  });
});
