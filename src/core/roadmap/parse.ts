/**
 * Roadmap Markdown → items, milestones, criteria and warnings. Parsed as mdast (remark-gfm), not by
 * regexes over raw text: checkbox lists, task tables, heading blocks with bold fields, headings that
 * carry a status, milestone headings with dates. Pure: text in, data out.
 */
import type { Heading, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { Builder, type Frame } from './builder.js';
import { checkContradictions } from './contradictions.js';
import { anchorDate, findDate } from './dates.js';
import { parseFields, type Fields } from './fields.js';
import { splitId } from './keys.js';
import { walkList } from './lists.js';
import { isMilestoneHeading } from './milestone-heading.js';
import { repairMojibake } from './mojibake.js';
import { HEADING_STATUS, statusOf } from './status.js';
import { walkTable } from './tables.js';
import { DEFAULT_CRITERIA_HEADINGS, type ParseOptions, type ParsedRoadmap } from './types.js';

const DATE_SUFFIX =
  /\s*[([]?\s*(?:target|due|eta|by)?:?\s*((?:\d{4}-\d{2}-\d{2})|(?:[A-Za-z]{3,9}\.? \d{1,2}(?:st|nd|rd|th)?(?:,? \d{4})?))\s*[)\]]?\s*$/i;
const DECORATION = /^[^\p{L}\p{N}[(]+/u;

export function parseRoadmap(file: string, raw: string, options: Partial<ParseOptions> = {}): ParsedRoadmap {
  const opts: ParseOptions = {
    milestones: options.milestones ?? 'auto',
    criteriaHeadings: options.criteriaHeadings ?? DEFAULT_CRITERIA_HEADINGS,
  };
  const bom = raw.startsWith('\uFEFF');
  const unmarked = bom ? raw.slice(1) : raw;
  const repaired = repairMojibake(unmarked);
  const text = repaired.text;
  const b = new Builder(file, text, opts, anchorDate(text.split('\n')));
  if (repaired.count > 0)
    b.warn(
      `repaired ${repaired.count} double-encoded UTF-8 sequence(s) (e.g. "âœ…" → "✅"); save the file as UTF-8 to silence this`,
    );
  // Front matter (`---` YAML or `+++` TOML at the top) is metadata: without the plugin its closing
  // `---` makes it a setext heading, and so a milestone.
  const tree = unified().use(remarkParse).use(remarkFrontmatter, ['yaml', 'toml']).use(remarkGfm).parse(text);
  let afterHeading = false;
  for (const node of tree.children) {
    if (node.type === 'heading') {
      enterHeading(b, node);
      afterHeading = true;
      continue;
    }
    handleBlock(b, node, afterHeading);
    if (node.type !== 'paragraph' && node.type !== 'thematicBreak') afterHeading = false;
  }
  b.pruneProvisional();
  checkContradictions(b, text);
  const used = new Set(b.items.map((i) => i.milestone));
  const milestones = b.milestones.filter((m) => used.has(m.title) || m.criteria.length > 0 || m.due);
  return {
    file,
    text,
    repaired: repaired.count > 0,
    ...(repaired.count > 0 && { original: unmarked }),
    ...(bom && { bom }),
    items: b.items,
    milestones,
    criteria: b.criteria,
    warnings: b.warnings,
  };
}

function handleBlock(b: Builder, node: RootContent, afterHeading: boolean): void {
  if (node.type === 'list') walkList(b, node);
  else if (node.type === 'table') walkTable(b, node);
  if (node.type === 'paragraph' && afterHeading && applyFields(b, node)) return;
  const owner = b.stack[b.stack.length - 1]?.item;
  const hasTasks = node.type === 'table' || (node.type === 'list' && node.children.some((li) => li.checked != null));
  if (owner && !hasTasks && node.type !== 'thematicBreak' && node.position) {
    const slice = b.text.slice(node.position.start.offset, node.position.end.offset).trim();
    owner.body = owner.body ? `${owner.body}\n\n${slice}` : slice;
  }
}

/** Field paragraphs right under a heading: for a heading item they are its fields, else section defaults. */
function applyFields(b: Builder, node: RootContent & { type: 'paragraph' }): boolean {
  const fields = parseFields(toString(node));
  const frame = b.stack[b.stack.length - 1];
  if (!fields || !frame) return false;
  if (frame.item) {
    const item = frame.item;
    b.provisional.delete(item);
    if (fields.status) {
      item.status = fields.status.status;
      const start = b.text.indexOf(fields.status.raw, node.position?.start.offset ?? 0);
      if (start >= 0)
        item.statusSpan = { kind: 'field', start, end: start + fields.status.raw.length, raw: fields.status.raw };
    }
    if (fields.priority) item.priority = fields.priority;
    if (fields.effort) item.effort = fields.effort;
    if (fields.owner) item.owner = fields.owner;
    if (fields.assignee) {
      item.assignee = fields.assignee;
      const span =
        node.position && b.locate(`@${fields.assignee}`, [node.position.start.offset!, node.position.end.offset!]);
      if (span) item.assigneeSpan = span;
    }
    if (fields.dependsOn) item.dependsOn = fields.dependsOn;
    if (fields.requirements) item.requirements = fields.requirements;
    if (fields.labels) item.labels.push(...fields.labels);
    if (fields.due) Object.assign(item, b.due(fields.due, node.position?.start.line ?? 0));
  } else Object.assign(frame.defaults, fields);
  return true;
}

function enterHeading(b: Builder, node: Heading): void {
  const line = node.position?.start.line ?? 0;
  let text = toString(node).trim();
  const mark = HEADING_STATUS.exec(text);
  if (mark) text = text.replace(HEADING_STATUS, '').trim();
  const defaults: Fields = {};
  text = text.replace(/\s*\(([^()]*:[^()]*)\)/g, (whole, inner: string) => {
    const fields = parseFields(inner);
    if (!fields || fields.due !== undefined) return whole; // `(Target: 2026-03-01)` is the heading's date
    Object.assign(defaults, fields); // `Phase 2: User Story 1 (Priority: P1)`: a section default
    return '';
  });
  const dated = DATE_SUFFIX.exec(text);
  const dateText = dated && findDate(dated[1]!) ? dated[1]! : undefined;
  const title = (dateText ? text.slice(0, dated!.index) : text)
    .replace(DECORATION, '')
    .replace(/\s*[-–—:]+\s*$/, '')
    .trim();
  const criteria = b.options.criteriaHeadings.some((c) => title.toLowerCase().includes(c.toLowerCase()));
  const frame: Frame = { depth: node.depth, title, defaults, criteria };
  b.enter(frame);
  const split = splitId(title);
  const facts = {
    depth: node.depth,
    title,
    hasDate: dateText !== undefined,
    hasStatusMark: mark !== null,
    hasItemId: split.id !== undefined,
    insideMilestone: b.stack.some((f) => f.milestone),
  };
  if (!criteria && isMilestoneHeading(b.options.milestones, facts)) {
    frame.milestone = { title, line, file: b.file, criteria: [], ...(dateText && b.due(dateText, line)) };
    b.milestones.push(frame.milestone);
    return;
  }
  if (criteria || node.depth === 1) return;
  if (mark || split.id) {
    b.stack.pop();
    const area: [number, number] | undefined = node.position && [
      node.position.start.offset!,
      node.position.end.offset!,
    ];
    const item = b.addItem({
      text: title,
      status: mark ? (statusOf(mark[1] ?? mark[2] ?? '') ?? 'todo') : 'todo',
      fields: {},
      body: '',
      line,
      parent: b.headingItem()?.key,
      ...(area && { titleArea: area }),
    });
    if (mark) {
      const raw = (mark[1] ?? mark[2])!;
      const start = b.text.indexOf(raw, node.position?.start.offset ?? 0);
      item.statusSpan = { kind: 'heading', start, end: start + raw.length, raw };
    }
    if (dateText) Object.assign(item, b.due(dateText, line));
    b.stack.push({ ...frame, item });
    if (!mark) b.provisional.add(item);
  }
}
