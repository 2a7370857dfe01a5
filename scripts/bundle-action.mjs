// Bundles the Action (src/action/main.ts) into dist/index.js with esbuild. The same options are
// used by test/action/dist.test.ts, which rebuilds into a temp dir and compares with the committed
// bundle, so dist/ is always the build of the source.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { NODE_BUNDLE, ROOT } from './esbuild-node.mjs';

export { ROOT };

/** @param {string} outfile */
export function bundleOptions(outfile) {
  return { ...NODE_BUNDLE, entryPoints: ['src/action/main.ts'], outfile };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await build(bundleOptions('dist/index.js'));
}
