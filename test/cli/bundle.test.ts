// The CLI as installed runs an esbuild bundle split per command (scripts/bundle-cli.mjs): build it
// and run it, so a chunk that fails to load or a dependency that breaks when bundled shows up here.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs build script without types
import { ROOT, cliBundleOptions } from '../../scripts/bundle-cli.mjs';

describe('the bundled CLI', () => {
  it('runs check, roadmap show and formats from its chunks', async () => {
    const out = mkdtempSync(join(tmpdir(), 'readygate-cli-bundle-'));
    await build(cliBundleOptions(out));
    const run = (args: string[]) =>
      spawnSync(process.execPath, [join(out, 'run.js'), ...args], { cwd: ROOT as string, encoding: 'utf8' });
    const check = run(['check', '--cwd', 'examples', '--config', 'readygate.yml', '--format', 'json']);
    expect(check.stderr).toBe('');
    expect(JSON.parse(check.stdout)).toMatchObject({ schema: 'readygate/report@1', level: expect.any(String) });
    const show = run(['roadmap', 'show', '--file', 'test/fixtures/roadmaps/phase-blocks.md']);
    expect(show.status).toBe(0);
    expect(show.stdout).toMatch(/^roadmap: 1 file\(s\), 8 item\(s\)/);
    const formats = run(['formats']);
    expect(formats.status).toBe(0);
    expect(formats.stdout).toContain('lcov');
  });
});
