/**
 * JUnit XML in the flavours tools write: Surefire/Gradle, pytest (xunit1/xunit2), jest-junit,
 * vitest, mocha-junit-reporter, node --test, PHPUnit (nested suites), go-junit-report, and cargo
 * test's libtest formatter, which writes one document per test binary into one file (all are read)
 * and leaves its failures empty (the panic is then read from the case's `system-out`).
 *
 * Counts come from `<testcase>` elements, never from suite attributes (which tools disagree about
 * and which double-count in nested suites); attributes are only used when a file has no testcase.
 * Surefire's `flakyFailure`/`flakyError` mark a test that passed on rerun: a flaky pass; its
 * `rerunFailure`/`rerunError` follow a `<failure>` that stayed failed, and count once.
 * `properties`, `system-out` and `system-err` never count. pytest's xunit1 `line` is 0-based.
 * A case marked disabled (`status="disabled"`, `status="notrun"`, `result="suppressed"`:
 * googletest's `DISABLED_` tests and several Java and C++ reporters) is skipped, not passed.
 *
 * Suite totals are checked against the cases: where a `<testsuite>` or `<testsuites>` declares more
 * failures and errors than its cases (and its child suites' declared totals) show, the stronger
 * reading counts: the difference is added as failed tests and a notice says so. Declared `skipped`
 * is compared the same way (mocha-junit-reporter leaves pending tests out, cargo its ignored ones,
 * yet their suites count them): the tests not listed count as skipped, so `max_skipped` cannot pass
 * on the shorter list. Declared `tests` alone is not compared (writers disagree about it).
 * Same-named cases repeated in one suite are reruns with `options: { reruns: true }` (see junit-reruns.ts).
 */
import { ReportParseError } from '../../errors.js';
import { BoundedText, numAttr, parseXml } from '../../stream/xml.js';
import { xmlRootName } from '../sniff.js';
import { notify, type ReportParser } from '../types.js';
import { TestsBuilder, type Outcome } from './builder.js';
import { RerunGroups } from './junit-reruns.js';

/** The only elements whose text is read (a case's `system-out` only when its failure says nothing). */
const TEXT_ELEMENTS: ReadonlySet<string> = new Set(['failure', 'error', 'system-out']);
const FILE_LIKE = /\.(?:[cm]?[jt]sx?|py|go|rb|php|java|kt|cs|rs|swift|scala)$/;

interface CaseState {
  name: string;
  suite?: string;
  file?: string;
  line?: number;
  outcome: Outcome;
  kind: 'failure' | 'error';
  message?: string;
  type?: string;
  details?: BoundedText;
  /** The case's own `system-out`: where libtest (cargo test's JUnit) writes the panic. */
  out?: BoundedText;
}

interface SuiteState {
  name?: string;
  /** pytest writes 0-based `line` attributes. */
  pytest: boolean;
  file?: string;
  declared: { tests?: number; failures?: number; errors?: number; skipped?: number };
  /** Failed cases directly inside, plus each child suite's failures (declared or counted, whichever is more). */
  failedInside: number;
  /** The same for skipped cases. */
  skippedInside: number;
}

const DISABLED_STATUS = new Set(['disabled', 'notrun', 'skipped', 'ignored']);
const DISABLED_RESULT = new Set(['suppressed', 'skipped']);

/** A suite's count: what it declares when that is a whole number above what its cases show. */
function stronger(declared: number, counted: number): number {
  return Number.isSafeInteger(declared) && declared > counted ? declared : counted;
}

/** Whether a `<testcase>`'s own attributes say it did not run. */
function markedDisabled(a: Readonly<Record<string, string>>): boolean {
  const status = a.status?.trim().toLowerCase();
  const result = a.result?.trim().toLowerCase();
  return (status !== undefined && DISABLED_STATUS.has(status)) || (result !== undefined && DISABLED_RESULT.has(result));
}

export const junit: ReportParser<'tests'> = {
  id: 'junit',
  signal: 'tests',
  title: 'JUnit XML',
  detectedBy: 'XML root <testsuites> or <testsuite>',
  metrics: ['total', 'passed', 'failed', 'skipped', 'flaky', 'failures with locations'],
  detect(head) {
    const root = xmlRootName(head);
    return root === 'testsuites' || root === 'testsuite';
  },
  async parse(ctx) {
    const builder = new TestsBuilder(ctx.limits, ctx.paths, true); // flakyFailure/rerunFailure elements
    const suites: SuiteState[] = [];
    let current: CaseState | undefined;
    let capturing: BoundedText | undefined;
    let cases = 0;
    let failedAttempts = 0;
    const reruns = new RerunGroups(ctx.options?.['reruns'] === true);
    let rootDeclared: SuiteState['declared'] | undefined;
    let rootDepthDeclared = Infinity;
    /** Failures of the top-level suites, each the more of declared and counted. */
    let topFailed = 0;
    /** Skipped tests of the top-level suites, the same way, and the skipped cases listed. */
    let topSkipped = 0;
    let skippedCases = 0;

    await parseXml(ctx, {
      open(name, a, at) {
        switch (name) {
          case 'testsuites':
          case 'testsuite': {
            const declared = {
              tests: numAttr(a, 'tests'),
              failures: numAttr(a, 'failures'),
              errors: numAttr(a, 'errors'),
              skipped: numAttr(a, 'skipped') ?? numAttr(a, 'disabled'),
            };
            const suiteName = a.name?.trim() || undefined;
            const file = a.file ?? (suiteName && FILE_LIKE.test(suiteName) ? suiteName : undefined);
            const parent = suites[suites.length - 1];
            suites.push({
              name: suiteName,
              pytest: suiteName === 'pytest' || parent?.pytest === true,
              file: file ?? parent?.file,
              declared,
              failedInside: 0,
              skippedInside: 0,
            });
            if (suites.length < rootDepthDeclared && declared.tests !== undefined) {
              rootDeclared = declared;
              rootDepthDeclared = suites.length;
            }
            return;
          }
          case 'testcase': {
            // No tool nests cases; reading one would drop the outer case's result (a failure could vanish).
            if (current) throw new ReportParseError(ctx.source.path, 'a <testcase> inside another <testcase>: not JUnit XML', at);
            const suite = suites[suites.length - 1];
            const raw = numAttr(a, 'line');
            const line = raw !== undefined && suite?.pytest ? raw + 1 : raw;
            current = {
              name: a.name ?? '(unnamed test)',
              suite: a.classname?.trim() || suite?.name,
              file: a.file ?? a.filepath ?? suite?.file,
              line,
              outcome: markedDisabled(a) ? 'skipped' : 'passed',
              kind: 'failure',
            };
            return;
          }
          case 'failure':
          case 'error':
            if (!current) return;
            current.outcome = 'failed';
            current.kind = name;
            current.message ??= a.message;
            current.type ??= a.type;
            current.details ??= new BoundedText(ctx.limits.maxMessageChars);
            capturing = current.details;
            return;
          case 'skipped':
            if (current && current.outcome !== 'failed') current.outcome = 'skipped';
            return;
          case 'system-out':
            if (current && !capturing) capturing = current.out = new BoundedText(ctx.limits.maxMessageChars);
            return;
          case 'flakyFailure':
          case 'flakyError':
            if (current?.outcome === 'passed') current.outcome = 'flaky';
            return;
          default:
            return; // properties, system-out, system-err, rerunFailure…: not part of the totals
        }
      },
      text(text) {
        capturing?.add(text);
      },
      textIn: TEXT_ELEMENTS,
      manyDocuments: true,
      close(name) {
        if (name === 'failure' || name === 'error' || name === 'system-out') capturing = undefined;
        else if (name === 'testcase' && current) {
          cases++;
          const c = current;
          current = undefined;
          const key = `${c.suite ?? ''}\u0000${c.name}`;
          if (c.outcome !== 'failed') {
            if (c.outcome === 'skipped') {
              skippedCases++;
              const suite = suites[suites.length - 1];
              if (suite) suite.skippedInside++;
            }
            if (!reruns.hold(key, c.outcome)) builder.add(c.outcome);
          } else {
            const suite = suites[suites.length - 1];
            if (suite) suite.failedInside++;
            failedAttempts++;
            // libtest's <failure type="assert"/> is empty: the panic is in the case's system-out.
            const details = c.details?.toString().trim() || (c.message?.trim() ? undefined : c.out?.toString().trim()) || undefined;
            const message = messageOf(c, details);
            const failure = {
              name: c.name,
              suite: c.suite,
              file: c.file,
              line: c.line,
              message,
              details: details && details !== message ? details : undefined,
              kind: c.kind,
            };
            if (!reruns.hold(key, 'failed', failure)) builder.add('failed', failure);
          }
        } else if (name === 'testsuite' || name === 'testsuites') {
          reruns.flush(builder);
          const suite = suites.pop();
          if (!suite) return;
          const failed = stronger((suite.declared.failures ?? 0) + (suite.declared.errors ?? 0), suite.failedInside);
          const skipped = stronger(suite.declared.skipped ?? 0, suite.skippedInside);
          const parent = suites[suites.length - 1];
          if (parent) {
            parent.failedInside += failed;
            parent.skippedInside += skipped;
          } else {
            topFailed += failed;
            topSkipped += skipped;
          }
        }
      },
    });

    reruns.flush(builder);
    if (reruns.repeated > 0 && !reruns.enabled)
      notify(ctx, `${reruns.repeated} test case(s) repeat a name already seen in their suite and count as separate tests; if your reporter writes reruns this way, set options: { reruns: true }`);
    const d = builder.data;
    const unlisted = topFailed - failedAttempts;
    if (cases > 0 && unlisted > 0) {
      notify(ctx, `the suites declare ${topFailed} failures and errors but list ${failedAttempts} failing test cases: the ${unlisted} not listed count as failed`);
      d.total += unlisted;
      d.failed += unlisted;
      builder.addFailureOnly({
        name: `${unlisted} failure(s) the suite totals declare but no test case shows`,
        message: `the suites declare ${topFailed} failures and errors; their test cases show ${topFailed - unlisted}`,
        kind: 'error',
      });
    }

    // Some writers leave skipped tests out (mocha-junit-reporter's pending tests, cargo's ignored
    // ones) while their suite totals count them: a max_skipped gate must not pass on the shorter list.
    const unlistedSkipped = topSkipped - skippedCases;
    if (cases > 0 && unlistedSkipped > 0) {
      notify(ctx, `the suites declare ${topSkipped} skipped tests but list ${skippedCases} skipped test cases: the ${unlistedSkipped} not listed count as skipped`);
      d.total += unlistedSkipped;
      d.skipped += unlistedSkipped;
    }

    if (cases === 0 && rootDeclared?.tests) {
      // A summary-only file: the declared totals are all there is, so they must be whole,
      // non-negative counts that add up; anything else would let a crafted file pass.
      const counts = [rootDeclared.tests, rootDeclared.failures ?? 0, rootDeclared.errors ?? 0, rootDeclared.skipped ?? 0];
      const failed = (rootDeclared.failures ?? 0) + (rootDeclared.errors ?? 0);
      const skipped = rootDeclared.skipped ?? 0;
      if (counts.some((n) => !Number.isInteger(n) || n < 0) || failed + skipped > rootDeclared.tests) {
        throw new ReportParseError(ctx.source.path, `the suite's declared counts (tests=${rootDeclared.tests}, failures=${rootDeclared.failures ?? 0}, errors=${rootDeclared.errors ?? 0}, skipped=${skipped}) are not whole numbers that add up, and there is no <testcase> to count instead`);
      }
      d.total = rootDeclared.tests;
      d.failed = failed;
      d.skipped = skipped;
      d.passed = Math.max(0, d.total - failed - skipped);
    }
    return builder.data;
  },
};

// Placeholders some tools put in `message` (gotestsum: "Failed"), and go test's own status lines.
const GENERIC_MESSAGE = /^(?:failed|failure|error)?$/i;
const GO_STATUS_LINE = /^\s*(?:=== (?:RUN|PAUSE|CONT|NAME)|--- (?:FAIL|PASS|SKIP):)/;
// Lines that locate rather than explain: bats' `(in test file …, line N)`, Rust's `thread 'x' panicked at src/a.rs:3:5:`.
const LOCATION_LINE = /^\s*\(in test file |^thread '.*' (?:\(\d+\) )?panicked at /;

/** The attribute message when it says something, else the first telling line of the body. */
function messageOf(c: CaseState, body: string | undefined): string {
  const message = c.message?.trim();
  if (message && !GENERIC_MESSAGE.test(message)) return message;
  // PHPUnit starts the body with the test's own id (`Acme\CalcTest::testDivide`).
  const ownId = `::${c.name}`;
  const line = body
    ?.split('\n')
    .find((l) => l.trim() !== '' && !GO_STATUS_LINE.test(l) && !LOCATION_LINE.test(l) && !l.includes(ownId))
    ?.trim();
  return line || message || c.type?.trim() || `${c.kind} without a message`;
}
