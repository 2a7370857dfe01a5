/**
 * JaCoCo XML (jacoco-maven-plugin, Gradle `jacocoTestReport`, the JaCoCo CLI), streamed.
 *
 * Per `<sourcefile>` under a `<package name="com/foo">`: `<line nr mi ci mb cb>` gives lines (covered
 * when at least one instruction ran, `ci` > 0: JaCoCo's own LINE counter) and branches (`mb` + `cb`
 * total, `cb` covered: its BRANCH counter). Functions come from the sourcefile's METHOD counter (a
 * method is covered when any of its instructions ran); the LINE and BRANCH counters stand in for the
 * lines when a report has no `<line>` elements (classes compiled without debug information).
 * Class-level counters repeat the same data and are ignored.
 *
 * Paths: JaCoCo records only `package/File.java`, not the source folder. Option `sourceRoot`
 * (repo-relative, e.g. `src/main/java`) is prefixed when given; without it the path stays
 * `com/foo/Bar.java`, which matches the diff only when sources sit at the repository root.
 */
import type { CoverageSummary, FileCoverage } from '../../coverage/table.js';
import { CoverageTable } from '../../coverage/table.js';
import type { Counter } from '../../model.js';
import { parseXml } from '../../stream/xml.js';
import { ReportParseError } from '../../errors.js';
import { xmlRootName } from '../sniff.js';
import type { ReportParser } from '../types.js';
import { XmlCounts } from './xml-counts.js';

const COUNTER_METRIC: Readonly<Record<string, keyof CoverageSummary>> = { LINE: 'lines', BRANCH: 'branches', METHOD: 'functions' };

export const jacoco: ReportParser<'coverage'> = {
  id: 'jacoco',
  signal: 'coverage',
  title: 'JaCoCo XML',
  detectedBy: 'root element <report> with the JaCoCo DOCTYPE or a <sessioninfo> element',
  metrics: ['lines', 'branches', 'functions', 'per-line (patch)'],
  detect: (head) => xmlRootName(head) === 'report' && (head.includes('-//JACOCO//DTD') || /<sessioninfo[\s/>]/.test(head)),
  async parse(ctx) {
    const { source, paths, options } = ctx;
    const sourceRoot = options?.sourceRoot;
    if (sourceRoot !== undefined && typeof sourceRoot !== 'string') {
      throw new ReportParseError(source.path, 'option sourceRoot must be a repo-relative folder name (a string)');
    }
    const counts = new XmlCounts(source.path);
    const table = new CoverageTable();
    const stack: string[] = [];
    let pkg = '';
    let file: FileCoverage | undefined;
    let summary: CoverageSummary = {};

    await parseXml(ctx, {
      open(name, attrs, line) {
        const parent = stack[stack.length - 1];
        stack.push(name);
        if (stack.length === 1) return counts.root(name, 'report', 'JaCoCo report', line);
        if (name === 'package') pkg = attrs.name ?? '';
        else if (name === 'sourcefile' && parent === 'package') {
          const fileName = attrs.name;
          if (fileName === undefined || fileName === '') throw counts.error('<sourcefile> has no name attribute', line);
          file = table.file(paths.toRepo(pkg === '' ? fileName : `${pkg}/${fileName}`, sourceRoot));
          summary = {};
        } else if (file && name === 'line') {
          const nr = counts.line(attrs, 'nr', name, line);
          counts.count(attrs, 'mi', name, line, 0); // not needed (a listed line is coverable), but must be a count
          file.addLine(nr, counts.count(attrs, 'ci', name, line, 0));
          const missed = counts.count(attrs, 'mb', name, line, 0);
          const covered = counts.count(attrs, 'cb', name, line, 0);
          if (missed + covered > 0) file.addBranches(nr, missed + covered, covered);
        } else if (file && name === 'counter' && parent === 'sourcefile') {
          const metric = COUNTER_METRIC[attrs.type ?? ''];
          if (!metric) return;
          const counter: Counter = { covered: counts.count(attrs, 'covered', name, line), total: 0 };
          counter.total = counter.covered + counts.count(attrs, 'missed', name, line);
          summary[metric] = counter;
        }
      },
      close(name) {
        stack.pop();
        if (name === 'sourcefile' && file) {
          if (Object.keys(summary).length > 0) file.summary = summary;
          file = undefined;
        } else if (name === 'package') pkg = '';
      },
    });
    return { table };
  },
};
