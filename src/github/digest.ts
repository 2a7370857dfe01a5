/**
 * The base digest: what later runs compare against (line/branch/function totals and lint
 * fingerprints), kept hidden at the end of readygate's own check-run summary, so "no regression
 * against the base" needs no server and no database (the publish-unit-test-result-action idea).
 * It also carries the commit's readiness (digest-readiness.ts: verdict, levels, gates, counts,
 * milestones), which the App's badges and readiness page read; a digest written before that is
 * still read, with no readiness.
 *
 * Format: `<!-- readygate:digest:v1 BASE64 -->` at the very end of the summary, BASE64 being
 * deflated JSON that names the commit it describes (`sha`). Only a marker at the end counts: report
 * text rendered above it cannot plant an earlier one. It is validated like any input: a missing,
 * corrupt or sha-less digest is a notice and no base, never a crash and never a guess.
 */
import { deflateSync, inflateSync } from 'fflate';
import { z } from 'zod';
import { describeError } from '../core/errors.js';
import type { BaseSnapshot } from '../core/gates/common.js';
import type { ReportV1 } from '../core/report-schema.js';
import {
  ReadinessFields,
  hasReadiness,
  readinessOf,
  type Readiness,
  type ReadinessDetail,
} from './digest-readiness.js';

const MARKER = /<!-- readygate:digest:v1 ([A-Za-z0-9+/=]+) -->\s*$/;
/** Digest text budget inside the 65,535-character summary. */
export const MAX_DIGEST_CHARS = 24_000;
const MAX_INFLATED_BYTES = 1024 * 1024;

const Counter = z.object({ covered: z.number().int().min(0), total: z.number().int().min(0) });
const Digest = z.strictObject({
  sha: z.string().max(64).optional(),
  coverage: z
    .strictObject({
      lines: Counter.optional(),
      branches: Counter.optional(),
      functions: Counter.optional(),
      files: z.number().int().min(0).optional(),
    })
    .optional(),
  /** Absent when there were too many findings to keep: new_only then says it has no base. */
  lint: z
    .array(z.string().regex(/^[0-9a-f]{1,64}$/))
    .max(100_000)
    .optional(),
  ...ReadinessFields,
});
type Digest = z.infer<typeof Digest>;
/** The coverage counters a digest keeps (and how many files the report covered). */
export type DigestCoverage = NonNullable<Digest['coverage']>;

function encode(digest: Digest): string {
  const bytes = deflateSync(new TextEncoder().encode(JSON.stringify(digest)), { level: 9 });
  return `<!-- readygate:digest:v1 ${Buffer.from(bytes).toString('base64')} -->`;
}

/**
 * The hidden digest for a report, within MAX_DIGEST_CHARS: when the whole does not fit, gate
 * messages and milestone titles are clipped shorter, then gates and milestones are left out (they
 * are only shown), and only then the lint fingerprints (new_only would have no base) are dropped.
 * The counts always fit.
 */
export function encodeDigest(report: ReportV1, sha: string): string {
  const c = report.signals.coverage;
  const base: Digest = {
    sha,
    ...(c && { coverage: { lines: c.lines, branches: c.branches, functions: c.functions, files: c.files } }),
  };
  const lint = report.signals.lint && { lint: report.signals.lint.findings.map((f) => f.fingerprint) };
  const fit = (withLint: boolean, detail: ReadinessDetail): string | undefined => {
    const text = encode({ ...base, ...(withLint && lint), ...readinessOf(report, detail) });
    return text.length <= MAX_DIGEST_CHARS ? text : undefined;
  };
  const whole = fit(true, 'full');
  if (whole) return whole;
  // Deflating 100,000 fingerprints takes a while: find out once whether they fit at all.
  const countsWithLint = lint && fit(true, 'counts');
  if (countsWithLint) return fit(true, 'short') ?? countsWithLint;
  return fit(false, 'full') ?? fit(false, 'short') ?? encode({ ...base, ...readinessOf(report, 'counts') });
}

export type DigestResult =
  | {
      snapshot: BaseSnapshot;
      sha?: string;
      /** The commit's readiness; absent in digests written before it was added. */
      readiness?: Readiness;
      coverage?: DigestCoverage;
    }
  | { problem: string };

/** Reads the digest out of a check-run summary (the marker must end it). */
export function decodeDigest(summary: string | null | undefined, source: string): DigestResult {
  const match = MARKER.exec(summary ?? '');
  if (!match) return { problem: `${source} carries no readygate digest at the end of its summary` };
  let value: unknown;
  try {
    const inflated = inflateSync(Buffer.from(match[1]!, 'base64'), { out: new Uint8Array(MAX_INFLATED_BYTES) });
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(inflated));
  } catch (error) {
    return { problem: `${source} has a corrupt readygate digest (${describeError(error)})` };
  }
  const parsed = Digest.safeParse(value);
  if (!parsed.success)
    return {
      problem: `${source} has a readygate digest of an unknown shape (${parsed.error.issues[0]?.message ?? 'invalid'})`,
    };
  const d = parsed.data;
  const snapshot: BaseSnapshot = { source };
  if (d.coverage) {
    const { files: _files, ...counters } = d.coverage;
    snapshot.coverage = counters;
  }
  if (d.lint) snapshot.lintFingerprints = new Set(d.lint);
  const { sha: _sha, coverage: _coverage, lint: _lint, ...fields } = d;
  return {
    snapshot,
    ...(d.sha && { sha: d.sha }),
    ...(d.coverage && { coverage: d.coverage }),
    ...(hasReadiness(fields) && { readiness: fields }),
  };
}
