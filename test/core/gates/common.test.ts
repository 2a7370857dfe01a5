// Number formatting the gates and renderers share.
import { describe, expect, it } from 'vitest';
import { fmtCount, fmtPct, plural } from '../../../src/core/gates/common.js';

describe('fmtCount', () => {
  it('groups thousands as en-US does, for any integer, without loading the locale data', () => {
    for (const n of [0, 7, 999, 1000, 12_345, 999_999, 1_000_000, 123_456_789, -1234, Number.MAX_SAFE_INTEGER])
      expect(fmtCount(n)).toBe(n.toLocaleString('en-US'));
    expect(fmtCount(1234.5)).toBe('1,234.5');
    expect(plural(1200, 'error', 'errors')).toBe('1,200 errors');
    expect(fmtPct(78.4213)).toBe('78.42%');
  });
});
