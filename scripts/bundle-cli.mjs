// Bundles the CLI (src/cli/run.ts) into build/cli-bundle/ with esbuild, for bin/readygate.js.
// Why a bundle: start-up is a target (`readygate check` on small reports in < 300 ms), and most of
// it went to Node resolving and loading ~200 small modules one file at a time. Code splitting keeps
// each command's modules in their own chunk, loaded only when that command runs.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NODE_BUNDLE, ROOT } from './esbuild-node.mjs';

export { ROOT };

/**
 * zod's namespace export carries every locale's messages (~370 KB of source, which Node compiles on
 * every run); readygate's messages are English and it never sets a locale, so the CLI bundle keeps
 * only zod's English one, which zod itself installs.
 * @type {import('esbuild').Plugin}
 */
const zodEnglishOnly = {
  name: 'zod-english-only',
  setup(build) {
    build.onResolve({ filter: /\/locales\/index\.js$/ }, (args) =>
      /[\\/]node_modules[\\/]zod[\\/]/.test(args.importer)
        ? { path: args.importer, namespace: 'zod-locales' }
        : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'zod-locales' }, (args) => ({
      contents: "export { default as en } from '../locales/en.js';",
      resolveDir: dirname(args.path),
    }));
  },
};

/**
 * fdir (tinyglobby's crawler) loads picomatch at start-up through a runtime require(), for its own
 * glob() that tinyglobby never calls: a second, unbundled copy read and compiled from node_modules
 * on every run. The bundle leaves it out; if fdir changes the line, the build says so and keeps it.
 * @type {import('esbuild').Plugin}
 */
const fdirWithoutPicomatch = {
  name: 'fdir-without-picomatch',
  setup(build) {
    build.onLoad({ filter: /[\\/]node_modules[\\/]fdir[\\/]dist[\\/]index\.mjs$/ }, async (args) => {
      const text = await readFile(args.path, 'utf8');
      const optional = /\t__require\.resolve\("picomatch"\);\n\tpm = __require\("picomatch"\);\n/;
      if (optional.test(text)) return { contents: text.replace(optional, ''), loader: 'js' };
      return {
        contents: text,
        loader: 'js',
        warnings: [{ text: "fdir's optional picomatch require() changed: it is loaded on every run again" }],
      };
    });
  },
};

/** @param {string} outdir */
export function cliBundleOptions(outdir) {
  // main.ts too, so the benchmark can time importing the CLI without running it.
  return {
    ...NODE_BUNDLE,
    entryPoints: ['src/cli/run.ts', 'src/cli/main.ts'],
    outdir,
    splitting: true,
    plugins: [zodEnglishOnly, fdirWithoutPicomatch],
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  // Chunk names carry a hash: without this, old chunks would pile up (and be packed).
  rmSync(new URL('../build/cli-bundle', import.meta.url), { recursive: true, force: true });
  await build(cliBundleOptions('build/cli-bundle'));
}
