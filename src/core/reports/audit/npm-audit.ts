/**
 * `npm audit --json`: npm 7+ (`auditReportVersion: 2`, `vulnerabilities` keyed by package) and
 * npm 6 (`advisories` keyed by id, with `actions`/`muted`/`runId` beside it; yarn 2/3's
 * `yarn npm audit --json` relays the same registry answer and reads the same way).
 *
 * readygate counts advisories, once per affected package. npm's own "N vulnerabilities" line and
 * `metadata.vulnerabilities` count packages instead, including packages that are vulnerable only
 * because they depend on one (a `via` that is a string); those are effects of an advisory already
 * counted, so they are not counted again. The two numbers therefore differ both ways: a package with
 * two advisories is 1 for npm and 2 here; a package that is only an effect is 1 for npm and 0 here
 * (the fixture tests pin both cases). Where npm's own ratings or totals say more than its advisories
 * explain, the stronger reading counts (npm-totals.ts).
 *
 * npm 7's early shape is read too: `via` advisories with `id` and `vulnerable_versions` instead of
 * `source` and `range` (and a `name` that may be missing: the package's own).
 */
import { z } from 'zod';
import { checkShape, readJson } from '../../stream/json.js';
import type { AuditFinding } from '../../model.js';
import { jsonHead } from '../sniff.js';
import type { ReportParser } from '../types.js';
import { Advisory, advisoryFinding, ghsaFromUrl } from './advisories.js';
import { dedupeFindings, normalizeSeverity } from './common.js';
import { reconcileV1, reconcileV2 } from './npm-totals.js';

const V2Via = z.union([
  z.string(),
  z.object({
    source: z.union([z.number(), z.string()]).optional(),
    id: z.union([z.number(), z.string()]).optional(),
    name: z.string().optional(),
    title: z.string().optional(),
    url: z.string().optional(),
    severity: z.string(),
    range: z.string().optional(),
    vulnerable_versions: z.string().optional(),
  }),
]);
const Metadata = z.object({ vulnerabilities: z.record(z.string(), z.unknown()).optional() }).loose().optional();
const V2 = z.object({
  auditReportVersion: z.literal(2),
  metadata: Metadata,
  vulnerabilities: z.record(
    z.string(),
    z.object({
      name: z.string(),
      severity: z.string(),
      via: z.array(V2Via),
      range: z.string().optional(),
      fixAvailable: z.union([z.boolean(), z.object({}).loose()]).optional(),
    }),
  ),
});
const V1 = z.object({ advisories: z.record(z.string(), Advisory), metadata: Metadata });

export const npmAudit: ReportParser<'audit'> = {
  id: 'npm-audit',
  signal: 'audit',
  title: 'npm audit JSON (npm 6 and npm 7+)',
  detectedBy: 'JSON object with "auditReportVersion", or npm 6\'s "advisories" with "actions", "muted" or "runId"',
  metrics: ['critical', 'high', 'moderate', 'low', 'info'],
  detect(head) {
    const h = jsonHead(head);
    if (h?.kind !== '{') return false;
    if (h.keys.includes('auditReportVersion')) return true;
    if (h.keys.includes('advisories') && ['actions', 'muted', 'runId'].some((k) => h.keys.includes(k))) return true;
    // npm 6 writes `actions` first; a long list of them can push `advisories` past the head.
    return h.keys[0] === 'actions' && /"resolves"\s*:/.test(head);
  },
  async parse(ctx) {
    const path = ctx.source.path;
    const raw = await readJson(ctx);
    const findings: AuditFinding[] = [];
    if (raw !== null && typeof raw === 'object' && 'auditReportVersion' in raw) {
      const report = checkShape(path, V2, raw, 'npm audit report (auditReportVersion 2)');
      const own = new Map<string, AuditFinding[]>();
      for (const [key, vuln] of Object.entries(report.vulnerabilities)) {
        const mine: AuditFinding[] = [];
        for (const via of vuln.via) {
          if (typeof via === 'string') continue; // an effect of another package's advisory
          const name = via.name ?? vuln.name;
          const ghsa = ghsaFromUrl(via.url);
          const number = via.source ?? via.id;
          const npmId = number !== undefined ? `npm:${String(number)}` : undefined;
          const finding: AuditFinding = {
            id: ghsa ?? npmId ?? `npm:${via.title ?? name}`,
            aliases: ghsa && npmId ? [npmId] : [],
            package: name,
            severity: normalizeSeverity(via.severity),
            title: via.title ?? `Vulnerability in ${name}`,
          };
          const range = via.range ?? via.vulnerable_versions;
          if (range) finding.version = range;
          if (via.url) finding.url = via.url;
          if (vuln.fixAvailable !== undefined) finding.fixAvailable = vuln.fixAvailable !== false;
          mine.push(finding);
        }
        own.set(key, mine);
        findings.push(...mine);
      }
      reconcileV2(ctx, new Map(Object.entries(report.vulnerabilities)), own, report.metadata?.vulnerabilities, findings);
    } else {
      const report = checkShape(path, V1, raw, 'npm audit report (npm 6 advisories)');
      for (const adv of Object.values(report.advisories)) findings.push(advisoryFinding(adv));
      reconcileV1(ctx, report.metadata?.vulnerabilities, findings);
    }
    return { findings: dedupeFindings(findings) };
  },
};
