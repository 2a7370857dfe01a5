// The benchmark marks a peer that read other totals than readygate: it must not pass as a win.
import { describe, expect, it } from 'vitest';
import { markDisagreements, type SubjectResult } from '../../bench/results.js';

const subject = (id: string, kind: SubjectResult['kind'], summary?: Record<string, number>): SubjectResult => ({
  id,
  label: id,
  kind,
  runs: [],
  summary,
});

describe('markDisagreements', () => {
  it('marks peers that differ on a key both report, and leaves the rest', () => {
    const marked = markDisagreements([
      subject('readygate', 'readygate', { files: 2, lines: 10, branches: 4 }),
      subject('same', 'peer', { files: 2, lines: 10 }),
      subject('other', 'peer', { files: 2, lines: 9, branches: 4000 }),
      subject('floor', 'floor', { lines: 12 }),
    ]);
    expect(marked.map((s) => s.disagrees)).toEqual([
      undefined,
      undefined,
      ['lines: 9 ≠ 10', 'branches: 4,000 ≠ 4'],
      undefined,
    ]);
  });

  it('changes nothing when readygate read nothing (it failed)', () => {
    const subjects = [subject('readygate', 'readygate'), subject('other', 'peer', { lines: 1 })];
    expect(markDisagreements(subjects)).toEqual(subjects);
  });
});
