/**
 * NUnit XML: NUnit 2.x `<test-results>` (nunit-console 2.x, Pester, and reporters that write its
 * shape) and NUnit 3 `<test-run>` (nunit3-console, Unity, TestCafe's nunit3 reporter), streamed.
 *
 * Counts come from `<test-case result>`, never from a `<failure>` element alone (reporters put
 * run logs of passed tests in one). Success / Passed is a pass; Failure, Error, Failed, Cancelled,
 * NotRunnable and Invalid are failures, and so is any word not listed here (strict: an unknown word
 * is never a pass); Skipped, Ignored, Explicit, Inconclusive and Warning are skipped (not a pass:
 * NUnit's own adapter maps a warning to skipped). NUnit 2.4's cases, with no `result`, are read from
 * `executed` and `success`.
 *
 * A fixture whose setup failed fails each of its cases ("TestFixtureSetUp failed in …", NUnit 3's
 * site="Parent"): each keeps the fixture's own failure as its details. A suite (or NUnit 3's run)
 * whose result says it failed while none of its tests did, as a failed TestFixtureTearDown /
 * OneTimeTearDown leaves it, counts as one failure. A root that declares more failures than the
 * cases show counts the difference as failures, with a notice, as for JUnit.
 */
import { ReportParseError } from '../../errors.js';
import { BoundedText, numAttr, parseXml } from '../../stream/xml.js';
import { xmlRootName } from '../sniff.js';
import { notify, type ParseContext, type ReportParser } from '../types.js';
import { TestsBuilder, type Outcome } from './builder.js';

const PASSED = new Set(['success', 'passed']);
const SKIPPED = new Set(['skipped', 'ignored', 'explicit', 'inconclusive', 'warning', 'notrun']);
const ERRORS = new Set(['error', 'cancelled', 'notrunnable', 'invalid']);
/** Suites whose name is not the class a case belongs to (NUnit 2 names cases in full). */
const NOT_A_CLASS = new Set(['parameterizedtest', 'parameterizedmethod', 'theory', 'genericmethod']);
/** NUnit 2's message on each case of a fixture whose setup failed. */
const PARENT_FAILED = /^TestFixtureSetUp failed in /;
const TEXT_ELEMENTS: ReadonlySet<string> = new Set(['message', 'stack-trace']);

type Attrs = Readonly<Record<string, string>>;

interface Failure {
  message: BoundedText;
  stack: BoundedText;
}

interface SuiteState {
  /** The suite's full name: NUnit 3's `fullname`, or NUnit 2's namespaces joined to its `name`. */
  name: string;
  /** Lower-cased `type` (Assembly, TestFixture, ParameterizedMethod…); `root` for the document element. */
  type: string;
  result: string;
  failed: boolean;
  /** Failures counted inside: failed cases, and failed suites that no case explained. */
  failedInside: number;
  failure?: Failure;
}

interface CaseState {
  name: string;
  suite?: string;
  outcome: Outcome;
  result: string;
  error: boolean;
  /** Failed because its fixture's setup did (NUnit 3 site="Parent"; NUnit 2 says so in the message). */
  parentFailed: boolean;
  failure?: Failure;
  /** `<reason><message>`: why a case did not run (NUnit 2's NotRunnable says it only there). */
  reason?: Failure;
  seconds?: number;
}

/** The case's outcome from NUnit 3's `result` or NUnit 2's `result` / `executed` / `success`. */
function outcomeOf(a: Attrs): { outcome: Outcome; result: string; error: boolean } {
  const result = (a.result ?? '').trim().toLowerCase();
  const label = (a.label ?? '').trim().toLowerCase();
  if (result === '') {
    // NUnit 2.4: no result attribute.
    if (a.executed?.trim().toLowerCase() === 'false') return { outcome: 'skipped', result: 'not executed', error: false };
    if (a.success?.trim().toLowerCase() === 'true') return { outcome: 'passed', result: 'success', error: false };
    return { outcome: 'failed', result: a.success === undefined ? 'no result' : 'failure', error: a.success === undefined };
  }
  if (PASSED.has(result)) return { outcome: 'passed', result, error: false };
  if (SKIPPED.has(result)) return { outcome: 'skipped', result, error: false };
  return { outcome: 'failed', result, error: ERRORS.has(result) || ERRORS.has(label) || label === 'error' };
}

function suiteFailed(a: Attrs): boolean {
  const result = (a.result ?? '').trim().toLowerCase();
  if (result === '') return a.executed?.trim().toLowerCase() === 'true' && a.success?.trim().toLowerCase() === 'false';
  return !PASSED.has(result) && !SKIPPED.has(result);
}

/** NUnit 2 names a case in full (`Acme.CalcTests.Adds`): split off the class it belongs to. */
function splitName(name: string, fixture: string | undefined): { name: string; suite?: string } {
  if (!fixture) return { name };
  const marker = `${fixture}.`;
  if (name.startsWith(marker)) return { name: name.slice(marker.length), suite: fixture };
  const at = name.indexOf(`.${marker}`);
  if (at === -1) return { name, suite: fixture };
  return { name: name.slice(at + 1 + marker.length), suite: name.slice(0, at + 1 + fixture.length) };
}

function text(b: BoundedText | undefined): string {
  return b ? b.toString().replace(/\r/g, '').trim() : '';
}

export const nunit: ReportParser<'tests'> = {
  id: 'nunit',
  signal: 'tests',
  title: 'NUnit XML (NUnit 2.x and NUnit 3)',
  detectedBy: 'XML root <test-results> (NUnit 2) or <test-run> (NUnit 3)',
  metrics: ['total', 'passed', 'failed', 'skipped', 'failures with locations'],
  detect(head) {
    const root = xmlRootName(head);
    return root === 'test-results' || root === 'test-run';
  },
  async parse(ctx) {
    const builder = new TestsBuilder(ctx.limits, ctx.paths);
    const max = ctx.limits.maxMessageChars;
    const suites: SuiteState[] = [];
    let current: CaseState | undefined;
    /** Where `<message>` / `<stack-trace>` text goes: the open `<failure>`, if it belongs to a case or suite. */
    let failure: Failure | undefined;
    let capture: BoundedText | undefined;
    let cases = 0;
    let declared: { total?: number; failed?: number } | undefined;
    let rootSeconds: number | undefined;
    let topSeconds: number | undefined;
    let caseSeconds = 0;

    const fixtureName = () => suites.findLast((s) => !NOT_A_CLASS.has(s.type) && s.type !== 'root')?.name;

    const countSuite = (suite: SuiteState) => {
      const parent = suites[suites.length - 1];
      if (suite.failed && suite.failedInside === 0) {
        const message = text(suite.failure?.message);
        const stack = text(suite.failure?.stack);
        const what = suite.type === 'root' ? 'the test run' : `the suite ${suite.name}`;
        builder.add('failed', {
          name: suite.name,
          message: message || `${what} reports result ${suite.result} though none of its tests failed (a fixture setup or teardown failure?)`,
          details: stack || undefined,
          kind: 'error',
        });
        suite.failedInside = 1;
      }
      if (parent) parent.failedInside += suite.failedInside;
    };

    await parseXml(ctx, {
      open(name, a, line) {
        switch (name) {
          case 'test-results':
          case 'test-run': {
            if (suites.length > 0) return;
            const failures = name === 'test-run' ? numAttr(a, 'failed') : sum([numAttr(a, 'failures'), numAttr(a, 'errors'), numAttr(a, 'invalid')]);
            declared = { total: numAttr(a, 'total'), failed: failures };
            rootSeconds = name === 'test-run' ? numAttr(a, 'duration') : undefined;
            const result = (a.result ?? '').trim();
            suites.push({ name: '(test run)', type: 'root', result, failed: result !== '' && suiteFailed(a), failedInside: 0 });
            return;
          }
          case 'test-suite': {
            const seconds = numAttr(a, 'duration') ?? numAttr(a, 'time');
            if (suites.length <= 1 && seconds !== undefined && seconds >= 0) topSeconds = (topSeconds ?? 0) + seconds;
            const parent = suites[suites.length - 1];
            const own = a.name?.trim() || '(unnamed suite)';
            suites.push({
              name: a.fullname?.trim() || (parent?.type === 'namespace' ? `${parent.name}.${own}` : own),
              type: (a.type ?? '').trim().toLowerCase(),
              result: (a.result ?? '').trim() || 'unknown',
              failed: suiteFailed(a),
              failedInside: 0,
            });
            return;
          }
          case 'test-case': {
            // NUnit never nests cases; reading one would lose the outer case's result.
            if (current) throw new ReportParseError(ctx.source.path, 'a <test-case> inside another <test-case>: not NUnit XML', line);
            const { outcome, result, error } = outcomeOf(a);
            const raw = a.name?.trim() || a.fullname?.trim() || '(unnamed test)';
            const classname = a.classname?.trim();
            const split = classname ? { name: raw, suite: classname } : a.fullname !== undefined ? { name: raw, suite: fixtureName() } : splitName(raw, fixtureName());
            current = { ...split, outcome, result, error, parentFailed: a.site?.trim().toLowerCase() === 'parent', seconds: numAttr(a, 'duration') ?? numAttr(a, 'time') };
            return;
          }
          case 'failure': {
            const owner = current ?? suites[suites.length - 1];
            if (owner && !owner.failure) owner.failure = { message: new BoundedText(max), stack: new BoundedText(max) };
            failure = owner?.failure;
            return;
          }
          case 'reason':
            if (current && !current.reason) current.reason = { message: new BoundedText(max), stack: new BoundedText(max) };
            failure = current?.reason;
            return;
          case 'message':
            capture = failure?.message;
            return;
          case 'stack-trace':
            capture = failure?.stack;
            return;
          default:
            return; // reason, output, properties, assertions, attachments, environment…
        }
      },
      text(t) {
        capture?.add(t);
      },
      textIn: TEXT_ELEMENTS,
      close(name) {
        if (name === 'message' || name === 'stack-trace') capture = undefined;
        else if (name === 'failure' || name === 'reason') failure = undefined;
        else if (name === 'test-case' && current) {
          const c = current;
          current = undefined;
          cases++;
          if (c.seconds !== undefined && c.seconds >= 0) caseSeconds += c.seconds;
          if (c.outcome !== 'failed') {
            builder.add(c.outcome);
            return;
          }
          const suite = suites[suites.length - 1];
          if (suite) suite.failedInside++;
          let message = text(c.failure?.message);
          let stack = text(c.failure?.stack);
          if (!stack && (c.parentFailed || PARENT_FAILED.test(message))) {
            // A fixture setup failure: the fixture holds the exception, its cases only name it.
            const parent = suites.findLast((s) => s.failure !== undefined);
            const own = parent ? [text(parent.failure?.message), text(parent.failure?.stack)].filter(Boolean).join('\n') : '';
            if (own && own !== message) stack = own;
          }
          message ||= text(c.reason?.message) || stack.split('\n')[0]?.trim() || `test result ${c.result}`;
          builder.add('failed', { name: c.name, suite: c.suite, message, details: stack && stack !== message ? stack : undefined, kind: c.error ? 'error' : 'failure' });
        } else if (name === 'test-suite' || ((name === 'test-run' || name === 'test-results') && suites.length === 1)) {
          const suite = suites.pop();
          if (suite) countSuite(suite);
        }
      },
    });

    checkDeclared(ctx, builder, declared, cases);
    const seconds = rootSeconds ?? topSeconds ?? caseSeconds;
    if (seconds > 0) builder.data.durationMs = Math.round(seconds * 1000);
    return builder.data;
  },
};

function sum(values: (number | undefined)[]): number | undefined {
  const present = values.filter((v) => v !== undefined);
  return present.length === 0 ? undefined : present.reduce((a, b) => a + b, 0);
}

/** The root's declared failures against what was counted: the stronger reading counts. */
function checkDeclared(ctx: ParseContext, builder: TestsBuilder, declared: { total?: number; failed?: number } | undefined, cases: number): void {
  const d = builder.data;
  const failed = declared?.failed;
  if (failed !== undefined && Number.isSafeInteger(failed) && failed > d.failed) {
    const unlisted = failed - d.failed;
    notify(ctx, `the run declares ${failed} failures but its test cases show ${d.failed}: the ${unlisted} not listed count as failed`);
    d.total += unlisted;
    d.failed += unlisted;
    builder.addFailureOnly({ name: `${unlisted} failure(s) the run declares but no test case shows`, message: `the run declares ${failed} failures; its test cases show ${failed - unlisted}`, kind: 'error' });
  }
  const total = declared?.total;
  if (cases === 0 && total !== undefined && total > 0) notify(ctx, `the run declares ${total} tests but lists no <test-case>: read as ${d.total}`);
}
