// The committed bundle must be the build of the source: rebuild into a temp dir and compare.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs build script without types
import { ROOT, bundleOptions } from '../../scripts/bundle-action.mjs';

describe('dist/index.js', () => {
  it('equals a fresh build of src/action (run `npm run bundle` after changing the source)', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'readygate-dist-')), 'index.js');
    await build(bundleOptions(out));
    const fresh = readFileSync(out, 'utf8');
    const committed = readFileSync(join(ROOT as string, 'dist/index.js'), 'utf8');
    expect(committed === fresh, 'dist/index.js is stale: run `npm run bundle` and commit it').toBe(true);
  });
});
