/**
 * Cobertura XML (coverage.py, istanbul/jest/vitest, gcovr, PHPUnit, …), streamed.
 *
 * Paths: a class's `filename` is relative to a `<source>` (coverage.py and istanbul write the absolute
 * project root, gcovr writes `.`, PHPUnit writes its `src` folder and bare file names); the first
 * `<source>` is the base, absolute results go through the path mapper like every other path. With
 * several `<source>` elements the format does not say which one a file belongs to: the first wins.
 *
 * Lines: `<class><lines><line number hits>`; the `<line>`s inside `<method>` repeat a function's
 * first line (istanbul) or its body (PHPUnit) and are not counted again as lines. A class with no
 * class-level `<line>` at all (Swift tools write lines only inside `<method>`) takes its method
 * lines as its lines: never a silent zero. A `<line number="0">` (coverage.py writes one for some
 * files) cannot be placed: it is skipped with a notice, the rest is read.
 * Booleans (`branch="True"` from coverlet, dotnet-coverage, ReportGenerator) are case-insensitive.
 * Branches: only per-line `condition-coverage="50% (1/2)"` (coverage.py, istanbul, gcovr). PHPUnit puts
 * branch data only in the root's `branches-valid`/`branches-covered`, which no file can be credited
 * with: its branches are unknown (undefined), not 0, and its Clover report carries them per file.
 * Functions: `<method>` elements; a method is covered when its `hits` > 0 (istanbul) or, without
 * `hits` (PHPUnit), when any of its lines ran: "entered", as lcov and istanbul count functions.
 * PHPUnit's printed "Methods" counts only fully covered methods, a different measure. coverage.py
 * and gcovr 5.2 write `<methods/>`: functions are unknown (gcovr's root `functions-valid` is a
 * report-wide count no file can be credited with).
 */
import { CoverageTable, type FileCoverage } from '../../coverage/table.js';
import { parseXml } from '../../stream/xml.js';
import { xmlRootName, xmlRootTag } from '../sniff.js';
import { notify, type ReportParser } from '../types.js';
import { XmlCounts } from './xml-counts.js';

const CONDITION = /\((\d+)\/(\d+)\)/;

/** A `<line>` read inside a `<method>`, kept until its class shows whether it has lines of its own. */
interface MethodLine {
  number: number;
  hits: number;
  branches?: { total: number; covered: number };
}

interface MethodState {
  hits: number | undefined;
  line: number | undefined;
  anyLineHit: boolean;
}

export const cobertura: ReportParser<'coverage'> = {
  id: 'cobertura',
  signal: 'coverage',
  title: 'Cobertura XML',
  detectedBy: 'root element <coverage> with line-rate or lines-valid attributes',
  metrics: ['lines', 'branches (per-line condition-coverage)', 'functions (when <method>s are written)', 'per-line (patch)'],
  detect: (head) => xmlRootName(head) === 'coverage' && /\s(?:line-rate|lines-valid)\s*=/.test(xmlRootTag(head) ?? ''),
  async parse(ctx) {
    const { source, paths } = ctx;
    const counts = new XmlCounts(source.path);
    const table = new CoverageTable();
    const sources: string[] = [];
    let sourceText: string[] | undefined;
    let file: FileCoverage | undefined;
    let method: MethodState | undefined;
    // Functions are keyed by start line and their ordinal on it (several arrow functions share lines).
    const ordinals = new Map<FileCoverage, Map<number, number>>();
    let depth = 0;
    let classHasLines = false;
    let methodLines: MethodLine[] = [];
    let unplaced = 0;

    await parseXml(ctx, {
      open(name, attrs, line) {
        depth++;
        if (depth === 1) return counts.root(name, 'coverage', 'Cobertura report', line);
        switch (name) {
          case 'source':
            sourceText = [];
            return;
          case 'class': {
            const filename = attrs.filename;
            if (filename === undefined || filename.trim() === '') {
              throw counts.error(`<class name="${attrs.name ?? ''}"> has no filename attribute`, line);
            }
            file = table.file(paths.toRepo(filename, sources[0]));
            classHasLines = false;
            methodLines = [];
            return;
          }
          case 'method':
            if (file) method = { hits: attrs.hits === undefined ? undefined : counts.count(attrs, 'hits', name, line), line: undefined, anyLineHit: false };
            return;
          case 'line': {
            if (!file) return;
            if (/^\s*[-+]?0+\s*$/.test(attrs.number ?? '')) {
              unplaced++;
              return;
            }
            const number = counts.line(attrs, 'number', name, line);
            const hits = counts.count(attrs, 'hits', name, line);
            const branches = branchesOf(attrs, line);
            if (method) {
              method.line ??= number;
              if (hits > 0) method.anyLineHit = true;
              if (!classHasLines && methodLines.length < 1_000_000) methodLines.push({ number, hits, branches });
              return;
            }
            classHasLines = true;
            file.addLine(number, hits);
            if (branches) file.addBranches(number, branches.total, branches.covered);
            return;
          }
          default:
            return;
        }
      },
      close(name) {
        depth--;
        if (name === 'source' && sourceText) {
          const text = sourceText.join('').trim();
          if (text !== '') sources.push(text);
          sourceText = undefined;
        } else if (name === 'method' && method && file) {
          let perLine = ordinals.get(file);
          if (!perLine) ordinals.set(file, (perLine = new Map()));
          const ordinal = method.line === undefined ? 0 : (perLine.get(method.line) ?? 0);
          if (method.line !== undefined) perLine.set(method.line, ordinal + 1);
          file.addFunction(method.line, method.hits === undefined ? method.anyLineHit : method.hits > 0, ordinal);
          method = undefined;
        } else if (name === 'class') {
          if (file && !classHasLines) {
            for (const l of methodLines) {
              file.addLine(l.number, l.hits);
              if (l.branches) file.addBranches(l.number, l.branches.total, l.branches.covered);
            }
          }
          methodLines = [];
          file = undefined;
          method = undefined;
        }
      },
      text(text) {
        sourceText?.push(text);
      },
    });
    if (unplaced > 0)
      notify(ctx, `${unplaced} <line number="0"> element(s) name no line a file can have: skipped, the rest is read`);
    return { table };

    function branchesOf(attrs: Readonly<Record<string, string>>, line: number): { total: number; covered: number } | undefined {
      const condition = attrs['condition-coverage'];
      if (attrs.branch?.trim().toLowerCase() !== 'true' || condition === undefined) return undefined;
      const match = CONDITION.exec(condition);
      if (!match) throw counts.error(`condition-coverage="${condition.slice(0, 40)}" is not "N% (covered/total)"`, line);
      const covered = Number(match[1]);
      const total = Number(match[2]);
      if (covered > total) throw counts.error(`condition-coverage="${condition}" covers more branches than it has`, line);
      return { total, covered };
    }
  },
};
