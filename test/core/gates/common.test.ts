// The wording helpers the gates share.
import { describe, expect, it } from 'vitest';
import { percent, plural, shownAbove, shownBelow } from '../../../src/core/gates/common.js';

describe('gate wording', () => {
  it('counts in words, grouped', () => {
    expect(plural(1, 'error', 'errors')).toBe('1 error');
    expect(plural(1200, 'error', 'errors')).toBe('1,200 errors');
  });

  it('keeps a shown value on its side of the limit', () => {
    expect(shownBelow(84.997, 85)).toBe(84.99);
    expect(shownBelow(78.4213, 85)).toBe(78.42);
    expect(shownAbove(0.501, 0.5)).toBe(0.51);
  });

  it('counts nothing to cover as fully covered', () => {
    expect(percent({ covered: 0, total: 0 })).toBe(100);
    expect(percent({ covered: 1, total: 4 })).toBe(25);
  });
});
