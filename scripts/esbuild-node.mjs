// The esbuild options both shipped bundles share (the Action's dist/index.js and the CLI's
// build/cli-bundle/): one ESM file set for Node 20+, every dependency inside.
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));

export const NODE_BUNDLE = {
  absWorkingDir: ROOT,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  legalComments: 'none',
  logLevel: 'warning',
  // Some bundled CommonJS dependencies call require() for Node built-ins.
  banner: {
    js: "import { createRequire as __readygateRequire } from 'node:module';\nconst require = __readygateRequire(import.meta.url);",
  },
};
