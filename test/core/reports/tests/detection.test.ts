import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ReportParseError } from '../../../../src/core/errors.js';
import { readHead } from '../../../../src/core/reports/registry.js';
import { testsParsers } from '../../../../src/core/reports/tests/index.js';
import { FIXTURES, fixtureSource } from '../../../helpers/parse.js';

// Which fixture folders hold test results, and in which format. Every other file (coverage, audit,
// lint, READMEs, source tarballs) must not be claimed by any tests parser.
const TESTS_FOLDERS: Record<string, string> = {
  junit: 'junit',
  trx: 'trx',
  tap: 'tap',
  'go-test-json': 'go-test-json',
  ctrf: 'ctrf',
  'jest-json': 'jest-json',
  'vitest-json': 'jest-json',
  'mocha-json': 'mocha-json',
  'rspec-json': 'rspec-json',
  nunit: 'nunit',
  'xunit-net': 'xunit-net',
  'libtest-json': 'libtest-json',
};

function allFixtures(dir = FIXTURES): string[] {
  return readdirSync(dir).flatMap((name) => {
    const abs = join(dir, name);
    return statSync(abs).isDirectory() ? allFixtures(abs) : [relative(FIXTURES, abs)];
  });
}

function expectedFormat(file: string): string | undefined {
  const [folder] = file.split('/');
  if (file.endsWith('README.md')) return undefined;
  return TESTS_FOLDERS[folder!];
}

async function headOf(file: string): Promise<string | undefined> {
  try {
    return await readHead(fixtureSource(file));
  } catch (error) {
    // Binary files (the source tarballs) are refused on read: nothing to detect.
    if (error instanceof ReportParseError) return undefined;
    throw error;
  }
}

describe('tests format detection over every fixture', () => {
  const files = allFixtures();

  it('sees the fixtures of every tests format', () => {
    const formats = new Set(files.map(expectedFormat).filter(Boolean));
    expect([...formats].sort()).toEqual(testsParsers.map((p) => p.id).sort());
  });

  it.each(files)('%s', async (file) => {
    const head = await headOf(file);
    const detected = head === undefined ? [] : testsParsers.filter((p) => p.detect(head)).map((p) => p.id);
    const expected = expectedFormat(file);
    expect(detected).toEqual(expected ? [expected] : []);
  });
});
