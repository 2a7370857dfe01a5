/**
 * mocha's built-in `json` reporter. Counts come from its `passes`, `pending` and `failures`
 * arrays, as mocha's own summary does ("13 passing, 3 pending, 3 failing"): a failing hook is in
 * `failures` without being in `tests`, and it does fail the run.
 */
import { z } from 'zod';
import { checkShape, readJson } from '../../stream/json.js';
import { jsonHead } from '../sniff.js';
import type { ReportParser } from '../types.js';
import { TestsBuilder } from './builder.js';

const TEST = z.object({
  title: z.string(),
  fullTitle: z.string().nullish(),
  file: z.string().nullish(),
  err: z.object({ message: z.string().nullish(), stack: z.string().nullish() }).loose().nullish(),
});
const REPORT = z.object({
  stats: z.object({ tests: z.number() }).loose(),
  passes: z.array(TEST),
  pending: z.array(TEST),
  failures: z.array(TEST),
});

export const mochaJson: ReportParser<'tests'> = {
  id: 'mocha-json',
  signal: 'tests',
  title: 'mocha JSON reporter',
  detectedBy: 'JSON object whose first key is "stats", followed by "tests"',
  metrics: ['total', 'passed', 'failed', 'skipped', 'failures with locations'],
  detect(head) {
    const h = jsonHead(head);
    return h?.kind === '{' && h.keys[0] === 'stats' && h.keys.includes('tests') && /"stats"\s*:\s*\{[^}]*"passes"\s*:/.test(head);
  },
  async parse(ctx) {
    const report = checkShape(ctx.source.path, REPORT, await readJson(ctx), 'mocha JSON report');
    const builder = new TestsBuilder(ctx.limits, ctx.paths);
    for (let i = 0; i < report.passes.length; i++) builder.add('passed');
    for (let i = 0; i < report.pending.length; i++) builder.add('skipped');
    for (const t of report.failures) {
      const message = t.err?.message?.trim() || 'failed';
      builder.add('failed', {
        name: t.fullTitle?.trim() || t.title,
        file: t.file ?? undefined,
        message,
        details: t.err?.stack?.trim() || undefined,
      });
    }
    return builder.data;
  },
};
