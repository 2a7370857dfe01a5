/**
 * `npx tsx bench/lcov-blank.ts <shape> [MiB]`: the lcov parser's CPU time per byte on a generated
 * tracefile of one shape, to compare a real-looking file with files made mostly of lines it reads
 * as nothing (issue 12: blank lines cost ~100× a real line per byte). Median of 5 parses in one
 * process, CPU time (user + system, so a loaded machine skews it less than wall time), from the
 * source the CLI opens. Add `node --no-expose-wasm --import tsx` to time the TypeScript scanner alone.
 */
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileSource } from '../src/collect/file-source.js';
import { createPathMapper } from '../src/core/paths.js';
import { lcov } from '../src/core/reports/coverage/lcov.js';
import { DEFAULT_LIMITS } from '../src/core/reports/types.js';

/** One record of each shape, given its SF and TN lines. */
const SHAPES: Record<string, (head: string) => string> = {
  real: (head) => {
    const lines = [head];
    for (let i = 1; i <= 400; i++) lines.push(`DA:${i},${i % 3}\n`);
    for (let i = 1; i <= 40; i++) lines.push(`BRDA:${i * 5},0,${i % 2},${i % 4}\n`);
    return `${lines.join('')}LF:400\nLH:266\nend_of_record\n`;
  },
  'blank-in': (head) => `${head}DA:1,1\n${'\n'.repeat(65_536)}DA:2,0\nend_of_record\n`,
  'blank-out': (head) => `${head}DA:1,1\nend_of_record\n${'\n'.repeat(65_536)}`,
  'crlf-in': (head) => `${head}DA:1,1\n${'\r\n'.repeat(32_768)}DA:2,0\nend_of_record\n`,
  'tabs-in': (head) => `${head}DA:1,1\n${'\t\n'.repeat(32_768)}DA:2,0\nend_of_record\n`,
  'lh-in': (head) => `${head}DA:1,1\n${'LH:0\n'.repeat(13_107)}DA:2,0\nend_of_record\n`,
  'da-alt': (head) => `${head}${'DA:1,1\n\n'.repeat(8_192)}end_of_record\n`,
};

const [shape = 'real', mib = '10'] = process.argv.slice(2);
const make = SHAPES[shape];
if (!make) throw new Error(`shape is one of ${Object.keys(SHAPES).join(', ')}`);
const size = Number(mib) * 1024 * 1024;
const parts: string[] = [];
for (let bytes = 0, file = 0; bytes < size; file++) {
  const record = make(`TN:\nSF:src/f${file}.ts\n`);
  parts.push(record);
  bytes += record.length;
}
const path = join(tmpdir(), `readygate-lcov-${shape}-${mib}.info`);
const text = parts.join('');
writeFileSync(path, text);

const paths = createPathMapper({ root: '/' });
const times: number[] = [];
for (let run = 0; run < 5; run++) {
  const before = process.cpuUsage();
  await lcov.parse({ source: fileSource(tmpdir(), path), paths, limits: DEFAULT_LIMITS });
  const used = process.cpuUsage(before);
  times.push((used.user + used.system) / 1000);
}
const median = times.sort((a, b) => a - b)[2]!;
process.stdout.write(
  `${shape}: ${mib} MiB, median CPU ${median.toFixed(0)} ms, ${((median * 1e6) / text.length).toFixed(1)} ns/byte\n`,
);
