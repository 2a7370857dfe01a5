/**
 * `npx tsx bench/bounds.ts [case…] [--heap MiB]`: memory and time of readygate's parsers at the
 * bounds of the whole-document formats (issue 12): a JSON report at its container bound or
 * `maxJsonBytes`, one XML token at `maxXmlTokenChars`, with the scanner and with saxes (a DTD). Each
 * case runs in its own process (`--heap` sets its `--max-old-space-size`, e.g. 2048 for what Node
 * gives itself on a 7-8 GB runner) and prints its parse time, the process's peak RSS, the largest V8
 * heap it saw (sampled between reads, so a lower bound: one synchronous JSON.parse is not sampled
 * inside), and the outcome: data, a failed report (the message), or a crash. BOUND_CONTAINERS=n
 * generates and parses the JSON cases at another container bound. Inputs go to the temp folder (up
 * to 1 GiB each).
 */
import { spawnSync } from 'node:child_process';
import { closeSync, openSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import { DEFAULT_LIMITS } from '../src/core/reports/types.js';
import { jsonContainerLimit } from '../src/core/stream/json.js';

/** The container bound the cases are generated at (BOUND_CONTAINERS also sets the one parsed with). */
const MAX_CONTAINERS = Number(process.env.BOUND_CONTAINERS ?? jsonContainerLimit(DEFAULT_LIMITS));
const MAX_BYTES = DEFAULT_LIMITS.maxJsonBytes;
const MAX_TOKEN = DEFAULT_LIMITS.maxXmlTokenChars!;

/** Writes `count` copies of `piece(i)` between `head` and `tail`, in 1 MiB batches. */
function write(path: string, head: string, count: number, piece: (i: number) => string, tail: string, sep = ''): void {
  const fd = openSync(path, 'w');
  let batch = head;
  for (let i = 0; i < count; i++) {
    batch += (i > 0 ? sep : '') + piece(i);
    if (batch.length >= 1 << 20) {
      writeSync(fd, batch);
      batch = '';
    }
  }
  writeSync(fd, batch + tail);
  closeSync(fd);
}

const MESSAGE = '{"ruleId":"no-x","severity":2,"message":"m","line":1,"column":1}';
const FILE = (i: number) => `{"filePath":"/r/src/f${i}.js","messages":[${MESSAGE}],"errorCount":1,"warningCount":0}`;

/** One file of an istanbul coverage-final.json: 500 statements, 50 functions, 50 two-way branches. */
function istanbulFile(i: number): string {
  const pos = (line: number, column: number) => `{"line":${line},"column":${column}}`;
  const loc = (line: number) => `{"start":${pos(line, 4)},"end":${pos(line, 40)}}`;
  const statements: string[] = [];
  const s: string[] = [];
  for (let k = 0; k < 500; k++) {
    statements.push(`"${k}":${loc(k + 1)}`);
    s.push(`"${k}":${k % 3}`);
  }
  const fns: string[] = [];
  const f: string[] = [];
  const branches: string[] = [];
  const b: string[] = [];
  for (let k = 0; k < 50; k++) {
    fns.push(`"${k}":{"name":"f${k}","decl":${loc(k * 10 + 1)},"loc":${loc(k * 10 + 1)},"line":${k * 10 + 1}}`);
    f.push(`"${k}":${k % 2}`);
    branches.push(
      `"${k}":{"loc":${loc(k * 10 + 2)},"type":"if","locations":[${loc(k * 10 + 2)},${loc(k * 10 + 3)}],"line":${k * 10 + 2}}`,
    );
    b.push(`"${k}":[${k % 2},1]`);
  }
  const path = `/r/src/m${i}/file${i}.js`;
  return `"${path}":{"path":"${path}","statementMap":{${statements.join(',')}},"fnMap":{${fns.join(',')}},"branchMap":{${branches.join(',')}},"s":{${s.join(',')}},"f":{${f.join(',')}},"b":{${b.join(',')}}}`;
}
/** Objects and arrays in one istanbulFile. */
const ISTANBUL_FILE_CONTAINERS = 1 + (1 + 500 * 3) + (1 + 50 * 7) + (1 + 50 * 11) + 1 + 1 + (1 + 50);

interface Case {
  signal: 'lint' | 'tests' | 'coverage';
  format: string;
  make(path: string): void;
}

/** Generated inputs; `under` cases sit just inside a bound, `over` ones just past it. */
const CASES: Record<string, Case> = {
  // JSON: the fewest bytes per container ({}), at the container bound
  'json-empty-objects-under': {
    signal: 'lint',
    format: 'eslint-json',
    make: (p) => write(p, '[', MAX_CONTAINERS - 1, () => '{}', ']', ','),
  },
  'json-empty-objects-over': {
    signal: 'lint',
    format: 'eslint-json',
    make: (p) => write(p, '[', MAX_CONTAINERS, () => '{}', ']', ','),
  },
  // JSON: an eslint report of one finding per file, up to the byte bound (3 containers a file)
  'json-eslint-files-bytes': {
    signal: 'lint',
    format: 'eslint-json',
    make: (p) => write(p, '[', Math.floor((MAX_BYTES - 1024) / (FILE(9_999_999).length + 1)), FILE, ']', ','),
  },
  // JSON: one file with as many findings as the byte bound allows (1 container a finding)
  'json-eslint-messages-bytes': {
    signal: 'lint',
    format: 'eslint-json',
    make: (p) =>
      write(
        p,
        '[{"filePath":"/r/a.js","messages":[',
        Math.min(MAX_CONTAINERS - 3, Math.floor((MAX_BYTES - 1024) / (MESSAGE.length + 1))),
        () => MESSAGE,
        '],"errorCount":1,"warningCount":0}]',
        ',',
      ),
  },
  // JSON: jest results of passing tests, up to the container bound
  'json-jest-tests-containers': {
    signal: 'tests',
    format: 'jest-json',
    make: (p) => {
      const test = '{"title":"t","fullName":"t","status":"passed","failureMessages":[],"ancestorTitles":[]}';
      const n = Math.floor((MAX_CONTAINERS - 10) / 3);
      write(
        p,
        '{"success":true,"numTotalTests":' +
          n +
          ',"numPassedTests":' +
          n +
          ',"numFailedTests":0,"numPendingTests":0,"testResults":[{"name":"/r/a.test.js","status":"passed","message":"","assertionResults":[',
        n,
        () => test,
        ']}]}',
        ',',
      );
    },
  },
  // JSON: SARIF whose one result has empty locations ({} is a valid location): every one passes
  // the shape check, so zod builds a copy of each
  'json-sarif-locations-containers': {
    signal: 'lint',
    format: 'sarif',
    make: (p) =>
      write(
        p,
        '{"version":"2.1.0","runs":[{"tool":{"driver":{"name":"x"}},"results":[{"message":{"text":"m"},"locations":[',
        MAX_CONTAINERS - 9,
        () => '{}',
        ']}]}]}',
        ',',
      ),
  },
  // JSON: istanbul coverage-final.json, up to the container bound, and up to the byte bound
  'json-istanbul-containers': {
    signal: 'coverage',
    format: 'istanbul-json',
    make: (p) => write(p, '{', Math.floor((MAX_CONTAINERS - 1) / ISTANBUL_FILE_CONTAINERS), istanbulFile, '}', ','),
  },
  'json-istanbul-bytes': {
    signal: 'coverage',
    format: 'istanbul-json',
    make: (p) =>
      write(p, '{', Math.floor((MAX_BYTES - 1024) / (istanbulFile(99_999).length + 1)), istanbulFile, '}', ','),
  },
  // XML: one attribute value just under the token bound, and one that never closes
  'xml-attribute-under': {
    signal: 'tests',
    format: 'junit',
    make: (p) => write(p, '<testsuite name="s"><testcase name="', MAX_TOKEN - 64, () => 'x', '"/></testsuite>'),
  },
  'xml-attribute-over': {
    signal: 'tests',
    format: 'junit',
    make: (p) => write(p, '<testsuite name="s"><testcase name="', 4 * MAX_TOKEN, () => 'x', '"/></testsuite>'),
  },
  // XML: 64 test cases, each named with nearly a whole token (1 GiB): what is kept of each name
  'xml-long-names-1gib': {
    signal: 'tests',
    format: 'junit',
    make: (p) => {
      const name = 'n'.repeat(MAX_TOKEN - 64);
      write(p, '<testsuite name="s">', 64, (i) => `<testcase name="${i} ${name}"/>`, '</testsuite>');
    },
  },
  // XML: one tag whose distinct attributes fill the token bound (each one a property to build)
  'xml-many-attributes-under': {
    signal: 'tests',
    format: 'junit',
    make: (p) =>
      write(
        p,
        '<testsuite name="s"><testcase name="t"',
        Math.floor((MAX_TOKEN - 64) / 12),
        (i) => ` a${i.toString(36).padStart(5, '0')}="x"`,
        '/></testsuite>',
      ),
  },
  // XML with a DTD (read by saxes): the same, and a run of text
  'xml-dtd-attribute-under': {
    signal: 'tests',
    format: 'junit',
    make: (p) =>
      write(
        p,
        '<!DOCTYPE testsuite [<!ENTITY e "x">]>\n<testsuite name="s"><testcase name="',
        MAX_TOKEN - 128,
        () => 'x',
        '"/></testsuite>',
      ),
  },
  'xml-dtd-many-attributes-under': {
    signal: 'tests',
    format: 'junit',
    make: (p) =>
      write(
        p,
        '<!DOCTYPE testsuite [<!ENTITY e "x">]>\n<testsuite name="s"><testcase name="t"',
        Math.floor((MAX_TOKEN - 128) / 12),
        (i) => ` a${i.toString(36).padStart(5, '0')}="x"`,
        '/></testsuite>',
      ),
  },
  'xml-dtd-text-under': {
    signal: 'tests',
    format: 'junit',
    make: (p) =>
      write(
        p,
        '<!DOCTYPE testsuite [<!ENTITY e "x">]>\n<testsuite name="s"><testcase name="t"><failure message="m">',
        MAX_TOKEN - 256,
        () => 'y',
        '</failure></testcase></testsuite>',
      ),
  },
};

async function child(id: string, file: string): Promise<void> {
  const { parseReport } = await import('../src/core/reports/registry.js');
  const { createPathMapper } = await import('../src/core/paths.js');
  const { fileSource } = await import('../src/collect/file-source.js');
  const c = CASES[id]!;
  let peakHeap = 0;
  const sample = setInterval(() => (peakHeap = Math.max(peakHeap, v8.getHeapStatistics().used_heap_size)), 5);
  const started = performance.now();
  let outcome: string;
  try {
    // BOUND_CONTAINERS=n: parse with that container bound instead (to measure past the default)
    const containers = process.env.BOUND_CONTAINERS ? { maxJsonContainers: Number(process.env.BOUND_CONTAINERS) } : {};
    const limits = { ...DEFAULT_LIMITS, ...containers };
    const { data } = await parseReport(
      c.signal,
      { source: fileSource(tmpdir(), file), paths: createPathMapper({ root: '/r' }), limits },
      c.format,
    );
    outcome = `data: ${JSON.stringify(data, (k, v: unknown) => (Array.isArray(v) ? `[${v.length}]` : typeof v === 'string' && v.length > 40 ? `${v.length} chars` : v)).slice(0, 160)}`;
  } catch (error) {
    outcome = `failed: ${(error as Error).message.slice(0, 160)}`;
  }
  const ms = performance.now() - started;
  clearInterval(sample);
  peakHeap = Math.max(peakHeap, v8.getHeapStatistics().used_heap_size);
  process.stdout.write(
    `${JSON.stringify({ ms: Math.round(ms), maxRssMiB: Math.round(process.resourceUsage().maxRSS / 1024), peakHeapMiB: Math.round(peakHeap / 2 ** 20), outcome })}\n`,
  );
}

const args = process.argv.slice(2);
if (args[0] === '--child') await child(args[1]!, args[2]!);
else {
  const heapAt = args.indexOf('--heap');
  const heap = heapAt === -1 ? undefined : args.splice(heapAt, 2)[1];
  const ids = args.length > 0 ? args : Object.keys(CASES);
  const script = fileURLToPath(import.meta.url);
  for (const id of ids) {
    if (!CASES[id]) throw new Error(`unknown case ${id} (cases: ${Object.keys(CASES).join(', ')})`);
    const file = join(tmpdir(), `readygate-bound-${id}`);
    CASES[id].make(file);
    const flags = ['--import', 'tsx', ...(heap ? [`--max-old-space-size=${heap}`] : [])];
    const run = spawnSync(process.execPath, [...flags, script, '--child', id, file], { encoding: 'utf8' });
    const line =
      run.stdout.trim().split('\n').pop() ||
      `crashed (exit ${run.status}, ${run.signal ?? ''}): ${run.stderr.trim().split('\n').slice(-3).join(' / ').slice(0, 200)}`;
    process.stdout.write(`${id}${heap ? ` (heap ${heap} MiB)` : ''}: ${line}\n`);
  }
}
