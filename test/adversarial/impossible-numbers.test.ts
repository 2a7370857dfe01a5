// Class (#12, false passes): "impossible numbers in a publish artifact". A report read back (a
// fork's readygate-report artifact, a base report) whose numbers cannot be true is refused with a
// message, as the local parsers refuse the same numbers: covered > total, passed > total, tests that
// do not add up (an inflated total passes min_total), flaky tests that did not pass.
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parseReportJson } from '../../src/core/report-parse.js';
import type { ReportV1 } from '../../src/core/report-schema.js';
import { readReportArtifact } from '../../src/github/zip.js';
import { sampleReport } from '../github/helpers.js';

const edited = (edit: (r: ReportV1) => void): ReportV1 => {
  const r = structuredClone(sampleReport());
  edit(r);
  return r;
};

describe('impossible numbers in a report read back', () => {
  it('the unedited sample report is accepted', () => {
    expect(() => parseReportJson(sampleReport(), 'artifact')).not.toThrow();
  });

  it.each<[string, (r: ReportV1) => void, RegExp]>([
    [
      'lines covered > total',
      (r) => (r.signals.coverage!.lines = { covered: 11, total: 10 }),
      /claims 11 covered of 10: more than the total at signals\.coverage\.lines/,
    ],
    [
      'patch covered > total',
      (r) => (r.signals.coverage!.patch = { covered: 5, total: 0 }),
      /claims 5 covered of 0.* at signals\.coverage\.patch/,
    ],
    [
      'passed > total',
      (r) => Object.assign(r.signals.tests!, { total: 1, passed: 2, failed: 0, skipped: 0 }),
      /2 passed of 1 tests: more than the total/,
    ],
    [
      'a total inflated past its parts',
      (r) => Object.assign(r.signals.tests!, { total: 500 }),
      /is not the total 500 at signals\.tests\.total/,
    ],
    [
      'flaky > passed',
      (r) => Object.assign(r.signals.tests!, { flaky: r.signals.tests!.passed + 1 }),
      /flaky tests but only/,
    ],
  ])('%s is refused with a message', (_, edit, message) => {
    const report = edited(edit);
    expect(() => parseReportJson(report, 'the readygate-report artifact')).toThrow(message);
    expect(() => parseReportJson(report, 'the readygate-report artifact')).toThrow(
      /^the readygate-report artifact is not a readygate report \(readygate\/report@1\): impossible numbers: /,
    );
  });

  it('an artifact zip carrying them is refused before it is judged', () => {
    const report = edited((r) => (r.signals.coverage!.lines = { covered: 99, total: 1 }));
    const zip = zipSync({ 'readygate-report.json': strToU8(JSON.stringify(report)) });
    expect(() => readReportArtifact(zip)).toThrow(/impossible numbers: claims 99 covered of 1/);
  });
});
