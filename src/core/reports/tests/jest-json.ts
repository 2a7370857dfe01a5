/**
 * jest `--json` and vitest `--reporter=json` reports (the same shape: `testResults[]` per file,
 * `assertionResults[]` per test). `pending`, `skipped`, `todo` and `disabled` count as skipped.
 * A file that failed to run (syntax error, failing import) has no assertions and a `message`:
 * it counts as one failure, as jest reports it ("Test Suites: 1 failed").
 *
 * The report's own summary is checked against its assertions: more `numFailedTests` than failed
 * assertions adds the difference as failures, and `success: false` (or `wasInterrupted: true`) with
 * nothing failed counts as one failure, each with a notice: a run the runner calls failed never passes.
 */
import { z } from 'zod';
import { checkShape, readJson } from '../../stream/json.js';
import { jsonHead } from '../sniff.js';
import { notify, type ParseContext, type ReportParser } from '../types.js';
import { TestsBuilder } from './builder.js';

const ASSERTION = z.object({
  title: z.string(),
  fullName: z.string().nullish(),
  ancestorTitles: z.array(z.string()).nullish(),
  status: z.string(),
  failureMessages: z.array(z.string()).nullish(),
  location: z.object({ line: z.number(), column: z.number().nullish() }).nullish(),
});
const REPORT = z.object({
  numTotalTests: z.number(),
  numFailedTests: z.number().nullish(),
  success: z.boolean().nullish(),
  wasInterrupted: z.boolean().nullish(),
  testResults: z.array(
    z.object({
      name: z.string(),
      status: z.string().nullish(),
      message: z.string().nullish(),
      assertionResults: z.array(ASSERTION),
    }),
  ),
});

const SKIPPED = new Set(['pending', 'skipped', 'todo', 'disabled']);

export const jestJson: ReportParser<'tests'> = {
  id: 'jest-json',
  signal: 'tests',
  title: 'jest / vitest JSON',
  detectedBy: 'JSON object with "numTotalTests" and "numFailedTests" keys',
  metrics: ['total', 'passed', 'failed', 'skipped', 'failures with locations'],
  detect(head) {
    const h = jsonHead(head);
    return h?.kind === '{' && h.keys.includes('numTotalTests') && h.keys.includes('numFailedTests');
  },
  async parse(ctx) {
    const report = checkShape(ctx.source.path, REPORT, await readJson(ctx), 'jest/vitest JSON report');
    const builder = new TestsBuilder(ctx.limits, ctx.paths);
    let failedAssertions = 0;
    for (const file of report.testResults) {
      if (file.assertionResults.length === 0 && file.status === 'failed') {
        const message = file.message?.trim() || 'test file failed to run';
        builder.add('failed', { name: ctx.paths.toRepo(file.name), file: file.name, message: message.split('\n')[0]!, details: message, kind: 'error' });
        continue;
      }
      let failed = false;
      for (const a of file.assertionResults) {
        if (a.status === 'passed') builder.add('passed');
        else if (SKIPPED.has(a.status)) builder.add('skipped');
        else {
          const text = (a.failureMessages ?? []).join('\n').trim();
          builder.add('failed', {
            name: a.fullName?.trim() || a.title,
            suite: a.ancestorTitles?.join(' > ') || undefined,
            file: file.name,
            line: a.location?.line,
            message: text.split('\n').find((l) => l.trim() !== '')?.trim() ?? a.status,
            details: text || undefined,
          });
          failed = true;
          failedAssertions++;
        }
      }
      // A file can fail with every test passed (an afterAll hook that throws): the runner exits
      // non-zero, and so does the gate: the file's failure counts as one failed test, as JUnit
      // reports write it.
      if (file.status === 'failed' && !failed) {
        const message = file.message?.trim() || 'test file failed after its tests passed';
        builder.add('failed', { name: ctx.paths.toRepo(file.name), file: file.name, message: message.split('\n').find((l) => l.trim() !== '')?.trim() ?? message, details: message, kind: 'error' });
      }
    }
    checkSummary(ctx, builder, report, failedAssertions);
    return builder.data;
  },
};

/** The runner's own verdict against what the assertions show: the stronger counts. */
function checkSummary(ctx: ParseContext, builder: TestsBuilder, report: z.infer<typeof REPORT>, failedAssertions: number): void {
  const d = builder.data;
  const declared = report.numFailedTests;
  if (typeof declared === 'number' && Number.isSafeInteger(declared) && declared > failedAssertions) {
    const unlisted = declared - failedAssertions;
    notify(ctx, `numFailedTests is ${declared} but ${failedAssertions} assertions failed: the ${unlisted} not listed count as failed`);
    d.total += unlisted;
    d.failed += unlisted;
    builder.addFailureOnly({ name: `${unlisted} failed test(s) the summary counts but no assertion shows`, message: `numFailedTests: ${declared}, failed assertions: ${failedAssertions}`, kind: 'error' });
  }
  const why = report.wasInterrupted === true ? 'was interrupted (wasInterrupted: true)' : report.success === false ? 'failed (success: false)' : undefined;
  if (why && d.failed === 0) {
    notify(ctx, `the runner says the run ${why} but no test failed: counted as one failure`);
    builder.add('failed', { name: 'test run', message: `the runner says the run ${why}, though no test failed`, kind: 'error' });
  }
}
