/**
 * Accumulates test results for any test format: counts every outcome, keeps failures up to a bound
 * (the rest are counted in `failuresDropped`), and locates failures in the repo from stack traces.
 */
import { emptyTests, type TestFailure, type TestsData } from '../../model.js';
import type { PathMapper } from '../../paths.js';
import type { ParseLimits } from '../types.js';

export type Outcome = 'passed' | 'failed' | 'skipped' | 'flaky';

export class TestsBuilder {
  readonly data: TestsData = emptyTests();
  constructor(
    private readonly limits: ParseLimits,
    private readonly paths: PathMapper,
  ) {}

  add(outcome: Outcome, failure?: Omit<TestFailure, 'kind'> & { kind?: TestFailure['kind'] }): void {
    const d = this.data;
    d.total++;
    if (outcome === 'passed') d.passed++;
    else if (outcome === 'flaky') {
      d.passed++;
      d.flaky++;
    } else if (outcome === 'skipped') d.skipped++;
    else {
      d.failed++;
      if (!failure) return;
      if (d.failures.length >= this.limits.maxFailures) {
        d.failuresDropped++;
        return;
      }
      d.failures.push(this.finish(failure));
    }
  }

  /** Bounds text, maps the file to the repo, and finds a location in the trace when the format gave none. */
  private finish(f: Omit<TestFailure, 'kind'> & { kind?: TestFailure['kind'] }): TestFailure {
    const max = this.limits.maxMessageChars;
    const out: TestFailure = { name: bound(f.name, 1_000), message: bound(f.message, max), kind: f.kind ?? 'failure' };
    if (f.suite) out.suite = bound(f.suite, 1_000);
    if (f.details) out.details = bound(f.details, max);
    let file = f.file ? this.paths.toRepo(f.file) : undefined;
    let line = f.line;
    if (line === undefined) {
      const found = locateInTrace(`${f.details ?? ''}\n${f.message}`, file, this.paths);
      if (found) {
        file ??= found.file;
        if (found.file === file) line = found.line;
      }
    }
    if (file) out.file = file;
    if (line !== undefined && Number.isInteger(line) && line > 0) out.line = line;
    return out;
  }
}

export function bound(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}… (truncated, ${text.length} characters in all)` : text;
}

// `at fn (src/a.ts:12:5)`, `src/a.ts:12:5`, `File "src/a.py", line 12`, `a_test.go:12:`
const TRACE_PATTERNS = [
  /\(?((?:[A-Za-z]:)?[^\s():'"]+\.[A-Za-z0-9]+):(\d+)(?::\d+)?\)?/g,
  /File "([^"]+)", line (\d+)/g,
];
const IGNORED_PATH = /(^|\/)(node_modules|internal|node:|site-packages|dist-packages|\.pnpm|usr\/lib|\.cargo|runtime\/)/;

/**
 * The first trace frame inside the repo: preferring the test's own file when it is known.
 * Returns undefined when no frame maps to a repo-relative path.
 */
export function locateInTrace(
  text: string,
  preferFile: string | undefined,
  paths: PathMapper,
): { file: string; line: number } | undefined {
  let first: { file: string; line: number } | undefined;
  const sample = text.length > 20_000 ? text.slice(0, 20_000) : text;
  for (const pattern of TRACE_PATTERNS) {
    for (const match of sample.matchAll(pattern)) {
      const raw = match[1]!;
      if (raw.startsWith('node:') || IGNORED_PATH.test(raw)) continue;
      const file = paths.toRepo(raw);
      if (file === '' || file.startsWith('../') || file.startsWith('/') || /^[A-Za-z]:\//.test(file)) continue;
      const hit = { file, line: Number(match[2]) };
      if (preferFile === undefined || file === preferFile) return hit;
      first ??= hit;
    }
  }
  return preferFile === undefined ? first : undefined;
}
