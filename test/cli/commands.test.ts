import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load.js';
import { ALL_PARSERS } from '../../src/core/reports/registry.js';
import { cli, tempRepo } from '../helpers/cli.js';

describe('readygate init', () => {
  it('writes a valid, commented starter listing the reports it detected', async () => {
    const dir = tempRepo({
      'coverage/lcov.info': 'SF:a\nDA:1,1\nend_of_record\n',
      'junit.xml': '<testsuites/>',
      'eslint.json': '[{"filePath":"a.js","messages":[]}]',
    });
    const r = await cli(['init'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      'wrote .github/readygate.yml with 3 reports found; review the levels, then run `readygate check`\n',
    );
    const text = readFileSync(join(dir, '.github/readygate.yml'), 'utf8');
    expect(text).toContain('"coverage/lcov.info"   # detected: lcov');
    expect(text).toContain('"eslint.json"   # detected: eslint-json');
    expect(text).toContain('# audit: [path/to/report]   # none found');
    const config = parseConfig(text);
    expect(config.reports.tests).toEqual(['junit.xml']);
    expect((await cli(['validate'], dir)).code).toBe(0);
  });

  it('refuses to overwrite without --force', async () => {
    const dir = tempRepo({ '.github/readygate.yml': 'levels: { a: {} }\n' });
    const r = await cli(['init'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('readygate: .github/readygate.yml already exists; pass --force to overwrite it\n');
    expect((await cli(['init', '--force'], dir)).code).toBe(0);
  });
});

describe('readygate validate', () => {
  it('says what is valid and what is not', async () => {
    const dir = tempRepo({
      '.github/readygate.yml': 'levels:\n  mvp: { tests: { pass_rate: 90 } }\n',
      'bad.yml': 'levels:\n  mvp: { tests: { passrate: 90 } }\n',
    });
    expect(await cli(['validate'], dir)).toEqual({
      code: 0,
      stdout: '.github/readygate.yml is valid: levels mvp; required mvp; reports for no signal\n',
      stderr: '',
    });
    const bad = await cli(['validate', '--config', 'bad.yml'], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('bad.yml:2: unknown key `levels.mvp.tests.passrate`: did you mean `pass_rate`?');
    expect((await cli(['validate', '--config', 'none.yml'], dir)).stderr).toBe(
      'readygate: cannot read config none.yml: file not found\n',
    );
  });
});

describe('--cwd: the directory every path on the command line is relative to', () => {
  const POLICY = 'reports:\n  tests: [junit.xml]\nlevels:\n  ok:\n    tests: { pass_rate: 100 }\nrequire: ok\n';
  const JUNIT = '<testsuite tests="1"><testcase name="a"/></testsuite>';

  it('applies to --config, the report flags, --base, --diff, --out and --markdown-out', async () => {
    const outer = tempRepo({
      'repo/policy.yml': POLICY,
      'repo/junit.xml': JUNIT,
      'repo/change.diff': 'diff --git a/x.ts b/x.ts\n--- a/x.ts\n+++ b/x.ts\n@@ -0,0 +1 @@\n+x\n',
    });
    const first = await cli(['check', '--cwd', 'repo', '--config', 'policy.yml', '--out', 'out/base.json'], outer);
    expect([first.code, first.stderr]).toEqual([0, '']);
    const args = [
      'check',
      '--cwd',
      'repo',
      '--config',
      'policy.yml',
      '--tests',
      'junit.xml',
      '--base',
      'out/base.json',
    ];
    const second = await cli(
      [...args, '--diff', 'change.diff', '--out', 'out/r.json', '--markdown-out', 'out/r.md'],
      outer,
    );
    expect([second.code, second.stderr]).toEqual([0, '']);
    expect(JSON.parse(readFileSync(join(outer, 'repo/out/r.json'), 'utf8'))).toMatchObject({ level: 'ok' });
    expect(existsSync(join(outer, 'repo/out/r.md'))).toBe(true);
    expect(existsSync(join(outer, 'out'))).toBe(false);
  });

  it('must be a directory that exists, and says so', async () => {
    const dir = tempRepo({ 'file.txt': 'x' });
    for (const [cwd, message] of [
      ['nowhere', /^readygate: --cwd nowhere: no such directory \(/],
      ['file.txt', /^readygate: --cwd file\.txt: not a directory\n$/],
    ] as const) {
      for (const command of ['check', 'init', 'validate', 'roadmap', 'report']) {
        const r = await cli([command, '--cwd', cwd], dir);
        expect([r.code, r.stdout], command).toEqual([2, '']);
        expect(r.stderr, command).toMatch(message);
      }
    }
  });
});

describe('readygate formats and help', () => {
  it('lists every registered format', async () => {
    const r = await cli(['formats'], tempRepo());
    for (const p of ALL_PARSERS) expect(r.stdout).toContain(p.id);
    const md = await cli(['formats', '--format', 'markdown'], tempRepo());
    expect(md.stdout.split('\n').filter((l) => l.startsWith('| `'))).toHaveLength(ALL_PARSERS.length);
    const json = await cli(['formats', '--format', 'json'], tempRepo());
    expect((JSON.parse(json.stdout) as { id: string }[]).map((f) => f.id)).toEqual(ALL_PARSERS.map((p) => p.id));
    const yaml = await cli(['formats', '--format', 'yaml'], tempRepo());
    expect([yaml.code, yaml.stdout, yaml.stderr]).toEqual([
      2,
      '',
      'readygate: --format must be text, markdown or json, not "yaml"\n',
    ]);
  });

  it('prints help for the tool and each command, and refuses unknown commands', async () => {
    const dir = tempRepo();
    expect((await cli(['--help'], dir)).stdout).toContain('Usage: readygate <command> [options]');
    for (const c of ['check', 'init', 'validate', 'formats'])
      expect((await cli([c, '--help'], dir)).stdout).toContain(`Usage: readygate ${c}`);
    const r = await cli(['deploy'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown command "deploy"');
  });
});
