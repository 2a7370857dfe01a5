import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ReportParseError } from '../../../../src/core/errors.js';
import { coverageParsers } from '../../../../src/core/reports/coverage/index.js';
import { readHead } from '../../../../src/core/reports/registry.js';
import { FIXTURES, fixtureSource } from '../../../helpers/parse.js';

/** Folders whose report files are coverage fixtures, and the format each must be detected as. */
const COVERAGE_FOLDERS: Record<string, string> = {
  cobertura: 'cobertura',
  clover: 'clover',
  'istanbul-json': 'istanbul-json',
  'istanbul-summary': 'istanbul-summary',
  jacoco: 'jacoco',
  'go-cover': 'go-cover',
  simplecov: 'simplecov',
  lcov: 'lcov',
};
/** Files in those folders that are not coverage reports. */
const NOT_REPORTS = new Set(['README.md', 'go.mod', '.last_run.json']);

function allFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? allFiles(join(dir, entry.name)) : [relative(FIXTURES, join(dir, entry.name))],
  );
}

function expectedFormat(file: string): string | undefined {
  const [folder, ...rest] = file.split('/');
  const name = rest[rest.length - 1]!;
  return NOT_REPORTS.has(name) ? undefined : COVERAGE_FOLDERS[folder!];
}

async function head(file: string): Promise<string> {
  try {
    return await readHead(fixtureSource(file));
  } catch (error) {
    // Binary files (the source tarballs) are refused by the text reader; sniff their raw bytes instead.
    if (!(error instanceof ReportParseError)) throw error;
    return readFileSync(join(FIXTURES, file)).subarray(0, 16_384).toString('latin1');
  }
}

describe('coverage detection over every fixture of every signal', () => {
  const files = allFiles(FIXTURES).sort();

  it('sees every coverage fixture folder (a renamed folder must not make this test vacuous)', () => {
    for (const folder of Object.keys(COVERAGE_FOLDERS)) expect(files.some((f) => expectedFormat(f) !== undefined && f.startsWith(`${folder}/`))).toBe(true);
    expect(files.filter((f) => expectedFormat(f) === undefined).length).toBeGreaterThan(40);
  });

  it.each(files)('%s', async (file) => {
    const text = await head(file);
    const matches = coverageParsers.filter((parser) => parser.detect(text)).map((parser) => parser.id);
    const expected = expectedFormat(file);
    expect(matches).toEqual(expected === undefined ? [] : [expected]);
  });
});
