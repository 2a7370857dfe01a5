/** Test gates: pass rate, most failed, fewest run, most skipped, most flaky. */
import type { z } from 'zod';
import type { TestsGates } from '../../config/schema.js';
import type { GateResult, TestsData } from '../model.js';
import { fmtCount, fmtPct, round } from '../numbers.js';
import { missingData, result, shownBelow, type GateContext } from './common.js';
import type { GateId } from './gate-kinds.js';

export function testsGates(
  ctx: GateContext,
  gates: z.infer<typeof TestsGates>,
  data: TestsData | undefined,
  why: string,
): GateResult[] {
  const out: GateResult[] = [];
  const most = (id: GateId, max: number | undefined, actual: number | undefined, what: string) => {
    if (max === undefined) return;
    if (actual === undefined) return out.push(missingData(ctx, id, max, `no test results: ${why}`));
    out.push(
      actual <= max
        ? result(ctx, id, 'pass', actual, max, `${fmtCount(actual)} ${what} (at most ${fmtCount(max)} allowed)`)
        : result(ctx, id, 'fail', actual, max, `${fmtCount(actual)} ${what}, more than the ${fmtCount(max)} allowed`),
    );
  };
  if (gates.pass_rate !== undefined) {
    const id = 'tests.pass_rate';
    const min = gates.pass_rate;
    if (!data) out.push(missingData(ctx, id, min, `no test results: ${why}`));
    else if (data.passed + data.failed === 0) {
      out.push(
        missingData(
          ctx,
          id,
          min,
          data.total === 0
            ? 'no tests ran: a pass rate needs at least one test'
            : `all ${fmtCount(data.total)} tests were skipped`,
        ),
      );
    } else {
      const rate = (data.passed / (data.passed + data.failed)) * 100;
      const pass = rate >= min;
      const shown = pass ? round(rate) : shownBelow(rate, min);
      const detail = `${fmtPct(shown)} (${fmtCount(data.passed)} passed, ${fmtCount(data.failed)} failed)`;
      out.push(
        pass
          ? result(ctx, id, 'pass', shown, min, `pass rate ${detail} meets ${fmtPct(min)}`)
          : result(ctx, id, 'fail', shown, min, `pass rate ${detail} is below ${fmtPct(min)}`),
      );
    }
  }
  most('tests.max_failed', gates.max_failed, data?.failed, 'failed tests');
  if (gates.min_total !== undefined) {
    const id = 'tests.min_total';
    if (!data) out.push(missingData(ctx, id, gates.min_total, `no test results: ${why}`));
    else {
      // Skipped tests did not run: a suite of skipped tests must not meet "at least N tests ran".
      const ran = data.total - data.skipped;
      const aside = data.skipped > 0 ? ` (${fmtCount(data.skipped)} more skipped)` : '';
      out.push(
        ran >= gates.min_total
          ? result(
              ctx,
              id,
              'pass',
              ran,
              gates.min_total,
              `${fmtCount(ran)} tests ran, at least ${fmtCount(gates.min_total)} required${aside}`,
            )
          : result(
              ctx,
              id,
              'fail',
              ran,
              gates.min_total,
              `only ${fmtCount(ran)} tests ran, fewer than the ${fmtCount(gates.min_total)} required${aside}`,
            ),
      );
    }
  }
  most('tests.max_skipped', gates.max_skipped, data?.skipped, 'skipped tests');
  if (data && data.flaky === undefined && gates.max_flaky !== undefined) {
    out.push(
      missingData(
        ctx,
        'tests.max_flaky',
        gates.max_flaky,
        'the test report format does not record reruns, so flaky tests cannot be counted (JUnit with rerun elements and CTRF do)',
      ),
    );
  } else most('tests.max_flaky', gates.max_flaky, data?.flaky, 'flaky tests (passed on rerun)');
  return out;
}
