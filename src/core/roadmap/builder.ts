/**
 * The state the roadmap walker carries: the heading stack (section path, milestone, section
 * defaults such as a team's priority, criteria sections), and the items, milestones and warnings
 * found so far.
 */
import type { RoadmapStatus } from '../model.js';
import { findDate, resolveDate } from './dates.js';
import { idList, ownerFields, type Fields } from './fields.js';
import { derivedKey, slug, splitId } from './keys.js';
import type {
  Criterion,
  ParseOptions,
  RoadmapItem,
  RoadmapMilestone,
  RoadmapWarning,
  StatusSpan,
  TextSpan,
} from './types.js';

/** `(depends on T003)` inside a title, as spec-kit task lists write it. */
const INLINE_DEPENDS = /\s*\((?:depends on|after|blocked by|requires)\s+([^)]+)\)/i;

export interface Frame {
  depth: number;
  title: string;
  defaults: Fields;
  criteria: boolean;
  milestone?: RoadmapMilestone;
  /** The heading item this section belongs to (heading blocks with fields, status headings). */
  item?: RoadmapItem;
}

export interface Draft {
  text: string;
  status: RoadmapStatus;
  fields: Fields;
  body: string;
  line: number;
  span?: StatusSpan;
  tags?: string[];
  /** An ID the table's ID column gave. */
  id?: string;
  parent?: string;
  owner?: string;
  /** Offsets of the text that holds the title, and of the text that holds the item's fields. */
  titleArea?: [number, number];
  fieldArea?: [number, number];
  table?: boolean;
}

export class Builder {
  readonly items: RoadmapItem[] = [];
  readonly milestones: RoadmapMilestone[] = [];
  readonly criteria: Criterion[] = [];
  readonly warnings: RoadmapWarning[] = [];
  stack: Frame[] = [];
  /** Headings with an ID (`#### P2A.1: Title`): items only once a field block follows them. */
  readonly provisional = new Set<RoadmapItem>();

  constructor(
    readonly file: string,
    readonly text: string,
    readonly options: ParseOptions,
    readonly anchor: string | undefined,
  ) {}

  warn(message: string, line?: number): void {
    this.warnings.push({ file: this.file, ...(line !== undefined && { line }), message });
  }

  enter(frame: Frame): void {
    this.stack = this.stack.filter((f) => f.depth < frame.depth);
    this.stack.push(frame);
  }

  /** Section path for keys and display: headings below the document title. */
  section(): string[] {
    return this.stack.filter((f) => f.depth > 1).map((f) => f.title);
  }

  inCriteria(): Frame | undefined {
    return this.stack.find((f) => f.criteria);
  }

  milestone(): RoadmapMilestone | undefined {
    return [...this.stack].reverse().find((f) => f.milestone)?.milestone;
  }

  headingItem(): RoadmapItem | undefined {
    return [...this.stack].reverse().find((f) => f.item)?.item;
  }

  addCriterion(text: string, done: boolean, line: number): void {
    const heading = this.stack[this.stack.length - 1]?.title ?? '';
    const criterion = { text, done, heading, line };
    const milestone = this.milestone();
    if (milestone && this.stack.some((f) => f.milestone === milestone && !f.criteria))
      milestone.criteria.push(criterion);
    else this.criteria.push(criterion);
  }

  /**
   * The item's status: its own field line first, then its own mark (a checkbox, a status cell),
   * and only then a status its section states ("**Status:** In Progress" under a heading), so a
   * section line never closes or reopens the tasks that say otherwise.
   */
  private statusOf(draft: Draft): RoadmapStatus {
    if (draft.fields.status) return draft.fields.status.status;
    if (draft.span) return draft.status;
    const inherited = this.stack.reduceRight<Fields['status']>((found, f) => found ?? f.defaults.status, undefined);
    return inherited?.status ?? draft.status;
  }

  /** Turns a draft into an item with inherited section defaults; returns it. */
  addItem(draft: Draft): RoadmapItem {
    const split = draft.id ? { id: draft.id, title: draft.text } : splitId(draft.text);
    const inline = INLINE_DEPENDS.exec(split.title);
    if (inline) {
      split.title = split.title.replace(INLINE_DEPENDS, '').trim();
      draft.fields = { ...draft.fields, dependsOn: [...(draft.fields.dependsOn ?? []), ...idList(inline[1]!)] };
    }
    const fields: Fields = Object.assign({}, ...this.stack.map((f) => f.defaults), draft.fields);
    const owner =
      draft.owner !== undefined ? ownerFields(draft.owner) : { owner: fields.owner, assignee: fields.assignee };
    const section = this.section();
    const milestone = this.milestone();
    const item: RoadmapItem = {
      key:
        split.id ??
        (draft.parent ? `${draft.parent}/${slug(split.title) || 'item'}` : derivedKey(section, split.title)),
      explicit: split.id !== undefined,
      title: split.title,
      status: this.statusOf(draft),
      section,
      ...(milestone && { milestone: milestone.title }),
      ...(fields.priority && { priority: fields.priority }),
      ...(fields.effort && { effort: fields.effort }),
      ...(owner.assignee && { assignee: owner.assignee }),
      ...(owner.owner && { owner: owner.owner }),
      dependsOn: fields.dependsOn ?? [],
      requirements: fields.requirements ?? [],
      ...(fields.due !== undefined && this.due(fields.due, draft.line)),
      labels: [...(draft.tags ?? []), ...(fields.labels ?? [])],
      // Line endings as \n: a Windows checkout (CRLF) and a Linux one must give the same body, or
      // every sync that switches between them rewrites every issue.
      body: draft.body.replace(/\r\n?/g, '\n'),
      ...(draft.parent && { parent: draft.parent }),
      file: this.file,
      line: draft.line,
      ...(draft.span && { statusSpan: draft.span }),
    };
    const titleSpan = draft.titleArea && this.locate(split.title, draft.titleArea, draft.table);
    if (titleSpan) item.titleSpan = titleSpan;
    const assigneeSpan =
      item.assignee && draft.fieldArea && this.locate(`@${item.assignee}`, draft.fieldArea, draft.table);
    if (assigneeSpan) item.assigneeSpan = assigneeSpan;
    this.items.push(item);
    return item;
  }

  /** Where `needle` is written verbatim in `[start, end)` (an `@handle` not followed by more of a handle), if it is. */
  locate(needle: string, [start, end]: [number, number], table?: boolean): TextSpan | undefined {
    if (!needle) return undefined;
    for (
      let at = this.text.indexOf(needle, start);
      at >= 0 && at + needle.length <= end;
      at = this.text.indexOf(needle, at + 1)
    ) {
      if (needle.startsWith('@') && /[\w-]/.test(this.text[at + needle.length] ?? '')) continue;
      return { start: at, end: at + needle.length, raw: needle, ...(table && { table: true }) };
    }
    return undefined;
  }

  /** Drops ID headings that no field block confirmed (`## 1. Introduction` is a section, not a task). */
  pruneProvisional(): void {
    if (this.provisional.size === 0) return;
    const dropped = new Set([...this.provisional].map((i) => i.key));
    this.items.splice(0, this.items.length, ...this.items.filter((i) => !this.provisional.has(i)));
    for (const item of this.items) if (item.parent && dropped.has(item.parent)) delete item.parent;
  }

  /** A due date as YYYY-MM-DD; an ambiguous one is reported and left out. */
  due(text: string, line: number): { due?: string } {
    const found = findDate(text);
    if (!found) return {};
    const resolved = resolveDate(found, this.anchor);
    if ('date' in resolved) return { due: resolved.date };
    this.warn(`ambiguous date: ${resolved.ambiguous}; write it as YYYY-MM-DD`, line);
    return {};
  }
}
