/**
 * LCOV tracefiles (geninfo, istanbul, c8, vitest v8, coverage.py, Bazel, …), streamed.
 * Hand-written because speed and memory are the product here (see lcov/scan.ts): UTF-8 files are
 * read as bytes by the scanner, which hands only odd lines to the text reader; a UTF-16 file is
 * decoded and read line by line by the text reader alone.
 *
 * Records: SF opens a file, DA/BRDA/FN/FNDA (and lcov 2.2's FNL/FNA) add data, end_of_record closes.
 * A file seen in several records is unioned. Unknown record types are ignored (forward compatible).
 */
import { ReportParseError } from '../../errors.js';
import { CoverageTable } from '../../coverage/table.js';
import { forEachLineBlock } from '../../stream/bytes.js';
import { forEachLineSpan } from '../../stream/text.js';
import { firstLine } from '../sniff.js';
import type { ReportParser } from '../types.js';
import { LcovRecord } from './lcov/record.js';
import { LcovScanner } from './lcov/scan.js';
import { LcovTextLines } from './lcov/text-lines.js';

const LCOV_RECORD = /^(?:TN|SF|VER):/;

export const lcov: ReportParser<'coverage'> = {
  id: 'lcov',
  signal: 'coverage',
  title: 'LCOV tracefile',
  detectedBy: 'first line starts with TN:, SF: or VER:',
  metrics: ['lines', 'branches', 'functions', 'per-line (patch)'],
  detect: (head) => LCOV_RECORD.test(firstLine(head)),
  async parse({ source, paths, limits }) {
    const table = new CoverageTable();
    const record = new LcovRecord();
    const text = new LcovTextLines(source.path, table, paths, record);
    const scanner = new LcovScanner(record, text);
    let lines: number;
    try {
      if (await forEachLineBlock(source, limits.maxLineBytes, scanner)) lines = scanner.lineNo;
      else lines = await forEachLineSpan(source, limits.maxLineBytes, (s, start, end, lineNo) => text.line(s, start, end, lineNo));
      record.flush();
    } finally {
      scanner.finish();
    }
    if (lines === 0) throw new ReportParseError(source.path, 'file is empty');
    return { table };
  },
};
