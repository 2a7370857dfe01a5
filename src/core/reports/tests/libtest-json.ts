/**
 * Rust's libtest JSON events (`cargo test -- -Z unstable-options --format json`), one object a line,
 * streamed: a `suite` started, `test` started / ok / failed / ignored events, a `suite` ok or failed
 * with its counts; one suite per test binary (unit tests, each integration test file, doc-tests).
 *
 * ok is a pass, ignored is skipped, failed a failure, and any other final event too (strict). A test
 * binary that crashed (an abort, a stack overflow) leaves its suite open: the next suite starts, or
 * the file ends, with no suite result. Its tests left running then fail, and a suite that ended with
 * no result and no test running is one failure. A suite whose result declares more failures than its
 * tests show counts the difference, and a suite `failed` with no failed test counts once. Lines that
 * are not JSON (cargo's own, when stderr is merged in) are skipped with a notice.
 */
import { z } from 'zod';
import { ReportParseError } from '../../errors.js';
import { checkShape, parseJsonText } from '../../stream/json.js';
import { forEachLine } from '../../stream/text.js';
import { notify, type ReportParser } from '../types.js';
import { TestsBuilder } from './builder.js';

const EVENT = z
  .object({
    type: z.string(),
    event: z.string().nullish(),
    name: z.string().nullish(),
    stdout: z.string().nullish(),
    message: z.string().nullish(),
    failed: z.number().nullish(),
    exec_time: z.number().nullish(),
  })
  .loose();

/** The first event libtest writes: `{ "type": "suite", "event": …` or `{ "type": "test", "name"|"event": …`. */
const FIRST_EVENT = /^\{\s*"type"\s*:\s*"(?:suite|test)"\s*,\s*"(?:event|name)"\s*:/;
// Where a panic happened: a location, not an explanation.
const PANIC_LINE = /^thread '.*' (?:\(\d+\) )?panicked at /;

interface SuiteState {
  number: number;
  /** Tests started and not yet finished. */
  running: Set<string>;
  failed: number;
}

/** `tests::math::adds` is the test `adds` in the module `tests::math`. */
function split(name: string): { name: string; suite?: string } {
  const at = name.lastIndexOf('::');
  return at > 0 && !name.includes(' ') ? { name: name.slice(at + 2), suite: name.slice(0, at) } : { name };
}

/** The panic's message: the first line of the test's output that is not where it panicked. */
function messageOf(stdout: string): string | undefined {
  return stdout
    .split('\n')
    .find((l) => l.trim() !== '' && !PANIC_LINE.test(l))
    ?.trim();
}

export const libtestJson: ReportParser<'tests'> = {
  id: 'libtest-json',
  signal: 'tests',
  title: 'Rust libtest JSON (cargo test -- --format json)',
  detectedBy: 'first JSON line { "type": "suite" or "test", "event" or "name": … } (plain lines may come first)',
  metrics: ['total', 'passed', 'failed', 'skipped', 'failures with locations'],
  detect(head) {
    const line = head.split('\n', 50).find((l) => l.trimStart().startsWith('{'));
    return line !== undefined && FIRST_EVENT.test(line.trim());
  },
  async parse(ctx) {
    const { path } = ctx.source;
    const builder = new TestsBuilder(ctx.limits, ctx.paths);
    let suite: SuiteState | undefined;
    let suites = 0;
    let events = 0;
    let plain = 0;
    let seconds = 0;

    const finish = (s: SuiteState, declaredFailed: number | undefined, result: string | undefined) => {
      const where = `suite ${s.number}`;
      for (const name of s.running) {
        s.failed++;
        builder.add('failed', { ...split(name), message: `did not finish: the test binary of ${where} stopped without a result (a crash or an abort?)`, kind: 'error' });
      }
      if (result === undefined && s.failed === 0) {
        s.failed++;
        builder.add('failed', { name: `(${where})`, message: `${where} started but never reported a result: its test binary stopped (a crash or an abort?)`, kind: 'error' });
      }
      if (declaredFailed !== undefined && Number.isSafeInteger(declaredFailed) && declaredFailed > s.failed) {
        const unlisted = declaredFailed - s.failed;
        notify(ctx, `${where} declares ${declaredFailed} failed tests but ${s.failed} failed: the ${unlisted} not listed count as failed`);
        const d = builder.data;
        d.total += unlisted;
        d.failed += unlisted;
        builder.addFailureOnly({ name: `${unlisted} failure(s) ${where} declares but no test shows`, message: `failed: ${declaredFailed}`, kind: 'error' });
        s.failed = declaredFailed;
      }
      if (result === 'failed' && s.failed === 0) builder.add('failed', { name: `(${where})`, message: `${where} reports failed though none of its tests did`, kind: 'error' });
    };

    await forEachLine(ctx.source, ctx.limits.maxLineBytes, (line, lineNo) => {
      if (!line.trimStart().startsWith('{')) {
        if (line.trim() !== '') plain++;
        return;
      }
      const e = checkShape(path, EVENT, parseJsonText(path, line, lineNo - 1), `libtest JSON event on line ${lineNo}`);
      events++;
      if (e.type === 'suite') {
        if (e.event === 'started') {
          if (suite) finish(suite, undefined, undefined);
          suite = { number: ++suites, running: new Set(), failed: 0 };
        } else {
          // A result with no suite started (a file cut at its head) still counts its failures.
          if (typeof e.exec_time === 'number' && e.exec_time > 0) seconds += e.exec_time;
          finish(suite ?? { number: ++suites, running: new Set(), failed: 0 }, e.failed ?? undefined, e.event ?? 'ended');
          suite = undefined;
        }
        return;
      }
      if (e.type !== 'test') return; // bench, report
      const name = e.name ?? '(unnamed test)';
      switch (e.event) {
        case 'started':
          suite?.running.add(name);
          return;
        case 'timeout':
          return; // still running: a warning that it is slow
        case 'ok':
          suite?.running.delete(name);
          builder.add('passed');
          return;
        case 'ignored':
          suite?.running.delete(name);
          builder.add('skipped');
          return;
        default: {
          suite?.running.delete(name);
          if (suite) suite.failed++;
          const stdout = (e.stdout ?? '').trim();
          const note = e.message?.trim();
          builder.add('failed', {
            ...split(name),
            message: messageOf(stdout) ?? note ?? (e.event === 'failed' ? 'failed' : `test event ${e.event ?? '(none)'}`),
            details: [stdout, note].filter(Boolean).join('\n') || undefined,
          });
        }
      }
    });

    if (suite) finish(suite, undefined, undefined);
    if (events === 0) throw new ReportParseError(path, 'no libtest JSON events found (is this the output of `cargo test -- -Z unstable-options --format json`?)');
    if (plain > 0) notify(ctx, `${plain} line(s) that are not JSON events were skipped (cargo's own output, merged from stderr?)`);
    if (seconds > 0) builder.data.durationMs = Math.round(seconds * 1000);
    return builder.data;
  },
};
