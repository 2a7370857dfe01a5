/**
 * Which headings are milestones. With `milestones: auto` (the default) a heading is chosen by what
 * it carries, not by its level, since roadmaps put milestones at any level and use the same level
 * for team or topic sections (`## 🔒 Security Team`):
 * - a version: `## v0.1.0 -- Foundation`, `## 1.2.0`, `## Release 2.1`;
 * - a milestone- or phase-like numbered title: `### Milestone 1: Core`, `## Phase 2: …`, `Sprint 12`,
 *   `Week 3`, `Stage 1`, `M2`, `Q3 2026`, `H2 2026`, unless the heading carries a status mark (`### Phase 1 ✅`
 *   is a tracked item);
 * - a date (`(Oct 31)`, `(Target: 2026-03-01)`), unless the heading starts with an item ID
 *   (`#### P2A.1: Login (Oct 31)` is an item with a due date).
 * Milestones do not nest: inside a milestone section, headings are sections or items.
 * `milestones: <level>` keeps the fixed-level choice and `off` turns milestones off.
 */
const VERSION = /^(?:(?:release|version)\s+)?v?\d+\.\d+(?:\.\d+)*\b|^v\d+\b/i;
const NUMBERED =
  /^(?:milestone|phase|stage|sprint|iteration|release|week|month|wave|increment|quarter|cycle|alpha|beta|rc|preview)\s*[-#]?\s*\d+[a-z]?\b|^[MQ]\d{1,2}\b|^H[12]\s*[-/]?\s*\d{4}\b|^\d{4}\s*[-/]?\s*[QH][1-4]\b/i;

/** A title that numbers a unit of a plan (`Phase 1`, `Sprint 3`, `v0.2`), as opposed to a topic or a state. */
export function isNumberedTitle(title: string): boolean {
  return VERSION.test(title) || NUMBERED.test(title);
}

export interface HeadingFacts {
  depth: number;
  title: string;
  hasDate: boolean;
  hasStatusMark: boolean;
  hasItemId: boolean;
  /** A milestone heading encloses this one. */
  insideMilestone: boolean;
}

export function isMilestoneHeading(mode: number | 'off' | 'auto', h: HeadingFacts): boolean {
  if (mode === 'off') return false;
  if (mode !== 'auto') return h.depth === mode;
  if (h.insideMilestone) return false;
  // A document title is no milestone (`# Release 2.0` names the document), unless the version is
  // all it leads with (`# v1.12.0 - Search`: one file per release).
  if (h.depth === 1) return /^v?\d+\.\d+(?:\.\d+)*\b/i.test(h.title);
  if (VERSION.test(h.title)) return true;
  if (NUMBERED.test(h.title)) return !h.hasStatusMark;
  return h.hasDate && !h.hasItemId;
}
