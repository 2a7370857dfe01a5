import { describe, expect, it, vi } from 'vitest';
import { safeLines } from '../../src/action/safe-log.js';

describe('safeLines', () => {
  it('passes plain text through', () => {
    expect(safeLines('tests: 3 failed')).toEqual(['tests: 3 failed']);
  });

  it('wraps text that could hold a workflow command in stop-commands with a fresh token', () => {
    const text = 'test "x" failed:\n::add-mask::secret\n::error::fake';
    const lines = safeLines(text, () => 'tok123');
    expect(lines).toEqual(['::stop-commands::tok123', text, '::tok123::']);
  });

  it('never uses a token that occurs in the text', () => {
    const token = vi.fn().mockReturnValueOnce('abc').mockReturnValueOnce('xyz');
    expect(safeLines('::abc:: resume attempt', token)[0]).toBe('::stop-commands::xyz');
  });
});
