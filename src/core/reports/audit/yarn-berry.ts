/**
 * yarn berry (2+) `yarn npm audit --json`: one JSON line per vulnerable package, a rendered tree:
 * `{"value": "lodash", "children": {"ID": 1065657, "Issue": …, "URL": …, "Severity": "high",
 * "Vulnerable Versions": …, "Tree Versions": ["4.17.15"], "Dependents": [...]}}`.
 * Implemented from yarn's documented shape and the samples projects keep in their tests: no real
 * file could be produced here (the registry's audit endpoint is unreachable). Deprecation entries
 * (`"ID": "<pkg> (deprecation)"`, which yarn 4 mixes in unless `--no-deprecations`) are not
 * vulnerabilities and are not counted.
 */
import { z } from 'zod';
import { ReportParseError } from '../../errors.js';
import type { AuditFinding } from '../../model.js';
import { firstLine } from '../sniff.js';
import type { ReportParser } from '../types.js';
import { ghsaFromUrl } from './advisories.js';
import { dedupeFindings, normalizeSeverity } from './common.js';
import { forEachJsonLine } from './ndjson.js';

const Entry = z.object({
  value: z.string(),
  children: z
    .object({
      ID: z.union([z.number(), z.string()]).optional(),
      Issue: z.string().optional(),
      URL: z.string().optional(),
      Severity: z.string(),
      'Vulnerable Versions': z.string().optional(),
      'Tree Versions': z.array(z.string()).optional(),
    })
    .loose(),
});

export const yarnBerryAudit: ReportParser<'audit'> = {
  id: 'yarn-berry-audit',
  signal: 'audit',
  title: 'yarn berry (2+) `yarn npm audit --json`',
  detectedBy: 'JSON lines {"value": <package>, "children": {"Severity": …}}',
  metrics: ['critical', 'high', 'moderate', 'low', 'info'],
  detect(head) {
    return /^\{\s*"value"\s*:\s*"[^"]*"\s*,\s*"children"\s*:\s*\{/.test(firstLine(head).trim()) && /"Severity"\s*:/.test(head);
  },
  async parse(ctx) {
    const path = ctx.source.path;
    const findings: AuditFinding[] = [];
    const lines = await forEachJsonLine(ctx, (value, lineNo) => {
      const parsed = Entry.safeParse(value);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const where = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
        throw new ReportParseError(path, `not a yarn npm audit line: ${issue?.message ?? 'unexpected shape'}${where}`, lineNo);
      }
      const { value: pkg, children: c } = parsed.data;
      if (typeof c.ID === 'string' && c.ID.endsWith('(deprecation)')) return;
      const npmId = c.ID !== undefined ? `npm:${String(c.ID)}` : undefined;
      const ghsa = ghsaFromUrl(c.URL);
      const finding: AuditFinding = {
        id: ghsa ?? npmId ?? `yarn:${pkg}:${c.Issue ?? ''}`,
        aliases: ghsa && npmId ? [npmId] : [],
        package: pkg,
        severity: normalizeSeverity(c.Severity),
        title: c.Issue ?? `Vulnerability in ${pkg}`,
      };
      const versions = c['Tree Versions'] ?? [];
      if (versions.length > 0) finding.version = versions.join(', ');
      if (c.URL) finding.url = c.URL;
      findings.push(finding);
    });
    if (lines === 0) throw new ReportParseError(path, 'file is empty (yarn npm audit --json writes one line per vulnerable package)');
    return { findings: dedupeFindings(findings) };
  },
};
