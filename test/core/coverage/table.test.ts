import { describe, expect, it } from 'vitest';
import { CoverageTable } from '../../../src/core/coverage/table.js';

describe('CoverageTable', () => {
  it('unions line hits across reports and keeps the larger branch counts per line', () => {
    const a = new CoverageTable();
    a.file('x.ts').addLine(1, 1);
    a.file('x.ts').addLine(2, 0);
    a.file('x.ts').addBranches(2, 2, 1);
    const b = new CoverageTable();
    b.file('x.ts').addLine(2, 5);
    b.file('x.ts').addLine(300, 0);
    b.file('x.ts').addBranches(2, 2, 2);
    b.file('y.ts').addLine(1, 0);
    a.mergeFrom(b);
    expect(a.totals()).toEqual({ lines: { covered: 2, total: 4 }, branches: { covered: 2, total: 2 }, functions: undefined });
    expect([...a.files.get('x.ts')!.lineEntries()]).toEqual([
      [1, true],
      [2, true],
      [300, false],
    ]);
  });

  it('counts functions sharing a start line separately, and unions them by line and rank', () => {
    const t = new CoverageTable();
    const f = t.file('x.ts');
    f.addFunction(5, true, 0);
    f.addFunction(5, false, 1);
    f.addFunction(undefined, false);
    expect(f.functions()).toEqual({ covered: 1, total: 3 });
    f.addFunction(5, true, 1);
    expect(f.functions()).toEqual({ covered: 2, total: 3 });
  });

  it('summary-only files count in totals but not in patch coverage', () => {
    const t = new CoverageTable();
    t.file('s.ts').summary = { lines: { covered: 5, total: 10 } };
    expect(t.totals().lines).toEqual({ covered: 5, total: 10 });
    expect(t.patch(new Map([['s.ts', [1, 2]]]))).toBeUndefined();
  });
});
