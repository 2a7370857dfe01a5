/**
 * A large JUnit XML file shaped like jest-junit/Surefire output: suites of test cases, ~3% failing
 * with an escaped message and a stack trace, ~2% skipped, some suites with system-out. Root totals
 * come from a dry pass, so the header is as truthful as a real tool's.
 */
import { identifier, sourcePath, type Rng } from './rng.js';
import type { Sink } from './sink.js';

export interface JunitTotals {
  tests: number;
  failures: number;
  skipped: number;
  suites: number;
}

export async function writeJunit(
  sink: Sink,
  rng: Rng,
  targetBytes: number,
  totals?: JunitTotals,
): Promise<JunitTotals> {
  const counted: JunitTotals = { tests: 0, failures: 0, skipped: 0, suites: 0 };
  const root = totals
    ? `<testsuites name="bench" tests="${totals.tests}" failures="${totals.failures}" errors="0" skipped="${totals.skipped}" time="${(totals.tests * 0.004).toFixed(3)}">\n`
    : '<testsuites>\n';
  await sink.write(`<?xml version="1.0" encoding="UTF-8"?>\n${root}`);
  const start = sink.bytes;
  while (sink.bytes - start < targetBytes) {
    const file = sourcePath(rng, counted.suites).replace(/\.ts$/, '.test.ts');
    const describe = identifier(rng, 3);
    const n = rng.int(5, 80);
    const cases: string[] = [];
    let failures = 0;
    let skipped = 0;
    for (let i = 0; i < n; i++) {
      const name = `${describe} ${identifier(rng, 2)} handles case ${i}`;
      const attrs = `classname="${describe} ${name}" name="${name}" time="${(rng.int(0, 900) / 1000).toFixed(3)}" file="${file}"`;
      if (rng.chance(0.03)) {
        failures++;
        const expected = rng.int(0, 99);
        cases.push(
          `    <testcase ${attrs}>\n      <failure message="expect(received).toBe(expected) // Object.is equality&#10;&#10;Expected: ${expected}&#10;Received: ${expected + 1}" type="AssertionError">` +
            `Error: expect(received).toBe(expected) // Object.is equality\n\nExpected: ${expected}\nReceived: ${expected + 1}\n` +
            `    at Object.&lt;anonymous&gt; (/home/runner/work/app/app/${file}:${rng.int(5, 400)}:${rng.int(3, 40)})\n` +
            '    at Promise.then.completed (/home/runner/work/app/app/node_modules/jest-circus/build/utils.js:298:28)\n' +
            '    at new Promise (&lt;anonymous&gt;)\n' +
            '    at callAsyncCircusFn (/home/runner/work/app/app/node_modules/jest-circus/build/utils.js:231:10)</failure>\n    </testcase>',
        );
      } else if (rng.chance(0.02)) {
        skipped++;
        cases.push(`    <testcase ${attrs}>\n      <skipped/>\n    </testcase>`);
      } else {
        cases.push(`    <testcase ${attrs}>\n    </testcase>`);
      }
    }
    const out = rng.chance(0.05)
      ? `    <system-out><![CDATA[console.log\n    ${identifier(rng, 4)} ready & <ok>\n]]></system-out>\n`
      : '';
    await sink.write(
      `  <testsuite name="${file}" errors="0" failures="${failures}" skipped="${skipped}" timestamp="2026-01-01T00:00:00" time="${(n * 0.004).toFixed(3)}" tests="${n}">\n` +
        `${cases.join('\n')}\n${out}  </testsuite>\n`,
    );
    counted.tests += n;
    counted.failures += failures;
    counted.skipped += skipped;
    counted.suites++;
  }
  await sink.write('</testsuites>\n');
  return counted;
}
