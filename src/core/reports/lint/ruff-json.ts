/**
 * ruff `check --output-format json`: an array of diagnostics (`code`, `message`, `filename`,
 * `location`/`end_location` rows and columns, `url`, `fix`, `noqa_row`, `cell`). ruff has no severity
 * levels and counts every diagnostic in its "Found N errors." line, so each one is an error here.
 * Syntax errors have `code: null` and are reported under the rule `syntax-error`. In notebooks rows
 * are per cell: the cell number is added to the message. Implemented from ruff's documented output and
 * its own emitter snapshots (ruff does not install here).
 */
import { z } from 'zod';
import type { LintFinding } from '../../model.js';
import { checkShape, readJson } from '../../stream/json.js';
import { jsonHead } from '../sniff.js';
import type { ReportParser } from '../types.js';

const Position = z.object({ row: z.number().int(), column: z.number().int() }).loose();
const Diagnostic = z
  .object({
    code: z.string().nullable(),
    message: z.string(),
    filename: z.string(),
    location: Position.nullable().optional(),
    end_location: Position.nullable().optional(),
    url: z.string().nullable().optional(),
    cell: z.number().int().nullable().optional(),
  })
  .loose();

export const ruffJson: ReportParser<'lint'> = {
  id: 'ruff-json',
  signal: 'lint',
  title: 'ruff JSON',
  detectedBy: 'JSON array whose first element has "code", "filename" and "location" (an empty array [] too)',
  metrics: ['errors', 'findings with locations'],
  detect(head) {
    const h = jsonHead(head);
    if (h?.kind !== '[') return false;
    return (h.keys.includes('code') && h.keys.includes('filename') && h.keys.includes('location')) || /^\s*\[\s*\]\s*$/.test(head);
  },
  async parse(ctx) {
    const diagnostics = checkShape(ctx.source.path, z.array(Diagnostic), await readJson(ctx), 'ruff JSON report');
    return {
      findings: diagnostics.map((d) => {
        const message = d.cell != null ? `${d.message} (cell ${d.cell})` : d.message;
        const f: LintFinding = { path: ctx.paths.toRepo(d.filename), severity: 'error', message, rule: d.code ?? 'syntax-error', tool: 'ruff', fingerprint: '' };
        if (d.location && d.location.row > 0) f.line = d.location.row;
        if (d.location && d.location.column > 0) f.column = d.location.column;
        if (d.end_location && d.end_location.row > 0) f.endLine = d.end_location.row;
        if (d.end_location && d.end_location.column > 0) f.endColumn = d.end_location.column;
        if (d.url) f.helpUri = d.url;
        return f;
      }),
    };
  },
};
