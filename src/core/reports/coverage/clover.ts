/**
 * Clover XML (istanbul/jest/vitest, PHPUnit, OpenClover), streamed.
 *
 * Files: `<file>` under `<project>` (`<testproject>`, OpenClover's coverage of the tests, is skipped);
 * the path is `path` (istanbul: absolute) or else `name` (PHPUnit: absolute).
 * Lines: `<line type="stmt">` and `<line type="cond">`, covered when `count` > 0. istanbul writes one
 * such element per line, so its "statements" here are its line counts (30/53 where it prints
 * statements 31/62 and lines 30/53): readygate reports lines.
 * Branches: from each file's `<metrics conditionals coveredconditionals>`, kept as a per-file summary.
 * The per-line `truecount`/`falsecount` mean different things to different writers (istanbul: branches
 * taken / not taken; OpenClover: how often the condition was true / false), and istanbul drops branches
 * on lines without a statement, while every writer's metrics match what it prints. `conditionals="0"`
 * (PHPUnit without path coverage, or a file without branches) is no branch data, so a report with
 * none has branches undefined, not 0/0.
 * Functions: `<line type="method">` elements (PHPUnit, OpenClover), covered when entered (`count` > 0),
 * as lcov and istanbul count them; PHPUnit's own metrics and printed "Methods" count only fully covered
 * methods. Without method lines (istanbul) the file's `methods`/`coveredmethods` metrics are used.
 */
import { CoverageTable, type FileCoverage } from '../../coverage/table.js';
import { parseXml } from '../../stream/xml.js';
import { xmlRootName, xmlRootTag } from '../sniff.js';
import type { ReportParser } from '../types.js';
import { XmlCounts } from './xml-counts.js';

interface FileState {
  file: FileCoverage;
  methodsPerLine: Map<number, number>;
}

export const clover: ReportParser<'coverage'> = {
  id: 'clover',
  signal: 'coverage',
  title: 'Clover XML',
  detectedBy: 'root element <coverage> with a generated attribute (no line-rate) and a <project> child',
  metrics: ['lines', 'branches (per file)', 'functions', 'per-line (patch)'],
  detect(head) {
    if (xmlRootName(head) !== 'coverage') return false;
    const tag = xmlRootTag(head) ?? '';
    return /\sgenerated\s*=/.test(tag) && !/\s(?:line-rate|lines-valid)\s*=/.test(tag) && /<project[\s>]/.test(head);
  },
  async parse(ctx) {
    const { source, paths } = ctx;
    const counts = new XmlCounts(source.path);
    const table = new CoverageTable();
    const stack: string[] = [];
    let current: FileState | undefined;

    await parseXml(ctx, {
      open(name, attrs, line) {
        const parent = stack[stack.length - 1];
        stack.push(name);
        if (stack.length === 1) return counts.root(name, 'coverage', 'Clover report', line);
        if (name === 'file') {
          if (!stack.includes('project')) return;
          const path = attrs.path ?? attrs.name;
          if (path === undefined || path.trim() === '') throw counts.error('<file> has neither a path nor a name attribute', line);
          current = { file: table.file(paths.toRepo(path)), methodsPerLine: new Map() };
          return;
        }
        if (!current) return;
        if (name === 'line') {
          const num = counts.line(attrs, 'num', name, line);
          const count = lineCount(counts, attrs, line);
          if (attrs.type === 'method') {
            const ordinal = current.methodsPerLine.get(num) ?? 0;
            current.methodsPerLine.set(num, ordinal + 1);
            current.file.addFunction(num, count > 0, ordinal);
          } else current.file.addLine(num, count);
        } else if (name === 'metrics' && parent === 'file') {
          const conditionals = counts.count(attrs, 'conditionals', name, line, 0);
          const methods = counts.count(attrs, 'methods', name, line, 0);
          const summary = { ...current.file.summary };
          if (conditionals > 0) summary.branches = covered(counts, attrs, 'coveredconditionals', conditionals, line);
          if (methods > 0) summary.functions = covered(counts, attrs, 'coveredmethods', methods, line);
          current.file.summary = summary;
        }
      },
      close(name) {
        stack.pop();
        if (name === 'file') current = undefined;
      },
    });
    // Method lines, when present, are the per-function truth; the file metrics only stand in for them.
    for (const file of table.files.values()) if (file.hasFunctions && file.summary) file.summary.functions = undefined;
    return { table };
  },
};

/**
 * A line's execution count. OpenClover writes condition lines with `truecount`/`falsecount` and no
 * `count`: the line ran as often as its condition was evaluated (their sum); its conditions are the
 * file's `conditionals` metrics, read as branches.
 */
function lineCount(counts: XmlCounts, attrs: Readonly<Record<string, string>>, line: number): number {
  if (attrs.count === undefined && (attrs.truecount !== undefined || attrs.falsecount !== undefined)) {
    return counts.count(attrs, 'truecount', 'line', line, 0) + counts.count(attrs, 'falsecount', 'line', line, 0);
  }
  return counts.count(attrs, 'count', 'line', line);
}

function covered(counts: XmlCounts, attrs: Readonly<Record<string, string>>, name: string, total: number, line: number) {
  const value = counts.count(attrs, name, 'metrics', line, 0);
  if (value > total) throw counts.error(`<metrics> ${name}="${value}" is more than the total ${total}`, line);
  return { covered: value, total };
}
