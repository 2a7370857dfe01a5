/**
 * npm audit's own totals against what it itemises. A report that contradicts itself never passes on
 * its more lenient half: where npm rates a package, or counts packages, more severely than the
 * advisories it lists explain, the stronger reading counts and a notice says so.
 *
 * npm 7+ (`vulnerabilities` keyed by package): a package's severity is the worst of its own
 * advisories and of the packages its `via` names (an effect of their advisories). A package rated
 * above what that explains (its `via` names packages that are not listed, a cycle of names, an
 * advisory weaker than the package) gets the package's severity: its strongest own advisory is
 * raised to it, or, with none, an "unexplained" finding stands for it. `metadata.vulnerabilities`
 * counts packages per severity: where it counts more than are listed, each missing one is a finding.
 *
 * npm 6 (`advisories`): its metadata counts paths, not advisories, so only presence is compared:
 * a severity the metadata counts with no advisory at or above it is one finding.
 */
import { SEVERITIES, type AuditFinding, type Severity } from '../../model.js';
import { notify, type ParseContext } from '../types.js';
import { normalizeSeverity, severityRank } from './common.js';

export interface NpmPackage {
  name: string;
  severity: string;
  via: readonly (string | { severity: string })[];
}

/** Most synthetic findings one severity gets from the metadata (its numbers are not trusted). */
const MAX_UNLISTED = 1_000;

const stronger = (a: Severity, b: Severity | undefined): boolean => b === undefined || severityRank(a) < severityRank(b);

/** The severity each package's itemised advisories explain, following `via` names (cycles explain nothing). */
function explained(packages: ReadonlyMap<string, NpmPackage>): Map<string, Severity | undefined> {
  const memo = new Map<string, Severity | undefined>();
  const visiting = new Set<string>();
  const visit = (key: string): Severity | undefined => {
    if (memo.has(key)) return memo.get(key);
    const pkg = packages.get(key);
    if (!pkg || visiting.has(key)) return undefined;
    visiting.add(key);
    let worst: Severity | undefined;
    for (const via of pkg.via) {
      const s = typeof via === 'string' ? visit(via) : normalizeSeverity(via.severity);
      if (s && stronger(s, worst)) worst = s;
    }
    visiting.delete(key);
    memo.set(key, worst);
    return worst;
  };
  for (const key of packages.keys()) visit(key);
  return memo;
}

/**
 * Raises or adds findings (in place) where npm 7+'s package ratings and metadata exceed what the
 * advisories explain. `own` holds each package's findings from its own advisories.
 */
export function reconcileV2(
  ctx: ParseContext,
  packages: ReadonlyMap<string, NpmPackage>,
  own: ReadonlyMap<string, AuditFinding[]>,
  metadata: Partial<Record<string, unknown>> | undefined,
  findings: AuditFinding[],
): void {
  const explains = explained(packages);
  const disagreements: string[] = [];
  for (const [key, pkg] of packages) {
    const rated = normalizeSeverity(pkg.severity);
    const because = explains.get(key);
    if (!stronger(rated, because)) continue;
    const mine = own.get(key) ?? [];
    const top = mine.reduce<AuditFinding | undefined>((a, f) => (a && !stronger(f.severity, a.severity) ? a : f), undefined);
    if (top) {
      disagreements.push(`${pkg.name} is rated ${rated} but its advisories say at most ${top.severity}`);
      top.title = `${top.title} (npm audit rates ${pkg.name} ${rated}: counted as ${rated})`;
      top.severity = rated;
    } else {
      const names = pkg.via.filter((v): v is string => typeof v === 'string');
      disagreements.push(`${pkg.name} is rated ${rated} with no advisory behind it${names.length ? ` (via ${names.join(', ')})` : ''}`);
      findings.push({
        id: `npm-audit:unexplained:${pkg.name}`,
        aliases: [],
        package: pkg.name,
        severity: rated,
        title: `npm audit rates ${pkg.name} ${rated} but lists no advisory that explains it${because ? ` (the ones it names reach ${because})` : ''}`,
      });
    }
  }
  const listed = new Map<Severity, number>();
  for (const pkg of packages.values()) {
    const s = normalizeSeverity(pkg.severity);
    listed.set(s, (listed.get(s) ?? 0) + 1);
  }
  for (const s of SEVERITIES) {
    const counted = metadata?.[s];
    if (typeof counted !== 'number' || !Number.isFinite(counted)) continue;
    const missing = Math.floor(counted) - (listed.get(s) ?? 0);
    if (missing <= 0) continue;
    disagreements.push(`metadata counts ${counted} ${s} vulnerable packages, the report lists ${listed.get(s) ?? 0}`);
    for (let i = 1; i <= Math.min(missing, MAX_UNLISTED); i++) {
      findings.push({
        id: `npm-audit:unlisted:${s}:${i}`,
        aliases: [],
        package: '(not listed)',
        severity: s,
        title: `npm audit's metadata counts a ${s} vulnerable package its report does not list (${i} of ${missing})`,
      });
    }
  }
  if (disagreements.length > 0) say(ctx, disagreements);
}

/** npm 6: a severity its metadata counts, with no advisory at or above it, is one finding. */
export function reconcileV1(ctx: ParseContext, metadata: Partial<Record<string, unknown>> | undefined, findings: AuditFinding[]): void {
  const disagreements: string[] = [];
  for (const s of SEVERITIES) {
    const counted = metadata?.[s];
    if (typeof counted !== 'number' || counted <= 0) continue;
    if (findings.some((f) => !stronger(s, f.severity))) continue;
    disagreements.push(`metadata counts ${counted} ${s} but no advisory is ${s} or worse`);
    findings.push({
      id: `npm-audit:unlisted:${s}`,
      aliases: [],
      package: '(not listed)',
      severity: s,
      title: `npm audit's metadata counts ${counted} ${s} vulnerabilities its report does not list`,
    });
  }
  if (disagreements.length > 0) say(ctx, disagreements);
}

function say(ctx: ParseContext, disagreements: readonly string[]): void {
  const shown = disagreements.slice(0, 10).join('; ');
  const more = disagreements.length > 10 ? `; and ${disagreements.length - 10} more` : '';
  notify(ctx, `npm audit's own totals disagree with the advisories it lists (${shown}${more}): the stronger reading counts`);
}
