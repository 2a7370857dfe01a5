/** The parsed shape of roadmap Markdown: items, milestones, criteria and warnings. Pure data. */
import type { RoadmapStatus } from '../model.js';

/** Where an item's status is written, so `roadmap pull` can rewrite exactly that span. */
export interface StatusSpan {
  kind: 'checkbox' | 'table' | 'field' | 'heading';
  /** Offsets into the (repaired) document text: [start, end). */
  start: number;
  end: number;
  raw: string;
}

/** Where a title or an `@handle` is written verbatim, so `roadmap pull` can replace exactly it. */
export interface TextSpan {
  start: number;
  end: number;
  raw: string;
  /** Inside a table cell (a `|` written there must be escaped). */
  table?: boolean;
}

export interface RoadmapItem {
  /** Stable identity: the explicit ID when the document has one, else section path + title. */
  key: string;
  /** True when `key` came from an explicit ID (`SEC-001`, `P2A.1`, `T001`, `1.`). */
  explicit: boolean;
  title: string;
  status: RoadmapStatus;
  section: string[];
  milestone?: string;
  priority?: string;
  effort?: string;
  /** A GitHub handle (without @), only when the document wrote one. */
  assignee?: string;
  /** Whoever the document names as owner, handle or not (for contradiction checks). */
  owner?: string;
  /** Keys (or raw IDs) of the items this one depends on. */
  dependsOn: string[];
  requirements: string[];
  due?: string;
  labels: string[];
  body: string;
  /** Key of the enclosing item for nested subtasks. */
  parent?: string;
  file: string;
  line: number;
  statusSpan?: StatusSpan;
  titleSpan?: TextSpan;
  assigneeSpan?: TextSpan;
}

export interface Criterion {
  text: string;
  done: boolean;
  heading: string;
  line: number;
}

export interface RoadmapMilestone {
  title: string;
  due?: string;
  line: number;
  file: string;
  criteria: Criterion[];
  /** Declared by a row of a milestone table: created even before a task names it. */
  declared?: boolean;
  /** What the milestone is about (a milestone table's theme column). */
  description?: string;
  /** The milestone's own status (a milestone table's status column); done creates it closed. */
  status?: RoadmapStatus;
}

export interface RoadmapWarning {
  file: string;
  line?: number;
  message: string;
}

export interface ParsedRoadmap {
  file: string;
  /** The text that was parsed (mojibake repaired). Status spans point into it. */
  text: string;
  repaired: boolean;
  /** The file's text before the repair (without a BOM), when there was one to make. */
  original?: string;
  /** The file starts with a UTF-8 BOM (kept when the file is written back). */
  bom?: boolean;
  items: RoadmapItem[];
  milestones: RoadmapMilestone[];
  /** Criteria checklists outside any milestone. */
  criteria: Criterion[];
  warnings: RoadmapWarning[];
}

export interface ParseOptions {
  /** 'auto': headings that carry a date, a version or a milestone-like number; a heading level; or 'off'. */
  milestones: number | 'off' | 'auto';
  /** Headings (case-insensitive substrings) whose checklists are criteria, not tasks. */
  criteriaHeadings: string[];
}

export const DEFAULT_CRITERIA_HEADINGS = [
  'success criteria',
  'definition of done',
  'acceptance criteria',
  'completion criteria',
  'exit criteria',
];
