/**
 * One matched issue: what to change so it shows the roadmap item, and when GitHub changed instead of
 * the file, drift rather than a write. The marker records the open/closed state readygate last left
 * the issue in: if the file still wants that state and GitHub's differs, a person changed the issue
 * (drift); if the file now wants the other state, the file wins. Title, milestone and assignees are
 * merged the same way (three-way.ts); labels readygate set are replaced, labels people added kept.
 */
import type { RoadmapStatus } from '../model.js';
import type { DesiredIssue, SyncOptions } from './desired.js';
import { managedRegion, replaceRegion, type Marker } from './marker.js';
import type { Drift, UpdateIssueOp } from './plan-types.js';
import type { CurrentIssue } from './state.js';
import { mergeFields } from './three-way.js';

/** The label `on_removed: label` puts on an issue whose item left the roadmap; taken off when it returns. */
export const REMOVED_LABEL = 'roadmap:removed';

export function planUpdate(
  want: DesiredIssue,
  issue: CurrentIssue,
  options: SyncOptions,
  drift: Drift[],
): UpdateIssueOp | undefined {
  const marker = issue.marker!;
  const op: UpdateIssueOp = { op: 'update_issue', key: want.key, number: issue.number, why: [] };
  const item = want.item;
  const ghClosed = issue.state === 'closed';
  const baseClosed = lastSyncedClosed(marker, options);
  let stateAfter: 'open' | 'closed' = issue.state;
  if (want.closed !== ghClosed) {
    const githubChanged = ghClosed !== baseClosed;
    const fileChanged = want.closed !== baseClosed;
    const githubStatus: RoadmapStatus = ghClosed
      ? issue.stateReason === 'not_planned'
        ? 'cancelled'
        : 'done'
      : marker.status === 'done' || marker.status === 'cancelled'
        ? 'todo'
        : marker.status;
    if (options.twoWay && githubChanged && !fileChanged) {
      stateAfter = baseClosed ? 'closed' : 'open';
      if (githubStatus !== item.status)
        drift.push({
          key: want.key,
          number: issue.number,
          file: item.file,
          line: item.line,
          field: 'status',
          fileStatus: item.status,
          githubStatus,
          ...(item.statusSpan && { span: item.statusSpan }),
        });
    } else {
      op.state = stateAfter = want.closed ? 'closed' : 'open';
      op.state_reason = want.closed ? want.stateReason! : 'reopened';
      op.why.push(`${want.closed ? 'close' : 'reopen'}: the roadmap says ${item.status.replace('_', ' ')}`);
    }
  }
  const synced = mergeFields(want, issue, marker, options, op, drift);
  const region = managedRegion(
    {
      key: want.key,
      source: item.file,
      hash: want.hash,
      status: item.status,
      state: stateAfter,
      labels: want.labels,
      ...synced,
      ...(marker.deps && { deps: marker.deps }),
      ...(marker.subs && { subs: marker.subs }),
    },
    want.content,
  );
  const body = replaceRegion(issue.body, region);
  if (body !== issue.body) {
    op.body = body;
    op.why.push(marker.hash !== want.hash ? 'roadmap text changed' : 'marker changed');
  }
  const removable = new Set(
    [...marker.labels.filter((l) => !want.labels.includes(l)), REMOVED_LABEL].map((l) => l.toLowerCase()),
  );
  const have = new Set(issue.labels.map((l) => l.toLowerCase()));
  const labels = [
    ...issue.labels.filter((l) => !removable.has(l.toLowerCase())),
    ...want.labels.filter((l) => !have.has(l.toLowerCase())),
  ];
  if (labels.length !== issue.labels.length || labels.some((l, i) => l !== issue.labels[i])) {
    op.labels = labels;
    op.why.push('labels changed');
  }
  return op.why.length > 0 ? op : undefined;
}

/** The state readygate last left the issue in; markers older than the `state` field imply it from the status. */
function lastSyncedClosed(marker: Marker, options: SyncOptions): boolean {
  if (marker.state) return marker.state === 'closed';
  return marker.status === 'cancelled' || (marker.status === 'done' && options.closeDone);
}
