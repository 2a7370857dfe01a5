// Escape class: "symlinks leave the repository". A report path that is a symbolic link, or a glob
// through a symlinked folder, must not read files outside the root when the path comes from the
// policy (which a pull request can edit, and a PR can add symlinks): refused with a message.
// Paths the user gives on the command line are theirs to choose and are read as given.
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collect } from '../../src/collect/collect.js';
import { DEFAULT_LIMITS } from '../../src/core/reports/types.js';
import { tempRepo } from '../helpers/cli.js';

const REFUSED = /symbolic link, or lies in a symlinked folder, that leads outside the repository: refused/;
const JUNIT = '<testsuite name="s" tests="1"><testcase name="TOPSECRET"/></testsuite>\n';

/** A directory outside the repository holding a "secret" that parses as a real report. */
function outside(): string {
  const dir = tempRepo({
    'build.log': 'secret.c:1:1: error: TOPSECRET\n',
    'junit.xml': JUNIT,
    'deep/junit.xml': JUNIT,
  });
  return dir;
}

describe('config report paths stay inside the repository (real paths)', () => {
  it('refuses a report path that is a symlink to /etc/passwd (the input quoted in #12)', async () => {
    const root = tempRepo({});
    symlinkSync('/etc/passwd', join(root, 'lint.log'));
    const out = await collect({
      root,
      reports: { lint: [{ path: 'lint.log', format: 'compiler-text' }] },
      limits: DEFAULT_LIMITS,
    });
    expect(out.errors).toEqual([{ signal: 'lint', path: 'lint.log', message: expect.stringMatching(REFUSED) }]);
    expect(out.signals.lint).toBeUndefined();
    expect(JSON.stringify(out)).not.toContain('root:');
  });

  it('refuses a symlink to an outside file that would parse as findings', async () => {
    const root = tempRepo({});
    symlinkSync(join(outside(), 'build.log'), join(root, 'build.log'));
    const out = await collect({
      root,
      reports: { lint: [{ path: 'build.log', format: 'compiler-text' }] },
      limits: DEFAULT_LIMITS,
    });
    expect(out.errors.map((e) => e.message)).toEqual([expect.stringMatching(REFUSED)]);
    expect(JSON.stringify(out)).not.toContain('TOPSECRET');
  });

  it('refuses every file a glob finds through a symlinked folder', async () => {
    const root = tempRepo({ 'reports/own.xml': JUNIT.replace('TOPSECRET', 'own') });
    symlinkSync(outside(), join(root, 'reports', 'linked'));
    symlinkSync(outside(), join(root, 'results'));
    const out = await collect({
      root,
      reports: { tests: ['reports/**/*.xml', 'results/**/*.xml', 'results/junit.xml'] },
      limits: DEFAULT_LIMITS,
    });
    // reports/own.xml is read; everything behind the links is refused, by its own path.
    expect(out.reports.map((r) => r.path)).toEqual(['reports/own.xml']);
    expect(out.errors.map((e) => e.path).sort()).toEqual(['results/deep/junit.xml', 'results/junit.xml'].sort());
    expect(out.errors.every((e) => REFUSED.test(e.message))).toBe(true);
    expect(JSON.stringify(out.signals)).not.toContain('TOPSECRET');
  });

  it('refuses a symlinked parent folder of a plain path', async () => {
    const root = tempRepo({});
    mkdirSync(join(root, 'out'));
    symlinkSync(outside(), join(root, 'out', 'ci'));
    const out = await collect({ root, reports: { tests: ['out/ci/junit.xml'] }, limits: DEFAULT_LIMITS });
    expect(out.errors).toEqual([
      { signal: 'tests', path: 'out/ci/junit.xml', message: expect.stringMatching(REFUSED) },
    ]);
  });

  it('reads a symlink that stays inside the repository, once, however many globs reach it', async () => {
    const root = tempRepo({ 'target/junit.xml': JUNIT.replace('TOPSECRET', 'inside') });
    symlinkSync('target/junit.xml', join(root, 'junit.xml'));
    const out = await collect({ root, reports: { tests: ['junit.xml', 'target/junit.xml'] }, limits: DEFAULT_LIMITS });
    expect(out.errors).toEqual([]);
    expect(out.reports.map((r) => r.path)).toEqual(['junit.xml']);
    expect(out.signals.tests?.total).toBe(1);
  });

  it('a root that is itself a symlink still reads its own files', async () => {
    const real = tempRepo({ 'junit.xml': JUNIT });
    const parent = tempRepo({});
    symlinkSync(real, join(parent, 'repo'));
    const out = await collect({
      root: join(parent, 'repo'),
      reports: { tests: ['junit.xml'] },
      limits: DEFAULT_LIMITS,
    });
    expect(out.errors).toEqual([]);
  });
});

describe('paths the user gives on the command line', () => {
  it('may be symlinks to, or absolute paths of, files outside the root', async () => {
    const away = outside();
    const root = tempRepo({});
    symlinkSync(join(away, 'junit.xml'), join(root, 'linked.xml'));
    writeFileSync(join(away, 'other.xml'), JUNIT);
    const out = await collect({
      root,
      reports: { tests: ['linked.xml', join(away, 'other.xml')] },
      limits: DEFAULT_LIMITS,
      given: new Set(['tests']),
    });
    expect(out.errors).toEqual([]);
    expect(out.reports).toHaveLength(2);
  });
});
