/**
 * .NET TRX (`dotnet test --logger trx`, VSTest and Microsoft.Testing.Platform), streamed.
 * Counts come from `<UnitTestResult outcome>`, not `<Counters>` (which VSTest fills unevenly:
 * a NotExecuted result is left out of `notExecuted`). Passed (and PassedButRunAborted, Warning,
 * Completed) is a pass; Failed, Error, Timeout, Aborted, Disconnected (the test host died),
 * NotRunnable and InProgress (never finished) are failures; the rest (NotExecuted, Inconclusive,
 * Pending) is skipped. A run whose `<ResultSummary outcome>` says it failed or was aborted fails
 * even when no single result did (the host crashed between tests, say).
 * Results come before `<TestDefinitions>`, so a failure's class is filled in at the end.
 */
import type { TestFailure } from '../../model.js';
import { BoundedText, parseXml } from '../../stream/xml.js';
import { xmlRootName } from '../sniff.js';
import type { ReportParser } from '../types.js';
import { TestsBuilder } from './builder.js';

const PASSED = new Set(['passed', 'passedbutrunaborted', 'warning', 'completed']);
const FAILED = new Set(['failed', 'error', 'timeout', 'aborted', 'disconnected', 'notrunnable', 'inprogress']);
const RUN_FAILED = new Set(['failed', 'error', 'timeout', 'aborted', 'disconnected']);
/** The only elements whose text is read. */
const MESSAGE_ELEMENTS: ReadonlySet<string> = new Set(['Message', 'StackTrace']);

export const trx: ReportParser<'tests'> = {
  id: 'trx',
  signal: 'tests',
  title: '.NET TRX',
  detectedBy: 'XML root <TestRun>',
  metrics: ['total', 'passed', 'failed', 'skipped', 'failures with locations'],
  detect(head) {
    return xmlRootName(head) === 'TestRun';
  },
  async parse(ctx) {
    const builder = new TestsBuilder(ctx.limits, ctx.paths);
    const max = ctx.limits.maxMessageChars;
    const failedById = new Map<string, TestFailure>();
    let result: { id?: string; name: string; outcome: string; message: BoundedText; stack: BoundedText } | undefined;
    let capture: BoundedText | undefined;
    let definitionId: string | undefined;
    let runOutcome = '';

    await parseXml(ctx, {
      open(name, a) {
        if (name === 'UnitTestResult') {
          result = { id: a.testId, name: a.testName ?? '(unnamed test)', outcome: (a.outcome ?? '').toLowerCase(), message: new BoundedText(max), stack: new BoundedText(max) };
        } else if (result && name === 'Message') capture = result.message;
        else if (result && name === 'StackTrace') capture = result.stack;
        else if (name === 'UnitTest') definitionId = a.id;
        else if (name === 'ResultSummary') runOutcome = (a.outcome ?? '').toLowerCase();
        else if (name === 'TestMethod' && definitionId && a.className) {
          const failure = failedById.get(definitionId);
          if (failure && !failure.suite) failure.suite = a.className;
        }
      },
      text(text) {
        capture?.add(text);
      },
      textIn: MESSAGE_ELEMENTS,
      close(name) {
        if (name === 'Message' || name === 'StackTrace') capture = undefined;
        else if (name === 'UnitTest') definitionId = undefined;
        else if (name === 'UnitTestResult' && result) {
          const r = result;
          result = undefined;
          if (PASSED.has(r.outcome)) builder.add('passed');
          else if (!FAILED.has(r.outcome)) builder.add('skipped');
          else {
            const message = r.message.toString().replace(/\r/g, '').trim();
            const stack = r.stack.toString().replace(/\r/g, '').trim();
            const before = builder.data.failures.length;
            builder.add('failed', {
              name: r.name,
              message: message || stack.split('\n')[0]?.trim() || `test ${r.outcome}`,
              details: stack || undefined,
              kind: r.outcome === 'failed' ? 'failure' : 'error',
            });
            const kept = builder.data.failures[before];
            if (kept && r.id) failedById.set(r.id, kept);
          }
        }
      },
    });
    if (RUN_FAILED.has(runOutcome) && builder.data.failed === 0) {
      builder.add('failed', { name: '(test run)', message: `the test run ended with outcome ${runOutcome}, though no single test failed`, kind: 'error' });
    }
    return builder.data;
  },
};
