/**
 * `go test -json` (test2json events, one JSON object a line), streamed. Every test and subtest
 * with a pass, fail or skip event counts once (as gotestsum counts them). A test's output lines
 * become its failure message, bounded. A package that fails with no failed test (a build failure,
 * a panic in TestMain, a test left unfinished by a crash) counts as one failure of its own; so
 * does each plain `FAIL pkg [build failed]` line older Go versions print instead of an event.
 */
import { z } from 'zod';
import { ReportParseError } from '../../errors.js';
import { checkShape, parseJsonText } from '../../stream/json.js';
import { forEachLine } from '../../stream/text.js';
import { BoundedText } from '../../stream/xml.js';
import { jsonHead } from '../sniff.js';
import type { ReportParser } from '../types.js';
import { TestsBuilder } from './builder.js';

const EVENT = z.object({
  Action: z.string(),
  Package: z.string().optional(),
  ImportPath: z.string().optional(),
  Test: z.string().optional(),
  Output: z.string().optional(),
});

// go's own status lines, which say nothing the counts do not.
const STATUS_LINE = /^\s*(?:=== (?:RUN|PAUSE|CONT|NAME)|--- (?:FAIL|PASS|SKIP):|FAIL|PASS|ok\s)/;

const BUILD_FAILED = /^FAIL\s+(\S+)\s+\[(?:build|setup) failed\]/;

interface PackageState {
  failedTests: number;
  output: BoundedText;
  running: Map<string, BoundedText>;
}

export const goTestJson: ReportParser<'tests'> = {
  id: 'go-test-json',
  signal: 'tests',
  title: 'go test -json',
  detectedBy: 'first JSON line an object with "Action" and "Package" or "Time" keys (plain build-error lines may come first)',
  metrics: ['total', 'passed', 'failed', 'skipped', 'failures with locations'],
  detect(head) {
    const line = head.split('\n', 50).find((l) => l.trimStart().startsWith('{'));
    const keys = line ? jsonHead(line)?.keys : undefined;
    return !!keys?.includes('Action') && (keys.includes('Package') || keys.includes('Time'));
  },
  async parse(ctx) {
    const { path } = ctx.source;
    const builder = new TestsBuilder(ctx.limits, ctx.paths);
    const packages = new Map<string, PackageState>();
    const max = ctx.limits.maxMessageChars;
    let events = 0;
    let loose = new BoundedText(max);

    const pkgState = (name: string): PackageState => {
      let state = packages.get(name);
      if (!state) packages.set(name, (state = { failedTests: 0, output: new BoundedText(max), running: new Map() }));
      return state;
    };

    await forEachLine(ctx.source, ctx.limits.maxLineBytes, (line, lineNo) => {
      if (!line.trimStart().startsWith('{')) {
        // Go before 1.24 prints build failures as plain lines (and `2>&1` adds the compiler's).
        const build = BUILD_FAILED.exec(line);
        if (build) {
          const text = loose.toString().trim();
          builder.add('failed', { name: `${build[1]} (build)`, suite: build[1], message: text || line.trim(), details: text ? line.trim() : undefined, kind: 'error' });
          loose = new BoundedText(max);
        } else if (line.trim() !== '' && !line.startsWith('# ')) loose.add(`${line}\n`);
        return;
      }
      const event = checkShape(path, EVENT, parseJsonText(path, line, lineNo - 1), `go test -json event on line ${lineNo}`);
      events++;
      // Go 1.24+ reports build errors under `ImportPath: "pkg [pkg.test]"`, then fails `Package: "pkg"`.
      const pkgName = event.Package ?? event.ImportPath?.replace(/ \[[^\]]*\]$/, '') ?? '';
      const pkg = pkgState(pkgName);
      const test = event.Test;
      if (!test) {
        if (event.Output !== undefined || event.Action === 'build-output') pkg.output.add(event.Output ?? '');
        if (event.Action === 'fail') finishPackage(pkgName, pkg, true);
        else if (event.Action === 'pass' || event.Action === 'skip') finishPackage(pkgName, pkg, false);
        return;
      }
      switch (event.Action) {
        case 'run':
          if (!pkg.running.has(test)) pkg.running.set(test, new BoundedText(max));
          return;
        case 'output': {
          const out = pkg.running.get(test) ?? new BoundedText(max);
          pkg.running.set(test, out);
          out.add(event.Output ?? '');
          return;
        }
        case 'pass':
        case 'skip':
          pkg.running.delete(test);
          builder.add(event.Action === 'pass' ? 'passed' : 'skipped');
          return;
        case 'fail': {
          const out = pkg.running.get(test)?.toString() ?? '';
          pkg.running.delete(test);
          pkg.failedTests++;
          builder.add('failed', { name: test, suite: pkgName || undefined, message: summarise(out) ?? 'FAIL', details: out.trim() || undefined });
          return;
        }
        default:
          return; // pause, cont, start, bench
      }
    });

    if (events === 0 && builder.data.total === 0) throw new ReportParseError(path, 'no go test -json events found (is this the output of `go test -json`?)');
    for (const [name, pkg] of packages) finishPackage(name, pkg, pkg.running.size > 0);
    return builder.data;

    /** A package's end: tests left running count as failed; a failure without failed tests counts once. */
    function finishPackage(name: string, pkg: PackageState, failed: boolean): void {
      for (const [test, out] of pkg.running) {
        const text = out.toString();
        pkg.failedTests++;
        builder.add('failed', { name: test, suite: name || undefined, message: summarise(text) ?? 'did not finish (the test binary stopped)', details: text.trim() || undefined });
      }
      pkg.running.clear();
      if (failed && pkg.failedTests === 0) {
        const text = pkg.output.toString();
        builder.add('failed', { name: `${name || '(unknown package)'} (package)`, suite: name || undefined, message: summarise(text) ?? 'package failed', details: text.trim() || undefined, kind: 'error' });
      }
      packages.delete(name);
    }
  },
};

/** The test's output without go's status lines, or undefined when only those were printed. */
function summarise(output: string): string | undefined {
  const lines = output.split('\n').filter((l) => l.trim() !== '' && !STATUS_LINE.test(l));
  return lines.length > 0 ? lines.map((l) => l.trim()).join('\n') : undefined;
}
