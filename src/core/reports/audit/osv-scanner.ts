/**
 * osv-scanner `--format json`: `results[]` per scanned source (lockfile, SBOM, …), each with
 * `packages[]` and their OSV `vulnerabilities`. One finding per package and `groups` entry (osv-scanner
 * groups the ids of one vulnerability: GHSA, CVE, PYSEC, …), as osv-scanner counts them.
 *
 * Severity, most trusted first: the advisory's own rating (`database_specific.severity`, GHSA's
 * LOW/MODERATE/HIGH/CRITICAL), osv-scanner's `groups[].max_severity` score, a CVSS v3 vector in
 * `severity[]` (scored here). A `MAL-` id (a malicious package, from the OpenSSF malicious-packages
 * feed) is critical: installing it is a compromise. Otherwise the finding is unrated (see common.ts).
 */
import { z } from 'zod';
import type { AuditFinding, Severity } from '../../model.js';
import { checkShape, readJson } from '../../stream/json.js';
import { jsonHead } from '../sniff.js';
import type { ParseContext, ReportParser } from '../types.js';
import { cvss3BaseScore } from './cvss.js';
import { dedupeFindings, rateSeverity, severityFromScore, severityRank, unknownSeverity, unratedTitle } from './common.js';

const Vuln = z
  .object({
    id: z.string(),
    aliases: z.array(z.string()).nullish(),
    summary: z.string().nullish(),
    details: z.string().nullish(),
    // osv-scanner writes `"aliases": null` for a group without aliases, and severities without `type`.
    severity: z.array(z.object({ type: z.string().nullish(), score: z.string() }).loose()).nullish(),
    database_specific: z.object({ severity: z.unknown().optional() }).loose().optional(),
    references: z.array(z.object({ type: z.string().optional(), url: z.string() }).loose()).optional(),
  })
  .loose();
type Vuln = z.infer<typeof Vuln>;
const Group = z.object({ ids: z.array(z.string()), aliases: z.array(z.string()).nullish(), max_severity: z.string().nullish() }).loose();
const Package = z
  .object({
    package: z.object({ name: z.string(), version: z.string().optional(), ecosystem: z.string().optional() }).loose(),
    vulnerabilities: z.array(Vuln).nullish(),
    groups: z.array(Group).nullish(),
  })
  .loose();
const Report = z.object({
  results: z.array(z.object({ source: z.object({ path: z.string() }).loose().optional(), packages: z.array(Package).nullish() }).loose()),
});

/** The vulnerability's own severity, or undefined when it carries none this reader understands. */
function vulnSeverity(v: Vuln): Severity | undefined {
  if (v.id.startsWith('MAL-')) return 'critical';
  const word = v.database_specific?.severity;
  const rated = typeof word === 'string' ? rateSeverity(word) : undefined;
  if (rated) return rated;
  const scores = (v.severity ?? []).map((s) => (/^[\d.]+$/.test(s.score) ? Number(s.score) : cvss3BaseScore(s.score))).filter((n): n is number => n !== undefined);
  return scores.length > 0 ? severityFromScore(Math.max(...scores)) : undefined;
}

function worst(a: Severity | undefined, b: Severity | undefined): Severity | undefined {
  if (!a) return b;
  if (!b) return a;
  return severityRank(a) <= severityRank(b) ? a : b;
}

function groupFinding(ctx: ParseContext, pkg: z.infer<typeof Package>, group: z.infer<typeof Group>, path: string | undefined): AuditFinding | undefined {
  const ids = group.ids;
  const vulns = (pkg.vulnerabilities ?? []).filter((v) => ids.includes(v.id));
  const first = vulns[0];
  if (!first) return undefined;
  let severity = vulns.map(vulnSeverity).reduce(worst, undefined);
  if (!severity && group.max_severity && /^\d+(?:\.\d+)?$/.test(group.max_severity)) severity = severityFromScore(Number(group.max_severity));
  const title = first.summary ?? first.details?.trim().split('\n')[0] ?? first.id;
  const aliases = [...new Set([...ids, ...(group.aliases ?? []), ...vulns.flatMap((v) => v.aliases ?? [])])].filter((a) => a !== first.id);
  const finding: AuditFinding = {
    id: first.id,
    aliases,
    package: pkg.package.name,
    severity: severity ?? unknownSeverity(ctx),
    title: severity ? title : unratedTitle(title, 'osv-scanner', unknownSeverity(ctx)),
    url: first.references?.find((r) => r.type === 'ADVISORY')?.url ?? `https://osv.dev/vulnerability/${first.id}`,
  };
  if (pkg.package.version) finding.version = pkg.package.version;
  if (path) finding.path = path;
  return finding;
}

export const osvScanner: ReportParser<'audit'> = {
  id: 'osv-scanner',
  signal: 'audit',
  title: 'osv-scanner JSON',
  detectedBy: 'JSON object with "results" whose entries have a "source" {"path"} (or with "experimental_config")',
  metrics: ['critical', 'high', 'moderate', 'low', 'info'],
  detect(head) {
    const h = jsonHead(head);
    if (h?.kind !== '{' || !h.keys.includes('results')) return false;
    return h.keys.includes('experimental_config') || /"source"\s*:\s*\{\s*"path"\s*:/.test(head);
  },
  async parse(ctx) {
    const report = checkShape(ctx.source.path, Report, await readJson(ctx), 'osv-scanner report');
    const findings: AuditFinding[] = [];
    for (const result of report.results) {
      const path = result.source?.path ? ctx.paths.toRepo(result.source.path) : undefined;
      for (const pkg of result.packages ?? []) {
        // Older osv-scanner versions write no `groups`: each vulnerability is then its own group.
        const groups: z.infer<typeof Group>[] = pkg.groups ?? (pkg.vulnerabilities ?? []).map((v) => ({ ids: [v.id] }));
        for (const group of groups) {
          const finding = groupFinding(ctx, pkg, group, path);
          if (finding) findings.push(finding);
        }
      }
    }
    return { findings: dedupeFindings(findings) };
  },
};
