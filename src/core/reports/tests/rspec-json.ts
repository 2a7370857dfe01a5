/**
 * RSpec's `--format json` report: `examples[]` with `status` passed / failed / pending, a `summary`
 * with counts, and `messages` for what went wrong outside any example. `pending` (pending, skip,
 * xit) counts as skipped; any other status counts as failed (strict: an unknown word is never a pass).
 *
 * The summary is checked against the examples, as for every format that carries both: a
 * `failure_count` above the failed examples adds the difference as failures, and each of
 * `errors_outside_of_examples_count` (a spec file that failed to load: "0 examples, 0 failures,
 * 1 error occurred outside of examples") is a failure whose message is RSpec's own.
 */
import { z } from 'zod';
import { checkShape, readJson } from '../../stream/json.js';
import { jsonHead } from '../sniff.js';
import { notify, type ReportParser } from '../types.js';
import { TestsBuilder } from './builder.js';

const EXAMPLE = z.object({
  description: z.string().nullish(),
  full_description: z.string().nullish(),
  status: z.string(),
  file_path: z.string().nullish(),
  line_number: z.number().nullish(),
  run_time: z.number().nullish(),
  exception: z.object({ class: z.string().nullish(), message: z.string().nullish(), backtrace: z.array(z.string()).nullish() }).loose().nullish(),
});
const REPORT = z.object({
  messages: z.array(z.string()).nullish(),
  examples: z.array(EXAMPLE),
  summary: z
    .object({
      duration: z.number().nullish(),
      failure_count: z.number().nullish(),
      errors_outside_of_examples_count: z.number().nullish(),
    })
    .loose()
    .nullish(),
});

export const rspecJson: ReportParser<'tests'> = {
  id: 'rspec-json',
  signal: 'tests',
  title: 'RSpec JSON (rspec --format json)',
  detectedBy: 'JSON object whose first key is "version", with "examples" (RSpec example objects, or none)',
  metrics: ['total', 'passed', 'failed', 'skipped', 'failures with locations'],
  detect(head) {
    const h = jsonHead(head);
    if (h?.kind !== '{' || h.keys[0] !== 'version' || !h.keys.includes('examples')) return false;
    return /"full_description"\s*:/.test(head) || /"examples"\s*:\s*\[\s*\]/.test(head);
  },
  async parse(ctx) {
    const report = checkShape(ctx.source.path, REPORT, await readJson(ctx), 'RSpec JSON report');
    const builder = new TestsBuilder(ctx.limits, ctx.paths);
    let failedExamples = 0;
    let duration = 0;
    for (const e of report.examples) {
      if (typeof e.run_time === 'number') duration += e.run_time;
      if (e.status === 'passed') builder.add('passed');
      else if (e.status === 'pending') builder.add('skipped');
      else {
        failedExamples++;
        const text = e.exception?.message?.trim();
        const backtrace = (e.exception?.backtrace ?? []).join('\n');
        const name = e.full_description?.trim() || e.description?.trim() || '(unnamed example)';
        builder.add('failed', {
          name,
          file: e.file_path ?? undefined,
          line: e.line_number ?? undefined,
          message: text?.split('\n').find((l) => l.trim() !== '')?.trim() ?? e.exception?.class ?? `status ${e.status}`,
          details: [e.exception?.class, text, backtrace].filter(Boolean).join('\n') || undefined,
          kind: e.exception?.class?.startsWith('RSpec::Expectations') ? 'failure' : 'error',
        });
      }
    }
    const d = builder.data;
    const summary = report.summary;
    const declared = summary?.failure_count;
    if (typeof declared === 'number' && Number.isSafeInteger(declared) && declared > failedExamples) {
      const unlisted = declared - failedExamples;
      notify(ctx, `the summary counts ${declared} failures but ${failedExamples} examples failed: the ${unlisted} not listed count as failed`);
      d.total += unlisted;
      d.failed += unlisted;
      builder.addFailureOnly({ name: `${unlisted} failure(s) the summary counts but no example shows`, message: `failure_count: ${declared}`, kind: 'error' });
    }
    const outside = summary?.errors_outside_of_examples_count;
    if (typeof outside === 'number' && Number.isSafeInteger(outside) && outside > 0) {
      const messages = (report.messages ?? []).filter((m) => /error/i.test(m));
      for (let i = 0; i < outside; i++) {
        const text = messages[i]?.trim() ?? 'an error occurred outside of examples';
        builder.add('failed', { name: 'error outside of examples', message: text.split('\n').find((l) => l.trim() !== '')?.trim() ?? text, details: text, kind: 'error' });
      }
    }
    const seconds = typeof summary?.duration === 'number' ? summary.duration : duration;
    if (seconds > 0) d.durationMs = Math.round(seconds * 1000);
    return d;
  },
};
