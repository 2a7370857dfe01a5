// The README's performance targets are the committed bench results, and `npm run bench` rewrites
// only the part between its markers.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { README_END, README_START, renderReadmeTargets, withReadmeTargets } from '../../bench/render.js';
import type { BenchResults } from '../../bench/results.js';

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');

describe('README performance targets', () => {
  it('are the table of bench/results.json (run `npm run bench` to measure again)', () => {
    const results = JSON.parse(read('bench/results.json')) as BenchResults;
    const readme = read('README.md');
    expect(withReadmeTargets(readme, renderReadmeTargets(results))).toBe(readme);
  });

  it('are written between the markers, and nowhere without them', () => {
    const doc = `# x\n\nbefore\n${README_START}\nold table\n${README_END}\nafter\n`;
    expect(withReadmeTargets(doc, 'new table\n')).toBe(
      `# x\n\nbefore\n${README_START}\nnew table\n${README_END}\nafter\n`,
    );
    expect(withReadmeTargets('# no markers\n', 'new table\n')).toBeUndefined();
  });
});
