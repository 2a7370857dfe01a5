/**
 * The npm 6 advisory object, shared by three tools: npm 6 (`advisories` keyed by id), pnpm
 * (`pnpm audit --json`, same object) and yarn classic (`data.advisory` of each `auditAdvisory` line).
 * One finding per advisory and package, with the installed versions from its `findings`.
 */
import { z } from 'zod';
import type { AuditFinding } from '../../model.js';
import { normalizeSeverity } from './common.js';

export const Advisory = z
  .object({
    id: z.union([z.number(), z.string()]),
    module_name: z.string(),
    severity: z.string(),
    title: z.string().optional(),
    url: z.string().optional(),
    cves: z.array(z.string()).optional(),
    github_advisory_id: z.string().optional(),
    findings: z.array(z.object({ version: z.string().optional() }).loose()).optional(),
    patched_versions: z.string().optional(),
  })
  .loose();
export type Advisory = z.infer<typeof Advisory>;

const GHSA_IN_URL = /(GHSA(?:-[23456789cfghjmpqrvwx]{4}){3})/i;

/** The GHSA id in an advisory URL (`https://github.com/advisories/GHSA-…`), upper-cased. */
export function ghsaFromUrl(url: string | undefined): string | undefined {
  return url ? GHSA_IN_URL.exec(url)?.[1]?.toUpperCase() : undefined;
}

export function advisoryFinding(adv: Advisory): AuditFinding {
  const npmId = `npm:${String(adv.id)}`;
  const versions = [...new Set((adv.findings ?? []).map((f) => f.version).filter((v): v is string => !!v))];
  const finding: AuditFinding = {
    id: adv.github_advisory_id?.toUpperCase() ?? ghsaFromUrl(adv.url) ?? npmId,
    aliases: [...(adv.cves ?? []), npmId],
    package: adv.module_name,
    severity: normalizeSeverity(adv.severity),
    title: adv.title ?? `Vulnerability in ${adv.module_name}`,
  };
  if (versions.length > 0) finding.version = versions.join(', ');
  if (adv.url) finding.url = adv.url;
  if (adv.patched_versions !== undefined) finding.fixAvailable = adv.patched_versions !== '<0.0.0';
  finding.aliases = finding.aliases.filter((a) => a !== finding.id);
  return finding;
}
