/**
 * Reads a JSON report back (a base report, an artifact, a page's history): validated by the report
 * schema, never trusted by cast. Apart from report.ts so that building a report does not construct
 * the schema.
 */
import { ReadygateError } from './errors.js';
import { safeParseFirst } from './first-issue.js';
import { withMeasure } from './gates/gate-kinds.js';
import { ReportV1 } from './report-schema.js';

/**
 * Validates a JSON value as a version-1 report; the message says what is wrong. Gates written
 * before results carried their unit and direction get them from their id.
 */
export function parseReportJson(value: unknown, source: string): ReportV1 {
  const result = safeParseFirst(ReportV1, value);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
    throw new ReadygateError(
      `${source} is not a readygate report (readygate/report@1): ${issue?.message ?? 'unexpected shape'}${where}`,
    );
  }
  return { ...result.data, gates: result.data.gates.map(withMeasure) };
}
