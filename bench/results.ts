/** The shape of bench/results.json and how its numbers are summarised per subject. */
import type { Dataset, GeneratedFile } from './datasets.js';
import type { Machine } from './machine.js';
import { median, type Measured } from './measure.js';
import type { Subject } from './subjects.js';

export interface SubjectResult {
  id: string;
  label: string;
  kind: Subject['kind'];
  runs: Measured[];
  /** Median parse time in the child (process start and module loading excluded). */
  medianMs?: number;
  mbPerSec?: number;
  /** Largest peak RSS over the runs. */
  peakRssMb?: number;
  /** Median wall time of the whole child process, start-up included. */
  medianWallMs?: number;
  summary?: Record<string, number>;
  /** Where this subject's summary differs from readygate's (a key both report), as `key: theirs ≠ ours`. */
  disagrees?: string[];
  error?: string;
}

export interface DatasetResult {
  id: string;
  format: Dataset['format'];
  bytes: number;
  sha256: string;
  seed: number;
  generated: GeneratedFile['stats'];
  subjects: SubjectResult[];
  /** Other subject's median / readygate's median, per subject id: above 1 means readygate is faster. */
  ratios: Record<string, number>;
}

export interface StartupResult {
  label: string;
  command: string;
  medianMs: number;
  runs: number[];
}

export interface Target {
  name: string;
  goal: string;
  measured: string;
  met: boolean | null;
}

export interface BenchResults {
  generatedAt: string;
  quick: boolean;
  machine: Machine;
  datasets: DatasetResult[];
  startup: StartupResult[];
  targets: Target[];
}

const MB = 1024 * 1024;

export function summarise(subject: Subject, runs: Measured[], bytes: number): SubjectResult {
  const base = { id: subject.id, label: subject.label, kind: subject.kind, runs };
  const ok = runs.filter((r): r is Extract<Measured, { ms: number }> => 'ms' in r);
  const failed = runs.find((r): r is Extract<Measured, { error: string }> => 'error' in r);
  if (ok.length === 0) return { ...base, error: failed?.error ?? 'not run' };
  const medianMs = median(ok.map((r) => r.ms));
  return {
    ...base,
    medianMs,
    mbPerSec: bytes / MB / (medianMs / 1000),
    peakRssMb: Math.max(...ok.map((r) => r.maxRssKb)) / 1024,
    medianWallMs: median(ok.map((r) => r.wallMs)),
    summary: ok[ok.length - 1]!.summary,
    ...(failed ? { error: `some runs failed: ${failed.error}` } : {}),
  };
}

/**
 * Marks each subject whose summary differs from readygate's on a key both report: a reader that is
 * fast because it reads something else must show, not pass as a win.
 */
export function markDisagreements(subjects: SubjectResult[]): SubjectResult[] {
  const ours = subjects.find((s) => s.kind === 'readygate')?.summary;
  if (!ours) return subjects;
  return subjects.map((s) => {
    if (s.kind !== 'peer' || !s.summary) return s;
    const differ = Object.entries(s.summary)
      .filter(([k, v]) => k in ours && ours[k] !== v)
      .map(([k, v]) => `${k}: ${v.toLocaleString('en-US')} ≠ ${ours[k]!.toLocaleString('en-US')}`);
    return differ.length > 0 ? { ...s, disagrees: differ } : s;
  });
}

export function ratiosAgainstReadygate(subjects: SubjectResult[]): Record<string, number> {
  const ours = subjects.find((s) => s.kind === 'readygate')?.medianMs;
  const ratios: Record<string, number> = {};
  if (ours === undefined) return ratios;
  for (const s of subjects) if (s.kind !== 'readygate' && s.medianMs !== undefined) ratios[s.id] = s.medianMs / ours;
  return ratios;
}
