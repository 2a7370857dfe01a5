/**
 * LCOV records read from decoded text, one line at a time: every record type, and every error
 * message. The byte scanner (scan.ts) hands over the lines it does not read itself (SF, lcov 2.2's
 * FNL/FNA, blank or odd lines, anything malformed), and a file that is not UTF-8 is read here
 * entirely, so both paths accept and refuse the same input with the same words.
 */
import { ReportParseError } from '../../../errors.js';
import { CoverageTable, MAX_LINE } from '../../../coverage/table.js';
import type { PathMapper } from '../../../paths.js';
import { textKey } from './functions.js';
import type { LcovRecord } from './record.js';

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

export class LcovTextLines {
  constructor(
    private readonly reportPath: string,
    private readonly table: CoverageTable,
    private readonly paths: PathMapper,
    private readonly record: LcovRecord,
  ) {}

  private fail(lineNo: number, message: string): never {
    throw new ReportParseError(this.reportPath, message, lineNo);
  }

  /** Reads the record in text[start, end) (no line break), line `lineNo` of the file. */
  line(text: string, start: number, end: number, lineNo: number): void {
    const line = text.slice(start, end);
    const colon = line.indexOf(':');
    if (colon === -1) {
      if (line === 'end_of_record') this.record.flush();
      else if (line.trim() !== '') this.fail(lineNo, `not an LCOV record: "${line.slice(0, 80)}"`);
      return;
    }
    const value = line.slice(colon + 1);
    switch (line.slice(0, colon)) {
      case 'SF':
        return this.sourceFile(value, lineNo);
      case 'DA':
        return this.da(value, lineNo);
      case 'BRDA':
        return this.brda(value, lineNo);
      case 'FN': {
        // FN:<line>,<name> or lcov 2's FN:<line>,<end line>,<name>
        this.need(lineNo, 'FN');
        const c1 = value.indexOf(',');
        const ln = this.lineNumber(value, 0, c1 === -1 ? value.length : c1, lineNo);
        const c2 = value.indexOf(',', c1 + 1);
        const hasEnd = c2 !== -1 && uint(value, c1 + 1, c2) >= 0;
        this.record.functions.define(ln, textKey(value.slice(hasEnd ? c2 + 1 : c1 + 1)));
        return;
      }
      case 'FNDA': {
        this.need(lineNo, 'FNDA');
        const comma = value.indexOf(',');
        const hits = uint(value, 0, comma === -1 ? value.length : comma);
        if (comma === -1 || hits < 0) this.fail(lineNo, `malformed FNDA record "${line.slice(0, 80)}"`);
        this.record.functions.hit(hits, textKey(value.slice(comma + 1)));
        return;
      }
      case 'FNL': {
        // lcov 2.2: FNL:<index>,<line>[,<end>]
        this.need(lineNo, 'FNL');
        const [index, fnStart] = value.split(',');
        if (index === undefined || fnStart === undefined) this.fail(lineNo, `malformed FNL record "${line.slice(0, 80)}"`);
        this.record.fnlLines.set(index, this.lineNumber(fnStart, 0, fnStart.length, lineNo));
        return;
      }
      case 'FNA': {
        // lcov 2.2: FNA:<index>,<hits>,<name>; the function is known by its index
        this.need(lineNo, 'FNA');
        const [index, hitsRaw] = value.split(',');
        const hits = hitsRaw === undefined ? -1 : uint(hitsRaw, 0, hitsRaw.length);
        if (index === undefined || hits < 0) this.fail(lineNo, `malformed FNA record "${line.slice(0, 80)}"`);
        const key = textKey(`#${index}`);
        this.record.functions.define(this.record.fnlLines.get(index) ?? 0, key);
        this.record.functions.hit(hits, key);
        return;
      }
      default:
        return; // TN, VER, LF, LH, BRF, BRH, FNF, FNH and future records carry nothing we recompute
    }
  }

  /** SF:<path> opens a file record (`value` is what follows the colon). */
  sourceFile(value: string, lineNo: number): void {
    this.record.flush(); // a missing end_of_record: tolerate, as geninfo does
    const path = value.trim();
    if (path === '') this.fail(lineNo, 'SF record with an empty path');
    this.record.open(this.table.file(this.paths.toRepo(path)));
  }

  /** DA:<line>,<count>[,<checksum>] */
  private da(value: string, lineNo: number): void {
    this.need(lineNo, 'DA');
    const comma = value.indexOf(',');
    if (comma === -1) this.fail(lineNo, `malformed DA record "${`DA:${value}`.slice(0, 80)}"`);
    const lineNum = this.lineNumber(value, 0, comma, lineNo);
    const comma2 = value.indexOf(',', comma + 1);
    const raw = value.slice(comma + 1, comma2 === -1 ? value.length : comma2);
    let hits = uint(raw, 0, raw.length);
    if (hits < 0) hits = this.oddCount(raw.trim(), lineNum, lineNo);
    this.record.addLine(lineNum, hits);
  }

  /** BRDA:<line>,<block>,<branch>,<taken>; lcov 2 may put commas inside <branch>. */
  private brda(value: string, lineNo: number): void {
    this.need(lineNo, 'BRDA');
    const first = value.indexOf(',');
    const last = value.lastIndexOf(',');
    const middle = value.indexOf(',', first + 1);
    if (first === -1 || middle === -1 || middle >= last) this.fail(lineNo, `malformed BRDA record "${`BRDA:${value}`.slice(0, 80)}"`);
    const ln = this.lineNumber(value, 0, first, lineNo);
    const takenRaw = value.slice(last + 1);
    const taken = takenRaw === '-' ? 0 : uint(takenRaw, 0, takenRaw.length);
    if (taken < 0) this.fail(lineNo, `branch count "${takenRaw.slice(0, 40)}" is not a non-negative integer`);
    this.record.addBranch(ln, taken);
  }

  private need(lineNo: number, kind: string): void {
    if (!this.record.file) this.fail(lineNo, `${kind} record outside a file record (no SF: line before it)`);
  }

  private lineNumber(s: string, start: number, end: number, lineNo: number): number {
    const n = uint(s, start, end);
    if (n < 1 || n > MAX_LINE) this.fail(lineNo, `line number "${s.slice(start, end)}" is not between 1 and ${MAX_LINE}`);
    return n;
  }

  /** A DA count that is not a plain integer: a float, exponent form, or garbage. */
  private oddCount(raw: string, lineNum: number, lineNo: number): number {
    if (/^-\d+$/.test(raw)) this.fail(lineNo, `negative execution count ${raw} for line ${lineNum} (a corrupt gcov run)`);
    // Some tools write counts as floats ("1.0") or in exponent form for huge counts.
    const value = Number(raw);
    if (!Number.isFinite(value) && raw !== 'Infinity') this.fail(lineNo, `execution count "${raw.slice(0, 40)}" is not a number`);
    if (value < 0) this.fail(lineNo, `negative execution count ${raw} for line ${lineNum}`);
    return value;
  }
}
