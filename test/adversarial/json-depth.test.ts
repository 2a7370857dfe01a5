// JSON nested a million deep: a clear ReportParseError, never a stack overflow or a RangeError.
import { describe, expect, it } from 'vitest';
import { ReportParseError } from '../../src/core/errors.js';
import { npmAudit } from '../../src/core/reports/audit/npm-audit.js';
import { parseWith, textSource } from '../helpers/parse.js';

const DEPTH = 1_000_000;

async function parseAudit(text: string): Promise<unknown> {
  return parseWith(npmAudit, textSource(text, 'audit.json')).then(
    () => undefined,
    (e: unknown) => e,
  );
}

describe('JSON nested a million deep', () => {
  it('arrays at the top level', async () => {
    const error = await parseAudit(`${'['.repeat(DEPTH)}${']'.repeat(DEPTH)}`);
    expect(error).toBeInstanceOf(ReportParseError);
    expect((error as ReportParseError).path).toBe('audit.json');
  });

  it('objects inside an otherwise valid npm audit report', async () => {
    const deep = `${'{"a":'.repeat(DEPTH)}1${'}'.repeat(DEPTH)}`;
    const error = await parseAudit(`{"auditReportVersion":2,"vulnerabilities":{"pkg":${deep}},"metadata":{}}`);
    expect(error).toBeInstanceOf(ReportParseError);
    expect((error as ReportParseError).message).toMatch(
      /^audit\.json: (JSON is nested too deeply|not a valid|invalid JSON)/,
    );
  });

  it('unclosed nesting (truncated upload)', async () => {
    const error = await parseAudit('['.repeat(DEPTH));
    expect(error).toBeInstanceOf(ReportParseError);
    expect((error as ReportParseError).message).toMatch(/JSON/);
  });
});
