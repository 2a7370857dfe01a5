/**
 * Renamed items without an ID: an orphaned managed issue (its key is gone from the roadmap) and a new
 * item (no issue yet) from the same file are the same work when their titles are similar enough and
 * no other candidate comes close. The plan shows each match with its score.
 */
import { slug } from './keys.js';

export interface Candidate {
  key: string;
  title: string;
  source: string;
}

export interface Match {
  from: string;
  to: string;
  similarity: number;
}

const THRESHOLD = 0.5;
const MARGIN = 0.15;

/** Dice coefficient over title words: `similarity('Write docs', 'Write user docs')` → 0.8. */
export function similarity(a: string, b: string): number {
  const wa = new Set(slug(a).split('-').filter(Boolean));
  const wb = new Set(slug(b).split('-').filter(Boolean));
  if (wa.size === 0 || wb.size === 0) return 0;
  let shared = 0;
  for (const w of wa) if (wb.has(w)) shared++;
  return (2 * shared) / (wa.size + wb.size);
}

/** One-to-one matches, best first; ambiguous pairs (two candidates within MARGIN) are left unmatched. */
export function matchRenamed(orphans: readonly Candidate[], fresh: readonly Candidate[]): Match[] {
  const pairs = orphans
    .flatMap((o) =>
      fresh
        .filter((f) => f.source === o.source)
        .map((f) => ({ from: o.key, to: f.key, similarity: similarity(o.title, f.title) })),
    )
    .filter((p) => p.similarity >= THRESHOLD)
    .sort((x, y) => y.similarity - x.similarity);
  const used = new Set<string>();
  const out: Match[] = [];
  for (const pair of pairs) {
    if (used.has(pair.from) || used.has(pair.to)) continue;
    const rivals = pairs.filter(
      (p) => p !== pair && (p.from === pair.from || p.to === pair.to) && !used.has(p.from) && !used.has(p.to),
    );
    if (rivals.some((r) => pair.similarity - r.similarity < MARGIN)) continue;
    used.add(pair.from);
    used.add(pair.to);
    out.push({ ...pair, similarity: Number(pair.similarity.toFixed(2)) });
  }
  return out;
}
