/**
 * ESLint's `-f json` (and `json-with-metadata`): one entry per file with its messages. Severity 2
 * is an error, 1 a warning. Suppressed messages (`suppressedMessages`) do not count.
 */
import { z } from 'zod';
import { checkShape, readJson } from '../../stream/json.js';
import type { LintFinding } from '../../model.js';
import { jsonHead } from '../sniff.js';
import type { ReportParser } from '../types.js';

const Message = z
  .object({
    ruleId: z.string().nullable().optional(),
    severity: z.number(),
    message: z.string(),
    line: z.number().optional(),
    column: z.number().optional(),
    endLine: z.number().nullable().optional(),
    endColumn: z.number().nullable().optional(),
    fatal: z.boolean().optional(),
  })
  .loose();
const FileResult = z.object({ filePath: z.string(), messages: z.array(Message) }).loose();
const Results = z.array(FileResult);
const WithMetadata = z.object({
  results: Results,
  metadata: z.object({ rulesMeta: z.record(z.string(), z.object({ docs: z.object({ url: z.string().optional() }).loose().optional() }).loose()).optional() }).loose(),
});

export const eslint: ReportParser<'lint'> = {
  id: 'eslint-json',
  signal: 'lint',
  title: 'ESLint JSON',
  detectedBy: 'JSON array whose first element has "filePath" and "messages" (or json-with-metadata)',
  metrics: ['errors', 'warnings', 'findings with locations'],
  detect(head) {
    const h = jsonHead(head);
    if (!h) return false;
    if (h.kind === '[') return h.keys.includes('filePath') && h.keys.includes('messages');
    return h.keys.includes('results') && h.keys.includes('metadata') && /"filePath"\s*:/.test(head);
  },
  async parse(ctx) {
    const path = ctx.source.path;
    const raw = await readJson(ctx);
    let results: z.infer<typeof Results>;
    let docs: Record<string, string | undefined> = {};
    if (Array.isArray(raw)) results = checkShape(path, Results, raw, 'ESLint JSON report');
    else {
      const withMeta = checkShape(path, WithMetadata, raw, 'ESLint JSON report');
      results = withMeta.results;
      docs = Object.fromEntries(Object.entries(withMeta.metadata.rulesMeta ?? {}).map(([k, v]) => [k, v.docs?.url]));
    }
    const findings: LintFinding[] = [];
    for (const file of results) {
      const filePath = ctx.paths.toRepo(file.filePath);
      for (const m of file.messages) {
        if (m.severity !== 1 && m.severity !== 2) continue; // 0 = off: never reported by ESLint itself
        const finding: LintFinding = {
          path: filePath,
          severity: m.severity === 2 ? 'error' : 'warning',
          message: m.message,
          tool: 'eslint',
          fingerprint: '',
        };
        if (m.line !== undefined && m.line > 0) finding.line = m.line;
        if (m.column !== undefined && m.column > 0) finding.column = m.column;
        if (m.endLine) finding.endLine = m.endLine;
        if (m.endColumn) finding.endColumn = m.endColumn;
        if (m.ruleId) finding.rule = m.ruleId;
        else if (m.fatal) finding.rule = 'parse-error';
        const help = m.ruleId ? docs[m.ruleId] : undefined;
        if (help) finding.helpUri = help;
        findings.push(finding);
      }
    }
    return { findings };
  },
};
