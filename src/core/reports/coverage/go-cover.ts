/**
 * Go cover profiles (`go test -coverprofile`), modes `set`, `count` and `atomic`, streamed.
 * Each line is a block: `<import path>/file.go:startLine.startCol,endLine.endCol numStmt count`.
 *
 * Lines vs statements: `go tool cover -func` reports statements (NumStmt summed over distinct
 * blocks), which have no line numbers of their own. readygate keeps per-line data for patch coverage,
 * so a source line is coverable when a block with statements spans it, and covered when any block
 * spanning it ran (count > 0). The lines total therefore differs from Go's statement percentage
 * (like Codecov's line view of Go). The profile carries no branches or functions: both undefined.
 * Repeated blocks (`-coverpkg`, where every test binary reports every package, or concatenated
 * profiles) merge as a union, which equals Go's own merge (set: OR, count/atomic: sum) for covered-ness.
 *
 * Paths: import paths are mapped to repo paths through the module path. Options: `module` (the
 * module path, e.g. `example.com/acme/calc`) or `goModule` (the text of the go.mod, whose `module`
 * line is read), and `moduleDir` (the repo-relative folder holding that go.mod, default the root).
 * `_/abs/dir/file.go` (a package outside any module) is taken as an absolute path. Paths outside the
 * module, or all paths when no module is given, stay as written.
 */
import { CoverageTable, MAX_LINE } from '../../coverage/table.js';
import { ReportParseError } from '../../errors.js';
import { forEachLine } from '../../stream/text.js';
import { firstLine } from '../sniff.js';
import type { ParseContext, ReportParser } from '../types.js';
import { goModulePath } from './go-mod.js';

const MODE = /^mode: (set|count|atomic)\s*$/;
const BLOCK = /^(.+):(\d+)\.(\d+),(\d+)\.(\d+) (\d+) (\d+)$/;

export const goCover: ReportParser<'coverage'> = {
  id: 'go-cover',
  signal: 'coverage',
  title: 'Go cover profile',
  detectedBy: 'first line "mode: set", "mode: count" or "mode: atomic"',
  metrics: ['lines (spanned by blocks)', 'per-line (patch)'],
  detect: (head) => MODE.test(firstLine(head)),
  async parse(ctx) {
    const { source, paths, limits } = ctx;
    const { module, moduleDir } = moduleOptions(ctx);
    const toRepo = (importPath: string): string => {
      if (importPath.startsWith('_/')) return paths.toRepo(importPath.slice(1));
      if (module !== undefined && importPath.startsWith(`${module}/`)) return paths.toRepo(importPath.slice(module.length + 1), moduleDir);
      return paths.toRepo(importPath);
    };
    const table = new CoverageTable();
    let mode: string | undefined;
    const fail = (lineNo: number, message: string): never => {
      throw new ReportParseError(source.path, message, lineNo);
    };

    const lines = await forEachLine(source, limits.maxLineBytes, (line, lineNo) => {
      if (line.trim() === '') return;
      if (line.startsWith('mode:')) {
        const next = MODE.exec(line)?.[1] ?? fail(lineNo, `unknown cover mode "${line.slice(5, 40).trim()}" (expected set, count or atomic)`);
        if (mode !== undefined && next !== mode) fail(lineNo, `profiles with different modes (${mode}, ${next}) cannot be merged`);
        mode = next;
        return;
      }
      if (mode === undefined) fail(lineNo, 'a Go cover profile starts with a "mode:" line');
      const m = BLOCK.exec(line) ?? fail(lineNo, `not a cover profile block: "${line.slice(0, 80)}"`);
      const start = Number(m[2]);
      const end = Number(m[4]);
      if (start < 1 || end > MAX_LINE || end < start) fail(lineNo, `block lines ${start}-${end} are not a range between 1 and ${MAX_LINE}`);
      if (Number(m[6]) === 0) return; // a block without statements is not coverable code
      const file = table.file(toRepo(m[1]!));
      const count = Number(m[7]);
      for (let l = start; l <= end; l++) file.addLine(l, count);
    });
    if (lines === 0) throw new ReportParseError(source.path, 'file is empty');
    if (mode === undefined) throw new ReportParseError(source.path, 'no "mode:" line: not a Go cover profile');
    return { table };
  },
};

function moduleOptions({ source, options }: ParseContext): { module?: string; moduleDir?: string } {
  const bad = (name: string, what: string): never => {
    throw new ReportParseError(source.path, `option ${name} must be ${what}`);
  };
  const { module, goModule, moduleDir } = options ?? {};
  if (module !== undefined && typeof module !== 'string') bad('module', 'a Go module path (a string)');
  if (goModule !== undefined && typeof goModule !== 'string') bad('goModule', 'the text of a go.mod file (a string)');
  if (moduleDir !== undefined && typeof moduleDir !== 'string') bad('moduleDir', 'a repo-relative folder (a string)');
  let path = module as string | undefined;
  if (path === undefined && goModule !== undefined) {
    path = goModulePath(goModule as string) ?? bad('goModule', 'go.mod text with a "module" line');
  }
  return { module: path?.replace(/\/+$/, ''), moduleDir: moduleDir as string | undefined };
}
