#!/usr/bin/env node
// Runs the bundled CLI, build/cli-bundle/ (built by `npm run build`, and by npm itself through the
// `prepare` script on `npm ci`, `npm install` and `npm pack`). `npm run cli -- <args>` runs the source.
import { existsSync } from 'node:fs';

const entry = new URL('../build/cli-bundle/run.js', import.meta.url);
if (existsSync(entry)) {
  await import(entry.href);
} else {
  process.stderr.write(
    'readygate: the CLI bundle build/cli-bundle/run.js is missing.\n' +
      'In a checkout, `npm ci` builds it (or run `npm run build`); `npm run cli -- <args>` runs the source.\n',
  );
  process.exitCode = 2;
}
