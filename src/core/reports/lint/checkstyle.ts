/**
 * Checkstyle XML (`<checkstyle><file name><error line column severity message source/>`), as written
 * by Checkstyle itself and by shellcheck, phpcs, golangci-lint, ktlint, ESLint's checkstyle formatter.
 * Severity: error, warning, info (a note); `ignore` is not reported; a missing severity is an error
 * (Checkstyle's default). The `source` (e.g. `ShellCheck.SC2035`) is the rule. Streamed.
 */
import type { LintFinding, LintSeverity } from '../../model.js';
import { numAttr, parseXml } from '../../stream/xml.js';
import { ReportParseError } from '../../errors.js';
import { xmlRootName } from '../sniff.js';
import type { ReportParser } from '../types.js';

const SEVERITY: Record<string, LintSeverity | null> = { error: 'error', warning: 'warning', info: 'note', ignore: null };

export const checkstyle: ReportParser<'lint'> = {
  id: 'checkstyle',
  signal: 'lint',
  title: 'Checkstyle XML (checkstyle, shellcheck, phpcs, golangci-lint, ktlint, …)',
  detectedBy: 'XML root element <checkstyle>',
  metrics: ['errors', 'warnings', 'notes', 'findings with locations'],
  detect: (head) => xmlRootName(head) === 'checkstyle',
  async parse(ctx) {
    const findings: LintFinding[] = [];
    let file: string | undefined;
    let root = true;
    await parseXml(ctx, {
      open(name, attrs, line) {
        if (root) {
          root = false;
          if (name !== 'checkstyle') throw new ReportParseError(ctx.source.path, `not a Checkstyle report: root element is <${name}>, expected <checkstyle>`, line);
          return;
        }
        if (name === 'file') file = attrs['name'] !== undefined ? ctx.paths.toRepo(attrs['name']) : undefined;
        if (name !== 'error') return;
        if (file === undefined) throw new ReportParseError(ctx.source.path, '<error> outside a <file name="…"> element', line);
        const word = (attrs['severity'] ?? 'error').trim().toLowerCase();
        const severity = word in SEVERITY ? SEVERITY[word] : 'warning';
        if (severity === null || severity === undefined) return;
        const finding: LintFinding = { path: file, severity, message: attrs['message'] ?? '', fingerprint: '' };
        const l = numAttr(attrs, 'line');
        const c = numAttr(attrs, 'column');
        if (l !== undefined && l > 0) finding.line = l;
        if (c !== undefined && c > 0) finding.column = c;
        if (attrs['source']) finding.rule = attrs['source'];
        findings.push(finding);
      },
      close(name) {
        if (name === 'file') file = undefined;
      },
    });
    return { findings };
  },
};
