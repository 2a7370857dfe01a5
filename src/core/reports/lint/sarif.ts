/**
 * SARIF 2.1.0 from any analyser, read under the lint signal (see sarif/read.ts for what counts:
 * runs, baselineState, suppressions, levels, paths). Level `none` becomes a note. The rule's
 * `helpUri` is kept as the help link. (The report model has no title field for lint findings, so the
 * rule's `shortDescription` is used only when a result has no message text.)
 * `error`-level tool notifications with a location (ESLint's SARIF formatter reports a file it could
 * not parse this way) count as errors, so a file the tool failed on never passes silently. A run that
 * says it failed with nothing located to show for it, or an `error` notification without a location,
 * refuses the report with the tool's own message (see `failureMessage`).
 * Identical results within one log are all kept (the analyser reported each one).
 */
import { ReportParseError } from '../../errors.js';
import type { LintFinding, LintSeverity } from '../../model.js';
import { detectSarif, failureMessage, readSarif, type SarifItem } from '../sarif/read.js';
import type { ReportParser } from '../types.js';

const LEVEL: Record<SarifItem['level'], LintSeverity> = { error: 'error', warning: 'warning', note: 'note', none: 'note' };

function toFinding(item: SarifItem): LintFinding {
  const finding: LintFinding = { path: item.path ?? '', severity: LEVEL[item.level], message: item.message, tool: item.tool, fingerprint: '' };
  if (item.line !== undefined) finding.line = item.line;
  if (item.column !== undefined) finding.column = item.column;
  if (item.endLine !== undefined) finding.endLine = item.endLine;
  if (item.endColumn !== undefined) finding.endColumn = item.endColumn;
  if (item.ruleId) finding.rule = item.ruleId;
  if (item.rule?.helpUri) finding.helpUri = item.rule.helpUri;
  return finding;
}

export const sarifLint: ReportParser<'lint'> = {
  id: 'sarif',
  signal: 'lint',
  title: 'SARIF 2.1.0 (any analyser)',
  detectedBy: 'JSON object with "runs" and "version": "2.1.0" (or a SARIF "$schema"); configured under lint',
  metrics: ['errors', 'warnings', 'notes', 'findings with locations'],
  detect: detectSarif,
  async parse(ctx) {
    const log = await readSarif(ctx);
    const failure = failureMessage(log, true);
    if (failure) throw new ReportParseError(ctx.source.path, failure);
    const located = log.errorNotifications.filter((n) => n.path);
    return { findings: [...log.results, ...located].map(toFinding) };
  },
};
