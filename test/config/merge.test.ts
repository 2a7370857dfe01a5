import { describe, expect, it } from 'vitest';
import { mergePolicy } from '../../src/config/merge.js';

describe('mergePolicy', () => {
  it('merges mappings recursively and lets the extending file replace scalars and lists', () => {
    const base = {
      levels: { a: { tests: { max_failed: 0 } } },
      reports: { lint: ['a.json', 'b.json'] },
      mode: 'enforce',
    };
    const over = { levels: { a: { coverage: { lines: 80 } }, b: {} }, reports: { lint: ['c.json'] }, mode: 'warn' };
    expect(mergePolicy(base, over)).toEqual({
      levels: { a: { tests: { max_failed: 0 }, coverage: { lines: 80 } }, b: {} },
      reports: { lint: ['c.json'] },
      mode: 'warn',
    });
    // Neither input is changed.
    expect(base.levels.a).toEqual({ tests: { max_failed: 0 } });
  });

  it('keeps a __proto__ key as data: no file can reach a prototype', () => {
    const over = JSON.parse('{"__proto__": {"levels": {"x": {}}}, "mode": "warn"}') as unknown;
    const merged = mergePolicy({ levels: { a: {} } }, over) as Record<string, unknown>;
    expect(Object.getPrototypeOf(merged)).toBe(Object.prototype);
    expect(Object.keys(merged)).toEqual(['levels', '__proto__', 'mode']);
    expect(merged.levels).toEqual({ a: {} });
    expect(({} as Record<string, unknown>).levels).toBeUndefined();
  });
});
