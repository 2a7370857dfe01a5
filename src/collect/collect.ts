/**
 * Finds report files (globs from the repo root), parses each with its detected or named format,
 * and merges them per signal. A glob that matches nothing, or a file that cannot be read or parsed,
 * becomes an error entry naming the file: a failed gate, never silence.
 */
import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, resolve, sep } from 'node:path';
import { glob } from 'tinyglobby';
import type { ReportEntry } from '../config/schema.js';
import { ReportParseError, describeError } from '../core/errors.js';
import { mergeSignal } from '../core/merge.js';
import type { ReportErrorEntry, Signal, SignalDataMap } from '../core/model.js';
import { createPathMapper, type PathMapper } from '../core/paths.js';
import { parseReport } from '../core/reports/registry.js';
import type { ParseLimits } from '../core/reports/types.js';
import { checkGlob, confine, realRoot, type PathOrigin } from './confine.js';
import { fileSource } from './file-source.js';

export interface CollectOptions {
  /** Absolute repository root: globs and report paths are relative to it. */
  root: string;
  reports: Partial<Record<Signal, readonly ReportEntry[]>>;
  limits: ParseLimits;
  stripPrefixes?: readonly string[];
  /**
   * Signals whose report paths the user gave on the command line: they may be absolute, outside
   * the root, or symlinks. All others (the policy's globs, Action inputs) are confined to the root.
   */
  given?: ReadonlySet<Signal>;
}

export interface Collected {
  signals: Partial<SignalDataMap>;
  configured: Set<Signal>;
  errors: ReportErrorEntry[];
  reports: { signal: Signal; path: string; format: string }[];
  /** What the parsers said about the reports they read (data skipped, totals that disagree). */
  notices: string[];
}

export async function expandEntry(
  root: string,
  entry: ReportEntry,
  origin: PathOrigin = 'config',
): Promise<{ paths: string[]; problem?: string }> {
  const pattern = typeof entry === 'string' ? entry : entry.path;
  const problem = origin === 'config' ? checkGlob(pattern) : undefined;
  if (problem) return { paths: [], problem };
  const hasMagic = /[*?[\]{}()!]/.test(pattern);
  if (!hasMagic) return { paths: [pattern.replace(/^\.\//, '')] };
  const found = await glob(pattern, {
    cwd: root,
    // A user's absolute glob lists its files as absolute paths too (as given, not relative to the root).
    absolute: isAbsolute(pattern),
    dot: true,
    onlyFiles: true,
    ignore: ['**/node_modules/**', '**/.git/**'],
    followSymbolicLinks: false,
  });
  return { paths: found.sort() };
}

export async function collect(options: CollectOptions): Promise<Collected> {
  const root = resolve(options.root);
  const paths: PathMapper = createPathMapper({
    root,
    stripPrefixes: options.stripPrefixes,
    exists: (p) => existsSync(resolve(root, p)) && resolve(root, p).startsWith(root + sep),
  });
  const out: Collected = { signals: {}, configured: new Set(), errors: [], reports: [], notices: [] };
  // Go cover profiles name files by import path: the root go.mod maps them back to repo paths.
  const goModPath = resolve(root, 'go.mod');
  const real = await realRoot(root);
  const goModule =
    existsSync(goModPath) && (await confine(root, real, 'go.mod')).path ? readFileSync(goModPath, 'utf8') : undefined;
  for (const [signal, entries] of Object.entries(options.reports) as [Signal, readonly ReportEntry[]][]) {
    if (!entries || entries.length === 0) continue;
    out.configured.add(signal);
    const parts: SignalDataMap[Signal][] = [];
    // Two globs matching one file (`reports/junit.xml` and `reports/**/*.xml`) must not count it twice.
    const seen = new Set<string>();
    const origin: PathOrigin = options.given?.has(signal) ? 'given' : 'config';
    for (const entry of entries) {
      const pattern = typeof entry === 'string' ? entry : entry.path;
      const { paths: files, problem } = await expandEntry(root, entry, origin);
      if (problem) {
        out.errors.push({ signal, path: pattern, message: `glob ${problem}` });
        continue;
      }
      if (files.length === 0) {
        out.errors.push({ signal, path: pattern, message: 'no file matches this glob' });
        continue;
      }
      for (const file of files) {
        const where = origin === 'config' ? await confine(root, real, file) : { path: resolve(root, file) };
        const key = where.path ?? resolve(root, file);
        if (seen.has(key)) continue;
        seen.add(key);
        if (where.problem !== undefined) {
          out.errors.push({ signal, path: file, message: where.problem });
          continue;
        }
        const source = fileSource(root, file, where.path);
        try {
          const format = typeof entry === 'string' ? undefined : entry.format;
          const given = typeof entry === 'string' ? undefined : entry.options;
          const opts =
            goModule !== undefined && given?.module === undefined && given?.goModule === undefined
              ? { ...given, goModule }
              : given;
          const said: string[] = [];
          const notice = (message: string) => void said.push(message);
          const parsed = await parseReport(
            signal,
            { source, paths, limits: options.limits, options: opts, notice },
            format,
          );
          parts.push(parsed.data);
          out.notices.push(...said);
          out.reports.push({ signal, path: file, format: parsed.format });
        } catch (error) {
          if (error instanceof ReportParseError)
            out.errors.push({
              signal,
              path: error.path,
              message: error.reason,
              ...(error.line !== undefined && { line: error.line }),
            });
          else out.errors.push({ signal, path: file, message: describeError(error) });
        }
      }
    }
    if (parts.length > 0)
      (out.signals as Record<Signal, unknown>)[signal] = mergeSignal(signal, parts, options.limits.maxFailures);
  }
  return out;
}
