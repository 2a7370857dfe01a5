/**
 * Field lines: `**Priority:** HIGH`, `**Status:** NOT STARTED`, `**Effort:** 3-4 hours`,
 * `**Dependency:** P2A.1, P2B (auth)`, `_Requirements: 1.1, 1.2_`, and several on one line joined
 * by `|` (`**Priority: CRITICAL | Timeline: Week 1**`). A paragraph is a field block only when every
 * segment is a known field, so prose that happens to contain a colon stays prose.
 */
import type { RoadmapStatus } from '../model.js';
import { statusOf } from './status.js';

export interface Fields {
  status?: { status: RoadmapStatus; raw: string };
  priority?: string;
  effort?: string;
  owner?: string;
  assignee?: string;
  dependsOn?: string[];
  requirements?: string[];
  due?: string;
  labels?: string[];
}

type FieldName = keyof Fields | 'ignored';

const FIELD_NAMES: [RegExp, FieldName][] = [
  [/^(status|state|progress)$/i, 'status'],
  [/^priority$/i, 'priority'],
  [/^(effort|estimate|estimated effort|complexity|size|points)$/i, 'effort'],
  [/^(assignee|assigned to|owner)$/i, 'owner'],
  [/^(dependency|dependencies|depends on|blocked by|requires)$/i, 'dependsOn'],
  [/^(requirements?|refs?|references)$/i, 'requirements'],
  [/^(due|due date|deadline|target|target date)$/i, 'due'],
  [/^(labels?|tags?)$/i, 'labels'],
  [/^(timeline|lead|team|phase|sprint|week)$/i, 'ignored'],
];

const SEGMENT = /^\s*([A-Za-z][A-Za-z ]{0,30}?)\s*:\s*(.*?)\s*$/;
/** A GitHub handle as written in a roadmap: `@alice`, `@alice-b`. */
const HANDLE = /^@([A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38})$/;

/** A bold field line whose name readygate does not know: `**Risk:** HIGH`, `**Notes**: …`. */
const UNKNOWN_FIELD = /^\s*(?:\*\*|__)[\p{L}][\p{L}\p{N} ()/&-]{0,40}?(?::(?:\*\*|__)|(?:\*\*|__):)\s*\S/u;

export interface FieldBlock {
  fields: Fields;
  /** Lines written as fields whose name is unknown (kept in the item's body). */
  unknown: string[];
}

/**
 * A paragraph of field lines, from its Markdown source: every line a known field line, or a bold
 * field line of a name readygate does not know (`**Risk:** HIGH`), kept aside rather than making
 * the whole block prose. Undefined when any line is neither, or when no line is a known field and no
 * line is bold-field shaped.
 */
export function parseFieldBlock(markdown: string): FieldBlock | undefined {
  const lines = markdown.split(/\r?\n/).filter((l) => l.trim() !== '');
  if (lines.length === 0) return undefined;
  const fields: Fields = {};
  const unknown: string[] = [];
  for (const line of lines) {
    const known = parseFields(line.replace(/\s{2,}$|\\$/, ''));
    if (known) Object.assign(fields, known);
    else if (UNKNOWN_FIELD.test(line)) unknown.push(line.trim());
    else return undefined;
  }
  return { fields, unknown };
}

/** Fields in `text` (the paragraph's plain text), or undefined when it is not a field block. */
export function parseFields(text: string): Fields | undefined {
  const segments = text
    .replace(/^[_*\s]+|[_*\s]+$/g, '')
    .split(/\s*\|\s*|\n/)
    .filter((s) => s.trim() !== '');
  if (segments.length === 0) return undefined;
  const fields: Fields = {};
  for (const segment of segments) {
    const match = SEGMENT.exec(segment);
    if (!match) return undefined;
    const name = FIELD_NAMES.find(([re]) => re.test(match[1]!.trim()))?.[1];
    if (!name) return undefined;
    const value = match[2]!.replace(/^[_*\s]+|[_*\s]+$/g, '');
    if (name === 'ignored' || value === '') continue;
    assign(fields, name, value);
  }
  return fields;
}

function assign(fields: Fields, name: Exclude<FieldName, 'ignored'>, value: string): void {
  switch (name) {
    case 'status': {
      const status = statusOf(value);
      if (status) fields.status = { status, raw: value };
      return;
    }
    case 'owner':
      Object.assign(fields, ownerFields(value));
      return;
    case 'dependsOn':
      fields.dependsOn = idList(value);
      return;
    case 'requirements':
      fields.requirements = value.split(/\s*,\s*/).filter(Boolean);
      return;
    case 'labels':
      fields.labels = value
        .split(/\s*,\s*/)
        .map((l) => l.replace(/^`|`$/g, ''))
        .filter(Boolean);
      return;
    default:
      fields[name] = value;
  }
}

/** `@alice` is a GitHub handle; "code-hygiene-master" is an owner name only. */
export function ownerFields(value: string): Pick<Fields, 'owner' | 'assignee'> {
  const owner = value.replace(/[*_`]/g, '').trim();
  const handle = HANDLE.exec(owner);
  return { owner, ...(handle && { assignee: handle[1]! }) };
}

/** `P2A.1, P2B (auth)` → `['P2A.1', 'P2B']`; "none" and dashes are no dependencies. */
export function idList(value: string): string[] {
  return value
    .split(/\s*(?:,|;|\band\b)\s*/)
    .map(
      (part) =>
        part
          .replace(/\(.*?\)/g, '')
          .replace(/^#/, '')
          .trim()
          .split(/\s+/)[0] ?? '',
    )
    .filter((id) => id !== '' && !/^(none|n\/a|-|—|–)$/i.test(id));
}
