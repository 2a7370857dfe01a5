import { describe, expect, it } from 'vitest';
import { ReportParseError } from '../../../../src/core/errors.js';
import { auditParsers } from '../../../../src/core/reports/audit/index.js';
import { lintParsers } from '../../../../src/core/reports/lint/index.js';
import type { ReportParser } from '../../../../src/core/reports/types.js';
import { parseWith, textSource } from '../../../helpers/parse.js';

// Every audit and lint parser, on inputs no tool writes: each must throw the project's own parse
// error naming the file, never return findings (a false pass) and never a stack trace.
const parsers: ReportParser<'audit' | 'lint'>[] = [...auditParsers, ...lintParsers];
const JSON_PARSERS = parsers.filter((p) => !['checkstyle', 'compiler-text', 'yarn-audit', 'yarn-berry-audit'].includes(p.id));

async function failure(parser: ReportParser<'audit' | 'lint'>, text: string | Buffer, limits?: { maxJsonBytes?: number; maxLineBytes?: number }): Promise<ReportParseError> {
  const error = await parseWith(parser, textSource(text, 'bad.report'), { limits }).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, `${parser.id} accepted the input`).toBeInstanceOf(ReportParseError);
  const e = error as ReportParseError;
  expect(e.path).toBe('bad.report');
  return e;
}

describe.each(JSON_PARSERS.map((p) => [`${p.signal}/${p.id}`, p] as const))('%s on bad JSON', (_name, parser) => {
  it('empty file', async () => {
    expect((await failure(parser, '')).reason).toBe('file is empty');
  });
  it('truncated JSON names the line', async () => {
    const e = await failure(parser, '{\n  "runs": [\n    {"results": [');
    expect(e.reason).toMatch(/^invalid JSON: /);
  });
  it('wrong shape names what was expected', async () => {
    expect((await failure(parser, '{"hello": "world"}')).reason).toMatch(/^not a valid .* (report|log)/);
    expect((await failure(parser, '42')).reason).toMatch(/^not a valid /);
  });
  it('a file over limits.maxJsonBytes is refused before parsing', async () => {
    const big = `[${'0,'.repeat(600)}0]`;
    expect((await failure(parser, big, { maxJsonBytes: 1000 })).reason).toBe('JSON report is larger than the limit of 1000 B (raise limits.max_json_bytes if this is expected)');
  });
  it('JSON nested 100,000 deep', async () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    expect((await failure(parser, deep)).reason).toMatch(/^(not a valid |JSON is nested too deeply)/);
  });
});

describe('bad input for the streamed formats', () => {
  const byId = (id: string) => parsers.find((p) => p.id === id)!;
  it('checkstyle: truncated XML, a foreign root, an entity bomb', async () => {
    expect((await failure(byId('checkstyle'), '<checkstyle>\n<file name="a">\n<error line="1"')).reason).toMatch(/^invalid XML: /);
    expect((await failure(byId('checkstyle'), '<testsuites/>')).reason).toBe('not a Checkstyle report: root element is <testsuites>, expected <checkstyle>');
    const bomb = '<?xml version="1.0"?><!DOCTYPE c [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><checkstyle><file name="x"><error message="&b;"/></file></checkstyle>';
    expect((await failure(byId('checkstyle'), bomb)).reason).toMatch(/DTD entities are never expanded/);
    expect((await failure(byId('checkstyle'), '')).reason).toMatch(/no XML element found|invalid XML/);
  });
  it('NDJSON: empty, truncated, and a line over limits.maxLineBytes', async () => {
    for (const id of ['yarn-audit', 'yarn-berry-audit']) {
      await failure(byId(id), '');
      expect((await failure(byId(id), '{"type":"auditAdvisory","data":{"advisory":')).line).toBe(1);
      expect((await failure(byId(id), `{"value":"${'x'.repeat(5000)}"}`, { maxLineBytes: 1000 })).reason).toBe('line is longer than 1000 characters: not a report this format writes');
    }
  });
  it('compiler text: NUL bytes and over-long lines are refused', async () => {
    expect((await failure(byId('compiler-text'), Buffer.from('a.c:1:1: error: x\n\u0000\u0001'))).reason).toMatch(/NUL byte/);
    expect((await failure(byId('compiler-text'), `a.c:1:1: error: ${'x'.repeat(5000)}`, { maxLineBytes: 1000 })).reason).toMatch(/line is longer than 1000/);
  });
});
