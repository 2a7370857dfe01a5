/**
 * The state the roadmap walker carries: the heading stack (section path, milestone, section
 * defaults such as a team's priority, criteria sections), and the items, milestones and warnings
 * found so far.
 */
import type { List } from 'mdast';
import type { RoadmapStatus } from '../model.js';
import { findDate, resolveDate } from './dates.js';
import { idList, ownerFields, type Fields } from './fields.js';
import { derivedKey, slug, splitId } from './keys.js';
import { isNumberedTitle } from './milestone-heading.js';
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
  line: number;
  /** A `**Status:**` field line right under the heading (a section default, or the heading's own). */
  status?: StatusSpan;
  /** Prose under the heading, for the item it becomes when it has a status and no task beneath. */
  prose: string[];
  itemsAtEntry: number;
  /** The heading's status mark comes before its title (`### ✅ Already Implemented`). */
  leadingMark?: boolean;
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
  /** Its list shows a pattern of bare IDs (`A1 …`, `A2 …`), so `A1` is one. */
  idPattern?: boolean;
}

export class Builder {
  readonly items: RoadmapItem[] = [];
  readonly milestones: RoadmapMilestone[] = [];
  readonly criteria: Criterion[] = [];
  readonly warnings: RoadmapWarning[] = [];
  stack: Frame[] = [];
  /** Headings with an ID (`#### P2A.1: Title`): items only once a field block follows them. */
  readonly provisional = new Set<RoadmapItem>();
  /** Items made from headings with an ID, confirmed or not. */
  readonly headingItems: RoadmapItem[] = [];
  /** Plain lists outside milestone sections, which may date the milestones they name (milestone-list.ts). */
  readonly datedLists: List[] = [];

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
    while (this.stack.length && this.stack[this.stack.length - 1]!.depth >= frame.depth) this.close();
    frame.itemsAtEntry = this.items.length;
    this.stack.push(frame);
  }

  /** Closes every open section (end of the document). */
  closeAll(): void {
    while (this.stack.length) this.close();
  }

  /**
   * Leaves the innermost section. A section heading with its own status line (`## Phase 1` then
   * `**Status:** Complete`) and no task beneath it is tracked work, as `### Phase 1 ✅` is: it
   * becomes an item (a milestone heading with no date gives way to it, as a status mark does).
   */
  private close(): void {
    const frame = this.stack.pop()!;
    const numbered = isNumberedTitle(frame.title) || splitId(frame.title).id !== undefined;
    if (frame.item && frame.leadingMark && !numbered) {
      // `### ✅ Already Implemented`: a banner mark over no task and no plan number states a state
      // (`### Task A ✅`, the mark after the title, is a tracked item).
      if (this.items.length !== frame.itemsAtEntry + 1 || this.items.at(-1) !== frame.item) return;
      this.items.pop();
      this.warn(this.stateNote(frame.title), frame.line);
      return;
    }
    if (!frame.status || frame.item || frame.criteria || frame.depth === 1) return;
    if (this.items.length !== frame.itemsAtEntry || this.inCriteria()) return;
    const milestone = frame.milestone;
    if (milestone && !milestone.due) this.milestones.splice(this.milestones.indexOf(milestone), 1);
    const item = this.addItem({
      text: frame.title,
      status: 'todo',
      fields: frame.defaults,
      body: frame.prose.join('\n\n'),
      line: frame.line,
      span: frame.status,
      parent: this.headingItem()?.key,
    });
    if (milestone?.due) item.milestone = milestone.title;
  }

  /** Section path for keys and display: headings below the document title. */
  section(): string[] {
    return this.stack.filter((f) => f.depth > 1).map((f) => f.title);
  }

  /** A heading (or bold label) that names criteria: "Success Criteria", "Definition of Done", … */
  isCriteriaTitle(title: string): boolean {
    const t = title.toLowerCase();
    return this.options.criteriaHeadings.some((c) => t.includes(c.toLowerCase()));
  }

  /** Runs `read` as inside a criteria section titled `label` (a bold label heading a checklist). */
  inLabelledCriteria(label: string, line: number, read: () => void): void {
    const depth = (this.stack.at(-1)?.depth ?? 0) + 1;
    this.stack.push({
      depth,
      title: label,
      defaults: {},
      criteria: true,
      line,
      prose: [],
      itemsAtEntry: this.items.length,
    });
    try {
      read();
    } finally {
      this.stack.pop();
    }
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
    const split = draft.id ? { id: draft.id, title: draft.text } : splitId(draft.text, draft.idPattern);
    const inline = INLINE_DEPENDS.exec(split.title);
    if (inline) {
      split.title = split.title.replace(INLINE_DEPENDS, '').trim();
      draft.fields = { ...draft.fields, dependsOn: [...(draft.fields.dependsOn ?? []), ...idList(inline[1]!)] };
    }
    const fields: Fields = Object.assign({}, ...this.stack.map((f) => f.defaults), draft.fields);
    const numbered = split.id && this.numberedParent(split.id, draft.parent);
    if (numbered) draft.parent = numbered;
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

  private stateNote(title: string): string {
    return `"${title}" leads with a status mark but has no task under it and no plan number (Phase 1, v1.2, an ID): read as a note on the state of things, not an issue; add a task under it to track it`;
  }

  /**
   * `1.1` written at the same indent as `1.` (Kiro writes them so): a dotted number extending an
   * earlier item's number, among the same siblings, makes it that item's child, at any depth
   * (`1.1.1` under `1.1`, itself under `1.` by its number).
   */
  private numberedParent(id: string, parent: string | undefined): string | undefined {
    const dot = id.lastIndexOf('.');
    if (dot <= 0) return undefined;
    const prefix = id.slice(0, dot);
    const owner = [...this.items].reverse().find((i) => i.explicit && i.key === prefix);
    if (!owner) return undefined;
    // Its sibling, or a sibling's numbered descendant (`2.1.1` after `2.`, `2.1` in one flat list).
    let sibling: RoadmapItem | undefined = owner;
    while (
      sibling &&
      sibling.parent !== parent &&
      sibling.parent !== undefined &&
      sibling.key.startsWith(`${sibling.parent}.`)
    )
      sibling = this.items.find((i) => i.key === sibling!.parent);
    return sibling?.parent === parent ? owner.key : undefined;
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

  /**
   * Drops ID headings that nothing confirmed (`## 1. Introduction` is a section, not a task). A
   * field block confirms one, and so does a pattern: sibling headings whose IDs (with letters, so not
   * a document's section numbers) share a stem (`#### 5B.1`, `#### 5B.2` under one phase).
   */
  pruneProvisional(): void {
    const stem = (i: RoadmapItem) => {
      const dot = i.key.lastIndexOf('.');
      return /[A-Za-z]/.test(i.key) && dot > 0 ? `${i.section.join('\u0000')}\u0000${i.key.slice(0, dot)}` : undefined;
    };
    const stems = new Map<string, number>();
    for (const i of this.headingItems) {
      const s = stem(i);
      if (s) stems.set(s, (stems.get(s) ?? 0) + 1);
    }
    for (const i of this.provisional) if ((stems.get(stem(i) ?? '') ?? 0) >= 2) this.provisional.delete(i);
    if (this.provisional.size === 0) return;
    const dropped = new Set([...this.provisional].map((i) => i.key));
    this.items.splice(0, this.items.length, ...this.items.filter((i) => !this.provisional.has(i)));
    for (const item of this.items) if (item.parent && dropped.has(item.parent)) delete item.parent;
  }

  /**
   * A checklist in a section that follows a phase's ID'd task headings (`#### 5B.1 …`, then
   * `### Completion Criteria` with plain checkboxes) states criteria of that phase, not more work:
   * its unnumbered, childless checkboxes become criteria (of the milestone, if there is one).
   */
  criteriaAfterTasks(): void {
    const sameSection = (a: readonly string[], b: readonly string[]) =>
      a.length === b.length && a.every((s, i) => s === b[i]);
    const parents = new Set(this.items.map((i) => i.parent).filter(Boolean));
    const kept = new Set(this.items);
    const tasks = this.headingItems.filter((h) => kept.has(h));
    const demoted = this.items.filter((item) => {
      if (item.explicit || item.parent || parents.has(item.key) || item.statusSpan?.kind !== 'checkbox') return false;
      if (item.section.length === 0) return false;
      const outer = item.section.slice(0, -1);
      return tasks.some((h) => h.explicit && h.line < item.line && sameSection(h.section, outer));
    });
    if (demoted.length === 0) return;
    const gone = new Set(demoted);
    this.items.splice(0, this.items.length, ...this.items.filter((i) => !gone.has(i)));
    for (const item of demoted) {
      const criterion = {
        text: item.title,
        done: item.status === 'done',
        heading: item.section.at(-1)!,
        line: item.line,
      };
      const milestone = item.milestone && this.milestones.find((m) => m.title === item.milestone);
      (milestone ? milestone.criteria : this.criteria).push(criterion);
    }
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
