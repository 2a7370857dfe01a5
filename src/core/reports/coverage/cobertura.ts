/**
 * Cobertura XML (coverage.py, istanbul/jest/vitest, gcovr, PHPUnit, …), streamed.
 *
 * Paths: a class's `filename` is relative to a `<source>` (coverage.py and istanbul write the absolute
 * project root, gcovr writes `.`, PHPUnit writes its `src` folder and bare file names); the first
 * `<source>` is the base, absolute results go through the path mapper like every other path. With
 * several `<source>` elements the format does not say which one a file belongs to: the first wins.
 *
 * Lines: `<class><lines><line number hits>`; the `<line>`s inside `<method>` repeat a function's
 * first line (istanbul) or its body (PHPUnit) and are not counted again as lines.
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
import type { ReportParser } from '../types.js';
import { XmlCounts } from './xml-counts.js';

const CONDITION = /\((\d+)\/(\d+)\)/;

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
            return;
          }
          case 'method':
            if (file) method = { hits: attrs.hits === undefined ? undefined : counts.count(attrs, 'hits', name, line), line: undefined, anyLineHit: false };
            return;
          case 'line': {
            if (!file) return;
            const number = counts.line(attrs, 'number', name, line);
            const hits = counts.count(attrs, 'hits', name, line);
            if (method) {
              method.line ??= number;
              if (hits > 0) method.anyLineHit = true;
              return;
            }
            file.addLine(number, hits);
            const condition = attrs['condition-coverage'];
            if (attrs.branch === 'true' && condition !== undefined) {
              const match = CONDITION.exec(condition);
              if (!match) throw counts.error(`condition-coverage="${condition.slice(0, 40)}" is not "N% (covered/total)"`, line);
              const covered = Number(match[1]);
              const total = Number(match[2]);
              if (covered > total) throw counts.error(`condition-coverage="${condition}" covers more branches than it has`, line);
              file.addBranches(number, total, covered);
            }
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
          file = undefined;
          method = undefined;
        }
      },
      text(text) {
        sourceText?.push(text);
      },
    });
    return { table };
  },
};
