/**
 * SARIF 2.1.0 from vulnerability scanners (Trivy, Grype, …), read under the audit signal. One finding
 * per advisory and package. Severity, first that applies:
 * 1. `properties["security-severity"]` of the result, else of its rule (a CVSS-like score):
 *    >= 9 critical, >= 7 high, >= 4 moderate, > 0 low, 0 info;
 * 2. a severity word among the rule's (or result's) `properties.tags` (Trivy: CRITICAL, HIGH, MEDIUM, LOW);
 * 3. the SARIF level: error high, warning moderate, note low, none info.
 * The advisory id is the CVE/GHSA/… id that starts the rule id (Grype appends the package to it); the
 * package and installed version come from the `Package:` and `Installed Version:`/`Version:` lines
 * Trivy and Grype write in the result message or the rule help, or from osv-scanner's
 * `Package 'name@version' is vulnerable to …` message, else the artifact path. osv-scanner writes
 * `level: warning` for every result, which rates nothing: its results without a score are unrated
 * (see common.ts). A run that says it failed, or any `error` tool notification, refuses the report
 * with the tool's own message: an audit that did not finish cannot pass.
 */
import { ReportParseError } from '../../errors.js';
import type { AuditFinding, Severity } from '../../model.js';
import { detectSarif, failureMessage, readSarif, type SarifItem } from '../sarif/read.js';
import type { ParseContext, ReportParser } from '../types.js';
import { dedupeFindings, normalizeSeverity, severityFromScore, unknownSeverity, unratedTitle } from './common.js';

const ADVISORY_ID = /^((?:CVE-\d{4}-\d{4,})|(?:GHSA(?:-[23456789cfghjmpqrvwx]{4}){3})|(?:[A-Z][A-Z0-9]*-\d{4}-[A-Za-z0-9]+))/i;
// UNKNOWN is a severity word too: normalizeSeverity counts it as unrated (high by default).
const TAG_SEVERITY = /^(critical|high|medium|moderate|low|negligible|info|unknown)$/i;
const LEVEL_SEVERITY: Record<SarifItem['level'], Severity> = { error: 'high', warning: 'moderate', note: 'low', none: 'info' };

function scoreOf(props: Readonly<Record<string, unknown>> | undefined): number | undefined {
  const raw = props?.['security-severity'];
  const n = typeof raw === 'number' ? raw : typeof raw === 'string' && /^\s*\d+(?:\.\d+)?\s*$/.test(raw) ? Number(raw) : undefined;
  return n !== undefined && n >= 0 && n <= 10 ? n : undefined;
}

function positive(score: number | undefined): number | undefined {
  return score !== undefined && score > 0 ? score : undefined;
}

function tagSeverity(props: Readonly<Record<string, unknown>> | undefined): Severity | undefined {
  const tags = props?.['tags'];
  if (!Array.isArray(tags)) return undefined;
  const word = tags.find((t): t is string => typeof t === 'string' && TAG_SEVERITY.test(t));
  return word ? normalizeSeverity(word) : undefined;
}

/** Tools whose SARIF `level` is the same for every result, so it rates nothing. */
const LEVEL_RATES_NOTHING = new Set(['osv-scanner']);

/** The result's severity, or undefined when nothing in it rates it. */
export function sarifSeverity(item: SarifItem): Severity | undefined {
  // A score of 0 is how Trivy and Grype say "no rating" (UNKNOWN, or only a CVSS v2 vector): it
  // rates nothing, so the tags and the level decide, as for an unscored result.
  const score = positive(scoreOf(item.properties)) ?? positive(scoreOf(item.rule?.properties));
  if (score !== undefined) return severityFromScore(score);
  const tagged = tagSeverity(item.properties) ?? tagSeverity(item.rule?.properties);
  if (tagged) return tagged;
  return LEVEL_RATES_NOTHING.has(item.tool) ? undefined : LEVEL_SEVERITY[item.level];
}

/** osv-scanner: `Package 'name@version' is vulnerable to 'ID'` (the name may itself start with @). */
const OSV_MESSAGE = /^Package '(.+)@([^@']*)' is vulnerable to /;

function field(name: string, ...texts: (string | undefined)[]): string | undefined {
  const re = new RegExp(`^${name}:[ \\t]*(\\S+)`, 'm');
  for (const t of texts) {
    const m = t ? re.exec(t) : null;
    if (m?.[1]) return m[1];
  }
  return undefined;
}

function toFinding(ctx: ParseContext, item: SarifItem): AuditFinding {
  const ruleId = item.ruleId ?? 'unknown-rule';
  const id = ADVISORY_ID.exec(ruleId)?.[1]?.toUpperCase() ?? ruleId;
  const help = item.rule?.help?.text;
  const osv = OSV_MESSAGE.exec(item.message);
  const pkg = field('Package', item.message, help) ?? osv?.[1] ?? item.path ?? ruleId;
  const rated = sarifSeverity(item);
  const severity = rated ?? unknownSeverity(ctx);
  const title = item.rule?.shortDescription?.text ?? item.message.split('\n')[0] ?? id;
  const finding: AuditFinding = {
    id,
    aliases: id !== ruleId ? [ruleId] : [],
    package: pkg,
    severity,
    title: rated ? title : unratedTitle(title, item.tool, severity),
  };
  const version =
    field('Installed Version', item.message, help) ?? field('Version', item.message, help) ?? (osv?.[2] || undefined);
  if (version) finding.version = version;
  if (item.rule?.helpUri) finding.url = item.rule.helpUri;
  if (item.path) finding.path = item.path;
  if (item.line) finding.line = item.line;
  return finding;
}

export const sarifAudit: ReportParser<'audit'> = {
  id: 'sarif',
  signal: 'audit',
  title: 'SARIF 2.1.0 from vulnerability scanners (Trivy, Grype, …)',
  detectedBy: 'JSON object with "runs" and "version": "2.1.0" (or a SARIF "$schema"); configured under audit',
  metrics: ['critical', 'high', 'moderate', 'low', 'info'],
  detect: detectSarif,
  async parse(ctx) {
    const log = await readSarif(ctx);
    const failure = failureMessage(log, false);
    if (failure) throw new ReportParseError(ctx.source.path, failure);
    return { findings: dedupeFindings(log.results.map((item) => toFinding(ctx, item))) };
  },
};
