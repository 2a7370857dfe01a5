// What `npm pack` ships is what an installed readygate runs: pack the checkout (npm runs the
// `prepare` build), unpack the tarball into a scratch project's node_modules as npm install lays it
// out, and run the bin from there: --help, and a check of the example reports. The CLI bundle holds
// every dependency, so nothing else is installed (an offline `npm install` of the tarball would stop
// at the registry, asking for the dependencies the App needs): that the bin runs with none proves it.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

describe('the npm package', () => {
  it('installs from its tarball and runs readygate --help and a check, offline', () => {
    const scratch = mkdtempSync(join(tmpdir(), 'readygate-pack-'));
    const pack = spawnSync('npm', ['pack', '--offline', '--json', '--pack-destination', scratch], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(pack.status, pack.stderr).toBe(0);
    const [packed] = JSON.parse(pack.stdout.slice(pack.stdout.indexOf('['))) as {
      filename: string;
      files: { path: string }[];
    }[];
    const files = packed!.files.map((f) => f.path);
    expect(files).toContain('bin/readygate.js');
    expect(files).toContain('build/cli-bundle/run.js');
    expect(files.filter((f) => /^(src|test|scripts|bench)\//.test(f))).toEqual([]);

    const installed = join(scratch, 'node_modules', 'readygate');
    mkdirSync(installed, { recursive: true });
    const untar = spawnSync('tar', ['-xzf', join(scratch, packed!.filename), '-C', installed, '--strip-components=1']);
    expect(untar.status, String(untar.stderr)).toBe(0);
    const bin = join(installed, JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')).bin.readygate);
    const run = (args: string[]) => spawnSync(process.execPath, [bin, ...args], { cwd: scratch, encoding: 'utf8' });

    const help = run(['--help']);
    expect(help.stderr).toBe('');
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^readygate \d+\.\d+\.\d+: /);

    cpSync(join(ROOT, 'examples'), join(scratch, 'examples'), { recursive: true });
    const check = run(['check', '--cwd', 'examples', '--config', 'readygate.yml', '--format', 'json']);
    expect(check.stderr).toBe('');
    expect(JSON.parse(check.stdout)).toMatchObject({ schema: 'readygate/report@1', level: expect.any(String) });
  });
});
