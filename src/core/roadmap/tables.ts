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
import { statusOf } from './status.js';

type Column = 'id' | 'title' | 'status' | 'owner' | 'effort' | 'priority' | 'due' | 'dependsOn';

const HEADERS: [Column, RegExp][] = [
  ['status', /^(status|state|progress)$/i],
  ['id', /^(id|#|key|task|task id|item|ref)$/i],
  ['title', /^(description|title|name|task name|summary|deliverable|feature|work item)$/i],
  ['owner', /^(assigned to|assignee|owner|who|lead)$/i],
  ['effort', /^(complexity|effort|estimate|size|points)$/i],
  ['priority', /^(priority|prio)$/i],
  ['due', /^(due|due date|deadline|target|target date|date)$/i],
  ['dependsOn', /^(depends on|dependencies|dependency|blocked by)$/i],
];

export function walkTable(b: Builder, table: Table): void {
  const [header, ...rows] = table.children;
  if (!header) return;
  const columns = new Map<Column, number>();
  header.children.forEach((cell, i) => {
    const name = toString(cell).trim();
    let column = HEADERS.find(([, re]) => re.test(name))?.[0];
    if (column === 'id' && columns.has('id') && !columns.has('title')) column = 'title'; // | ID | Task | … |
    if (column && !columns.has(column)) columns.set(column, i);
  });
  const statusCol = columns.get('status');
  if (statusCol === undefined) return;
  for (const row of rows) {
    const cell = (c: Column) => {
      const i = columns.get(c);
      return i === undefined ? '' : toString(row.children[i] ?? { type: 'text', value: '' }).trim();
    };
    const idCell = cell('id');
    const titleCell = cell('title');
    const explicit = idCell !== '' && isId(idCell);
    const text = titleCell || idCell;
    if (!text) continue;
    const line = row.position?.start.line ?? 0;
    const rawStatus = cell('status');
    const status = statusOf(rawStatus);
    if (!status) b.warn(`unknown status "${rawStatus}" for "${text}": counted as todo`, line);
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
      b.addCriterion(text, status === 'done', line);
      continue;
    }
    b.addItem({
      text: explicit ? titleCell || idCell : text,
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
