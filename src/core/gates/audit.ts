/**
 * Audit gates. `high: N` allows at most N findings of severity high *or above*: a policy that only
 * names `high` must not let a critical finding through. Ignored findings do not count.
 */
import type { z } from 'zod';
import type { AuditGates } from '../../config/schema.js';
import { SEVERITIES, type AuditData, type GateResult } from '../model.js';
import { fmtCount } from '../numbers.js';
import { missingData, plural, result, type GateContext } from './common.js';

const GATED = ['critical', 'high', 'moderate', 'low'] as const;

export function auditGates(
  ctx: GateContext,
  gates: z.infer<typeof AuditGates>,
  data: AuditData | undefined,
  why: string,
): GateResult[] {
  const out: GateResult[] = [];
  for (const severity of GATED) {
    const max = gates[severity];
    if (max === undefined) continue;
    const id = `audit.${severity}` as const;
    if (!data) {
      out.push(missingData(ctx, id, max, `no audit results: ${why}`));
      continue;
    }
    const atOrAbove = SEVERITIES.slice(0, SEVERITIES.indexOf(severity) + 1);
    const counted = data.findings.filter((f) => !f.ignored && atOrAbove.includes(f.severity));
    const what =
      severity === 'critical'
        ? plural(counted.length, 'critical vulnerability', 'critical vulnerabilities')
        : `${plural(counted.length, 'vulnerability', 'vulnerabilities')} at ${severity} or above`;
    const examples = counted
      .slice(0, 3)
      .map((f) => `${f.id} in ${f.package}`)
      .join(', ');
    out.push(
      counted.length <= max
        ? result(ctx, id, 'pass', counted.length, max, `${what} (at most ${fmtCount(max)} allowed)`)
        : result(
            ctx,
            id,
            'fail',
            counted.length,
            max,
            `${what}, more than the ${fmtCount(max)} allowed: ${examples}${counted.length > 3 ? ', …' : ''}`,
          ),
    );
  }
  return out;
}
