import { readdirSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ReportParseError } from '../../../../src/core/errors.js';
import { auditParsers } from '../../../../src/core/reports/audit/index.js';
import { lintParsers } from '../../../../src/core/reports/lint/index.js';
import { readHead } from '../../../../src/core/reports/registry.js';
import { FIXTURES, fixtureSource } from '../../../helpers/parse.js';
import { ruffSnapshotBody } from './ruff-snapshot.js';

// Every audit and lint parser's detect runs over every file in test/fixtures (all signals): each of
// these folders' files is detected as exactly its own format per signal, and every other file as none.
const EXPECTED: Record<string, { audit?: string; lint?: string }> = {
  'npm-audit-v1': { audit: 'npm-audit' },
  'npm-audit-v2': { audit: 'npm-audit' },
  'pnpm-audit': { audit: 'pnpm-audit' },
  'yarn-audit': { audit: 'yarn-audit' },
  'pip-audit': { audit: 'pip-audit' },
  'osv-scanner': { audit: 'osv-scanner' },
  // SARIF is both: the signal a file is configured under decides which reading applies.
  'sarif-audit': { audit: 'sarif', lint: 'sarif' },
  sarif: { audit: 'sarif', lint: 'sarif' },
  checkstyle: { lint: 'checkstyle' },
  'pylint-json': { lint: 'pylint-json' },
  'ruff-json': { lint: 'ruff-json' },
  'shellcheck-json': { lint: 'shellcheck-json' },
  'compiler-text': { lint: 'compiler-text' },
  'eslint-json': { lint: 'eslint-json' },
  'golangci-lint': { lint: 'golangci-lint-json' },
};

function files(dir: string): string[] {
  return readdirSync(`${FIXTURES}${dir}`).flatMap((name) => {
    const rel = dir ? `${dir}/${name}` : name;
    if (statSync(`${FIXTURES}${rel}`).isDirectory()) return files(rel);
    return name === 'README.md' ? [] : [rel];
  });
}

async function head(rel: string): Promise<string | undefined> {
  try {
    return await readHead(fixtureSource(rel));
  } catch (error) {
    if (error instanceof ReportParseError) return undefined; // binary files (the source tarballs)
    throw error;
  }
}

function detected(text: string | undefined): { audit: string[]; lint: string[] } {
  if (text === undefined) return { audit: [], lint: [] };
  return { audit: auditParsers.filter((p) => p.detect(text)).map((p) => p.id), lint: lintParsers.filter((p) => p.detect(text)).map((p) => p.id) };
}

const all = files('');

describe('audit and lint detection over every fixture', () => {
  it('finds the fixtures it is meant to cover', () => {
    for (const folder of Object.keys(EXPECTED)) expect(all.some((f) => f.startsWith(`${folder}/`)), folder).toBe(true);
    expect(all.length).toBeGreaterThan(80);
  });

  it.each(all)('%s', async (rel) => {
    const folder = rel.split('/')[0]!;
    const want = EXPECTED[folder] ?? {};
    if (folder === 'ruff-json') {
      // ruff's insta snapshots: the header is not ruff output and is detected as nothing; the body is ruff's JSON.
      expect(detected(await head(rel))).toEqual({ audit: [], lint: [] });
      expect(detected(ruffSnapshotBody(rel))).toEqual({ audit: [], lint: [want.lint] });
      return;
    }
    expect(detected(await head(rel))).toEqual({ audit: want.audit ? [want.audit] : [], lint: want.lint ? [want.lint] : [] });
  });
});
