/**
 * What the benchmark times: readygate's parser for each format (looked up in the registry by id, so
 * a format is benchmarked as soon as its parser lands), the peers users would otherwise pick, and a
 * floor that reads the file and splits it into lines without parsing. Each `load` is lazy so a child
 * process imports only the code it measures. Each run returns a small summary to check that every
 * subject read the same file.
 */
import { createReadStream, readFileSync } from 'node:fs';
import type { BenchFormat } from './datasets.js';
import type { Signal, SignalDataMap } from '../src/core/model.js';

export type Summary = Record<string, number>;
export type RunSubject = (file: string) => Promise<Summary>;

export interface Subject {
  id: string;
  label: string;
  kind: 'readygate' | 'peer' | 'floor';
  formats: readonly BenchFormat[];
  load(): Promise<RunSubject>;
}

/** The stream chunk size readygate opens reports with (src/collect/file-source.ts); peers reading streams get the same. */
const CHUNK = 1024 * 1024;
const open = (file: string) => createReadStream(file, { highWaterMark: CHUNK });

/** readygate's registered parser `id` for `signal`; throws a clear message if none is registered yet. */
function readygate<S extends Signal>(
  format: BenchFormat,
  signal: S,
  id: string,
  summarize: (data: SignalDataMap[S]) => Summary,
): Subject {
  return {
    id: `readygate:${format}`,
    label: `readygate (${id})`,
    kind: 'readygate',
    formats: [format],
    async load() {
      const { findParser } = await import('../src/core/reports/registry.js');
      const { createPathMapper } = await import('../src/core/paths.js');
      const { DEFAULT_LIMITS } = await import('../src/core/reports/types.js');
      const { fileSource } = await import('../src/collect/file-source.js');
      const parser = findParser(signal, id);
      if (!parser) throw new Error(`no ${signal} parser with id "${id}" in the registry yet`);
      return async (file) => {
        // The source the CLI and the Action open reports with.
        const source = fileSource(process.cwd(), file);
        const paths = createPathMapper({ root: '/home/runner/work/app/app' });
        return summarize(await parser.parse({ source, paths, limits: DEFAULT_LIMITS }));
      };
    },
  };
}

function coverageSummary(data: SignalDataMap['coverage']): Summary {
  const t = data.table.totals();
  const summary: Summary = { files: data.table.files.size, lines: t.lines?.total ?? 0, covered: t.lines?.covered ?? 0 };
  if (t.branches) Object.assign(summary, { branches: t.branches.total, taken: t.branches.covered });
  if (t.functions) Object.assign(summary, { functions: t.functions.total, called: t.functions.covered });
  return summary;
}

/** What an lcov peer read, in coverageSummary's terms: branch arms and functions by their entries. */
interface LcovSection {
  lines: { details: { hit: number }[] };
  branches: { details: { taken?: number; hit?: number }[] };
  functions: { details: { hit: number }[] };
}
function lcovPeerSummary(sections: readonly LcovSection[]): Summary {
  const s: Summary = { files: sections.length, lines: 0, covered: 0, branches: 0, taken: 0, functions: 0, called: 0 };
  for (const f of sections) {
    for (const d of f.lines.details) {
      s.lines!++;
      if (d.hit > 0) s.covered!++;
    }
    for (const b of f.branches.details) {
      s.branches!++;
      if ((b.taken ?? b.hit ?? 0) > 0) s.taken!++;
    }
    for (const fn of f.functions.details) {
      s.functions!++;
      if (fn.hit > 0) s.called!++;
    }
  }
  return s;
}

function xmlReader(format: BenchFormat, count: (doc: unknown) => Summary): Subject {
  return {
    id: `fast-xml-parser:${format}`,
    label: 'fast-xml-parser',
    kind: 'peer',
    formats: [format],
    async load() {
      const { XMLParser } = await import('fast-xml-parser');
      const parser = new XMLParser({
        ignoreAttributes: false,
        attributeNamePrefix: '',
        isArray: (name) => ['testsuite', 'testcase', 'package', 'class', 'line'].includes(name),
      });
      return async (file) => count(parser.parse(readFileSync(file, 'utf8')));
    },
  };
}

type Node = Record<string, unknown>;
const list = (value: unknown): Node[] => (Array.isArray(value) ? (value as Node[]) : []);

export const SUBJECTS: readonly Subject[] = [
  readygate('lcov', 'coverage', 'lcov', coverageSummary),
  readygate('junit', 'tests', 'junit', (d) => ({ tests: d.total, failed: d.failed, skipped: d.skipped })),
  readygate('cobertura', 'coverage', 'cobertura', coverageSummary),
  readygate('sarif', 'lint', 'sarif', (d) => ({ findings: d.findings.length })),
  {
    id: 'lcov-parse',
    label: 'lcov-parse',
    kind: 'peer',
    formats: ['lcov'],
    async load() {
      const { default: parse } = await import('lcov-parse');
      return (file) =>
        new Promise((resolve, reject) => {
          parse(file, (err, data) => {
            if (err || !data) return reject(new Error(String(err)));
            resolve(lcovPeerSummary(data));
          });
        });
    },
  },
  {
    id: '@friedemannsommer/lcov-parser',
    label: '@friedemannsommer/lcov-parser',
    kind: 'peer',
    formats: ['lcov'],
    async load() {
      const { lcovParser } = await import('@friedemannsommer/lcov-parser');
      return async (file) => {
        return lcovPeerSummary(await lcovParser({ from: open(file) }));
      };
    },
  },
  {
    id: 'junit2json',
    label: 'junit2json',
    kind: 'peer',
    formats: ['junit'],
    async load() {
      const { parse } = await import('junit2json');
      return async (file) => {
        const doc = await parse(readFileSync(file, 'utf8'));
        const suites = doc && 'testsuite' in doc ? (doc.testsuite ?? []) : [];
        let tests = 0;
        let failed = 0;
        for (const s of suites) {
          for (const c of s.testcase ?? []) {
            tests++;
            if (c.failure) failed++;
          }
        }
        return { tests, failed };
      };
    },
  },
  xmlReader('junit', (doc) => {
    let tests = 0;
    let failed = 0;
    for (const s of list((doc as Node).testsuites && ((doc as Node).testsuites as Node).testsuite)) {
      for (const c of list(s.testcase)) {
        tests++;
        if (c.failure !== undefined) failed++;
      }
    }
    return { tests, failed };
  }),
  xmlReader('cobertura', (doc) => {
    let lines = 0;
    let covered = 0;
    let files = 0;
    const packages = ((doc as Node).coverage as Node | undefined)?.packages as Node | undefined;
    for (const p of list(packages?.package)) {
      for (const c of list((p.classes as Node | undefined)?.class)) {
        files++;
        for (const l of list((c.lines as Node | undefined)?.line)) {
          lines++;
          if (Number(l.hits) > 0) covered++;
        }
      }
    }
    return { files, lines, covered };
  }),
  {
    id: 'JSON.parse:sarif',
    label: 'JSON.parse',
    kind: 'peer',
    formats: ['sarif'],
    async load() {
      return async (file) => {
        const log = JSON.parse(readFileSync(file, 'utf8')) as { runs: { results?: unknown[] }[] };
        return { findings: log.runs.reduce((n, run) => n + (run.results?.length ?? 0), 0) };
      };
    },
  },
  {
    id: 'floor',
    label: 'floor: read + split lines',
    kind: 'floor',
    formats: ['lcov', 'junit', 'cobertura', 'sarif'],
    async load() {
      return async (file) => {
        // What any streaming line reader must do: decode UTF-8 and cut lines. No parsing.
        let lines = 0;
        let chars = 0;
        let carry = '';
        for await (const chunk of open(file).setEncoding('utf8')) {
          const text = carry + (chunk as string);
          let start = 0;
          for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', start)) {
            chars += text.slice(start, nl).length;
            lines++;
            start = nl + 1;
          }
          carry = text.slice(start);
        }
        return { lines: lines + (carry.length > 0 ? 1 : 0), chars: chars + carry.length };
      };
    },
  },
];

export function subjectsFor(format: BenchFormat): Subject[] {
  return SUBJECTS.filter((s) => s.formats.includes(format));
}
