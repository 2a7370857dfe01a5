import { describe, expect, it, vi } from 'vitest';
import { safeLines } from '../../../src/core/render/safe-log.js';

describe('safeLines', () => {
  it.each([
    ['tests: 3 failed'],
    ['a # comment and [brackets] and a single : colon'],
    ['C:\\path\\to\\file.ts:12:3'],
    ['#[not legacy] and ## [spaced]'],
  ])('passes plain text through: %s', (text) => {
    expect(safeLines(text)).toEqual([text]);
  });

  it.each([
    ['::set-output name=x::y'],
    ['::add-mask::secret'],
    ['::error file=a.ts,line=1::fake'],
    ['   ::warning::indented command'],
    ['test "x" failed: ::set-env name=NODE_OPTIONS::--require evil'],
    ['##[set-output name=x]y'],
    ['##[add-mask]secret'],
    ['##[error]fake failure'],
    ['expected "ok" but got "##[set-env name=PATH;]/tmp/evil"'],
    ['first line\n##[group]second line'],
  ])('wraps text that could hold a workflow command: %s', (text) => {
    expect(safeLines(text, () => 'tok123')).toEqual(['::stop-commands::tok123', text, '::tok123::']);
  });

  it('never uses a token that occurs in the text', () => {
    const token = vi.fn().mockReturnValueOnce('abc').mockReturnValueOnce('xyz');
    expect(safeLines('::abc:: resume attempt', token)[0]).toBe('::stop-commands::xyz');
    const legacy = vi.fn().mockReturnValueOnce('abc').mockReturnValueOnce('xyz');
    expect(safeLines('##[abc] resume attempt', legacy)).toEqual([
      '::stop-commands::xyz',
      '##[abc] resume attempt',
      '::xyz::',
    ]);
  });
});
