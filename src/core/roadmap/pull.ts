/**
 * `roadmap pull`: drift (issues closed or reopened on GitHub) written back into the roadmap file, in
 * the document's own words: a checkbox flips, a table cell takes the wording other rows already use
 * for that status ("✅ Complete"), a `**Status:**` field or a heading mark likewise. Returns the new
 * text and a unified diff of the changed lines.
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
  const applied = mine.filter((d) => d.span).sort((a, b) => b.span!.start - a.span!.start);
  let text = parsed.text;
  for (const d of applied) text = text.slice(0, d.span!.start) + wordFor(parsed, d.span!, d.githubStatus) + text.slice(d.span!.end);
  return { file: parsed.file, text, diff: unifiedDiff(parsed.file, parsed.text, text), applied, skipped: mine.filter((d) => !d.span) };
}

function wordFor(parsed: ParsedRoadmap, span: StatusSpan, status: RoadmapStatus): string {
  if (span.kind === 'checkbox') return status === 'done' || status === 'cancelled' ? (/X/.test(usedCheck(parsed)) ? '[X]' : '[x]') : '[ ]';
  if (span.kind === 'heading' && /^\[/.test(span.raw)) return status === 'done' ? '[x]' : '[ ]';
  const seen = parsed.items.map((i) => i.statusSpan).find((s) => s && s.kind === span.kind && statusOf(s.raw) === status);
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
