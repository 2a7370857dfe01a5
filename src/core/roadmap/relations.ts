/**
 * Sub-issues (nested subtasks under their parent) and "blocked by" dependencies. Existing relations
 * are read from what listing already returned (`parent_issue_url`, `issue_dependencies_summary`),
 * so an unchanged roadmap costs no extra request.
 */
import type { DesiredIssue } from './desired.js';
import type { PlanOp } from './plan-types.js';
import type { CurrentIssue } from './state.js';
import type { RoadmapItem } from './types.js';

export function planRelations(
  desired: readonly DesiredIssue[],
  issueOf: ReadonlyMap<string, CurrentIssue>,
  warnings: string[],
): PlanOp[] {
  const ops: PlanOp[] = [];
  const keys = new Set(desired.map((d) => d.key));
  for (const want of desired) {
    const parentKey = want.item.parent;
    if (!parentKey || !keys.has(parentKey)) continue;
    const child = issueOf.get(want.key);
    const parent = issueOf.get(parentKey);
    if (parent?.marker?.subs === 'body') continue; // a task list in the parent's body stands in
    if (child?.parent !== undefined && parent && child.parent === parent.number) continue;
    if (child?.parent !== undefined) {
      warnings.push(
        `#${child.number} (${want.key}) is a sub-issue of #${child.parent} on GitHub, not of ${parentKey}: left as it is`,
      );
      continue;
    }
    ops.push({ op: 'add_sub_issue', parent: parentKey, child: want.key });
  }
  for (const want of desired) {
    const deps = want.item.dependsOn.filter((d) => keys.has(d) && d !== want.key);
    const issue = issueOf.get(want.key);
    if (deps.length === 0 || issue?.marker?.deps === 'body') continue;
    if (issue && (issue.blockedBy ?? 0) >= deps.length) continue;
    for (const dep of deps) ops.push({ op: 'add_blocked_by', key: want.key, blocker: dep });
  }
  return ops;
}

/**
 * The lines that stand in for relation APIs a GitHub lacks, in the managed region: `Blocked by #N`
 * (dependencies) and a task list of the sub-issues (`- [x] #12`). The plan and the sync's fallback
 * compute them alike, so the body they write is the body the next plan expects.
 */
export function relationLines(
  item: RoadmapItem,
  items: readonly RoadmapItem[],
  numberOf: (key: string) => number | undefined,
  via: { deps?: boolean; subs?: boolean },
): string[] {
  const lines: string[] = [];
  if (via.deps)
    for (const dep of item.dependsOn) {
      const n = numberOf(dep);
      lines.push(n ? `Blocked by #${n}` : `Blocked by ${dep}`);
    }
  if (via.subs) {
    const children = items.filter((i) => i.parent === item.key);
    if (children.length) lines.push('', '**Sub-issues:**');
    for (const child of children) {
      const n = numberOf(child.key);
      const done = child.status === 'done' || child.status === 'cancelled';
      lines.push(`- [${done ? 'x' : ' '}] ${n ? `#${n}` : child.key}`);
    }
  }
  return lines;
}
