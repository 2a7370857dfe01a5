// Bundles the CLI (src/cli/run.ts) into build/cli-bundle/ with esbuild, for bin/readygate.js.
// Why a bundle: start-up is a target (`readygate check` on small reports in < 300 ms), and most of
// it went to Node resolving and loading ~200 small modules one file at a time. Code splitting keeps
// each command's modules in their own chunk, loaded only when that command runs.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { NODE_BUNDLE, ROOT } from './esbuild-node.mjs';

export { ROOT };

/** @param {string} outdir */
export function cliBundleOptions(outdir) {
  // main.ts too, so the benchmark can time importing the CLI without running it.
  return { ...NODE_BUNDLE, entryPoints: ['src/cli/run.ts', 'src/cli/main.ts'], outdir, splitting: true };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  // Chunk names carry a hash: without this, old chunks would pile up (and be packed).
  rmSync(new URL('../build/cli-bundle', import.meta.url), { recursive: true, force: true });
  await build(cliBundleOptions('build/cli-bundle'));
}
