import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { goCover } from '../../../../src/core/reports/coverage/go-cover.js';
import { goModulePath } from '../../../../src/core/reports/coverage/go-mod.js';
import { FIXTURES, parseFixture, parseWith, textSource } from '../../../helpers/parse.js';

// Ground truth: test/fixtures/go-cover/README.md. `go tool cover -func` prints statements: 17 of 23
// (73.9%) for the set/count/atomic profiles and 17 of 27 (63.0%) with -coverpkg. The profile has no
// line-level statements, so readygate counts the lines the statement blocks span (see go-cover.ts):
// the asserted line totals are the file's truth, and the missed lines are exactly the functions Go
// reports below 100%: Unused (calc.go:43, 0%), Shout (strutil.go:7, 66.7%: line 11), PipeJoin
// (strutil.go:15, 66.7%: lines 17-18); with -coverpkg also boom.go Index and notest.go Hello at 0%.
const MODULE = { module: 'example.com/acme/calc' };
const missed = (file: { lineEntries(): Iterable<[number, boolean]> }) => [...file.lineEntries()].filter(([, covered]) => !covered).map(([line]) => line);

describe('go cover profiles', () => {
  it.each(['set', 'count', 'atomic'])('mode %s: lines spanned by blocks, no branches or functions', async (mode) => {
    const { data, format } = await parseFixture('coverage', `go-cover/cover-${mode}.out`, { parserOptions: MODULE });
    expect(format).toBe('go-cover');
    expect(data.table.totals()).toEqual({ lines: { covered: 28, total: 37 }, branches: undefined, functions: undefined });
    expect([...data.table.files.keys()]).toEqual(['calc.go', 'strutil/strutil.go']);
    expect(missed(data.table.files.get('calc.go')!)).toEqual([43, 44, 45, 46, 47, 48]);
    expect(missed(data.table.files.get('strutil/strutil.go')!)).toEqual([11, 17, 18]);
  });

  it('-coverpkg: the 50 block lines (25 distinct blocks) merge to the same per-line data plus the untested packages', async () => {
    const { data } = await parseFixture('coverage', 'go-cover/cover-coverpkg.out', { parserOptions: MODULE });
    expect(data.table.totals()).toEqual({ lines: { covered: 28, total: 43 }, branches: undefined, functions: undefined });
    expect(missed(data.table.files.get('calc.go')!)).toEqual([43, 44, 45, 46, 47, 48]);
    expect(data.table.files.get('boom/boom.go')?.lines()).toEqual({ covered: 0, total: 1 });
    expect(data.table.files.get('notest/notest.go')?.lines()).toEqual({ covered: 0, total: 5 });
  });

  it('maps module paths through the go.mod text (goModule) and a moduleDir', async () => {
    const goMod = readFileSync(`${FIXTURES}go-cover/go.mod`, 'utf8');
    expect(goModulePath(goMod)).toBe('example.com/acme/calc');
    const { data } = await parseFixture('coverage', 'go-cover/cover-set.out', { parserOptions: { goModule: goMod, moduleDir: 'services/calc' } });
    expect([...data.table.files.keys()]).toEqual(['services/calc/calc.go', 'services/calc/strutil/strutil.go']);
  });

  it('keeps import paths when no module is given, and reads GOPATH-less "_/abs" paths as absolute', async () => {
    const { data } = await parseFixture('coverage', 'go-cover/cover-set.out');
    expect([...data.table.files.keys()]).toEqual(['example.com/acme/calc/calc.go', 'example.com/acme/calc/strutil/strutil.go']);
    const abs = await parseWith(goCover, textSource('mode: set\n_/repo/x/a.go:1.1,2.2 1 1\n'));
    expect([...abs.table.files.keys()]).toEqual(['x/a.go']);
  });

  it('reads quoted and commented module lines', () => {
    expect(goModulePath('// comment\nmodule "example.com/q" // trailing\n')).toBe('example.com/q');
    expect(goModulePath('go 1.21\n')).toBeUndefined();
  });
});

describe('go cover profiles: bad input', () => {
  it.each([
    ['mode: set\nnot a block\n', 'p.out:2: not a cover profile block: "not a block"'],
    ['mode: set\na.go:5.1,3.2 1 1\n', 'p.out:2: block lines 5-3 are not a range between 1 and 10000000'],
    ['mode: fast\n', 'p.out:1: unknown cover mode "fast" (expected set, count or atomic)'],
    ['mode: set\na.go:1.1,1.2 1 1\nmode: count\n', 'p.out:3: profiles with different modes (set, count) cannot be merged'],
    ['a.go:1.1,1.2 1 1\n', 'p.out:1: a Go cover profile starts with a "mode:" line'],
    ['', 'p.out: file is empty'],
  ])('%j', async (text, message) => {
    await expect(parseWith(goCover, textSource(text, 'p.out'))).rejects.toThrow(message);
  });

  it('refuses options of the wrong type', async () => {
    await expect(parseWith(goCover, textSource('mode: set\n'), { parserOptions: { module: 1 } })).rejects.toThrow('option module must be a Go module path');
    await expect(parseWith(goCover, textSource('mode: set\n'), { parserOptions: { goModule: 'go 1.19\n' } })).rejects.toThrow('option goModule must be go.mod text with a "module" line');
  });
});
