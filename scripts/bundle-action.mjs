// Bundles the Action (src/action/main.ts) into dist/index.js with esbuild. The same options are
// used by test/action/dist.test.ts, which rebuilds into a temp dir and compares with the committed
// bundle, so dist/ is always the build of the source.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** @param {string} outfile */
export function bundleOptions(outfile) {
  return {
    absWorkingDir: ROOT,
    entryPoints: ['src/action/main.ts'],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    legalComments: 'none',
    logLevel: 'warning',
    // Some bundled CommonJS dependencies call require() for Node built-ins.
    banner: { js: "import { createRequire as __readygateRequire } from 'node:module';\nconst require = __readygateRequire(import.meta.url);" },
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await build(bundleOptions('dist/index.js'));
}
