/**
 * golangci-lint `--out-format json` (v1) / `--output.json.path` (v2): `{"Issues": [...], "Report": …}`.
 * Each issue has `FromLinter` (the rule), `Text`, `Severity` and `Pos`. golangci-lint leaves
 * `Severity` empty unless configured; its own checkstyle and SARIF printers then say "error", and so
 * does readygate. Other words: warning → warning; info, note → note.
 */
import { z } from 'zod';
import type { LintFinding, LintSeverity } from '../../model.js';
import { checkShape, readJson } from '../../stream/json.js';
import { jsonHead } from '../sniff.js';
import type { ReportParser } from '../types.js';

const Issue = z
  .object({
    FromLinter: z.string(),
    Text: z.string(),
    Severity: z.string().optional(),
    Pos: z.object({ Filename: z.string(), Line: z.number().int().optional(), Column: z.number().int().optional() }).loose(),
  })
  .loose();
const Report = z.object({ Issues: z.array(Issue).nullable() }).loose();

function severityOf(word: string | undefined): LintSeverity {
  const w = (word ?? '').trim().toLowerCase();
  if (w === 'warning' || w === 'warn') return 'warning';
  if (w === 'info' || w === 'note' || w === 'notice') return 'note';
  return 'error';
}

export const golangciLint: ReportParser<'lint'> = {
  id: 'golangci-lint-json',
  signal: 'lint',
  title: 'golangci-lint JSON',
  detectedBy: 'JSON object whose first key is "Issues"',
  metrics: ['errors', 'warnings', 'notes', 'findings with locations'],
  detect(head) {
    const h = jsonHead(head);
    return h?.kind === '{' && h.keys[0] === 'Issues';
  },
  async parse(ctx) {
    const report = checkShape(ctx.source.path, Report, await readJson(ctx), 'golangci-lint JSON report');
    return {
      findings: (report.Issues ?? []).map((i) => {
        const f: LintFinding = { path: ctx.paths.toRepo(i.Pos.Filename), severity: severityOf(i.Severity), message: i.Text, rule: i.FromLinter, tool: 'golangci-lint', fingerprint: '' };
        if (i.Pos.Line !== undefined && i.Pos.Line > 0) f.line = i.Pos.Line;
        if (i.Pos.Column !== undefined && i.Pos.Column > 0) f.column = i.Pos.Column;
        return f;
      }),
    };
  },
};
