import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { collectRoadmap } from '../../../src/core/roadmap/collect.js';
import { desiredIssue, type SyncOptions } from '../../../src/core/roadmap/desired.js';
import { fieldHash, managedRegion, type Marker } from '../../../src/core/roadmap/marker.js';
import { planSync } from '../../../src/core/roadmap/plan.js';
import { renderPlanJson, renderPlanText } from '../../../src/core/roadmap/render-plan.js';
import type { CurrentIssue, CurrentState } from '../../../src/core/roadmap/state.js';

const FILE = 'docs/phase-blocks.md';
const text = readFileSync(new URL('../../fixtures/roadmaps/phase-blocks.md', import.meta.url), 'utf8');
const roadmap = () => collectRoadmap([{ file: FILE, text }]);
const OPTIONS: SyncOptions = {
  labels: ['priority:{value}'],
  closeDone: true,
  onRemoved: 'close_not_planned',
  twoWay: true,
  files: [FILE],
};

/** GitHub as a previous sync left it: every item an issue with an up-to-date marker. */
function synced(): CurrentState {
  const issues: CurrentIssue[] = roadmap().items.map((item, i) => {
    const want = desiredIssue(item, OPTIONS);
    const marker: Marker = {
      key: want.key,
      source: FILE,
      hash: want.hash,
      status: item.status,
      state: want.closed ? 'closed' : 'open',
      labels: want.labels,
      title: fieldHash(want.title),
      milestone: fieldHash(want.milestone ?? ''),
      assignees: want.assignees,
    };
    return {
      number: i + 1,
      id: 100 + i,
      title: want.title,
      body: managedRegion(marker, want.content),
      state: marker.state!,
      labels: want.labels,
      assignees: want.assignees,
      ...(want.milestone && { milestone: want.milestone }),
      marker,
    };
  });
  // relations as GitHub reports them on listing: parent_issue_url and blocked-by counts
  issues.forEach((issue, i) => {
    const parent = [undefined, 1, 1, undefined, 4, 4, undefined, undefined][i];
    if (parent) issue.parent = parent;
  });
  const blockers: Record<string, number> = { 'P2A.2': 1, 'P2B.1': 2, 'P3.1': 1 };
  for (const issue of issues) if (blockers[issue.marker!.key]) issue.blockedBy = blockers[issue.marker!.key];
  return {
    issues,
    milestones: [
      { number: 1, title: 'Milestone 1: Core Functionality', due: '2025-10-31', state: 'open' },
      { number: 2, title: 'Milestone 2: Launch', due: '2025-12-15', state: 'open' },
    ],
    labels: ['priority:high', 'priority:medium', 'priority:critical'],
  };
}

describe('roadmap plan', () => {
  it('from an empty repository: labels, milestones with noon-UTC due dates, issues, sub-issues, blocked-by (snapshots)', async () => {
    const plan = planSync(roadmap(), { issues: [], milestones: [], labels: [] }, OPTIONS);
    await expect(renderPlanText(plan)).toMatchFileSnapshot('__snapshots__/plan-first-run.txt');
    await expect(renderPlanJson(plan)).toMatchFileSnapshot('__snapshots__/plan-first-run.json');
    expect(plan.ops.find((o) => o.op === 'create_milestone')).toMatchObject({ due_on: '2025-10-31T12:00:00Z' });
    expect(
      plan.ops
        .filter((o) => o.op === 'add_blocked_by')
        .map((o) => o.op === 'add_blocked_by' && `${o.key}<-${o.blocker}`),
    ).toEqual(['P2A.2<-P2A.1', 'P2B.1<-P2A.1', 'P2B.1<-P2A.2', 'P3.1<-P2B.1']);
  });

  it('against an up-to-date repository: nothing to do', () => {
    const state = synced();
    const plan = planSync(roadmap(), state, OPTIONS);
    expect(plan.ops).toEqual([]);
    expect(plan.unchanged).toBe(8);
    expect(renderPlanText(plan)).toBe(
      'roadmap plan: 0 to create, 0 to update, 0 to close, 0 to reopen, 0 label(s), 0 milestone(s), 0 relation(s); 8 unchanged\n',
    );
  });

  it('status change in the file: close, body update, label swap; a moved due date; drift and a removed item (snapshots)', async () => {
    const state = synced();
    state.milestones[1]!.due = '2025-12-01';
    state.issues.find((i) => i.marker!.key === 'P2B.1')!.state = 'closed'; // closed by a person on GitHub
    state.issues.push({
      number: 50,
      id: 150,
      title: 'P9.9: Old item',
      body: managedRegion({ key: 'P9.9', source: FILE, hash: 'x', status: 'todo', labels: [] }, 'old'),
      state: 'open',
      labels: ['bug'],
      assignees: [],
      marker: { key: 'P9.9', source: FILE, hash: 'x', status: 'todo', labels: [] },
    });
    const edited = text
      .replace('**Status:** NOT STARTED\n**Dependency:** P2B', '**Status:** COMPLETE\n**Dependency:** P2B')
      .replace('**Priority:** CRITICAL', '**Priority:** HIGH');
    const plan = planSync(collectRoadmap([{ file: FILE, text: edited }]), state, { ...OPTIONS });
    await expect(renderPlanText(plan)).toMatchFileSnapshot('__snapshots__/plan-changes.txt');
    await expect(renderPlanJson(plan)).toMatchFileSnapshot('__snapshots__/plan-changes.json');
    const close = plan.ops.find((o) => o.op === 'update_issue' && o.key === 'P3.1');
    expect(close).toMatchObject({ state: 'closed', state_reason: 'completed', labels: ['priority:high'] });
    expect(plan.drift).toMatchObject([{ key: 'P2B.1', fileStatus: 'todo', githubStatus: 'done', line: 34 }]);
    expect(plan.ops.find((o) => o.op === 'update_issue' && o.number === 50)).toMatchObject({
      state: 'closed',
      state_reason: 'not_planned',
    });
  });

  it('a file change that keeps the issue open does not undo a close made on GitHub (drift, body update only)', () => {
    const state = synced();
    state.issues.find((i) => i.marker!.key === 'P2B.1')!.state = 'closed';
    const edited = text.replace(
      '**Status:** NOT STARTED\n**Effort:** 1 day',
      '**Status:** IN PROGRESS\n**Effort:** 1 day',
    );
    const plan = planSync(collectRoadmap([{ file: FILE, text: edited }]), state, OPTIONS);
    expect(plan.drift).toMatchObject([{ key: 'P2B.1', fileStatus: 'in_progress', githubStatus: 'done' }]);
    const update = plan.ops.find((o) => o.op === 'update_issue' && o.key === 'P2B.1');
    expect(update).toMatchObject({ why: ['roadmap text changed'] });
    expect(update).not.toHaveProperty('state');
    expect(update!.op === 'update_issue' && update!.body).toContain(' status=in_progress state=open ');
  });

  it('on_removed: label and ignore', () => {
    const state = synced();
    state.issues.push({
      number: 50,
      id: 150,
      title: 'Gone',
      body: '',
      state: 'open',
      labels: [],
      assignees: [],
      marker: { key: 'gone', source: FILE, hash: 'x', status: 'todo', labels: [] },
    });
    expect(
      planSync(roadmap(), state, { ...OPTIONS, onRemoved: 'label' }).ops.filter((o) => o.op === 'update_issue'),
    ).toMatchObject([{ number: 50, labels: ['roadmap:removed'] }]);
    expect(
      planSync(roadmap(), state, { ...OPTIONS, onRemoved: 'ignore' }).ops.filter((o) => o.op === 'update_issue'),
    ).toEqual([]);
  });

  it('two_way off: the file wins over an issue closed on GitHub', () => {
    const state = synced();
    state.issues.find((i) => i.marker!.key === 'P2B.1')!.state = 'closed';
    const plan = planSync(roadmap(), state, { ...OPTIONS, twoWay: false });
    expect(plan.drift).toEqual([]);
    expect(plan.ops.filter((o) => o.op === 'update_issue')).toMatchObject([
      { key: 'P2B.1', state: 'open', state_reason: 'reopened' },
    ]);
  });
});
