/**
 * `audit_ignore`: accepted risks, each with a reason and an optional last day. An expired ignore
 * stops applying and says so; an ignore that matches nothing says so too (it may be stale).
 */
import type { AuditIgnore } from '../config/schema.js';
import type { AuditData } from './model.js';

export function applyAuditIgnores(
  data: AuditData,
  ignores: readonly AuditIgnore[],
  today: string,
): { data: AuditData; notices: string[] } {
  const notices: string[] = [];
  const active = ignores.filter((ig) => {
    if (ig.until !== undefined && ig.until < today) {
      notices.push(`audit_ignore ${ig.id} expired on ${ig.until}: its findings count again`);
      return false;
    }
    return true;
  });
  const used = new Set<AuditIgnore>();
  const findings = data.findings.map((f) => {
    const ids = [f.id, ...f.aliases].map((x) => x.toUpperCase());
    const match = active.find(
      (ig) => ids.includes(ig.id.toUpperCase()) && (ig.package === undefined || ig.package === f.package),
    );
    if (!match) return f;
    used.add(match);
    return {
      ...f,
      ignored: match.until === undefined ? { reason: match.reason } : { reason: match.reason, until: match.until },
    };
  });
  for (const ig of active)
    if (!used.has(ig)) notices.push(`audit_ignore ${ig.id} matched no finding: remove it if the advisory is gone`);
  return { data: { findings }, notices };
}
