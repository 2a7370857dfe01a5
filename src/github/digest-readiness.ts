/**
 * The readiness part of the hidden check-run digest (digest.ts): what a badge or the App's
 * readiness page shows about a commit without its report: verdict, level reached and required,
 * each gate (message clipped), test, audit and lint counts, and roadmap progress per milestone.
 * Every field is optional, so digests written before it still decode (they just carry no
 * readiness). `readinessReport` turns it back into a report (findings and failures left empty),
 * so the badges and the page renderer read one shape.
 *
 * @example readinessReport(readinessOf(report)!).level === report.level
 */
import { z } from 'zod';
import { withMeasure } from '../core/gates/gate-kinds.js';
import type { ReportV1 } from '../core/report-schema.js';

const Count = z.number().int().min(0);
const Value = z.union([z.number(), z.string().max(1_000), z.boolean()]).nullable();

/** Gate messages and milestone titles are clipped to this in the digest (the check run has them whole). */
export const DIGEST_TEXT = 300;
/** At most this many milestones and gates are kept. */
export const DIGEST_MILESTONES = 100;
export const DIGEST_GATES = 500;

export const ReadinessFields = {
  verdict: z.enum(['pass', 'fail', 'warn']).optional(),
  level: z.string().max(100).nullable().optional(),
  required: z.string().max(100).optional(),
  mode: z.enum(['enforce', 'warn']).optional(),
  branch: z.string().max(500).optional(),
  version: z.string().max(50).optional(),
  tests: z
    .strictObject({ total: Count, passed: Count, failed: Count, skipped: Count, flaky: Count.optional() })
    .refine((t) => t.passed + t.failed + t.skipped === t.total, 'test counts that do not add up')
    .optional(),
  audit: z
    .strictObject({ critical: Count, high: Count, moderate: Count, low: Count, info: Count, ignored: Count })
    .optional(),
  lint_counts: z.strictObject({ errors: Count, warnings: Count, notes: Count }).optional(),
  roadmap: z
    .strictObject({
      total: Count,
      done: Count,
      in_progress: Count,
      blocked: Count,
      todo: Count,
      cancelled: Count,
      milestones: z
        .array(
          z.strictObject({
            title: z.string().max(DIGEST_TEXT),
            due: z.string().max(10).optional(),
            total: Count,
            done: Count,
          }),
        )
        .max(DIGEST_MILESTONES),
    })
    .optional(),
  gates: z
    .array(
      z.strictObject({
        id: z.string().max(200),
        level: z.string().max(100).nullable(),
        status: z.enum(['pass', 'fail', 'warn', 'skip']),
        actual: Value,
        threshold: Value,
        delta: z.number().optional(),
        message: z.string().max(DIGEST_TEXT).optional(),
      }),
    )
    .max(DIGEST_GATES)
    .optional(),
};

export type ReadinessFields = z.infer<z.ZodObject<typeof ReadinessFields>>;

/** A digest's readiness, once it names a verdict, the level reached and the level required. */
export type Readiness = ReadinessFields &
  Required<Pick<ReadinessFields, 'verdict' | 'required'>> & { level: string | null };

export function hasReadiness(fields: ReadinessFields): fields is Readiness {
  return fields.verdict !== undefined && fields.required !== undefined && fields.level !== undefined;
}

/** How much of the readiness to keep: all of it, clipped messages, or only the counts (no gates, no milestones). */
export type ReadinessDetail = 'full' | 'short' | 'counts';

export function readinessOf(report: ReportV1, detail: ReadinessDetail = 'full'): ReadinessFields {
  const s = report.signals;
  const text = detail === 'full' ? DIGEST_TEXT : 80;
  const r: ReadinessFields = {
    verdict: report.verdict,
    level: report.level,
    required: report.required,
    mode: report.mode,
    version: report.tool.version,
    ...(report.branch && { branch: report.branch }),
  };
  if (s.tests) {
    const { total, passed, failed, skipped, flaky } = s.tests;
    r.tests = { total, passed, failed, skipped, ...(flaky !== undefined && { flaky }) };
  }
  if (s.audit) {
    const { critical, high, moderate, low, info, ignored } = s.audit;
    r.audit = { critical, high, moderate, low, info, ignored };
  }
  if (s.lint) r.lint_counts = { errors: s.lint.errors, warnings: s.lint.warnings, notes: s.lint.notes };
  if (s.roadmap) {
    const { total, done, in_progress, blocked, todo, cancelled } = s.roadmap;
    const milestones =
      detail === 'counts'
        ? []
        : s.roadmap.milestones.slice(0, DIGEST_MILESTONES).map((m) => ({
            title: clip(m.title, text),
            ...(m.due && { due: m.due }),
            total: m.total,
            done: m.done,
          }));
    r.roadmap = { total, done, in_progress, blocked, todo, cancelled, milestones };
  }
  if (detail !== 'counts')
    r.gates = report.gates.slice(0, DIGEST_GATES).map((g) => ({
      id: g.id,
      level: g.level,
      status: g.status,
      actual: typeof g.actual === 'string' ? clip(g.actual, text) : g.actual,
      threshold: typeof g.threshold === 'string' ? clip(g.threshold, text) : g.threshold,
      ...(g.delta !== undefined && { delta: g.delta }),
      message: clip(g.message, text),
    }));
  return r;
}

/** The report a digest stands for: its numbers and gates, with no findings, failures or files. */
export function readinessReport(
  r: Readiness,
  coverage?: { lines?: Counter; branches?: Counter; functions?: Counter; files?: number },
): ReportV1 {
  const signals: ReportV1['signals'] = {};
  if (coverage) {
    const { files, ...counters } = coverage;
    signals.coverage = { ...counters, files: files ?? 0 };
  }
  if (r.tests) signals.tests = { ...r.tests, failures: [], failures_dropped: 0 };
  if (r.audit) signals.audit = { ...r.audit, findings: [] };
  if (r.lint_counts) signals.lint = { ...r.lint_counts, findings: [] };
  if (r.roadmap) signals.roadmap = r.roadmap;
  return {
    schema: 'readygate/report@1',
    tool: { name: 'readygate', version: r.version ?? 'unknown' },
    verdict: r.verdict,
    level: r.level,
    required: r.required,
    mode: r.mode ?? 'enforce',
    ...(r.branch && { branch: r.branch }),
    signals,
    gates: (r.gates ?? []).map((g) => withMeasure({ ...g, message: g.message ?? '' })),
    errors: [],
    notices: [],
    reports: [],
  };
}

interface Counter {
  covered: number;
  total: number;
}

/** At most `max` UTF-16 units, never splitting a surrogate pair. */
function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  return `${/[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut}…`;
}
