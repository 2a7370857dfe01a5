/**
 * `pnpm audit --json`: the npm 6 advisory object keyed by id, with only `advisories` and `metadata`
 * at the top (npm 6 adds `actions`, `muted` and `runId`). Findings paths look like `.>minimist`.
 * `metadata.vulnerabilities` counts advisories here, so readygate's totals equal pnpm's.
 */
import { z } from 'zod';
import { checkShape, readJson } from '../../stream/json.js';
import { jsonHead } from '../sniff.js';
import type { ReportParser } from '../types.js';
import { Advisory, advisoryFinding } from './advisories.js';
import { dedupeFindings } from './common.js';

const Report = z.object({ advisories: z.record(z.string(), Advisory), metadata: z.object({}).loose() });

export const pnpmAudit: ReportParser<'audit'> = {
  id: 'pnpm-audit',
  signal: 'audit',
  title: 'pnpm audit JSON',
  detectedBy: 'JSON object whose first key is "advisories", without npm 6\'s "actions", "muted", "runId"',
  metrics: ['critical', 'high', 'moderate', 'low', 'info'],
  detect(head) {
    const h = jsonHead(head);
    if (h?.kind !== '{') return false;
    // `advisories` comes first; `metadata` may lie past the head of a long report.
    return h.keys[0] === 'advisories' && !['actions', 'muted', 'runId', 'auditReportVersion'].some((k) => h.keys.includes(k));
  },
  async parse(ctx) {
    const report = checkShape(ctx.source.path, Report, await readJson(ctx), 'pnpm audit report');
    return { findings: dedupeFindings(Object.values(report.advisories).map(advisoryFinding)) };
  },
};
