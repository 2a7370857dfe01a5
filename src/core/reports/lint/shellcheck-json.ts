/**
 * ShellCheck `-f json` (a bare array of comments) and `-f json1` (`{"comments": [...]}`). Levels:
 * error, warning; info and style are notes (as ShellCheck's own gcc and checkstyle output say).
 * Rules are `SC<code>` with ShellCheck's wiki page as the help link.
 */
import { z } from 'zod';
import type { LintFinding, LintSeverity } from '../../model.js';
import { checkShape, readJson } from '../../stream/json.js';
import { jsonHead } from '../sniff.js';
import type { ReportParser } from '../types.js';

const LEVELS: Record<string, LintSeverity> = { error: 'error', warning: 'warning', info: 'note', style: 'note' };
const Comment = z
  .object({
    file: z.string(),
    line: z.number().int(),
    endLine: z.number().int().optional(),
    column: z.number().int(),
    endColumn: z.number().int().optional(),
    level: z.enum(['error', 'warning', 'info', 'style']),
    code: z.number().int(),
    message: z.string(),
  })
  .loose();
const Report = z.union([z.array(Comment), z.object({ comments: z.array(Comment) }).loose()]);

export const shellcheckJson: ReportParser<'lint'> = {
  id: 'shellcheck-json',
  signal: 'lint',
  title: 'ShellCheck JSON (json and json1)',
  detectedBy: 'JSON array whose first element has "file", "level" and "code", or an object whose first key is "comments"',
  metrics: ['errors', 'warnings', 'notes', 'findings with locations'],
  detect(head) {
    const h = jsonHead(head);
    if (!h) return false;
    if (h.kind === '[') return h.keys.includes('file') && h.keys.includes('level') && h.keys.includes('code');
    return h.keys[0] === 'comments';
  },
  async parse(ctx) {
    const report = checkShape(ctx.source.path, Report, await readJson(ctx), 'ShellCheck JSON report');
    const comments = Array.isArray(report) ? report : report.comments;
    return {
      findings: comments.map((c) => {
        const f: LintFinding = {
          path: ctx.paths.toRepo(c.file),
          severity: LEVELS[c.level]!,
          message: c.message,
          rule: `SC${c.code}`,
          tool: 'shellcheck',
          helpUri: `https://www.shellcheck.net/wiki/SC${c.code}`,
          fingerprint: '',
        };
        if (c.line > 0) f.line = c.line;
        if (c.column > 0) f.column = c.column;
        if (c.endLine !== undefined && c.endLine > 0) f.endLine = c.endLine;
        if (c.endColumn !== undefined && c.endColumn > 0) f.endColumn = c.endColumn;
        return f;
      }),
    };
  },
};
