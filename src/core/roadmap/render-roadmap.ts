/**
 * The parsed roadmap itself, without GitHub: what `readygate roadmap show` prints so a maintainer
 * can see how readygate read the files (keys, statuses, milestones, dates, warnings) before any
 * sync. Text for people, JSON (`readygate/roadmap@1`) for tools.
 */
import type { Roadmap } from './collect.js';
import type { RoadmapStatus } from '../model.js';
import type { RoadmapItem } from './types.js';

export const ROADMAP_SCHEMA = 'readygate/roadmap@1';

const MARK: Record<RoadmapStatus, string> = {
  done: '[x]',
  in_progress: '[~]',
  blocked: '[!]',
  cancelled: '[-]',
  todo: '[ ]',
};
const STATUSES: readonly RoadmapStatus[] = ['done', 'in_progress', 'blocked', 'cancelled', 'todo'];

function counts(items: readonly RoadmapItem[]): Record<RoadmapStatus, number> {
  const out: Record<RoadmapStatus, number> = { done: 0, in_progress: 0, blocked: 0, cancelled: 0, todo: 0 };
  for (const item of items) out[item.status]++;
  return out;
}

function countLine(items: readonly RoadmapItem[]): string {
  const c = counts(items);
  return STATUSES.filter((s) => c[s] > 0)
    .map((s) => `${c[s]} ${s.replace('_', ' ')}`)
    .join(', ');
}

function cut(text: string, max = 80): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function itemLine(item: RoadmapItem, depth: number): string {
  const extras = [
    item.priority && `priority ${item.priority}`,
    item.effort && `effort ${item.effort}`,
    item.assignee && `@${item.assignee}`,
    item.due && `due ${item.due}`,
    item.dependsOn.length > 0 && `after ${item.dependsOn.join(', ')}`,
    item.labels.length > 0 && `labels ${item.labels.join(', ')}`,
  ].filter(Boolean);
  const key = item.explicit ? item.key : `(${item.key.length > 24 ? `${item.key.slice(0, 23)}…` : item.key})`;
  return `${'  '.repeat(depth)}${MARK[item.status]} ${key}  ${cut(item.title)}${extras.length ? `  [${extras.join('; ')}]` : ''}  ${item.file}:${item.line}`;
}

export function renderRoadmapText(roadmap: Roadmap): string {
  const { items, milestones } = roadmap;
  const lines = [
    `roadmap: ${roadmap.files.length} file(s), ${items.length} item(s)${items.length ? ` (${countLine(items)})` : ''}, ${milestones.length} milestone(s)`,
  ];
  const depthOf = new Map<string, number>();
  const depth = (item: RoadmapItem): number => (item.parent === undefined ? 0 : (depthOf.get(item.parent) ?? 0) + 1);
  const groups = new Map<string | undefined, RoadmapItem[]>();
  for (const item of items) groups.set(item.milestone, [...(groups.get(item.milestone) ?? []), item]);
  const titles = [...milestones.map((m) => m.title), undefined];
  for (const title of titles) {
    const group = groups.get(title) ?? [];
    const milestone = milestones.find((m) => m.title === title);
    if (title === undefined && group.length === 0) continue;
    const done = group.filter((i) => i.status === 'done').length;
    const criteria = milestone?.criteria.length
      ? `; criteria ${milestone.criteria.filter((c) => c.done).length}/${milestone.criteria.length} met`
      : '';
    lines.push('');
    lines.push(
      title === undefined
        ? `No milestone: ${done}/${group.length} done`
        : `${title}${milestone?.due ? ` (due ${milestone.due})` : ''}${milestone?.status ? ` [${milestone.status.replace('_', ' ')}]` : ''}: ${done}/${group.length} done${criteria}`,
    );
    for (const item of group) {
      const d = depth(item);
      depthOf.set(item.key, d);
      lines.push(itemLine(item, d + 1));
    }
  }
  if (roadmap.warnings.length) lines.push('');
  for (const w of roadmap.warnings) lines.push(`warning: ${w.file}${w.line ? `:${w.line}` : ''}: ${w.message}`);
  return `${lines.join('\n')}\n`;
}

export function renderRoadmapJson(roadmap: Roadmap): string {
  const items = roadmap.items.map(({ statusSpan: _s, titleSpan: _t, assigneeSpan: _a, ...item }) => item);
  const summary = {
    files: roadmap.files.map((f) => ({ file: f.file, repaired_encoding: f.repaired })),
    total: items.length,
    ...counts(roadmap.items),
  };
  return `${JSON.stringify({ schema: ROADMAP_SCHEMA, summary, milestones: roadmap.milestones, items, criteria: roadmap.criteria, warnings: roadmap.warnings }, null, 2)}\n`;
}
