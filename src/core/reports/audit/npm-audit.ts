/**
 * `npm audit --json`: npm 7+ (`auditReportVersion: 2`, `vulnerabilities` keyed by package) and
 * npm 6 (`advisories` keyed by id).
 *
 * readygate counts advisories, once per affected package. npm's own "N vulnerabilities" line counts
 * packages, including packages that are vulnerable only because they depend on one (a `via` that is
 * a string); those are effects of an advisory already counted, so they are not counted again.
 */
import { z } from 'zod';
import { checkShape, readJson } from '../../stream/json.js';
import type { AuditFinding, Severity } from '../../model.js';
import { jsonHead } from '../sniff.js';
import type { ReportParser } from '../types.js';
import { dedupeFindings, normalizeSeverity } from './common.js';

const V2Via = z.union([
  z.string(),
  z.object({
    source: z.union([z.number(), z.string()]).optional(),
    name: z.string(),
    title: z.string().optional(),
    url: z.string().optional(),
    severity: z.string(),
    range: z.string().optional(),
  }),
]);
const V2 = z.object({
  auditReportVersion: z.literal(2),
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
const V1 = z.object({
  advisories: z.record(
    z.string(),
    z.object({
      id: z.union([z.number(), z.string()]),
      module_name: z.string(),
      severity: z.string(),
      title: z.string().optional(),
      url: z.string().optional(),
      cves: z.array(z.string()).optional(),
      github_advisory_id: z.string().optional(),
      findings: z.array(z.object({ version: z.string().optional() }).loose()).optional(),
      patched_versions: z.string().optional(),
    }),
  ),
});

const GHSA_IN_URL = /(GHSA(?:-[23456789cfghjmpqrvwx]{4}){3})/i;

export const npmAudit: ReportParser<'audit'> = {
  id: 'npm-audit',
  signal: 'audit',
  title: 'npm audit JSON (npm 6 and npm 7+)',
  detectedBy: 'JSON object with "auditReportVersion", or with "advisories" and "metadata"',
  metrics: ['critical', 'high', 'moderate', 'low', 'info'],
  detect(head) {
    const h = jsonHead(head);
    if (h?.kind !== '{') return false;
    return h.keys.includes('auditReportVersion') || (h.keys.includes('advisories') && (h.keys.includes('actions') || h.keys.includes('metadata') || h.keys.includes('muted')));
  },
  async parse(ctx) {
    const path = ctx.source.path;
    const raw = await readJson(ctx);
    const findings: AuditFinding[] = [];
    if (raw !== null && typeof raw === 'object' && 'auditReportVersion' in raw) {
      const report = checkShape(path, V2, raw, 'npm audit report (auditReportVersion 2)');
      for (const vuln of Object.values(report.vulnerabilities)) {
        for (const via of vuln.via) {
          if (typeof via === 'string') continue;
          const ghsa = via.url ? GHSA_IN_URL.exec(via.url)?.[1] : undefined;
          findings.push({
            id: ghsa?.toUpperCase() ?? `npm:${String(via.source ?? via.title ?? via.name)}`,
            aliases: via.source !== undefined ? [`npm:${String(via.source)}`] : [],
            package: via.name,
            version: via.range,
            severity: normalizeSeverity(via.severity),
            title: via.title ?? `Vulnerability in ${via.name}`,
            url: via.url,
            fixAvailable: vuln.fixAvailable === undefined ? undefined : vuln.fixAvailable !== false,
          });
        }
      }
    } else {
      const report = checkShape(path, V1, raw, 'npm audit report (npm 6 advisories)');
      for (const adv of Object.values(report.advisories)) {
        const severity: Severity = normalizeSeverity(adv.severity);
        const aliases = [...(adv.cves ?? []), `npm:${String(adv.id)}`];
        const versions = [...new Set((adv.findings ?? []).map((f) => f.version).filter((v): v is string => !!v))];
        findings.push({
          id: adv.github_advisory_id ?? (adv.url ? GHSA_IN_URL.exec(adv.url)?.[1] : undefined) ?? `npm:${String(adv.id)}`,
          aliases,
          package: adv.module_name,
          version: versions.join(', ') || undefined,
          severity,
          title: adv.title ?? `Vulnerability in ${adv.module_name}`,
          url: adv.url,
          fixAvailable: adv.patched_versions === undefined ? undefined : adv.patched_versions !== '<0.0.0',
        });
      }
    }
    return { findings: dedupeFindings(findings) };
  },
};
