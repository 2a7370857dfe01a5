import { describe, expect, it } from 'vitest';
import { simplecov } from '../../../../src/core/reports/coverage/simplecov.js';
import { parseFixture, parseWith, textSource } from '../../../helpers/parse.js';

// Ground truth: test/fixtures/simplecov/README.md. SimpleCov printed "18 / 22 LOC (81.82%) covered";
// its coverage_statistics: branch covered=6 missed=4; calc.rb lines 10/14 branches 4/6, text.rb 8/8 and 2/4.
describe('simplecov .resultset.json', () => {
  it('matches the totals SimpleCov computed, with repo-relative paths', async () => {
    const { data, format } = await parseFixture('coverage', 'simplecov/.resultset.json', { root: '/tmp/fx-deb/ruby' });
    expect(format).toBe('simplecov');
    expect(data.table.totals()).toEqual({ lines: { covered: 18, total: 22 }, branches: { covered: 6, total: 10 }, functions: undefined });
    const calc = data.table.files.get('lib/acme/calc.rb')!;
    expect(calc.lines()).toEqual({ covered: 10, total: 14 });
    expect(calc.branches()).toEqual({ covered: 4, total: 6 });
    expect(data.table.files.get('lib/acme/util/text.rb')?.branches()).toEqual({ covered: 2, total: 4 });
  });

  it('unions several command names and reads the pre-0.18 array form', async () => {
    const text = JSON.stringify({
      RSpec: { coverage: { '/repo/a.rb': { lines: [1, 0, null], branches: {} } }, timestamp: 1 },
      Cucumber: { coverage: { '/repo/a.rb': [0, 2, null, 0] }, timestamp: 2 },
    });
    const data = await parseWith(simplecov, textSource(text));
    expect(data.table.totals()).toEqual({ lines: { covered: 2, total: 3 }, branches: undefined, functions: undefined });
  });

  it('refuses branch keys that are not Ruby tuples', async () => {
    const text = JSON.stringify({ T: { coverage: { '/repo/a.rb': { lines: [1], branches: { '[:if, 0, 1, 0, 1, 5]': { nope: 1 } } } } } });
    await expect(parseWith(simplecov, textSource(text, 'r.json'))).rejects.toThrow('r.json: branch key "nope" is not a Ruby [type, id, line, column, line, column] tuple');
  });
});
