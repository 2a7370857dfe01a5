/**
 * What one roadmap item should look like as an issue: title, managed body content, labels from the
 * configured templates, milestone, assignee, open or closed. Pure; the hash in the marker is taken
 * over exactly what the managed region shows, so an unchanged item means an unchanged issue.
 */
import { ISSUE_BODY_MANAGED_MAX, ISSUE_TITLE_MAX, LABEL_NAME_MAX } from './limits.js';
import { contentHash } from './marker.js';
import type { RoadmapItem } from './types.js';

export interface SyncOptions {
  labels: string[];
  closeDone: boolean;
  onRemoved: 'close_not_planned' | 'label' | 'ignore';
  twoWay: boolean;
  /** Files this run syncs (repo-relative); issues from other files are left alone. */
  files: string[];
}

export interface DesiredIssue {
  key: string;
  title: string;
  content: string;
  hash: string;
  labels: string[];
  milestone?: string;
  assignees: string[];
  closed: boolean;
  stateReason?: 'completed' | 'not_planned';
  item: RoadmapItem;
}

/** What readygate writes before an item's title on GitHub: `P2A.1: `, `3. `, or nothing. */
export function titlePrefix(item: RoadmapItem): string {
  return item.explicit ? `${item.key}${/^\d/.test(item.key) ? '.' : ':'} ` : '';
}

export function issueTitle(item: RoadmapItem): string {
  const title = `${titlePrefix(item)}${item.title}`;
  if (title.length <= ISSUE_TITLE_MAX) return title;
  // Cut between characters, not inside an emoji's surrogate pair (GitHub refuses half of one).
  const chars = Array.from(title.slice(0, ISSUE_TITLE_MAX));
  let cut = '';
  for (const c of chars) {
    if (cut.length + c.length > ISSUE_TITLE_MAX - 1) break;
    cut += c;
  }
  return `${cut}…`;
}

/** `priority:{value}` → `priority:high`; `{priority}`, `{effort}`, `{status}`, `{milestone}` too. Empty values give no label. */
export function labelsFor(item: RoadmapItem, templates: readonly string[]): string[] {
  const values: Record<string, string | undefined> = {
    priority: item.priority,
    effort: item.effort,
    status: item.status,
    milestone: item.milestone,
  };
  const out = new Set<string>();
  for (const template of templates) {
    const prefixField = /^(\w+)\s*:\s*\{value\}$/.exec(template)?.[1];
    let missing = false;
    const text = template.replace(/\{(\w+)\}/g, (_, placeholder: string) => {
      const value = placeholder === 'value' ? values[prefixField ?? ''] : values[placeholder];
      if (!value) missing = true;
      return (value ?? '').toLowerCase();
    });
    if (!missing) out.add(text.slice(0, LABEL_NAME_MAX));
  }
  for (const label of item.labels) out.add(label.slice(0, LABEL_NAME_MAX));
  return [...out];
}

/** The managed region's content: fields, the item's own body, its dependencies and where it comes from. */
export function managedContent(item: RoadmapItem, blockedByLines: readonly string[] = []): string {
  const facts = [
    `**Status:** ${item.status.replace('_', ' ')}`,
    item.priority && `**Priority:** ${item.priority}`,
    item.effort && `**Effort:** ${item.effort}`,
    item.due && `**Due:** ${item.due}`,
    item.owner && !item.assignee && `**Owner:** ${neutralise(item.owner)}`,
  ].filter(Boolean);
  const lines = [facts.join(' · ')];
  if (item.dependsOn.length) lines.push(`**Depends on:** ${item.dependsOn.join(', ')}`);
  if (item.requirements.length) lines.push(`**Requirements:** ${item.requirements.join(', ')}`);
  lines.push(...blockedByLines);
  const body = item.body.trim() ? `\n${neutralise(item.body.trim())}\n` : '';
  const footer = `\n<sub>From \`${item.file}\` (${item.section.map(neutralise).join(' › ') || 'top level'}). Managed by readygate roadmap sync: edit the roadmap, not this section.</sub>`;
  const text = `${lines.join('\n')}\n${body}${footer}`;
  return text.length > ISSUE_BODY_MANAGED_MAX ? `${text.slice(0, ISSUE_BODY_MANAGED_MAX - 40)}\n\n…(truncated)` : text;
}

/** `@team` in roadmap prose must not ping anyone from an issue body. */
function neutralise(text: string): string {
  return (
    text
      .replace(/(^|[^\w`])@([A-Za-z0-9][\w-]*(?:\/[\w-]+)?)/g, '$1`@$2`')
      // A body that quotes readygate's own markers (docs about readygate, say) must not end or
      // open its managed region: a zero-width space keeps the quote, not the marker.
      .replace(/<!--(\s*\/?)readygate:/g, '<!--$1\u200Breadygate:')
  );
}

export function desiredIssue(
  item: RoadmapItem,
  options: SyncOptions,
  blockedByLines: readonly string[] = [],
): DesiredIssue {
  const title = issueTitle(item);
  const content = managedContent(item, blockedByLines);
  const closed = item.status === 'cancelled' || (item.status === 'done' && options.closeDone);
  return {
    key: item.key,
    title,
    content,
    hash: contentHash([title, content]),
    labels: labelsFor(item, options.labels),
    ...(item.milestone && { milestone: item.milestone }),
    assignees: item.assignee ? [item.assignee] : [],
    closed,
    ...(closed && { stateReason: item.status === 'cancelled' ? ('not_planned' as const) : ('completed' as const) }),
    item,
  };
}
