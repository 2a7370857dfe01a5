/**
 * LCOV tracefiles (geninfo, istanbul, c8, vitest v8, coverage.py, Bazel, …), streamed line by line.
 * Hand-written because speed and memory are the product here: one pass, no objects per line.
 *
 * Records: SF opens a file, DA/BRDA/FN/FNDA (and lcov 2.2's FNL/FNA) add data, end_of_record closes.
 * A file seen in several records is unioned. Unknown record types are ignored (forward compatible).
 */
import { ReportParseError } from '../../errors.js';
import { CoverageTable, MAX_LINE, type FileCoverage } from '../../coverage/table.js';
import { forEachLine } from '../../stream/text.js';
import { firstLine } from '../sniff.js';
import type { ReportParser } from '../types.js';

const LCOV_RECORD = /^(?:TN|SF|VER):/;

/** Parses a non-negative decimal integer in s[start, end); -1 when not one. Huge values stay huge. */
function uint(s: string, start: number, end: number): number {
  if (start >= end) return -1;
  let value = 0;
  for (let i = start; i < end; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    value = value * 10 + d;
  }
  return value;
}

interface RecordState {
  file: FileCoverage;
  branches: Map<number, [total: number, taken: number]>;
  fnLines: Map<string, number>;
  fnHits: Map<string, number>;
  /** lcov 2.2 FNL index -> line */
  fnlLines: Map<string, number>;
}

export const lcov: ReportParser<'coverage'> = {
  id: 'lcov',
  signal: 'coverage',
  title: 'LCOV tracefile',
  detectedBy: 'first line starts with TN:, SF: or VER:',
  metrics: ['lines', 'branches', 'functions', 'per-line (patch)'],
  detect: (head) => LCOV_RECORD.test(firstLine(head)),
  async parse({ source, paths, limits }) {
    const table = new CoverageTable();
    let rec: RecordState | undefined;
    const fail = (lineNo: number, message: string): never => {
      throw new ReportParseError(source.path, message, lineNo);
    };
    const lineNumber = (s: string, start: number, end: number, lineNo: number): number => {
      const n = uint(s, start, end);
      if (n < 1 || n > MAX_LINE) fail(lineNo, `line number "${s.slice(start, end)}" is not between 1 and ${MAX_LINE}`);
      return n;
    };
    const need = (lineNo: number, kind: string): RecordState =>
      rec ?? fail(lineNo, `${kind} record outside a file record (no SF: line before it)`);

    const lines = await forEachLine(source, limits.maxLineBytes, (line, lineNo) => {
      const c0 = line.charCodeAt(0);
      // DA is by far the most common record: test it first.
      if (c0 === 68 /* D */ && line.charCodeAt(1) === 65 /* A */ && line.charCodeAt(2) === 58) {
        const r = need(lineNo, 'DA');
        const comma = line.indexOf(',', 3);
        if (comma === -1) fail(lineNo, `malformed DA record "${line.slice(0, 80)}"`);
        const lineNum = lineNumber(line, 3, comma, lineNo);
        const comma2 = line.indexOf(',', comma + 1);
        const hitsEnd = comma2 === -1 ? line.length : comma2;
        let hits = uint(line, comma + 1, hitsEnd);
        if (hits < 0) {
          const raw = line.slice(comma + 1, hitsEnd).trim();
          if (/^-\d+$/.test(raw)) fail(lineNo, `negative execution count ${raw} for line ${lineNum} (a corrupt gcov run)`);
          // Some tools write counts as floats ("1.0") or in exponent form for huge counts.
          const value = Number(raw);
          if (!Number.isFinite(value) && raw !== 'Infinity') fail(lineNo, `execution count "${raw.slice(0, 40)}" is not a number`);
          if (value < 0) fail(lineNo, `negative execution count ${raw} for line ${lineNum}`);
          hits = value;
        }
        r.file.addLine(lineNum, hits);
        return;
      }
      if (line === 'end_of_record') {
        if (rec) flush(rec);
        rec = undefined;
        return;
      }
      const colon = line.indexOf(':');
      if (colon === -1) {
        if (line.trim() === '') return;
        fail(lineNo, `not an LCOV record: "${line.slice(0, 80)}"`);
      }
      const key = line.slice(0, colon);
      const value = line.slice(colon + 1);
      switch (key) {
        case 'SF': {
          if (rec) flush(rec); // a missing end_of_record: tolerate, as geninfo does
          const path = value.trim();
          if (path === '') fail(lineNo, 'SF record with an empty path');
          rec = { file: table.file(paths.toRepo(path)), branches: new Map(), fnLines: new Map(), fnHits: new Map(), fnlLines: new Map() };
          return;
        }
        case 'BRDA': {
          const r = need(lineNo, 'BRDA');
          const parts = value.split(',');
          if (parts.length < 4) fail(lineNo, `malformed BRDA record "${line.slice(0, 80)}"`);
          const ln = lineNumber(parts[0]!, 0, parts[0]!.length, lineNo);
          const takenRaw = parts[parts.length - 1]!;
          const taken = takenRaw === '-' ? 0 : uint(takenRaw, 0, takenRaw.length);
          if (taken < 0) fail(lineNo, `branch count "${takenRaw.slice(0, 40)}" is not a non-negative integer`);
          const entry = r.branches.get(ln);
          if (entry) {
            entry[0]++;
            if (taken > 0) entry[1]++;
          } else r.branches.set(ln, [1, taken > 0 ? 1 : 0]);
          return;
        }
        case 'FN': {
          const r = need(lineNo, 'FN');
          // FN:<line>,<name> or lcov 2's FN:<line>,<end line>,<name>
          const parts = value.split(',');
          const ln = lineNumber(parts[0]!, 0, parts[0]!.length, lineNo);
          const hasEnd = parts.length >= 3 && /^\d+$/.test(parts[1]!);
          const name = parts.slice(hasEnd ? 2 : 1).join(',');
          r.fnLines.set(name, ln);
          return;
        }
        case 'FNDA': {
          const r = need(lineNo, 'FNDA');
          const comma = value.indexOf(',');
          const hits = uint(value, 0, comma === -1 ? value.length : comma);
          if (comma === -1 || hits < 0) fail(lineNo, `malformed FNDA record "${line.slice(0, 80)}"`);
          const name = value.slice(comma + 1);
          r.fnHits.set(name, (r.fnHits.get(name) ?? 0) + hits);
          return;
        }
        case 'FNL': {
          // lcov 2.2: FNL:<index>,<line>[,<end>]
          const r = need(lineNo, 'FNL');
          const [index, start] = value.split(',');
          if (index === undefined || start === undefined) fail(lineNo, `malformed FNL record "${line.slice(0, 80)}"`);
          r.fnlLines.set(index!, lineNumber(start!, 0, start!.length, lineNo));
          return;
        }
        case 'FNA': {
          // lcov 2.2: FNA:<index>,<hits>,<name>
          const r = need(lineNo, 'FNA');
          const [index, hitsRaw] = value.split(',');
          const hits = hitsRaw === undefined ? -1 : uint(hitsRaw, 0, hitsRaw.length);
          if (index === undefined || hits < 0) fail(lineNo, `malformed FNA record "${line.slice(0, 80)}"`);
          const fnLine = r.fnlLines.get(index!);
          r.fnLines.set(`#${index}`, fnLine ?? 0);
          r.fnHits.set(`#${index}`, (r.fnHits.get(`#${index}`) ?? 0) + hits);
          return;
        }
        default:
          return; // TN, VER, LF, LH, BRF, BRH, FNF, FNH and future records carry nothing we recompute
      }
    });
    if (rec) flush(rec);
    if (lines === 0) throw new ReportParseError(source.path, 'file is empty');
    return { table };
  },
};

function flush(rec: RecordState): void {
  for (const [line, [total, taken]] of rec.branches) rec.file.addBranches(line, total, taken);
  const perLine = new Map<number, number>();
  for (const [name, line] of rec.fnLines) {
    const ordinal = perLine.get(line) ?? 0;
    perLine.set(line, ordinal + 1);
    rec.file.addFunction(line || undefined, (rec.fnHits.get(name) ?? 0) > 0, ordinal);
  }
  for (const [name, hits] of rec.fnHits) if (!rec.fnLines.has(name)) rec.file.addFunction(undefined, hits > 0);
}
