/**
 * Accumulates test results for any test format: counts every outcome, keeps failures up to a bound
 * (the rest are counted in `failuresDropped`), and locates failures in the repo from stack traces.
 */
import { emptyTests, type TestFailure, type TestsData } from '../../model.js';
import type { PathMapper } from '../../paths.js';
import { detach } from '../../stream/text.js';
import type { ParseLimits } from '../types.js';
import { locateInTrace } from './trace.js';

export type Outcome = 'passed' | 'failed' | 'skipped' | 'flaky';

export class TestsBuilder {
  readonly data: TestsData = emptyTests();
  /** `reportsFlaky`: whether the format records reruns (JUnit, CTRF); if not, `flaky` stays unknown. */
  constructor(
    private readonly limits: ParseLimits,
    private readonly paths: PathMapper,
    reportsFlaky = false,
  ) {
    if (!reportsFlaky) delete this.data.flaky;
  }

  add(outcome: Outcome, failure?: Omit<TestFailure, 'kind'> & { kind?: TestFailure['kind'] }): void {
    const d = this.data;
    d.total++;
    if (outcome === 'passed') d.passed++;
    else if (outcome === 'flaky') {
      d.passed++;
      d.flaky = (d.flaky ?? 0) + 1;
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

  /**
   * Keeps the details of a failure already counted in the totals (a failure a summary declares that
   * no test shows): it counts toward the kept failures' bound, not toward the totals again.
   */
  addFailureOnly(failure: Omit<TestFailure, 'kind'> & { kind?: TestFailure['kind'] }): void {
    const d = this.data;
    if (d.failures.length >= this.limits.maxFailures) d.failuresDropped++;
    else d.failures.push(this.finish(failure));
  }

  /**
   * Bounds text, copies it (a kept slice of a report would keep its whole decoded chunk alive) and
   * maps the file to the repo. The location is the trace frame in the test's own
   * file when there is one (the failing line, more precise than a `line` attribute that points at
   * the test's declaration), else the given line, else the first repo frame of the trace.
   */
  private finish(f: Omit<TestFailure, 'kind'> & { kind?: TestFailure['kind'] }): TestFailure {
    const max = this.limits.maxMessageChars;
    const message = plain(f.message);
    const details = f.details ? plain(f.details) : undefined;
    const out: TestFailure = { name: detach(bound(plain(f.name), 1_000)), message: detach(bound(message, max)), kind: f.kind ?? 'failure' };
    if (f.suite) out.suite = detach(bound(plain(f.suite), 1_000));
    if (details) out.details = detach(bound(details, max));
    let file = f.file ? inRepo(this.paths.toRepo(f.file)) : undefined;
    let line = f.line;
    const found = locateInTrace(`${details ?? ''}\n${message}`, file, this.paths, f.suite);
    if (found && (file === undefined || found.file === file)) {
      file = found.file;
      line = found.line;
    }
    if (file) out.file = file;
    if (file && line !== undefined && Number.isInteger(line) && line > 0) out.line = line;
    return out;
  }
}

/** A mapped path, or undefined when it still points outside the repo (absolute or `../`). */
function inRepo(path: string): string | undefined {
  return path === '' || path.startsWith('/') || path.startsWith('../') || /^[A-Za-z]:\//.test(path) ? undefined : path;
}

/**
 * Terminal escape sequences (colours, bold, cursor moves: ESC [ … final byte; hyperlinks and
 * titles: ESC ] … BEL or ESC \) that test runners
 * leave in their output when they think they write to a terminal, raw or as the control picture
 * ␛ that the XML reader puts in place of a raw ESC. They would show as garbage in a PR comment and
 * hide file:line from the trace reader.
 */
const TERMINAL_ESCAPE = /[\u001b\u241b]\[[0-?]*[ -/]*[@-~]|[\u001b\u241b]\][^\u0007\u2407\u001b\u241b]*(?:\u0007|\u2407|[\u001b\u241b]\\)/g;

/** `text` without terminal escape sequences. */
export function plain(text: string): string {
  return text.includes('\u001b') || text.includes('\u241b') ? text.replace(TERMINAL_ESCAPE, '') : text;
}

export function bound(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}… (truncated, ${text.length} characters in all)` : text;
}
