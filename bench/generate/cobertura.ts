/**
 * A large Cobertura XML file shaped like coverage.py/istanbul output: packages of classes (one per
 * source file) with methods and `<line number hits branch condition-coverage>` elements. Root
 * totals come from a dry pass.
 */
import { identifier, sourcePath, type Rng } from './rng.js';
import type { Sink } from './sink.js';

export interface CoberturaTotals {
  linesValid: number;
  linesCovered: number;
  branchesValid: number;
  branchesCovered: number;
  classes: number;
}

const rate = (covered: number, valid: number): string => (valid === 0 ? '1' : (covered / valid).toFixed(4));

export async function writeCobertura(
  sink: Sink,
  rng: Rng,
  targetBytes: number,
  totals?: CoberturaTotals,
): Promise<CoberturaTotals> {
  const t: CoberturaTotals = { linesValid: 0, linesCovered: 0, branchesValid: 0, branchesCovered: 0, classes: 0 };
  const head = totals
    ? `lines-valid="${totals.linesValid}" lines-covered="${totals.linesCovered}" line-rate="${rate(totals.linesCovered, totals.linesValid)}" branches-valid="${totals.branchesValid}" branches-covered="${totals.branchesCovered}" branch-rate="${rate(totals.branchesCovered, totals.branchesValid)}"`
    : '';
  await sink.write(
    '<?xml version="1.0" ?>\n<!DOCTYPE coverage SYSTEM "http://cobertura.sourceforge.net/xml/coverage-04.dtd">\n' +
      `<coverage ${head} timestamp="1767225600000" complexity="0" version="0.1">\n  <sources>\n    <source>/home/runner/work/app/app</source>\n  </sources>\n  <packages>\n`,
  );
  const start = sink.bytes;
  let pkg = 0;
  while (sink.bytes - start < targetBytes) {
    const classes: string[] = [];
    for (let c = rng.int(3, 20); c > 0; c--) {
      const filename = sourcePath(rng, t.classes);
      const covered = rng.next() < 0.1 ? 0 : 0.55 + rng.next() * 0.45;
      const lines: string[] = [];
      const methods: string[] = [];
      let lv = 0;
      let lc = 0;
      let bv = 0;
      let bc = 0;
      let line = rng.int(1, 5);
      for (let i = rng.int(40, 1_200); i > 0; i--) {
        const hits = rng.chance(covered) ? rng.int(1, 60) : 0;
        lv++;
        if (hits > 0) lc++;
        if (rng.chance(0.08)) {
          const arms = 2;
          const taken = hits === 0 ? 0 : rng.int(0, arms);
          bv += arms;
          bc += taken;
          lines.push(
            `            <line number="${line}" hits="${hits}" branch="true" condition-coverage="${Math.round((taken / arms) * 100)}% (${taken}/${arms})"/>`,
          );
        } else lines.push(`            <line number="${line}" hits="${hits}" branch="false"/>`);
        if (rng.chance(0.06)) {
          methods.push(
            `            <method name="${identifier(rng)}" hits="${hits}" signature="()V">\n              <lines>\n                <line number="${line}" hits="${hits}"/>\n              </lines>\n            </method>`,
          );
        }
        line += rng.chance(0.6) ? 1 : rng.int(2, 6);
      }
      classes.push(
        `        <class name="${filename.slice(filename.lastIndexOf('/') + 1)}" filename="${filename}" line-rate="${rate(lc, lv)}" branch-rate="${rate(bc, bv)}" complexity="0">\n` +
          `          <methods>\n${methods.join('\n')}\n          </methods>\n          <lines>\n${lines.join('\n')}\n          </lines>\n        </class>`,
      );
      t.linesValid += lv;
      t.linesCovered += lc;
      t.branchesValid += bv;
      t.branchesCovered += bc;
      t.classes++;
    }
    await sink.write(
      `    <package name="pkg${pkg}" line-rate="1" branch-rate="1" complexity="0">\n      <classes>\n${classes.join('\n')}\n      </classes>\n    </package>\n`,
    );
    pkg++;
  }
  await sink.write('  </packages>\n</coverage>\n');
  return t;
}
