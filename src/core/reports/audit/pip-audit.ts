/**
 * pip-audit `-f json`: the current `{"dependencies": [...], "fixes": [...]}` shape and the legacy bare
 * array of dependencies. Each dependency lists its `vulns` (PYSEC/GHSA ids, aliases, fix versions).
 * pip-audit gives no severity at all: every finding gets the documented default for unrated findings
 * (`high`, or `options.unknown_severity`) and its title says so. Skipped dependencies
 * (`skip_reason`, e.g. not on PyPI) are not findings.
 */
import { z } from 'zod';
import type { AuditFinding } from '../../model.js';
import { checkShape, readJson } from '../../stream/json.js';
import { jsonHead } from '../sniff.js';
import type { ReportParser } from '../types.js';
import { dedupeFindings, unknownSeverity, unratedTitle } from './common.js';

const Vuln = z
  .object({
    id: z.string(),
    fix_versions: z.array(z.string()).optional(),
    aliases: z.array(z.string()).optional(),
    description: z.string().optional(),
  })
  .loose();
const Dependency = z
  .object({ name: z.string(), version: z.string().optional(), vulns: z.array(Vuln).optional(), skip_reason: z.string().optional() })
  .loose();
const Report = z.union([z.object({ dependencies: z.array(Dependency) }).loose(), z.array(Dependency)]);

/** First sentence of a description, bounded: pip-audit has no title field. */
function titleOf(id: string, description: string | undefined): string {
  const text = (description ?? '').replace(/\s+/g, ' ').trim();
  if (text === '') return id;
  const sentence = /^(.{20,}?[.!?])(?:\s|$)/.exec(text)?.[1] ?? text;
  return sentence.length > 200 ? `${sentence.slice(0, 199)}…` : sentence;
}

export const pipAudit: ReportParser<'audit'> = {
  id: 'pip-audit',
  signal: 'audit',
  title: 'pip-audit JSON (current and legacy shapes)',
  detectedBy: 'JSON object with "dependencies" whose entries have "vulns" or "skip_reason" (or a "fixes" key), or an array of {"name", "version", "vulns"}',
  metrics: ['findings (unrated: counted as high unless options.unknown_severity says otherwise)'],
  detect(head) {
    const h = jsonHead(head);
    if (!h) return false;
    if (h.kind === '[') return h.keys.includes('name') && h.keys.includes('vulns');
    if (h.keys[0] !== 'dependencies') return false;
    return h.keys.includes('fixes') || /"(?:vulns|skip_reason)"\s*:/.test(head);
  },
  async parse(ctx) {
    const report = checkShape(ctx.source.path, Report, await readJson(ctx), 'pip-audit report');
    const dependencies = Array.isArray(report) ? report : report.dependencies;
    const severity = unknownSeverity(ctx);
    const findings: AuditFinding[] = [];
    for (const dep of dependencies) {
      for (const v of dep.vulns ?? []) {
        const finding: AuditFinding = {
          id: v.id,
          aliases: (v.aliases ?? []).filter((a) => a !== v.id),
          package: dep.name,
          severity,
          title: unratedTitle(titleOf(v.id, v.description), 'pip-audit', severity),
        };
        if (dep.version) finding.version = dep.version;
        if (v.fix_versions) finding.fixAvailable = v.fix_versions.length > 0;
        findings.push(finding);
      }
    }
    return { findings: dedupeFindings(findings) };
  },
};
