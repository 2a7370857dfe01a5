/**
 * Checkbox lists → items. `- [x] 1. Title` with indented prose and sub-bullets (the item's body),
 * `- [X] T001 [P] [US1] Title` (bracket tags become labels), nested checkboxes (subtasks with a
 * parent). Inside criteria sections the checkboxes are criteria, not tasks. Plain bullets are
 * walked for checkboxes nested under them.
 */
import type { List, ListItem } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Builder } from './builder.js';
import { parseFields, type Fields } from './fields.js';
import { idPatterns } from './keys.js';

const CHECKBOX = /\[([ xX])\]/;
/** Kiro's optional task, `- [ ]* 4.3 Title`: not a GFM task item (the `*` follows the box), still a task. */
const OPTIONAL_BOX = /^\[([ xX])\]\*\s+/;
const LEADING_TAGS = /^((?:\[[^\]\s]{1,20}\]\s*)+)/;

export function walkList(b: Builder, list: List, parent?: string): void {
  const stems = idPatterns(
    list.children.map((li) => (li.children[0]?.type === 'paragraph' ? toString(li.children[0]) : '')),
  );
  for (const item of list.children) {
    const first = item.children[0];
    let firstText = first?.type === 'paragraph' ? toString(first) : '';
    let checked = item.checked;
    const optional = checked == null ? OPTIONAL_BOX.exec(firstText) : null;
    if (optional) {
      checked = optional[1] !== ' ';
      firstText = firstText.slice(optional[0].length);
    }
    if (checked === null || checked === undefined) {
      for (const child of item.children) if (child.type === 'list') walkList(b, child, parent);
      continue;
    }
    const [titleLine = '', ...rest] = firstText.split('\n');
    const line = item.position?.start.line ?? 0;
    if (b.inCriteria()) {
      b.addCriterion(titleLine.trim(), checked, line);
      continue;
    }
    const { title, tags } = takeTags(titleLine.trim());
    const struck = first?.type === 'paragraph' && first.children.length === 1 && first.children[0]?.type === 'delete';
    const lineFields = rest.map((l) => parseFields(l));
    const fields: Fields = Object.assign({}, ...lineFields.filter(Boolean), itemFields(item));
    const prose = rest.filter((_, i) => !lineFields[i]);
    const span = checkboxSpan(b.text, item);
    const start = item.position?.start.offset ?? 0;
    const lineEnd = b.text.indexOf('\n', start);
    const subtasks = item.children.find((c) => c.type === 'list' && c.children.some((li) => li.checked != null));
    const added = b.addItem({
      titleArea: [start, lineEnd === -1 ? b.text.length : lineEnd],
      fieldArea: [start, subtasks?.position?.start.offset ?? item.position?.end.offset ?? start],
      text: title,
      status: struck ? 'cancelled' : checked ? 'done' : 'todo',
      fields,
      body: bodyOf(b.text, item, prose.join('\n')),
      line,
      ...(span && { span }),
      tags: optional ? [...tags, 'optional'] : tags,
      idPattern: [...stems].some((stem) => title.startsWith(stem)),
      parent: parent ?? b.headingItem()?.key,
    });
    for (const child of item.children) if (child.type === 'list') walkList(b, child, added.key);
  }
}

/** `[P] [US1] Create model` after the ID → tags P→parallel, US1; the title without them. */
function takeTags(text: string): { title: string; tags: string[] } {
  const idEnd = /^(\S+)\s+/.exec(text);
  const afterId = idEnd ? text.slice(idEnd[0].length) : text;
  const tags = LEADING_TAGS.exec(afterId);
  if (!idEnd || !tags) return { title: text, tags: [] };
  const names = [...tags[1]!.matchAll(/\[([^\]]+)\]/g)].map((m) => (m[1] === 'P' ? 'parallel' : m[1]!));
  return { title: `${idEnd[1]} ${afterId.slice(tags[0].length)}`, tags: names };
}

/** Field lines anywhere in the item (paragraphs or plain sub-bullets), merged. */
function itemFields(item: ListItem): Fields {
  const fields: Fields = {};
  const visit = (nodes: ListItem['children']) => {
    for (const node of nodes) {
      if (node.type === 'paragraph' && node !== item.children[0])
        Object.assign(fields, parseFields(toString(node)) ?? {});
      if (node.type === 'list') for (const li of node.children) if (li.checked == null) visit(li.children);
    }
  };
  visit(item.children);
  return fields;
}

function checkboxSpan(
  text: string,
  item: ListItem,
): { kind: 'checkbox'; start: number; end: number; raw: string } | undefined {
  const start = item.position?.start.offset ?? 0;
  const firstLine = text.slice(start, text.indexOf('\n', start) === -1 ? undefined : text.indexOf('\n', start));
  const m = CHECKBOX.exec(firstLine);
  return m ? { kind: 'checkbox', start: start + m.index, end: start + m.index + m[0].length, raw: m[0] } : undefined;
}

/** The item's own body: continuation lines and every child except nested checkbox lists, dedented. */
function bodyOf(text: string, item: ListItem, continuation: string): string {
  const parts = continuation.trim() ? [continuation.trim()] : [];
  for (const child of item.children.slice(1)) {
    if (child.type === 'list' && child.children.some((li) => li.checked != null)) continue;
    const start = child.position?.start.offset;
    const end = child.position?.end.offset;
    if (start === undefined || end === undefined) continue;
    const lineStart = text.lastIndexOf('\n', start - 1) + 1;
    parts.push(dedent(text.slice(lineStart, end)));
  }
  return parts.join('\n\n');
}

function dedent(block: string): string {
  const lines = block.split('\n');
  const indents = lines.filter((l) => l.trim()).map((l) => /^ */.exec(l)![0].length);
  const cut = Math.min(...indents, 1_000);
  return lines
    .map((l) => l.slice(cut))
    .join('\n')
    .trimEnd();
}
