/** The issue's targets, checked against one run's numbers (ratios always from the same run). */
import type { BenchResults, DatasetResult, Target } from './results.js';

const x = (n: number) => `${n.toFixed(1)}×`;

function byFormat(r: Pick<BenchResults, 'datasets'>, format: string, largest: boolean): DatasetResult | undefined {
  const sets = r.datasets.filter((d) => d.format === format).sort((a, b) => a.bytes - b.bytes);
  return largest ? sets[sets.length - 1] : sets[0];
}

export function checkTargets(r: Pick<BenchResults, 'datasets' | 'startup'>): Target[] {
  const targets: Target[] = [];
  const lcov = byFormat(r, 'lcov', false);
  const vsLcovParse = lcov?.ratios['lcov-parse'];
  targets.push({
    name: `lcov vs lcov-parse${lcov ? ` (${lcov.id})` : ''}`,
    goal: '≥ 15× faster',
    measured: vsLcovParse === undefined ? 'n/a' : x(vsLcovParse),
    met: vsLcovParse === undefined ? null : vsLcovParse >= 15,
  });
  const vsFloor = lcov?.ratios.floor;
  targets.push({
    name: `lcov vs line-splitting floor${lcov ? ` (${lcov.id})` : ''}`,
    goal: 'within 1.5× of the floor',
    measured: vsFloor === undefined ? 'n/a' : `${x(1 / vsFloor)} the floor's time`,
    met: vsFloor === undefined ? null : 1 / vsFloor <= 1.5,
  });
  const junit = byFormat(r, 'junit', false);
  const vsJunit2json = junit?.ratios.junit2json;
  targets.push({
    name: `JUnit vs junit2json${junit ? ` (${junit.id})` : ''}`,
    goal: '≥ 4× faster',
    measured: vsJunit2json === undefined ? 'n/a' : x(vsJunit2json),
    met: vsJunit2json === undefined ? null : vsJunit2json >= 4,
  });
  const big = byFormat(r, 'lcov', true);
  const rss = big?.subjects.find((s) => s.kind === 'readygate')?.peakRssMb;
  targets.push({
    name: `peak RSS on the largest lcov file${big ? ` (${big.id})` : ''}`,
    goal: '< 250 MB',
    measured: rss === undefined ? 'n/a' : `${rss.toFixed(0)} MB`,
    met: rss === undefined ? null : rss < 250,
  });
  const check = r.startup.find((s) => s.label.startsWith('readygate check'));
  targets.push({
    name: '`readygate check` on small reports, wall time',
    goal: '< 300 ms',
    measured: check ? `${check.medianMs.toFixed(0)} ms` : 'n/a',
    met: check ? check.medianMs < 300 : null,
  });
  return targets;
}
