/**
 * JUnit XML in the flavours tools write: Surefire/Gradle, pytest (xunit1/xunit2), jest-junit,
 * vitest, mocha-junit-reporter, node --test, PHPUnit (nested suites), go-junit-report.
 *
 * Counts come from `<testcase>` elements, never from suite attributes (which tools disagree about
 * and which double-count in nested suites); attributes are only used when a file has no testcase.
 * Surefire's `flakyFailure`/`flakyError` mark a test that passed on rerun: a flaky pass.
 */
import { BoundedText, numAttr, parseXml } from '../../stream/xml.js';
import { xmlRootName } from '../sniff.js';
import type { ReportParser } from '../types.js';
import { TestsBuilder, type Outcome } from './builder.js';

const FILE_LIKE = /\.(?:[cm]?[jt]sx?|py|go|rb|php|java|kt|cs|rs|swift|scala)$/;

interface CaseState {
  name: string;
  suite?: string;
  file?: string;
  line?: number;
  outcome: Outcome;
  kind: 'failure' | 'error';
  message?: string;
  details?: BoundedText;
}

interface SuiteState {
  name?: string;
  file?: string;
  declared: { tests?: number; failures?: number; errors?: number; skipped?: number };
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
    const builder = new TestsBuilder(ctx.limits, ctx.paths);
    const suites: SuiteState[] = [];
    let current: CaseState | undefined;
    let capturing: BoundedText | undefined;
    let cases = 0;
    let rootDeclared: SuiteState['declared'] | undefined;
    let rootDepthDeclared = Infinity;

    await parseXml(ctx, {
      open(name, a) {
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
            suites.push({ name: suiteName, file: file ?? suites[suites.length - 1]?.file, declared });
            if (suites.length < rootDepthDeclared && declared.tests !== undefined) {
              rootDeclared = declared;
              rootDepthDeclared = suites.length;
            }
            return;
          }
          case 'testcase': {
            const suite = suites[suites.length - 1];
            const line = numAttr(a, 'line');
            current = {
              name: a.name ?? '(unnamed test)',
              suite: a.classname?.trim() || suite?.name,
              file: a.file ?? a.filepath ?? suite?.file,
              line,
              outcome: 'passed',
              kind: 'failure',
            };
            return;
          }
          case 'failure':
          case 'error':
            if (!current) return;
            current.outcome = 'failed';
            current.kind = name;
            current.message ??= a.message ?? a.type ?? '';
            current.details ??= new BoundedText(ctx.limits.maxMessageChars);
            capturing = current.details;
            return;
          case 'skipped':
            if (current && current.outcome === 'passed') current.outcome = 'skipped';
            return;
          case 'flakyFailure':
          case 'flakyError':
            if (current && current.outcome === 'passed') current.outcome = 'flaky';
            return;
          default:
            return; // properties, system-out, system-err, rerunFailure…: not part of the totals
        }
      },
      text(text) {
        capturing?.add(text);
      },
      close(name) {
        if (name === 'failure' || name === 'error') capturing = undefined;
        else if (name === 'testcase' && current) {
          cases++;
          const c = current;
          current = undefined;
          if (c.outcome !== 'failed') builder.add(c.outcome);
          else {
            const details = c.details?.toString().trim();
            const message = c.message?.trim() || firstLineOf(details) || `${c.kind} without a message`;
            builder.add('failed', {
              name: c.name,
              suite: c.suite,
              file: c.file,
              line: c.line,
              message,
              details: details && details !== message ? details : undefined,
              kind: c.kind,
            });
          }
        } else if (name === 'testsuite' || name === 'testsuites') suites.pop();
      },
    });

    if (cases === 0 && rootDeclared?.tests) {
      // A summary-only file: trust the declared totals, it is all there is.
      const d = builder.data;
      const failed = (rootDeclared.failures ?? 0) + (rootDeclared.errors ?? 0);
      const skipped = rootDeclared.skipped ?? 0;
      d.total = rootDeclared.tests;
      d.failed = failed;
      d.skipped = skipped;
      d.passed = Math.max(0, d.total - failed - skipped);
    }
    return builder.data;
  },
};

function firstLineOf(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const line = text.split('\n').find((l) => l.trim() !== '');
  return line?.trim();
}
