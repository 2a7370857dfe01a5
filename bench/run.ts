/**
 * `npm run bench [-- --quick] [--only id,id] [--runs n] [--no-startup] [--results-dir d] [--generate-only]
 * [--update]`: generates the inputs,
 * times every subject on each in child processes (alternating order, median of several runs), and
 * writes bench/results.json and bench/results.md.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { appSectionOf } from './app/render.js';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import { ensureDataset, FULL_DATASETS, QUICK_DATASETS, type Dataset } from './datasets.js';
import { machine } from './machine.js';
import { measure, type Measured } from './measure.js';
import { renderReadmeTargets, renderResults, withReadmeTargets } from './render.js';
import {
  markDisagreements,
  ratiosAgainstReadygate,
  summarise,
  type BenchResults,
  type DatasetResult,
} from './results.js';
import { measureStartup } from './startup.js';
import { subjectsFor } from './subjects.js';
import { checkTargets } from './targets.js';

const here = dirname(fileURLToPath(import.meta.url));
const repo = dirname(here);
const outDir = join(here, 'out');
const log = (line: string) => process.stderr.write(`${line}\n`);

const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    only: { type: 'string' },
    runs: { type: 'string' },
    'no-startup': { type: 'boolean', default: false },
    'generate-only': { type: 'boolean', default: false },
    /** Re-run some datasets (--only) and replace just those in an existing results.json. */
    update: { type: 'boolean', default: false },
    /** Where results.json/.md go: bench/ for full runs (committed), bench/out/ for --quick. */
    'results-dir': { type: 'string' },
  },
});

async function bundleChild(): Promise<string> {
  // Children run bundled JavaScript on plain node: no TypeScript loader inflating time or RSS.
  const outfile = join(outDir, 'child.mjs');
  await build({
    entryPoints: [join(here, 'child.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
  });
  return outfile;
}

async function runDataset(ds: Dataset, child: string): Promise<DatasetResult> {
  const file = await ensureDataset(ds, outDir, log);
  const subjects = subjectsFor(ds.format);
  const runsOf = (kind: string) => Number(args.runs ?? (kind === 'peer' ? (ds.peerRuns ?? ds.runs) : ds.runs));
  const runs = new Map<string, Measured[]>(subjects.map((s) => [s.id, []]));
  const rounds = Math.max(...subjects.map((s) => runsOf(s.kind)));
  for (let round = 0; round < rounds; round++) {
    // Alternate: each round starts with a different subject, so no one always runs on a cold cache.
    const order = subjects.map((_, i) => subjects[(i + round) % subjects.length]!);
    for (const s of order) {
      const done = runs.get(s.id)!;
      if (done.length >= runsOf(s.kind) || done.some((r) => 'error' in r)) continue;
      const result = await measure(child, s.id, file.path);
      done.push(result);
      log(
        `  ${ds.id} ${s.id} run ${done.length}: ${'error' in result ? `failed: ${result.error}` : `${(result.ms / 1000).toFixed(2)} s, ${(result.maxRssKb / 1024).toFixed(0)} MB`}`,
      );
    }
  }
  const results = markDisagreements(subjects.map((s) => summarise(s, runs.get(s.id)!, file.bytes)));
  for (const s of results)
    if (s.disagrees) log(`  ${ds.id} ${s.id} does not read what readygate reads: ${s.disagrees.join('; ')}`);
  return {
    id: ds.id,
    format: ds.format,
    bytes: file.bytes,
    sha256: file.sha256,
    seed: ds.seed,
    generated: file.stats,
    subjects: results,
    ratios: ratiosAgainstReadygate(results),
  };
}

async function main(): Promise<void> {
  mkdirSync(outDir, { recursive: true });
  const only = args.only?.split(',');
  const datasets = (args.quick ? QUICK_DATASETS : FULL_DATASETS).filter((d) => !only || only.includes(d.id));
  if (args['generate-only']) {
    for (const ds of datasets) log(`${(await ensureDataset(ds, outDir, log)).path}`);
    return;
  }
  const child = await bundleChild();
  const results: DatasetResult[] = [];
  for (const ds of datasets) results.push(await runDataset(ds, child));
  const dir = args['results-dir'] ?? (args.quick ? outDir : here);
  const previous = args.update
    ? (JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8')) as BenchResults)
    : undefined;
  const startup = args['no-startup'] ? (previous?.startup ?? []) : await measureStartup(repo, outDir, 10, log);
  const datasetsOut = previous ? previous.datasets.map((d) => results.find((r) => r.id === d.id) ?? d) : results;
  const report: BenchResults = {
    generatedAt: new Date().toISOString(),
    quick: args.quick ?? false,
    machine: machine(),
    datasets: datasetsOut,
    startup,
    targets: checkTargets({ datasets: datasetsOut, startup }),
  };
  writeFileSync(join(dir, 'results.json'), `${JSON.stringify(report, null, 2)}\n`);
  // `npm run bench:app` keeps a section of its own in results.md: carry it over.
  const mdPath = join(dir, 'results.md');
  const appSection = existsSync(mdPath) ? appSectionOf(readFileSync(mdPath, 'utf8')) : undefined;
  writeFileSync(mdPath, renderResults(report) + (appSection ? `\n${appSection}` : ''));
  log(`wrote ${join(dir, 'results.json')} and results.md`);
  if (dir === here) {
    // Only a full run's results (the committed ones) go into the README.
    const readmePath = join(repo, 'README.md');
    const readme = withReadmeTargets(readFileSync(readmePath, 'utf8'), renderReadmeTargets(report));
    if (readme === undefined) log('README.md has no bench markers: its targets table was not updated');
    else writeFileSync(readmePath, readme);
  }
  for (const t of report.targets)
    log(`${t.met === null ? '·' : t.met ? '✓' : '✗'} ${t.name}: ${t.measured} (goal ${t.goal})`);
}

await main();
