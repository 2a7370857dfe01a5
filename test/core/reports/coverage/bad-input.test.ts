import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ReportParseError } from '../../../../src/core/errors.js';
import { clover } from '../../../../src/core/reports/coverage/clover.js';
import { cobertura } from '../../../../src/core/reports/coverage/cobertura.js';
import { goCover } from '../../../../src/core/reports/coverage/go-cover.js';
import { istanbulJson } from '../../../../src/core/reports/coverage/istanbul-json.js';
import { istanbulSummary } from '../../../../src/core/reports/coverage/istanbul-summary.js';
import { jacoco } from '../../../../src/core/reports/coverage/jacoco.js';
import { simplecov } from '../../../../src/core/reports/coverage/simplecov.js';
import type { ReportParser } from '../../../../src/core/reports/types.js';
import { FIXTURES, parseFixture, parseWith, textSource } from '../../../helpers/parse.js';

const fixture = (path: string) => readFileSync(`${FIXTURES}${path}`, 'utf8');
const truncated = (path: string) => {
  const text = fixture(path);
  return text.slice(0, Math.floor(text.length / 2));
};

async function failure(parser: ReportParser<'coverage'>, text: string, options?: Parameters<typeof parseWith>[2]): Promise<ReportParseError> {
  const error = await parseWith(parser, textSource(text, 'bad.report'), options).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ReportParseError);
  return error as ReportParseError;
}

const XML = [
  [cobertura, 'cobertura/coveragepy.xml'],
  [clover, 'clover/phpunit-clover.xml'],
  [jacoco, 'jacoco/gradle-jacocoTestReport.xml'],
] as const;
const JSON_FORMATS = [
  [istanbulJson, 'istanbul-json/vitest-v8.coverage-final.json', 'istanbul coverage-final.json'],
  [istanbulSummary, 'istanbul-summary/vitest-v8.coverage-summary.json', 'istanbul coverage-summary.json'],
  [simplecov, 'simplecov/.resultset.json', 'SimpleCov .resultset.json'],
] as const;

describe('XML coverage formats: bad input', () => {
  it.each(XML)('$id: a truncated file is invalid XML, with a line', async (parser, path) => {
    const error = await failure(parser, truncated(path));
    expect(error.reason).toMatch(/^invalid XML: /);
    expect(error.line).toBeGreaterThan(0);
  });

  it.each(XML)('$id: an empty file', async (parser) => {
    expect((await failure(parser, '')).message).toBe('bad.report:1: invalid XML: document must contain a root element.');
  });

  it.each([
    [cobertura, 'Cobertura report', 'coverage'],
    [clover, 'Clover report', 'coverage'],
    [jacoco, 'JaCoCo report', 'report'],
  ] as const)('$id: another XML format forced on it is named', async (parser, what, root) => {
    const error = await failure(parser, fixture('junit/pytest-xunit1.xml'));
    expect(error.reason).toBe(`not a ${what}: the root element is <testsuites>, expected <${root}>`);
  });

  it('a DTD entity bomb is never expanded', async () => {
    const levels = ['<!ENTITY a0 "lol">'];
    for (let i = 1; i < 10; i++) levels.push(`<!ENTITY a${i} "${`&a${i - 1};`.repeat(10)}">`);
    const bomb = `<?xml version="1.0"?>\n<!DOCTYPE coverage [${levels.join('\n')}]>\n<coverage line-rate="1"><sources><source>&a9;</source></sources></coverage>`;
    expect(cobertura.detect(bomb)).toBe(true);
    const error = await failure(cobertura, bomb);
    expect(error.reason).toMatch(/^invalid XML: .*undefined entity.* \(DTD entities are never expanded\)$/i);
    expect(error.line).toBe(12);
  });
});

describe('JSON coverage formats: bad input', () => {
  it.each(JSON_FORMATS)('$id: a truncated file is invalid JSON', async (parser, path) => {
    expect((await failure(parser, truncated(path))).reason).toMatch(/^invalid JSON: /);
  });

  it.each(JSON_FORMATS)('$id: an empty file', async (parser) => {
    expect((await failure(parser, '')).message).toBe('bad.report: file is empty');
  });

  it.each(JSON_FORMATS)('$id: wrong-shape JSON names the format and where', async (parser, _path, what) => {
    expect((await failure(parser, '[1, 2]')).reason).toMatch(new RegExp(`^not a valid ${what.replace(/\./g, '\\.')}: `));
    // Another coverage format's JSON: each is refused by the others with the field that differs.
    const other = parser === istanbulJson ? 'simplecov/.resultset.json' : 'istanbul-json/vitest-v8.coverage-final.json';
    expect((await failure(parser, fixture(other))).reason).toMatch(/ at [^ ].*\.[a-zA-Z]+$/);
  });

  it.each(JSON_FORMATS)('$id: a file over the JSON size limit is refused before parsing', async (parser, path) => {
    const error = await failure(parser, fixture(path), { limits: { maxJsonBytes: 100 } });
    expect(error.reason).toBe('JSON report is larger than the limit of 100 B (raise limits.max_json_bytes if this is expected)');
  });
});

describe('line formats and detection: bad input', () => {
  it('go-cover: an empty file and a truncated last block', async () => {
    expect((await failure(goCover, '')).message).toBe('bad.report: file is empty');
    const cut = fixture('go-cover/cover-count.out').slice(0, -6);
    expect((await failure(goCover, cut)).message).toMatch(/^bad\.report:22: not a cover profile block: /);
  });

  it('an empty or unknown file through detection says which formats were tried', async () => {
    await expect(parseFixture('coverage', 'go-cover/go.mod')).rejects.toThrow(
      'test/fixtures/go-cover/go.mod: not a coverage report readygate recognises (tried: lcov, cobertura, clover, jacoco, istanbul-json, istanbul-summary, simplecov, go-cover); set "format:" if it is one of them',
    );
  });
});
