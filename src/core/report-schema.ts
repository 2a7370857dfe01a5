/**
 * The JSON report, version 1: the contract the Action, the App and other tools consume. This zod
 * schema generates `schema/report.schema.json` and validates reports read back (a base report,
 * an artifact from a fork PR), so nothing read from outside is trusted by cast.
 *
 * Beyond the shape, numbers that cannot be true are refused (see `impossibleNumbers`): a counter
 * covering more than its total, tests that do not add up to their total, flaky tests that did not
 * pass. readygate never writes them; an artifact that carries them was edited to pass. (Audit and
 * lint counts are not checked against their findings: re-evaluation counts the findings.)
 */
import { z } from 'zod';
import { PATCH_BOUNDS } from './report-bounds.js';

const Counter = z.object({ covered: z.number().int().min(0), total: z.number().int().min(0) });
const GateStatus = z.enum(['pass', 'fail', 'warn', 'skip']);
const Severity = z.enum(['critical', 'high', 'moderate', 'low', 'info']);
const Text = (max: number) => z.string().max(max);
const Line = z.number().int().positive().max(10_000_000);
const LineRange = z.tuple([Line, Line]).refine(([start, end]) => start <= end, 'a line range ends before it starts');

/** One changed file's patch coverage: the coverable lines it adds and the ones no test ran. */
const PatchFile = z
  .object({
    path: Text(4_096),
    total: z.number().int().min(0),
    covered: z.number().int().min(0),
    uncovered: z.array(LineRange).max(PATCH_BOUNDS.rangesPerFile),
    uncovered_omitted: z.number().int().min(0).optional(),
    unreported: z.literal(true).optional(),
    lines: Counter.optional(),
    /** The file's line coverage in the base report, when the base lists it (for the change against the base). */
    base_lines: Counter.optional(),
  })
  .refine((f) => f.covered <= f.total, 'a file covers more changed lines than it has');

/**
 * The per-line coverage of the changed files (whole files, as covered and uncovered ranges), so a
 * publisher can measure the patch again with the diff it reads from the API itself.
 */
const PatchLineData = z.object({
  /** Extensions of the files the coverage report has per-line data for (to judge files it does not list). */
  extensions: z.array(Text(32)).max(1_000),
  files: z
    .array(
      z.object({
        path: Text(4_096),
        covered: z.array(LineRange).max(PATCH_BOUNDS.lineDataRanges),
        uncovered: z.array(LineRange).max(PATCH_BOUNDS.lineDataRanges),
      }),
    )
    .max(PATCH_BOUNDS.lineDataFiles),
});

const Patch = Counter.extend({
  files: z.array(PatchFile).max(PATCH_BOUNDS.files).optional(),
  files_omitted: z.number().int().min(0).optional(),
  line_data: PatchLineData.optional(),
});

const ReportShape = z.object({
  schema: z.literal('readygate/report@1'),
  tool: z.object({ name: z.literal('readygate'), version: Text(50) }),
  verdict: z.enum(['pass', 'fail', 'warn']),
  level: Text(100).nullable(),
  required: Text(100),
  mode: z.enum(['enforce', 'warn']),
  branch: Text(500).optional(),
  signals: z.object({
    coverage: z
      .object({
        lines: Counter.optional(),
        branches: Counter.optional(),
        functions: Counter.optional(),
        files: z.number().int().min(0),
        /**
         * Line coverage per file, `[path, covered, total]`, for the per-file change against this
         * report when it is a later change's base. At most PATCH_BOUNDS.byFile files.
         */
        by_file: z
          .array(z.tuple([Text(4_096), z.number().int().min(0), z.number().int().min(0)]))
          .max(20_000)
          .optional(),
        patch: Patch.optional(),
      })
      .optional(),
    tests: z
      .object({
        total: z.number().int().min(0),
        passed: z.number().int().min(0),
        failed: z.number().int().min(0),
        skipped: z.number().int().min(0),
        flaky: z.number().int().min(0).optional(),
        failures: z.array(
          z.object({
            name: Text(2_000),
            suite: Text(2_000).optional(),
            file: Text(4_096).optional(),
            line: z.number().int().positive().optional(),
            message: Text(70_000),
            details: Text(70_000).optional(),
            kind: z.enum(['failure', 'error']),
          }),
        ),
        failures_dropped: z.number().int().min(0),
        duration_ms: z.number().min(0).optional(),
      })
      .optional(),
    audit: z
      .object({
        critical: z.number().int().min(0),
        high: z.number().int().min(0),
        moderate: z.number().int().min(0),
        low: z.number().int().min(0),
        info: z.number().int().min(0),
        ignored: z.number().int().min(0),
        findings: z.array(
          z.object({
            id: Text(500),
            aliases: z.array(Text(500)),
            package: Text(1_000),
            version: Text(1_000).optional(),
            severity: Severity,
            title: Text(10_000),
            url: Text(4_096).optional(),
            path: Text(4_096).optional(),
            line: z.number().int().positive().optional(),
            fix_available: z.boolean().optional(),
            ignored: z.object({ reason: Text(10_000), until: Text(10).optional() }).optional(),
          }),
        ),
      })
      .optional(),
    lint: z
      .object({
        errors: z.number().int().min(0),
        warnings: z.number().int().min(0),
        notes: z.number().int().min(0),
        findings: z.array(
          z.object({
            path: Text(4_096),
            line: z.number().int().positive().optional(),
            column: z.number().int().positive().optional(),
            end_line: z.number().int().positive().optional(),
            end_column: z.number().int().positive().optional(),
            rule: Text(500).optional(),
            severity: z.enum(['error', 'warning', 'note']),
            message: Text(70_000),
            tool: Text(200).optional(),
            help_uri: Text(4_096).optional(),
            fingerprint: Text(64),
          }),
        ),
      })
      .optional(),
    roadmap: z
      .object({
        total: z.number().int().min(0),
        done: z.number().int().min(0),
        in_progress: z.number().int().min(0),
        blocked: z.number().int().min(0),
        todo: z.number().int().min(0),
        cancelled: z.number().int().min(0),
        milestones: z.array(
          z.object({
            title: Text(1_000),
            due: Text(10).optional(),
            total: z.number().int().min(0),
            done: z.number().int().min(0),
          }),
        ),
      })
      .optional(),
  }),
  gates: z.array(
    z.object({
      id: Text(200),
      level: Text(100).nullable(),
      status: GateStatus,
      actual: z.union([z.number(), Text(1_000), z.boolean()]).nullable(),
      threshold: z.union([z.number(), Text(1_000), z.boolean()]).nullable(),
      // Optional: reports written before gates carried them have neither (parseReportJson fills them in).
      unit: z.enum(['percent', 'count', 'points']).optional(),
      direction: z.enum(['at_least', 'at_most']).optional(),
      message: Text(10_000),
      delta: z.number().optional(),
    }),
  ),
  errors: z.array(
    z.object({
      signal: z.enum(['coverage', 'tests', 'audit', 'lint']),
      path: Text(4_096),
      message: Text(10_000),
      line: z.number().int().positive().optional(),
    }),
  ),
  notices: z.array(Text(10_000)),
  reports: z.array(
    z.object({ signal: z.enum(['coverage', 'tests', 'audit', 'lint']), path: Text(4_096), format: Text(100) }),
  ),
  base: z.object({ source: Text(1_000) }).optional(),
});

type Shape = z.infer<typeof ReportShape>;

/** Where a report's numbers contradict each other, as `[path, message]` pairs. */
export function impossibleNumbers(r: Shape): [string[], string][] {
  const out: [string[], string][] = [];
  const c = r.signals.coverage;
  for (const key of ['lines', 'branches', 'functions', 'patch'] as const) {
    const k = c?.[key];
    if (k && k.covered > k.total)
      out.push([['signals', 'coverage', key], `claims ${k.covered} covered of ${k.total}: more than the total`]);
  }
  const t = r.signals.tests;
  if (t) {
    if (t.passed > t.total)
      out.push([['signals', 'tests', 'passed'], `${t.passed} passed of ${t.total} tests: more than the total`]);
    if (t.passed + t.failed + t.skipped !== t.total)
      out.push([
        ['signals', 'tests', 'total'],
        `${t.passed} passed + ${t.failed} failed + ${t.skipped} skipped is not the total ${t.total}`,
      ]);
    if (t.flaky !== undefined && t.flaky > t.passed)
      out.push([
        ['signals', 'tests', 'flaky'],
        `${t.flaky} flaky tests but only ${t.passed} passed (a flaky test is one that passed on a rerun)`,
      ]);
  }
  return out;
}

export const ReportV1 = ReportShape.superRefine((report, ctx) => {
  for (const [path, message] of impossibleNumbers(report))
    ctx.addIssue({ code: 'custom', path, message: `impossible numbers: ${message}` });
});

export type ReportV1 = z.infer<typeof ReportV1>;
export const REPORT_SCHEMA_ID = 'readygate/report@1';
