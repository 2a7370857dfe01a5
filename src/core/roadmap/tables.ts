/**
 * Task tables → items. A table is a task table when a header cell names a status column; the other
 * columns are recognised by their header (ID, description, assignee, effort, priority, due,
 * dependencies). Status cells hold emoji or words (🔴 Pending, ✅ Complete, ⬜, "Done").
 */
import type { Table, TableCell } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Builder } from './builder.js';
import { idList, type Fields } from './fields.js';
import { isId } from './keys.js';
import { walkMilestoneTable } from './milestone-table.js';
import { statusOf } from './status.js';

type Column = 'id' | 'title' | 'status' | 'owner' | 'effort' | 'priority' | 'due' | 'dependsOn' | 'milestone';

const HEADERS: [Column, RegExp][] = [
  ['status', /^(status|state|progress)$/i],
  ['id', /^(id|#|key|task|task id|item|ref)$/i],
  ['title', /^(description|title|name|task name|summary|deliverable|feature|work item|goal|theme)$/i],
  ['owner', /^(assigned to|assignee|owner|who|lead)$/i],
  ['effort', /^(complexity|effort|estimate|size|points)$/i],
  ['priority', /^(priority|prio)$/i],
  ['due', /^(due|due date|deadline|target|target date|date|dates|eta|timeline|when)$/i],
  ['dependsOn', /^(depends on|dependencies|dependency|blocked by)$/i],
  ['milestone', /^(milestone|release|version)$/i],
];
/** Columns that only work has: who, how big, how urgent, when, after what, which ID. */
const WORK_COLUMNS: Column[] = ['id', 'owner', 'effort', 'priority', 'due', 'dependsOn'];

/** A cell's text: inline HTML dropped (`<br>` as a space), whitespace collapsed. */
export function cellText(cell: TableCell | undefined): string {
  if (!cell) return '';
  return cell.children
    .map((c) => (c.type === 'html' ? ' ' : toString(c)))
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}

export function walkTable(b: Builder, table: Table): void {
  const [header, ...rows] = table.children;
  if (!header) return;
  const columns = new Map<Column, number>();
  header.children.forEach((cell, i) => {
    const name = cellText(cell);
    let column = HEADERS.find(([, re]) => re.test(name))?.[0];
    if (column === 'id' && columns.has('id') && !columns.has('title')) column = 'title'; // | ID | Task | … |
    if (column && !columns.has(column)) columns.set(column, i);
  });
  const statusCol = columns.get('status');
  const line = table.position?.start.line ?? 0;
  const text = (row: (typeof rows)[number], c: Column) => {
    const i = columns.get(c);
    return i === undefined ? '' : cellText(row.children[i]);
  };
  // A `#` column numbering the rows (1, 2, 3…) is no ID, so `| # | Milestone | Target | Status |` lists
  // milestones; while `| # | Task | Milestone | Status |` lists tasks: the leftmost naming column says
  // what a row is.
  const numbered = columns.has('id') && rows.every((row, i) => text(row, 'id') === String(i + 1));
  const named = (columns.get('milestone') ?? Infinity) < (columns.get('title') ?? Infinity);
  const milestones = columns.has('milestone') && (!columns.has('id') || (numbered && named));
  if (statusCol === undefined) {
    if (milestones && columns.has('due') && rows.length > 0)
      b.warn(
        `a table of ${rows.length} milestone(s) with dates but no Status column: not synced (it may list releases long shipped); add a Status column to make them milestones`,
        line,
      );
    return;
  }
  if (milestones) {
    walkMilestoneTable(b, rows, (row, c) => text(row, c), line);
    return;
  }
  fixTitleColumn(columns, rows, header.children.length);
  const statuses = rows.map((row) => statusOf(text(row, 'status')));
  if (!WORK_COLUMNS.some((c) => columns.has(c)) && rows.length > 0 && statuses.every((s) => s === 'done')) {
    b.warn(
      `a table of ${rows.length} row(s), all marked done, with no ID, owner, effort, priority, date or dependency column: read as an inventory of what exists, not as tasks`,
      line,
    );
    return;
  }
  for (const row of rows) {
    const cell = (c: Column) => text(row, c);
    const idCell = cell('id');
    const titleCell = cell('title');
    const explicit = idCell !== '' && isId(idCell);
    const title = titleCell || idCell;
    if (!title) continue;
    const line = row.position?.start.line ?? 0;
    const rawStatus = cell('status');
    const status = statusOf(rawStatus);
    if (!status) b.warn(`unknown status "${rawStatus}" for "${title}": counted as todo`, line);
    const fields: Fields = {
      ...(cell('effort') && { effort: cell('effort') }),
      ...(cell('priority') && { priority: cell('priority') }),
      ...(cell('due') && { due: cell('due') }),
      ...(cell('dependsOn') && { dependsOn: idList(cell('dependsOn')) }),
    };
    const statusCell = row.children[statusCol];
    const span = statusCell && cellSpan(b.text, statusCell);
    const titleCol = titleCell ? columns.get('title') : columns.get('id');
    const titleArea = area(titleCol === undefined ? undefined : row.children[titleCol]);
    const ownerCol = columns.get('owner');
    const fieldArea = area(ownerCol === undefined ? undefined : row.children[ownerCol]);
    if (b.inCriteria()) {
      b.addCriterion(title, status === 'done', line);
      continue;
    }
    b.addItem({
      text: explicit ? titleCell || idCell : title,
      ...(explicit && titleCell && { id: idCell }),
      status: status ?? 'todo',
      fields,
      body: '',
      line,
      ...(span && { span }),
      ...(columns.has('owner') && { owner: cell('owner') }),
      parent: b.headingItem()?.key,
      ...(titleArea && { titleArea }),
      ...(fieldArea && { fieldArea }),
      table: true,
    });
  }
}

/**
 * The title column by content when the header left it unsure: a "Task" column whose cells are IDs
 * (`1.1`) is the ID column, and the title is then the unclaimed column with the most words
 * (`| | 1.1 | Initial Code Setup … |`).
 */
function fixTitleColumn(columns: Map<Column, number>, rows: Table['children'], width: number): void {
  const values = (i: number) => rows.map((r) => cellText(r.children[i])).filter(Boolean);
  const idCol = columns.get('id');
  if (columns.has('title') || idCol === undefined) return;
  const ids = values(idCol);
  if (ids.length === 0 || !ids.every(isId)) return;
  const claimed = new Set(columns.values());
  let best: { i: number; words: number } | undefined;
  for (let i = 0; i < width; i++) {
    if (claimed.has(i)) continue;
    const cells = values(i);
    const words = cells.reduce((n, v) => n + v.split(' ').length, 0) / Math.max(1, rows.length);
    if (cells.length > 0 && !cells.every(isId) && (!best || words > best.words)) best = { i, words };
  }
  if (best) columns.set('title', best.i);
}

function cellSpan(
  text: string,
  cell: TableCell,
): { kind: 'table'; start: number; end: number; raw: string } | undefined {
  const first = cell.children[0]?.position?.start.offset;
  const last = cell.children[cell.children.length - 1]?.position?.end.offset;
  if (first === undefined || last === undefined) return undefined;
  return { kind: 'table', start: first, end: last, raw: text.slice(first, last) };
}

/** The offsets of a cell's content, if it has any. */
function area(cell: TableCell | undefined): [number, number] | undefined {
  const first = cell?.children[0]?.position?.start.offset;
  const last = cell?.children[cell.children.length - 1]?.position?.end.offset;
  return first === undefined || last === undefined ? undefined : [first, last];
}
