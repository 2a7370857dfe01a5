/**
 * Finds where a failure happened from the text test tools write: stack traces (JavaScript, Python,
 * Go, .NET, JVM), Perl's `at t/x.t line 7.` and bats' `(in test file t/x.bats, line 24)`.
 *
 * Hand-written because no library reads all of these; the patterns are named below. JVM frames
 * carry only a class and a bare file name, so they get their own rule (see `jvmFrame`).
 */
import type { PathMapper } from '../../paths.js';

export interface Location {
  file: string;
  line: number;
}

// `at fn (src/a.ts:12:5)`, `src/a.ts:12:5`, `file:///x/a.js:3:1`, `a_test.go:12:`, `/x/a_test.go:12 +0x1d`
const FILE_LINE = /\(?((?:file:\/\/)?(?:[A-Za-z]:)?[^\s():'"]+\.[A-Za-z0-9]+):(\d+)(?::\d+)?\)?/g;
// Python: `File "src/a.py", line 12`
const PYTHON = /File "([^"]+)", line (\d+)/g;
// .NET: `at Ns.C.M() in C:\src\A.cs:line 27`
const DOTNET = /\bin ((?:[A-Za-z]:)?[^\s:]+(?:\s[^\s:]+)*\.[A-Za-z0-9]+):line (\d+)/g;
// Perl Test::More: `at t/basic.t line 7.`
const PERL = /\bat (\S+\.(?:t|pm|pl)) line (\d+)\b/g;
// bats: `(in test file test/unit/calc.bats, line 24)`
const BATS = /\(in test file ([^,()]+), line (\d+)\)/g;
/** Each pattern, with text a trace must hold for the pattern to match (a cheap test first). */
const PATTERNS: readonly (readonly [string, RegExp])[] = [
  ['(in test file ', BATS],
  [':line ', DOTNET],
  ['File "', PYTHON],
  [' line ', PERL],
  [':', FILE_LINE],
];

// `at com.acme.CalcTest.adds(CalcTest.java:35)`; Kotlin method names may contain spaces.
const JVM_FRAME = /\bat ((?:[\w$]+\.)+[\w$]+)\.([^.(\n]+)\(([\w$-]+\.(?:java|kt|kts|groovy|scala)):(\d+)\)/g;
/** Text a JVM frame holds: a cheap test before the pattern. */
const JVM_SOURCES = ['.java:', '.kt:', '.kts:', '.groovy:', '.scala:'];
const JVM_SOURCE_ROOTS: Record<string, string> = { java: 'java', kt: 'kotlin', kts: 'kotlin', groovy: 'groovy', scala: 'scala' };

const IGNORED_PATH = /(^|\/)(node_modules|internal|node:|site-packages|dist-packages|\.pnpm|usr\/lib|\.cargo|runtime\/)/;

/**
 * The first trace frame inside the repo, preferring the test's own file when it is known.
 * `testClass` (a JUnit classname) lets JVM traces be read. Undefined when nothing maps into the repo.
 */
export function locateInTrace(
  text: string,
  preferFile: string | undefined,
  paths: PathMapper,
  testClass?: string,
): Location | undefined {
  const sample = traceSample(text);
  if (JVM_SOURCES.some((ext) => sample.includes(ext)) && sample.search(JVM_FRAME) !== -1) return jvmFrame(sample, testClass);
  let first: Location | undefined;
  for (const [marker, pattern] of PATTERNS) {
    if (!sample.includes(marker)) continue;
    for (const match of sample.matchAll(pattern)) {
      const file = repoPath(match[1]!, paths);
      if (file === undefined) continue;
      const hit = { file, line: Number(match[2]) };
      if (preferFile === undefined || file === preferFile) return hit;
      first ??= hit;
    }
  }
  return preferFile === undefined ? first : undefined;
}

/**
 * The lines worth searching: real trace lines are short, so long lines are skipped and only the first
 * lines are kept. The patterns backtrack on long unbroken text (`a.a.a…`), and failure text is
 * attacker-sized: this bounds the work per failure.
 */
function traceSample(text: string): string {
  const head = text.length > 200_000 ? text.slice(0, 200_000) : text;
  if (fewShortLines(head)) return head;
  const kept: string[] = [];
  for (const line of head.split('\n')) {
    if (line.length <= MAX_TRACE_LINE) kept.push(line);
    if (kept.length >= MAX_TRACE_LINES) break;
  }
  return kept.join('\n');
}

const MAX_TRACE_LINE = 400;
const MAX_TRACE_LINES = 200;

/** Whether every line is short and there are few: the common case, kept as it is. */
function fewShortLines(text: string): boolean {
  let lines = 0;
  for (let at = 0; at <= text.length; lines++) {
    if (lines >= MAX_TRACE_LINES) return false;
    let end = text.indexOf('\n', at);
    if (end === -1) end = text.length;
    if (end - at > MAX_TRACE_LINE) return false;
    at = end + 1;
  }
  return true;
}

function repoPath(raw: string, paths: PathMapper): string | undefined {
  if (raw.startsWith('node:') || IGNORED_PATH.test(raw)) return undefined;
  // .NET deterministic builds write the repository root as `/_/`.
  const file = paths.toRepo(raw.startsWith('/_/') ? raw.slice(3) : raw);
  if (file === '' || file.startsWith('../') || file.startsWith('/') || /^[A-Za-z]:\//.test(file)) return undefined;
  return file;
}

/**
 * A JVM frame of the test class itself (`classname` of the testcase, inner classes included).
 * JVM traces name only `CalcTest.java`; the package gives the folders, and the source root is the
 * Maven/Gradle convention `src/test/<language>/`. A multi-module build's module folder cannot be
 * known from the report, so such paths need the module prefix the user sees in the annotation.
 */
function jvmFrame(text: string, testClass: string | undefined): Location | undefined {
  if (!testClass) return undefined;
  const outer = testClass.split('$')[0]!;
  for (const match of text.matchAll(JVM_FRAME)) {
    const cls = match[1]!.split('$')[0]!;
    if (cls !== outer) continue;
    const fileName = match[3]!;
    const ext = fileName.slice(fileName.lastIndexOf('.') + 1);
    const pkg = cls.includes('.') ? cls.slice(0, cls.lastIndexOf('.')).replace(/\./g, '/') + '/' : '';
    return { file: `src/test/${JVM_SOURCE_ROOTS[ext] ?? ext}/${pkg}${fileName}`, line: Number(match[4]) };
  }
  return undefined;
}
