import { readFileSync } from 'node:fs';
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

describe('readygate formats and help', () => {
  it('lists every registered format', async () => {
    const r = await cli(['formats'], tempRepo());
    for (const p of ALL_PARSERS) expect(r.stdout).toContain(p.id);
    const md = await cli(['formats', '--format', 'markdown'], tempRepo());
    expect(md.stdout.split('\n').filter((l) => l.startsWith('| `'))).toHaveLength(ALL_PARSERS.length);
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
