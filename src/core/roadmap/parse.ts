/**
 * Roadmap Markdown → items, milestones, criteria and warnings. Parsed as mdast (remark-gfm), not by
 * regexes over raw text: checkbox lists, task tables, heading blocks with bold fields, headings that
 * carry a status, milestone headings with dates. Pure: text in, data out.
 */
import type { Heading, List, Paragraph, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { Builder, type Frame } from './builder.js';
import { checkContradictions } from './contradictions.js';
import { anchorDate, findDate } from './dates.js';
import { parseFieldBlock, parseFields, type Fields } from './fields.js';
import { splitId } from './keys.js';
import { walkList } from './lists.js';
import { isMilestoneHeading } from './milestone-heading.js';
import { dateNamedMilestones, noteDatedList } from './milestone-list.js';
import { repairMojibake } from './mojibake.js';
import { HEADING_STATUS, statusOf } from './status.js';
import { walkTable } from './tables.js';
import { DEFAULT_CRITERIA_HEADINGS, type ParseOptions, type ParsedRoadmap } from './types.js';

const DATE_SUFFIX =
  /\s*[([]?\s*(?:target|due|eta|by)?:?\s*((?:\d{4}-\d{2}-\d{2})|(?:[A-Za-z]{3,9}\.? \d{1,2}(?:st|nd|rd|th)?(?:,? \d{4})?))\s*[)\]]?\s*$/i;
const DECORATION = /^[^\p{L}\p{N}[(]+/u;
/** A calendar emoji (or any pictograph) right before a date that was cut from a heading. */
const DATE_MARK = /[\s\p{Extended_Pictographic}\uFE0F]+$/u;
/** The `- Completed 2024-02-01` note a finished milestone's heading ends with. */
const FINISHED_NOTE =
  /\s*[-–—:(]*\s*\b(?:completed|complete|done|finished|shipped|released|closed|delivered)\b(?:\s+on)?\s*:?\s*[([]?[^()[\]]*[)\]]?\s*$/i;
const COMPLETED_BEFORE =
  /\b(?:completed|complete|done|finished|shipped|released|closed|delivered)(?:\s+on)?\s*:?\s*[([]?\s*$/i;

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
  if (repaired.count > 0) {
    const e = repaired.example!;
    b.warn(
      `repaired ${repaired.count} double-encoded UTF-8 sequence(s) (UTF-8 read as ${repaired.encoding}, e.g. "${e.from}" → "${e.to}"); save the file as UTF-8 to silence this`,
    );
  }
  // Front matter (`---` YAML or `+++` TOML at the top) is metadata: without the plugin its closing
  // `---` makes it a setext heading, and so a milestone.
  const tree = unified().use(remarkParse).use(remarkFrontmatter, ['yaml', 'toml']).use(remarkGfm).parse(text);
  let afterHeading = false;
  const blocks = tree.children;
  for (const [i, node] of blocks.entries()) {
    if (node.type === 'heading') {
      enterHeading(b, node);
      afterHeading = true;
      continue;
    }
    // `**Completion Criteria:**` alone on its line, right above a checklist, heads it as a heading would.
    const label = criteriaLabel(b, node, blocks[i + 1]);
    if (label) continue;
    const labelled = i > 0 ? criteriaLabel(b, blocks[i - 1]!, node) : undefined;
    if (labelled)
      b.inLabelledCriteria(labelled, node.position?.start.line ?? 0, () => handleBlock(b, node, afterHeading));
    else handleBlock(b, node, afterHeading);
    if (node.type !== 'paragraph' && node.type !== 'thematicBreak') afterHeading = false;
  }
  b.closeAll();
  dateNamedMilestones(b);
  b.pruneProvisional();
  b.criteriaAfterTasks();
  checkContradictions(b, text);
  const used = new Set(b.items.map((i) => i.milestone));
  const milestones = b.milestones.filter((m) => used.has(m.title) || m.criteria.length > 0 || m.due || m.declared);
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

/** A paragraph that is only a bold (or italic) label naming criteria (`**Exit criteria:**`), above a list or table. */
function criteriaLabel(b: Builder, node: RootContent, next: RootContent | undefined): string | undefined {
  if (node.type !== 'paragraph' || (next?.type !== 'list' && next?.type !== 'table')) return undefined;
  const [first, ...rest] = node.children;
  if (first?.type !== 'strong' && first?.type !== 'emphasis') return undefined;
  if (!rest.every((c) => c.type === 'text' && /^\s*:?\s*$/.test(c.value))) return undefined;
  const label = toString(first)
    .replace(/\s*:\s*$/, '')
    .trim();
  return label && b.isCriteriaTitle(label) ? label : undefined;
}

function handleBlock(b: Builder, node: RootContent, afterHeading: boolean): void {
  if (node.type === 'list') {
    noteDatedList(b, node);
    walkList(b, node);
  } else if (node.type === 'table') walkTable(b, node);
  if ((node.type === 'paragraph' || node.type === 'list') && afterHeading && applyFields(b, node)) return;
  const frame = b.stack[b.stack.length - 1];
  const owner = frame?.item;
  const hasTasks = node.type === 'table' || (node.type === 'list' && node.children.some((li) => li.checked != null));
  if (hasTasks || node.type === 'thematicBreak' || !node.position) return;
  const slice = b.text.slice(node.position.start.offset, node.position.end.offset).trim();
  if (owner) owner.body = owner.body ? `${owner.body}\n\n${slice}` : slice;
  else if (frame?.status) frame.prose.push(slice); // the body of the item the heading may become
}

/**
 * Field lines as a paragraph, or as the plain bullets a list starts with (`- **Status:** Done`, one
 * line each; checkbox tasks may follow in the same list). Their plain text and their Markdown
 * source, line by line; undefined for other lists.
 */
function fieldLines(b: Builder, node: List | Paragraph): { plain: string; source: string } | undefined {
  const source = (n: Paragraph) => (n.position ? b.text.slice(n.position.start.offset, n.position.end.offset) : '');
  if (node.type === 'paragraph') return { plain: toString(node), source: source(node) };
  const tasksFrom = node.children.findIndex((li) => li.checked != null);
  const lead = tasksFrom === -1 ? node.children : node.children.slice(0, tasksFrom);
  if (lead.length === 0 || node.children.slice(lead.length).some((li) => li.checked == null)) return undefined;
  const lines: Paragraph[] = [];
  for (const li of lead) {
    const [only, ...more] = li.children;
    if (only?.type !== 'paragraph' || more.length > 0 || toString(only).includes('\n')) return undefined;
    lines.push(only);
  }
  return { plain: lines.map((p) => toString(p)).join('\n'), source: lines.map(source).join('\n') };
}

/**
 * Field paragraphs (or bullet lists of field lines) right under a heading: for a heading item they
 * are its fields, else section defaults. Bold field lines of unknown names (`**Risk:** HIGH`) never
 * make the block prose: they go to the item's body.
 */
function applyFields(b: Builder, node: List | Paragraph): boolean {
  const lines = fieldLines(b, node);
  if (!lines) return false;
  const plain = parseFields(lines.plain);
  const block = plain !== undefined ? { fields: plain, unknown: [] } : parseFieldBlock(lines.source);
  const frame = b.stack[b.stack.length - 1];
  if (!block || !frame) return false;
  // Under a plain section, a block with unknown names counts only when it states a status (the
  // section's own): a document's header lines (`**Start Date:** …`, `**Owner:** …`) stay prose.
  if (!frame.item && plain === undefined && !block.fields.status) return false;
  const { fields, unknown } = block;
  if (frame.item) {
    const item = frame.item;
    b.provisional.delete(item);
    if (unknown.length) item.body = [item.body, unknown.join('\n')].filter(Boolean).join('\n\n');
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
    return true;
  }
  // `**Target:** 2026-05-01` under a milestone's heading is the milestone's date, not its tasks'.
  const milestone = frame.milestone;
  if (fields.due !== undefined && milestone) {
    const { due, ...rest } = fields;
    if (!milestone.due) Object.assign(milestone, b.due(due, node.position?.start.line ?? 0));
    Object.assign(frame.defaults, rest);
  } else Object.assign(frame.defaults, fields);
  if (fields.status) {
    const start = b.text.indexOf(fields.status.raw, node.position?.start.offset ?? 0);
    frame.status = { kind: 'field', start, end: start + fields.status.raw.length, raw: fields.status.raw };
  }
  if (unknown.length) frame.prose.push(unknown.join('\n'));
  return true;
}

function enterHeading(b: Builder, node: Heading): void {
  const line = node.position?.start.line ?? 0;
  // Badges (`![CI](…)`, linked or not) are decoration: their alt text is no part of the title.
  let text = toString(node, { includeImageAlt: false }).replace(/\s+/g, ' ').trim();
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
  // `Alpha 4 - Completed 2024-02-01`: the date something was finished is no due date.
  const finished = dated !== null && COMPLETED_BEFORE.test(text.slice(0, dated.index + dated[0].indexOf(dated[1]!)));
  const dateText = dated && !finished && findDate(dated[1]!) ? dated[1]! : undefined;
  const done = finished ? FINISHED_NOTE.exec(text) : null;
  // `Reviews 📅 May 22`: the mark that introduced the date goes with it.
  const title = (
    dateText ? text.slice(0, dated!.index).replace(DATE_MARK, '') : done ? text.slice(0, done.index) : text
  )
    .replace(DECORATION, '')
    .replace(/\s*[-–—:]+\s*$/, '')
    .trim();
  const criteria = b.isCriteriaTitle(title);
  const frame: Frame = { depth: node.depth, title, defaults, criteria, line, prose: [], itemsAtEntry: b.items.length };
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
    // The section of a milestone a milestone table declared is that milestone.
    const declared = b.milestones.find((m) => m.declared && m.title === title);
    const due = dateText ? b.due(dateText, line) : {};
    if (declared && !declared.due && due.due) declared.due = due.due;
    frame.milestone = declared ?? {
      title,
      line,
      file: b.file,
      criteria: [],
      ...due,
      ...(done && { status: 'done' as const }),
    };
    if (!declared) b.milestones.push(frame.milestone);
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
    b.stack.push({ ...frame, item, ...(mark?.[1] !== undefined && { leadingMark: true }) });
    if (split.id) b.headingItems.push(item);
    if (!mark) b.provisional.add(item);
  }
}
