/**
 * Desired state (the roadmap) against current state (what listing GitHub returned) → a plan. Pure.
 * Issues are matched by the key in their hidden marker, never by title or search; a renamed item
 * without an ID is matched by similarity and shown as such. Human-added labels and assignees are
 * never removed; only labels readygate set itself (listed in the marker) are.
 */
import type { Roadmap } from './collect.js';
import { desiredIssue, type DesiredIssue, type SyncOptions } from './desired.js';
import { fieldHash, managedRegion, restateMarker } from './marker.js';
import { matchRenamed } from './match.js';
import { milestoneOps } from './milestone-ops.js';

import type { Drift, Plan, PlanOp } from './plan-types.js';
import type { CurrentIssue, CurrentState } from './state.js';
import { planRelations, relationLines } from './relations.js';
import { planUpdate, REMOVED_LABEL } from './update.js';

export { REMOVED_LABEL } from './update.js';

export function planSync(roadmap: Roadmap, current: CurrentState, options: SyncOptions): Plan {
  const ops: PlanOp[] = [];
  const drift: Drift[] = [];
  const warnings: string[] = [...(current.warnings ?? [])];
  const managed = new Map<string, CurrentIssue>();
  for (const issue of current.issues) {
    if (!issue.marker) continue;
    const seen = managed.get(issue.marker.key);
    if (seen)
      warnings.push(
        `issues #${seen.number} and #${issue.number} both carry key "${issue.marker.key}"; readygate uses #${Math.min(seen.number, issue.number)}`,
      );
    if (!seen || issue.number < seen.number) managed.set(issue.marker.key, issue);
  }
  const desired = roadmap.items.map((item) => desiredIssue(item, options, blockedLines(item.key, roadmap, managed)));
  const wanted = new Set(desired.map((d) => d.key));
  const orphans = [...managed.values()].filter(
    (i) => !wanted.has(i.marker!.key) && options.files.includes(i.marker!.source),
  );
  const fresh = desired.filter((d) => !managed.has(d.key));
  const renames = matchRenamed(
    orphans.map((o) => ({ key: o.marker!.key, title: o.title, source: o.marker!.source })),
    fresh.map((f) => ({ key: f.key, title: f.title, source: f.item.file })),
  );
  const renamedTo = new Map(renames.map((r) => [r.to, r]));

  ops.push(...labelOps(desired, current));
  ops.push(...milestoneOps(roadmap, current.milestones, options.twoWay, warnings));

  let unchanged = 0;
  const issueOf = new Map<string, CurrentIssue>();
  for (const want of desired) {
    const rename = renamedTo.get(want.key);
    const issue = managed.get(want.key) ?? (rename && managed.get(rename.from));
    if (!issue) {
      ops.push(createOp(want));
      continue;
    }
    issueOf.set(want.key, issue);
    const update = planUpdate(want, issue, options, drift);
    if (rename) {
      const op = update ?? { op: 'update_issue' as const, key: want.key, number: issue.number, why: [] };
      op.why.unshift(`renamed from "${rename.from}" (similarity ${rename.similarity})`);
      op.renamed_from = { key: rename.from, similarity: rename.similarity };
      ops.push(op);
    } else if (update) ops.push(update);
    else unchanged++;
  }
  const renamedFrom = new Set(renames.map((r) => r.from));
  for (const orphan of orphans) {
    if (renamedFrom.has(orphan.marker!.key)) continue;
    const removal = removalOp(orphan, options);
    if (removal) ops.push(removal);
  }
  ops.push(...planRelations(desired, issueOf, warnings));
  return { ops, drift, warnings, unchanged };
}

/** Issues are created open: the marker says so, and a done item's close request carries the final marker. */
function createOp(want: DesiredIssue): PlanOp {
  const synced = {
    title: fieldHash(want.title),
    milestone: fieldHash(want.milestone ?? ''),
    assignees: want.assignees,
  };
  const marker = {
    key: want.key,
    source: want.item.file,
    hash: want.hash,
    status: want.item.status,
    labels: want.labels,
    ...synced,
  };
  return {
    op: 'create_issue',
    key: want.key,
    title: want.title,
    body: managedRegion({ ...marker, state: 'open' }, want.content),
    labels: want.labels,
    ...(want.milestone && { milestone: want.milestone }),
    assignees: want.assignees,
    ...(want.closed && {
      close: { state_reason: want.stateReason!, body: managedRegion({ ...marker, state: 'closed' }, want.content) },
    }),
  };
}

function removalOp(orphan: CurrentIssue, options: SyncOptions): PlanOp | undefined {
  const why = [`"${orphan.marker!.key}" is no longer in ${orphan.marker!.source}`];
  if (options.onRemoved === 'ignore' || orphan.state === 'closed') return undefined;
  if (options.onRemoved === 'label') {
    if (orphan.labels.includes(REMOVED_LABEL)) return undefined;
    return {
      op: 'update_issue',
      key: orphan.marker!.key,
      number: orphan.number,
      why,
      labels: [...orphan.labels, REMOVED_LABEL],
    };
  }
  // The marker records the close, so an item that comes back is reopened (the file changed), not
  // taken for one a person closed on GitHub.
  const body = restateMarker(orphan.body ?? '', { state: 'closed' });
  return {
    op: 'update_issue',
    key: orphan.marker!.key,
    number: orphan.number,
    why,
    state: 'closed',
    state_reason: 'not_planned',
    ...(body !== orphan.body && { body }),
  };
}

function labelOps(desired: readonly DesiredIssue[], current: CurrentState): PlanOp[] {
  const have = new Set(current.labels.map((l) => l.toLowerCase()));
  const names = new Set(desired.flatMap((d) => d.labels));
  return [...names]
    .filter((n) => !have.has(n.toLowerCase()))
    .sort()
    .map((name) => ({ op: 'create_label' as const, name, color: colorFor(name) }));
}

/** Stable colours: the same label name always gets the same colour. */
function colorFor(name: string): string {
  let h = 0;
  for (const c of name) h = (h * 31 + c.codePointAt(0)!) >>> 0;
  return (h & 0xffffff).toString(16).padStart(6, '0');
}

function blockedLines(key: string, roadmap: Roadmap, managed: Map<string, CurrentIssue>): string[] {
  const marker = managed.get(key)?.marker;
  const item = roadmap.items.find((i) => i.key === key);
  if (!item || (marker?.deps !== 'body' && marker?.subs !== 'body')) return [];
  return relationLines(item, roadmap.items, (k) => managed.get(k)?.number, {
    deps: marker.deps === 'body',
    subs: marker.subs === 'body',
  });
}
