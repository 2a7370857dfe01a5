/**
 * A large LCOV tracefile shaped like istanbul/vitest output: per file FN/FNDA/FNF/FNH, DA lines
 * with realistic gaps and hit counts, BRDA pairs, totals, end_of_record.
 */
import { identifier, sourcePath, type Rng } from './rng.js';
import type { Sink } from './sink.js';

export async function writeLcov(sink: Sink, rng: Rng, targetBytes: number): Promise<{ files: number }> {
  let files = 0;
  while (sink.bytes < targetBytes) {
    const coverable = rng.int(40, 1_200);
    const fileCovered = rng.next() < 0.1 ? 0 : 0.55 + rng.next() * 0.45;
    const out: string[] = ['TN:', `SF:/home/runner/work/app/app/${sourcePath(rng, files)}`];
    // Lines first (to place functions and branches on real lines), written in LCOV order after.
    const lines: number[] = [];
    const hits: number[] = [];
    let line = rng.int(1, 5);
    for (let i = 0; i < coverable; i++) {
      lines.push(line);
      hits.push(rng.chance(fileCovered) ? rng.int(1, rng.chance(0.1) ? 100_000 : 60) : 0);
      line += rng.chance(0.6) ? 1 : rng.int(2, 6);
    }
    const fnCount = Math.max(1, Math.floor(coverable / 15));
    const fns: string[] = [];
    const fnda: string[] = [];
    let fnHit = 0;
    for (let f = 0; f < fnCount; f++) {
      const idx = rng.int(0, coverable - 1);
      const name = rng.chance(0.3) ? `(anonymous_${f})` : `${identifier(rng)}${f}`;
      const h = hits[idx]!;
      fns.push(`FN:${lines[idx]},${name}`);
      fnda.push(`FNDA:${h},${name}`);
      if (h > 0) fnHit++;
    }
    out.push(...fns, ...fnda, `FNF:${fnCount}`, `FNH:${fnHit}`);
    let lh = 0;
    for (let i = 0; i < coverable; i++) {
      out.push(`DA:${lines[i]},${hits[i]}`);
      if (hits[i]! > 0) lh++;
    }
    out.push(`LF:${coverable}`, `LH:${lh}`);
    let brf = 0;
    let brh = 0;
    for (let b = 0; b < Math.floor(coverable / 10); b++) {
      const idx = rng.int(0, coverable - 1);
      const arms = rng.chance(0.8) ? 2 : rng.int(3, 5);
      for (let arm = 0; arm < arms; arm++) {
        const taken = hits[idx] === 0 ? '-' : rng.chance(0.7) ? String(rng.int(1, 40)) : '0';
        out.push(`BRDA:${lines[idx]},${b},${arm},${taken}`);
        brf++;
        if (taken !== '-' && taken !== '0') brh++;
      }
    }
    out.push(`BRF:${brf}`, `BRH:${brh}`, 'end_of_record', '');
    await sink.write(out.join('\n'));
    files++;
  }
  return { files };
}
