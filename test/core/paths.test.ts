import { describe, expect, it } from 'vitest';
import { createPathMapper } from '../../src/core/paths.js';

describe('createPathMapper', () => {
  const m = createPathMapper({ root: '/home/runner/work/app/app', stripPrefixes: ['C:\\build\\app'] });
  it.each([
    ['/home/runner/work/app/app/src/a.ts', 'src/a.ts'],
    ['./src/a.ts', 'src/a.ts'],
    ['src\\lib\\b.ts', 'src/lib/b.ts'],
    ['C:\\build\\app\\src\\c.cs', 'src/c.cs'],
    ['c:/BUILD/app/src/c.cs', 'src/c.cs'],
    ['file:///home/runner/work/app/app/src/d.ts', 'src/d.ts'],
    ['src/./x/../e.ts', 'src/e.ts'],
    ['/elsewhere/f.ts', '/elsewhere/f.ts'],
    ['src//g.ts', 'src/g.ts'],
    ['src/..', ''],
    ['src/..h/i..ts', 'src/..h/i..ts'],
  ])('%s -> %s', (input, expected) => {
    expect(m.toRepo(input)).toBe(expected);
  });

  it('joins relative paths with a base the report names', () => {
    expect(m.toRepo('pkg/mod.py', '/home/runner/work/app/app/python')).toBe('python/pkg/mod.py');
    expect(m.toRepo('pkg/mod.py', 'python')).toBe('python/pkg/mod.py');
  });

  it('recovers paths written in another checkout when the file exists here', () => {
    const probe = createPathMapper({ root: '/repo', exists: (p) => p === 'src/a.ts' });
    expect(probe.toRepo('/ci/build/src/a.ts')).toBe('src/a.ts');
    expect(probe.toRepo('/ci/build/src/missing.ts')).toBe('/ci/build/src/missing.ts');
  });

  it('never turns a path that climbs out into a repo path', () => {
    expect(m.toRepo('../../etc/passwd')).toBe('../../etc/passwd');
  });
});
