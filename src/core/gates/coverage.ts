/** Coverage gates: minimums on lines, branches and functions; drop against base; patch coverage. */
import type { z } from 'zod';
import type { CoverageGates } from '../../config/schema.js';
import type { Counter, CoverageData, GateResult } from '../model.js';
import type { UnreportedFile } from '../patch.js';
import { fmtCount, fmtPct, round } from '../numbers.js';
import { missingData, percent, result, shownAbove, shownBelow, skipped, type GateContext } from './common.js';

export interface PatchInput {
  /** undefined: no diff was given. */
  diffGiven: boolean;
  counter?: Counter;
  /** Changed files absent from the coverage report, counted as uncovered. */
  unreported?: readonly UnreportedFile[];
  /** Changed files the report has no per-line data for (see PatchMeasure). */
  unmeasurable?: readonly string[];
}

const METRICS = ['lines', 'branches', 'functions'] as const;
const NAMES = { lines: 'line', branches: 'branch', functions: 'function' } as const;

export function coverageGates(
  ctx: GateContext,
  gates: z.infer<typeof CoverageGates>,
  data: CoverageData | undefined,
  patch: PatchInput,
  why: string,
): GateResult[] {
  const out: GateResult[] = [];
  const totals = data?.table.totals();
  for (const metric of METRICS) {
    const min = gates[metric];
    if (min === undefined) continue;
    const id = `coverage.${metric}` as const;
    const counter = totals?.[metric];
    if (!data) out.push(missingData(ctx, id, min, `no ${NAMES[metric]} coverage: ${why}`));
    else if (!counter) out.push(missingData(ctx, id, min, `the coverage report has no ${NAMES[metric]} data`));
    else if (counter.total === 0) out.push(missingData(ctx, id, min, `the coverage report has no coverable ${metric}`));
    else {
      const pct = percent(counter);
      const base = ctx.base?.coverage?.[metric];
      const delta = base && base.total > 0 ? pct - percent(base) : undefined;
      const pass = pct >= min;
      const shown = pass ? round(pct) : shownBelow(pct, min);
      const detail = `${fmtPct(shown)} (${fmtCount(counter.covered)}/${fmtCount(counter.total)})`;
      out.push(
        pass
          ? result(ctx, id, 'pass', shown, min, `${NAMES[metric]} coverage ${detail} meets ${fmtPct(min)}`, delta)
          : result(ctx, id, 'fail', shown, min, `${NAMES[metric]} coverage ${detail} is below ${fmtPct(min)}`, delta),
      );
    }
  }
  if (gates.max_drop !== undefined) {
    const id = 'coverage.max_drop';
    const head = totals?.lines;
    const base = ctx.base?.coverage?.lines;
    if (!ctx.base) out.push(skipped(ctx, id, gates.max_drop, 'no base report to compare against'));
    else if (!base || base.total === 0)
      out.push(skipped(ctx, id, gates.max_drop, `the base report (${ctx.base.source}) has no line coverage`));
    else if (!head || head.total === 0)
      out.push(missingData(ctx, id, gates.max_drop, `no line coverage to compare: ${why}`));
    else {
      const drop = percent(base) - percent(head);
      const change = `${fmtPct(percent(base))} → ${fmtPct(percent(head))}`;
      out.push(
        drop <= gates.max_drop + 1e-9
          ? result(
              ctx,
              id,
              'pass',
              round(Math.max(0, drop)),
              gates.max_drop,
              `line coverage ${change}: ${drop > 0 ? `drop of ${round(drop)} points is within` : 'no drop, allowed'} ${gates.max_drop}`,
            )
          : result(
              ctx,
              id,
              'fail',
              shownAbove(drop, gates.max_drop),
              gates.max_drop,
              `line coverage dropped ${shownAbove(drop, gates.max_drop)} points (${change}), more than the ${gates.max_drop} allowed`,
            ),
      );
    }
  }
  if (gates.patch !== undefined) {
    const id = 'coverage.patch';
    if (!patch.diffGiven)
      out.push(skipped(ctx, id, gates.patch, 'no diff to measure (pass --diff, or run on a pull request)'));
    else if (!data) out.push(missingData(ctx, id, gates.patch, `no coverage for the changed lines: ${why}`));
    else if (patch.unmeasurable && patch.unmeasurable.length > 0) {
      const files = patch.unmeasurable;
      const named = `${files.slice(0, 3).join(', ')}${files.length > 3 ? ` and ${files.length - 3} more` : ''}`;
      out.push(
        missingData(
          ctx,
          id,
          gates.patch,
          data.table.files.size === 0
            ? `the coverage report lists no file, so nothing shows whether the changed files (${named}) hold code: check that the coverage run measured this change`
            : `the coverage report has no per-line data for changed files (${named}): its format gives totals only, so the changed lines cannot be measured; report a per-line format too (lcov, Cobertura, …)`,
        ),
      );
    } else if (!patch.counter || patch.counter.total === 0) {
      out.push(result(ctx, id, 'pass', null, gates.patch, 'the change adds no coverable lines'));
    } else {
      const pct = percent(patch.counter);
      const pass = pct >= gates.patch;
      const shown = pass ? round(pct) : shownBelow(pct, gates.patch);
      const detail = `${fmtPct(shown)} of ${fmtCount(patch.counter.total)} changed coverable lines (${fmtCount(patch.counter.covered)} covered)${unreportedNote(patch.unreported)}`;
      out.push(
        pass
          ? result(ctx, id, 'pass', shown, gates.patch, `patch coverage ${detail} meets ${fmtPct(gates.patch)}`)
          : result(ctx, id, 'fail', shown, gates.patch, `patch coverage ${detail} is below ${fmtPct(gates.patch)}`),
      );
    }
  }
  return out;
}

/** Names the changed files the coverage report does not list, so a low patch figure explains itself. */
function unreportedNote(files: readonly UnreportedFile[] | undefined): string {
  if (!files || files.length === 0) return '';
  const lines = files.reduce((n, f) => n + f.lines, 0);
  const names = files
    .slice(0, 5)
    .map((f) => f.path)
    .join(', ');
  const more = files.length > 5 ? ` and ${fmtCount(files.length - 5)} more` : '';
  return `, counting ${fmtCount(lines)} added lines of ${fmtCount(files.length)} changed file(s) the coverage report does not list as uncovered: ${names}${more}`;
}
