/**
 * Lint gates: most errors and warnings. With `new_only`, only findings whose fingerprint is absent
 * from the base report count; without a base, every finding counts and the check says so.
 */
import type { z } from 'zod';
import type { LintGates } from '../../config/schema.js';
import type { GateResult, LintData, LintFinding } from '../model.js';
import { fmtCount } from '../numbers.js';
import { missingData, plural, result, skipped, type GateContext } from './common.js';

export function isNewFinding(f: LintFinding, base: ReadonlySet<string> | undefined): boolean {
  return !base || !base.has(f.fingerprint);
}

export function lintGates(
  ctx: GateContext,
  gates: z.infer<typeof LintGates>,
  data: LintData | undefined,
  why: string,
): GateResult[] {
  const out: GateResult[] = [];
  const baseSet = gates.new_only ? ctx.base?.lintFingerprints : undefined;
  if (gates.new_only) {
    if (!ctx.base?.lintFingerprints) {
      out.push(
        skipped(
          ctx,
          'lint.new_only',
          true,
          `no base report with lint findings${ctx.base ? ` in ${ctx.base.source}` : ''}: every finding counts`,
        ),
      );
    } else if (data) {
      const fresh = data.findings.filter((f) => isNewFinding(f, baseSet)).length;
      out.push(
        result(
          ctx,
          'lint.new_only',
          'pass',
          fresh,
          true,
          `${fmtCount(fresh)} of ${fmtCount(data.findings.length)} findings are new against ${ctx.base.source}`,
        ),
      );
    }
  }
  const scope = baseSet ? 'new ' : '';
  for (const [key, severity] of [
    ['errors', 'error'],
    ['warnings', 'warning'],
  ] as const) {
    const max = gates[key];
    if (max === undefined) continue;
    const id = `lint.${key}` as const;
    if (!data) {
      out.push(missingData(ctx, id, max, `no lint results: ${why}`));
      continue;
    }
    // As for audit severities, a limit counts its severity and above: `warnings: 0` with errors
    // present must not pass when no `errors` limit is set.
    const counted = data.findings.filter(
      (f) =>
        (f.severity === severity || (severity === 'warning' && f.severity === 'error')) && isNewFinding(f, baseSet),
    );
    const n = counted.length;
    const withErrors = severity === 'warning' && counted.some((f) => f.severity === 'error');
    const what = withErrors
      ? `${fmtCount(n)} ${scope}lint warnings and errors`
      : plural(n, `${scope}lint ${severity}`, `${scope}lint ${key}`);
    out.push(
      n <= max
        ? result(ctx, id, 'pass', n, max, `${what} (at most ${fmtCount(max)} allowed)`)
        : result(ctx, id, 'fail', n, max, `${what}, more than the ${fmtCount(max)} allowed`),
    );
  }
  return out;
}
