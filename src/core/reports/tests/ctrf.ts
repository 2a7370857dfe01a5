/**
 * CTRF, the Common Test Report Format (`{ results: { tool, summary, tests } }`), from any of its
 * reporters. Counts come from `results.tests`, not the summary. `skipped`, `pending` and `other`
 * (jest's todo, as jest-ctrf-json-reporter writes it) count as skipped; a passed test marked
 * `flaky` is a flaky pass.
 */
import { z } from 'zod';
import { checkShape, readJson } from '../../stream/json.js';
import { jsonHead } from '../sniff.js';
import type { ReportParser } from '../types.js';
import { TestsBuilder } from './builder.js';

const TEST = z.object({
  name: z.string(),
  status: z.string(),
  message: z.string().nullish(),
  trace: z.string().nullish(),
  filePath: z.string().nullish(),
  line: z.number().nullish(),
  suite: z.union([z.string(), z.array(z.string())]).nullish(),
  flaky: z.boolean().nullish(),
});
const REPORT = z.object({
  results: z.object({
    tool: z.object({ name: z.string() }).loose(),
    tests: z.array(TEST),
  }),
});

export const ctrf: ReportParser<'tests'> = {
  id: 'ctrf',
  signal: 'tests',
  title: 'CTRF JSON',
  detectedBy: 'JSON with "reportFormat": "CTRF", or a top-level "results" object that starts with "tool"',
  metrics: ['total', 'passed', 'failed', 'skipped', 'flaky', 'failures with locations'],
  detect(head) {
    if (jsonHead(head)?.kind !== '{') return false;
    return /"reportFormat"\s*:\s*"CTRF"/.test(head) || /^\s*\{\s*"results"\s*:\s*\{\s*"tool"\s*:/.test(head);
  },
  async parse(ctx) {
    const report = checkShape(ctx.source.path, REPORT, await readJson(ctx), 'CTRF report');
    const builder = new TestsBuilder(ctx.limits, ctx.paths, true); // each test's `flaky` flag
    for (const t of report.results.tests) {
      if (t.status === 'passed') builder.add(t.flaky ? 'flaky' : 'passed');
      else if (t.status === 'failed') {
        const message = t.message?.trim() || t.trace?.split('\n')[0]?.trim() || 'failed';
        builder.add('failed', {
          name: t.name,
          suite: Array.isArray(t.suite) ? t.suite.join(' > ') : (t.suite ?? undefined),
          file: t.filePath ?? undefined,
          line: t.line ?? undefined,
          message,
          details: t.trace?.trim() || undefined,
        });
      } else builder.add('skipped');
    }
    return builder.data;
  },
};
