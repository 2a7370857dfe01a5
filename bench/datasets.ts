/**
 * The benchmark inputs: which files, how big, which seed, how many timed runs. Each is generated
 * once into bench/out/ (streamed to disk) and reused while its generator version and seed match.
 */
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeCobertura } from './generate/cobertura.js';
import { writeJunit } from './generate/junit.js';
import { writeLcov } from './generate/lcov.js';
import { createRng } from './generate/rng.js';
import { writeSarif } from './generate/sarif.js';
import { Sink } from './generate/sink.js';

export type BenchFormat = 'lcov' | 'junit' | 'cobertura' | 'sarif';

export interface Dataset {
  id: string;
  format: BenchFormat;
  /** Bytes for lcov/junit/cobertura; results for sarif. */
  size: number;
  seed: number;
  /** Timed runs per subject (the median is reported). */
  runs: number;
  /** Timed runs for peers, when fewer (peers that need minutes per run on the largest files). */
  peerRuns?: number;
}

/** Bump when any generator's output changes, so stale files are regenerated. */
const GENERATOR_VERSION = 1;
const MB = 1024 * 1024;

export const FULL_DATASETS: Dataset[] = [
  { id: 'lcov-50mb', format: 'lcov', size: 50 * MB, seed: 1, runs: 5 },
  { id: 'lcov-500mb', format: 'lcov', size: 500 * MB, seed: 2, runs: 3, peerRuns: 1 },
  { id: 'junit-25mb', format: 'junit', size: 25 * MB, seed: 3, runs: 5 },
  { id: 'junit-250mb', format: 'junit', size: 250 * MB, seed: 4, runs: 3, peerRuns: 1 },
  { id: 'cobertura-100mb', format: 'cobertura', size: 100 * MB, seed: 5, runs: 3 },
  { id: 'sarif-100k', format: 'sarif', size: 100_000, seed: 6, runs: 5 },
];

export const QUICK_DATASETS: Dataset[] = [
  { id: 'lcov-5mb', format: 'lcov', size: 5 * MB, seed: 1, runs: 3 },
  { id: 'junit-3mb', format: 'junit', size: 3 * MB, seed: 3, runs: 3 },
  { id: 'cobertura-5mb', format: 'cobertura', size: 5 * MB, seed: 5, runs: 3 },
  { id: 'sarif-5k', format: 'sarif', size: 5_000, seed: 6, runs: 3 },
];

const EXT: Record<BenchFormat, string> = {
  lcov: 'lcov.info',
  junit: 'junit.xml',
  cobertura: 'cobertura.xml',
  sarif: 'sarif',
};

export interface GeneratedFile {
  path: string;
  bytes: number;
  sha256: string;
  /** What the generator wrote (files, tests, results…), to check parsers against. */
  stats: Record<string, number>;
}

interface Meta extends GeneratedFile {
  version: number;
  seed: number;
  size: number;
}

/** Generates the dataset unless an up-to-date copy is already on disk. */
export async function ensureDataset(ds: Dataset, dir: string, log: (line: string) => void): Promise<GeneratedFile> {
  const path = join(dir, `${ds.id}.${EXT[ds.format]}`);
  const metaPath = `${path}.meta.json`;
  if (existsSync(path) && existsSync(metaPath)) {
    const meta = JSON.parse(readFileSync(metaPath, 'utf8')) as Meta;
    if (
      meta.version === GENERATOR_VERSION &&
      meta.seed === ds.seed &&
      meta.size === ds.size &&
      statSync(path).size === meta.bytes
    ) {
      return { path, bytes: meta.bytes, sha256: meta.sha256, stats: meta.stats };
    }
  }
  log(`generating ${path} …`);
  const started = performance.now();
  const stats = await generate(ds, path);
  const file: GeneratedFile = { path, bytes: statSync(path).size, sha256: stats.sha256, stats: stats.counts };
  const meta: Meta = { ...file, version: GENERATOR_VERSION, seed: ds.seed, size: ds.size };
  writeFileSync(metaPath, `${JSON.stringify(meta, null, 2)}\n`);
  log(`  ${(file.bytes / MB).toFixed(1)} MB in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return file;
}

async function generate(ds: Dataset, path: string): Promise<{ sha256: string; counts: Record<string, number> }> {
  const sink = new Sink(path);
  let counts: Record<string, number>;
  switch (ds.format) {
    case 'lcov':
      counts = { ...(await writeLcov(sink, createRng(ds.seed), ds.size)) };
      break;
    case 'sarif':
      counts = { ...(await writeSarif(sink, createRng(ds.seed), ds.size)) };
      break;
    case 'junit': {
      const totals = await writeJunit(new Sink(), createRng(ds.seed), ds.size);
      counts = { ...(await writeJunit(sink, createRng(ds.seed), ds.size, totals)) };
      break;
    }
    case 'cobertura': {
      const totals = await writeCobertura(new Sink(), createRng(ds.seed), ds.size);
      counts = { ...(await writeCobertura(sink, createRng(ds.seed), ds.size, totals)) };
      break;
    }
  }
  return { sha256: await sink.end(), counts };
}
