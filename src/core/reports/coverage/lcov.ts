/**
 * LCOV tracefiles (geninfo, istanbul, c8, vitest v8, coverage.py, Bazel, …), streamed line by line.
 * Hand-written because speed and memory are the product here: one pass, no objects per line.
 *
 * Records: SF opens a file, DA/BRDA/FN/FNDA (and lcov 2.2's FNL/FNA) add data, end_of_record closes.
 * A file seen in several records is unioned. Unknown record types are ignored (forward compatible).
 */
import { ReportParseError } from '../../errors.js';
import { CoverageTable, MAX_LINE, type FileCoverage } from '../../coverage/table.js';
import { forEachLineSpan } from '../../stream/text.js';
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
    /** A DA count that is not a plain integer: a float, exponent form, or garbage. */
    const oddCount = (raw: string, lineNum: number, lineNo: number): number => {
      if (/^-\d+$/.test(raw)) fail(lineNo, `negative execution count ${raw} for line ${lineNum} (a corrupt gcov run)`);
      // Some tools write counts as floats ("1.0") or in exponent form for huge counts.
      const value = Number(raw);
      if (!Number.isFinite(value) && raw !== 'Infinity') fail(lineNo, `execution count "${raw.slice(0, 40)}" is not a number`);
      if (value < 0) fail(lineNo, `negative execution count ${raw} for line ${lineNum}`);
      return value;
    };

    const lines = await forEachLineSpan(source, limits.maxLineBytes, (text, start, end, lineNo) => {
      // DA is by far the most common record: it is read in place, without cutting the line out.
      if (text.charCodeAt(start) === 68 /* D */ && text.charCodeAt(start + 1) === 65 /* A */ && text.charCodeAt(start + 2) === 58 /* : */) {
        const r = need(lineNo, 'DA');
        // DA:<line>,<count>[,<checksum>], digits read in one pass with no search ahead.
        let i = start + 3;
        let lineNum = 0;
        for (let d = text.charCodeAt(i) - 48; i < end && d >= 0 && d <= 9; d = text.charCodeAt(++i) - 48) lineNum = lineNum * 10 + d;
        if (i === start + 3 || i >= end || text.charCodeAt(i) !== 44 /* , */) {
          const comma = text.indexOf(',', start + 3);
          if (comma === -1 || comma >= end) fail(lineNo, `malformed DA record "${text.slice(start, Math.min(end, start + 80))}"`);
          lineNumber(text, start + 3, comma, lineNo); // fails with the message for a bad line number
        }
        if (lineNum < 1 || lineNum > MAX_LINE) lineNumber(text, start + 3, i, lineNo);
        const countStart = ++i;
        let hits = 0;
        for (let d = text.charCodeAt(i) - 48; i < end && d >= 0 && d <= 9; d = text.charCodeAt(++i) - 48) hits = hits * 10 + d;
        if (i === countStart || (i < end && text.charCodeAt(i) !== 44)) {
          const comma2 = text.indexOf(',', countStart);
          hits = oddCount(text.slice(countStart, comma2 === -1 || comma2 > end ? end : comma2).trim(), lineNum, lineNo);
        }
        r.file.addLine(lineNum, hits);
        return;
      }
      if (end - start === 13 && text.startsWith('end_of_record', start)) {
        if (rec) flush(rec);
        rec = undefined;
        return;
      }
      if (text.startsWith('BRDA:', start)) {
        // BRDA:<line>,<block>,<branch>,<taken>; lcov 2 may put commas inside <branch>.
        const r = need(lineNo, 'BRDA');
        const first = text.indexOf(',', start + 5);
        const last = text.lastIndexOf(',', end - 1);
        if (first === -1 || first >= end || text.indexOf(',', first + 1) >= last) {
          fail(lineNo, `malformed BRDA record "${text.slice(start, Math.min(end, start + 80))}"`);
        }
        const ln = lineNumber(text, start + 5, first, lineNo);
        const dash = end - last === 2 && text.charCodeAt(last + 1) === 45; /* - */
        const taken = dash ? 0 : uint(text, last + 1, end);
        if (taken < 0) fail(lineNo, `branch count "${text.slice(last + 1, Math.min(end, last + 41))}" is not a non-negative integer`);
        const entry = r.branches.get(ln);
        if (entry) {
          entry[0]++;
          if (taken > 0) entry[1]++;
        } else r.branches.set(ln, [1, taken > 0 ? 1 : 0]);
        return;
      }
      const line = text.slice(start, end);
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
        case 'FN': {
          const r = need(lineNo, 'FN');
          // FN:<line>,<name> or lcov 2's FN:<line>,<end line>,<name>
          const c1 = value.indexOf(',');
          const ln = lineNumber(value, 0, c1 === -1 ? value.length : c1, lineNo);
          const c2 = value.indexOf(',', c1 + 1);
          const hasEnd = c2 !== -1 && uint(value, c1 + 1, c2) >= 0;
          r.fnLines.set(value.slice(hasEnd ? c2 + 1 : c1 + 1), ln);
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
