/**
 * pylint `--output-format=json`: an array of messages. Types map as documented in
 * docs/severity-mapping.md: fatal and error → error; warning, refactor and convention → warning
 * (pylint fails the run on each of them); info → note. Columns are 0-based in pylint and made 1-based.
 */
import { z } from 'zod';
import type { LintFinding, LintSeverity } from '../../model.js';
import { checkShape, readJson } from '../../stream/json.js';
import { jsonHead } from '../sniff.js';
import type { ReportParser } from '../types.js';

const TYPES: Record<string, LintSeverity> = { fatal: 'error', error: 'error', warning: 'warning', refactor: 'warning', convention: 'warning', info: 'note' };
const Message = z
  .object({
    type: z.enum(['fatal', 'error', 'warning', 'refactor', 'convention', 'info']),
    path: z.string(),
    line: z.number().int().nullable().optional(),
    column: z.number().int().nullable().optional(),
    endLine: z.number().int().nullable().optional(),
    endColumn: z.number().int().nullable().optional(),
    symbol: z.string().optional(),
    message: z.string(),
    'message-id': z.string().optional(),
  })
  .loose();

export const pylintJson: ReportParser<'lint'> = {
  id: 'pylint-json',
  signal: 'lint',
  title: 'pylint JSON',
  detectedBy: 'JSON array whose first element has "message-id" and "symbol" (an empty array [] too)',
  metrics: ['errors', 'warnings', 'notes', 'findings with locations'],
  detect(head) {
    const h = jsonHead(head);
    if (h?.kind !== '[') return false;
    return (h.keys.includes('message-id') && h.keys.includes('symbol')) || /^\s*\[\s*\]\s*$/.test(head);
  },
  async parse(ctx) {
    const messages = checkShape(ctx.source.path, z.array(Message), await readJson(ctx), 'pylint JSON report');
    return {
      findings: messages.map((m) => {
        const f: LintFinding = { path: ctx.paths.toRepo(m.path), severity: TYPES[m.type]!, message: m.message, tool: 'pylint', fingerprint: '' };
        if (m.line != null && m.line > 0) f.line = m.line;
        if (m.column != null && m.column >= 0) f.column = m.column + 1;
        if (m.endLine != null && m.endLine > 0) f.endLine = m.endLine;
        if (m.endColumn != null && m.endColumn >= 0) f.endColumn = m.endColumn + 1;
        const rule = m.symbol ?? m['message-id'];
        if (rule) f.rule = rule;
        return f;
      }),
    };
  },
};
