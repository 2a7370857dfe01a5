/**
 * Checkstyle XML (`<checkstyle><file name><error line column severity message source/>`), as written
 * by Checkstyle itself and by shellcheck, phpcs, golangci-lint, ktlint, ESLint's checkstyle formatter.
 * Severity: error, warning, info (a note); `ignore` is not reported; a missing severity is an error
 * (Checkstyle's default). The `source` (e.g. `ShellCheck.SC2035`) is the rule.
 * An `<error>` with no file (directly under `<checkstyle>`, or in a `<file>` without a name) is a
 * finding without a location (path ''); an `<exception>` (Checkstyle's record of a file it failed
 * on) is an error finding whose message is the exception text. Streamed.
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
    let exception: { path: string; text: string } | undefined;
    await parseXml(ctx, {
      textIn: new Set(['exception']),
      open(name, attrs, line) {
        if (root) {
          root = false;
          if (name !== 'checkstyle') throw new ReportParseError(ctx.source.path, `not a Checkstyle report: root element is <${name}>, expected <checkstyle>`, line);
          return;
        }
        if (name === 'file') file = attrs['name'] ? ctx.paths.toRepo(attrs['name']) : undefined;
        if (name === 'exception') exception = { path: file ?? '', text: '' };
        if (name !== 'error') return;
        const word = (attrs['severity'] ?? 'error').trim().toLowerCase();
        const severity = word in SEVERITY ? SEVERITY[word] : 'warning';
        if (severity === null || severity === undefined) return;
        const finding: LintFinding = { path: file ?? '', severity, message: attrs['message'] ?? '', fingerprint: '' };
        const l = numAttr(attrs, 'line');
        const c = numAttr(attrs, 'column');
        if (l !== undefined && l > 0) finding.line = l;
        if (c !== undefined && c > 0) finding.column = c;
        if (attrs['source']) finding.rule = attrs['source'];
        findings.push(finding);
      },
      text(text) {
        if (exception && exception.text.length < ctx.limits.maxMessageChars) exception.text += text;
      },
      close(name) {
        if (name === 'file') file = undefined;
        if (name === 'exception' && exception) {
          const text = exception.text.trim().slice(0, ctx.limits.maxMessageChars);
          findings.push({ path: exception.path, severity: 'error', message: `the tool failed on this file: ${text || '(no message)'}`, fingerprint: '' });
          exception = undefined;
        }
      },
    });
    return { findings };
  },
};
