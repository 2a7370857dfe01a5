/**
 * `roadmap pull`: drift written back into the roadmap file. A status (issue closed or reopened on
 * GitHub) in the document's own words: a checkbox flips, a table cell takes the wording other rows
 * already use for that status ("✅ Complete"), a `**Status:**` field or a heading mark likewise. A
 * title or an `@handle` changed on GitHub replaces the text the file wrote. A milestone change has
 * no one place in the file (the item would move to another section): it is reported, not patched.
 * Returns the new text and a unified diff of the changed lines.
 */
import type { RoadmapStatus } from '../model.js';
import type { Drift } from './plan-types.js';
import { DEFAULT_WORDS, statusOf } from './status.js';
import type { ParsedRoadmap, StatusSpan } from './types.js';

export interface Patched {
  file: string;
  text: string;
  diff: string;
  applied: Drift[];
  skipped: Drift[];
}

export function applyDrift(parsed: ParsedRoadmap, drift: readonly Drift[]): Patched {
  const mine = drift.filter((d) => d.file === parsed.file);
  const patchable = (d: Drift) =>
    d.field === 'status' ? d.span !== undefined : d.span !== undefined && d.replacement !== undefined;
  const applied = mine.filter(patchable).sort((a, b) => b.span!.start - a.span!.start);
  let text = parsed.text;
  for (const d of applied) {
    const replacement = d.field === 'status' ? wordFor(parsed, d.span!, d.githubStatus) : d.replacement!;
    text = text.slice(0, d.span!.start) + replacement + text.slice(d.span!.end);
  }
  // The diff is against the file as it is, so repaired mojibake shows as changed lines too, and
  // the file keeps its BOM.
  return {
    file: parsed.file,
    text: `${parsed.bom ? '\uFEFF' : ''}${text}`,
    diff: unifiedDiff(parsed.file, parsed.original ?? parsed.text, text),
    applied,
    skipped: mine.filter((d) => !patchable(d)),
  };
}

function wordFor(parsed: ParsedRoadmap, span: StatusSpan, status: RoadmapStatus): string {
  if (span.kind === 'checkbox')
    return status === 'done' || status === 'cancelled' ? (/X/.test(usedCheck(parsed)) ? '[X]' : '[x]') : '[ ]';
  if (span.kind === 'heading' && /^\[/.test(span.raw)) return status === 'done' ? '[x]' : '[ ]';
  const seen = parsed.items
    .map((i) => i.statusSpan)
    .find((s) => s && s.kind === span.kind && statusOf(s.raw) === status);
  return seen?.raw ?? DEFAULT_WORDS[span.kind][status];
}

function usedCheck(parsed: ParsedRoadmap): string {
  return parsed.items.map((i) => i.statusSpan).find((s) => s?.kind === 'checkbox' && s.raw !== '[ ]')?.raw ?? '[x]';
}

/** Line-by-line diff with zero context (`git apply --unidiff-zero` takes it); lines only change in place. */
export function unifiedDiff(file: string, before: string, after: string): string {
  const a = before.split('\n');
  const b = after.split('\n');
  if (a.length !== b.length) throw new Error('unifiedDiff expects in-place line changes');
  const hunks: string[] = [];
  a.forEach((line, i) => {
    if (line !== b[i]) hunks.push(`@@ -${i + 1} +${i + 1} @@\n-${line}\n+${b[i]}`);
  });
  return hunks.length ? `--- a/${file}\n+++ b/${file}\n${hunks.join('\n')}\n` : '';
}
