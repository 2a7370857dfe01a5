/**
 * yarn classic (v1) `yarn audit --json`: one JSON object per line. `auditAdvisory` lines carry an npm 6
 * advisory each (one finding per advisory and package); `auditSummary`, `auditAction`, `info` and
 * `warning` lines are not findings and are not counted (the summary's totals are yarn's own, per
 * advisory and path).
 */
import { z } from 'zod';
import { ReportParseError } from '../../errors.js';
import type { AuditFinding } from '../../model.js';
import { checkShape } from '../../stream/json.js';
import type { ReportParser } from '../types.js';
import { Advisory, advisoryFinding } from './advisories.js';
import { dedupeFindings } from './common.js';
import { forEachJsonLine } from './ndjson.js';

const Line = z.object({ type: z.string(), data: z.unknown() });
const AdvisoryLine = z.object({ data: z.object({ advisory: Advisory }).loose() });

export const yarnClassicAudit: ReportParser<'audit'> = {
  id: 'yarn-audit',
  signal: 'audit',
  title: 'yarn classic (v1) audit NDJSON',
  detectedBy: 'JSON lines {"type": …, "data": …} with a type starting "audit" (auditAdvisory, auditSummary, auditAction)',
  metrics: ['critical', 'high', 'moderate', 'low', 'info'],
  detect(head) {
    return /^\{\s*"type"\s*:\s*"audit(?:Advisory|Summary|Action)"/m.test(head) && /^\{\s*"type"\s*:/.test(head.trimStart());
  },
  async parse(ctx) {
    const path = ctx.source.path;
    const findings: AuditFinding[] = [];
    let sawAudit = false;
    await forEachJsonLine(ctx, (value, lineNo) => {
      const line = Line.safeParse(value);
      if (!line.success) throw new ReportParseError(path, 'not a yarn audit line: expected {"type": …, "data": …}', lineNo);
      if (line.data.type.startsWith('audit')) sawAudit = true;
      if (line.data.type !== 'auditAdvisory') return;
      try {
        findings.push(advisoryFinding(checkShape(path, AdvisoryLine, value, 'yarn auditAdvisory line').data.advisory));
      } catch (error) {
        if (error instanceof ReportParseError) throw new ReportParseError(path, error.reason, lineNo, { cause: error });
        throw error;
      }
    });
    if (!sawAudit) throw new ReportParseError(path, 'no yarn audit lines (auditAdvisory or auditSummary) found: not a yarn audit --json report');
    return { findings: dedupeFindings(findings) };
  },
};
