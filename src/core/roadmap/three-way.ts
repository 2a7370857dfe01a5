/**
 * Title, milestone and assignee of a matched issue, merged three ways: the file's value, GitHub's,
 * and the last-synced one the marker keeps (see marker.ts). Only GitHub changed: GitHub's is kept
 * and reported as drift (with what `roadmap pull` writes into the file where the file spells it out:
 * the title, an `@handle`). Only the file changed: the file's is written. Both changed: the file
 * wins and the plan says so. With `two_way: false`, or a marker written before it kept these
 * values, the file wins as it always did.
 */
import { titlePrefix, type DesiredIssue, type SyncOptions } from './desired.js';
import { fieldHash, type Marker } from './marker.js';
import type { Drift, FieldDrift, UpdateIssueOp } from './plan-types.js';
import type { CurrentIssue } from './state.js';

/** What the marker records after this sync. */
export interface Synced {
  title: string;
  milestone: string;
  assignees: string[];
}

export function mergeFields(
  want: DesiredIssue,
  issue: CurrentIssue,
  marker: Marker,
  options: SyncOptions,
  op: UpdateIssueOp,
  drift: Drift[],
): Synced {
  const report = (d: Omit<FieldDrift, 'key' | 'number' | 'file' | 'line'>) =>
    drift.push({ key: want.key, number: issue.number, file: want.item.file, line: want.item.line, ...d });
  return {
    title: mergeTitle(want, issue, marker, options, op, report),
    milestone: mergeMilestone(want, issue, marker, options, op, report),
    assignees: mergeAssignees(want, issue, marker, options, op, report),
  };
}

type Report = (d: Omit<FieldDrift, 'key' | 'number' | 'file' | 'line'>) => void;

function mergeTitle(
  want: DesiredIssue,
  issue: CurrentIssue,
  marker: Marker,
  options: SyncOptions,
  op: UpdateIssueOp,
  report: Report,
): string {
  const fileHash = fieldHash(want.title);
  if (issue.title === want.title) return fileHash;
  const base = options.twoWay ? marker.title : undefined;
  if (base === fileHash) {
    const item = want.item;
    const github = itemTitle(issue.title, want);
    const span = item.titleSpan;
    report({
      field: 'title',
      fileValue: item.title,
      githubValue: github,
      ...(span && { span, replacement: span.table ? github.replace(/\|/g, '\\|') : github }),
    });
    return base;
  }
  op.title = want.title;
  op.why.push(
    base !== undefined && fieldHash(issue.title) !== base
      ? `title changed in the roadmap and on GitHub (there: "${cut(issue.title)}"): the roadmap wins`
      : 'title changed',
  );
  return fileHash;
}

function mergeMilestone(
  want: DesiredIssue,
  issue: CurrentIssue,
  marker: Marker,
  options: SyncOptions,
  op: UpdateIssueOp,
  report: Report,
): string {
  const file = want.milestone ?? '';
  const github = issue.milestone ?? '';
  const base = options.twoWay ? marker.milestone : undefined;
  // The file puts the item in no milestone and never did: a milestone set on GitHub is GitHub's business.
  if (file === '' && (marker.milestone === undefined || marker.milestone === fieldHash(''))) return fieldHash('');
  if (file === github) return fieldHash(file);
  if (base === fieldHash(file)) {
    report({ field: 'milestone', fileValue: file, githubValue: github });
    return base;
  }
  op.milestone = file === '' ? null : file;
  const what = file === '' ? `milestone ${github} removed` : `milestone ${file}`;
  op.why.push(
    base !== undefined && fieldHash(github) !== base
      ? `${what}: changed in the roadmap and on GitHub (there: ${github || 'none'}); the roadmap wins`
      : what,
  );
  return fieldHash(file);
}

function mergeAssignees(
  want: DesiredIssue,
  issue: CurrentIssue,
  marker: Marker,
  options: SyncOptions,
  op: UpdateIssueOp,
  report: Report,
): string[] {
  const file = want.assignees;
  const github = issue.assignees;
  const base = options.twoWay ? marker.assignees : undefined;
  if (base !== undefined && sameSet(file, base)) {
    const lost = base.filter((login) => !has(github, login));
    if (lost.length > 0) {
      const span = want.item.assigneeSpan;
      report({
        field: 'assignee',
        fileValue: handles(file),
        githubValue: handles(github),
        ...(span && github.length === 1 && { span, replacement: `@${github[0]}` }),
      });
    }
    return base;
  }
  const add = file.filter((login) => !has(github, login));
  const remove = (base ?? []).filter((login) => !has(file, login) && has(github, login));
  if (add.length === 0 && remove.length === 0) return file;
  op.assignees = [...github.filter((login) => !has(remove, login)), ...add];
  const what = [add.length && `assign ${handles(add)}`, remove.length && `unassign ${handles(remove)}`]
    .filter(Boolean)
    .join(', ');
  const conflict = base !== undefined && base.some((login) => !has(github, login));
  op.why.push(
    conflict
      ? `${what}: assignees changed in the roadmap and on GitHub (there: ${handles(github)}); the roadmap wins`
      : what,
  );
  return file;
}

/** GitHub's title as the file would write it: without the `KEY: ` prefix readygate puts in front. */
function itemTitle(title: string, want: DesiredIssue): string {
  const prefix = titlePrefix(want.item);
  const bare = prefix && title.startsWith(prefix) ? title.slice(prefix.length) : title;
  return bare.replace(/\s*\n\s*/g, ' ').trim();
}

function has(list: readonly string[], login: string): boolean {
  return list.some((l) => l.toLowerCase() === login.toLowerCase());
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((login) => has(b, login));
}

function handles(list: readonly string[]): string {
  return list.length ? list.map((l) => `@${l}`).join(', ') : 'nobody';
}

function cut(text: string, max = 60): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
