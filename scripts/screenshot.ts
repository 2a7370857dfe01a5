/**
 * `npm run screenshot`: writes docs/readiness-page.png, the readiness page of the demo's example
 * reports (examples/): the base commit's report and the change's, judged as `npm run demo` judges
 * them, rendered by `readygate report` and photographed in headless Chromium at 1000 px wide.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../src/cli/main.js';
import type { CliIO } from '../src/cli/io.js';
import { launchChromium } from '../test/helpers/chromium.js';

const OUT = 'docs/readiness-page.png';
// The reports go where `npm run demo` writes its own (git-ignored), so the page's messages name
// stable paths; the HTML page goes to a temporary folder.
const dir = mkdtempSync(join(tmpdir(), 'readygate-screenshot-'));
const io: CliIO = {
  cwd: process.cwd(),
  env: {},
  stdout: () => {},
  stderr: (t) => process.stderr.write(t),
  isTTY: false,
  readStdin: async () => '',
  today: () => '2026-12-04',
};
const reports = (folder: string) => [
  ...['--coverage', `${folder}/coverage/lcov.info`, '--tests', `${folder}/junit.xml`],
  ...['--audit', `${folder}/audit.json`, '--lint', `${folder}/eslint.json`],
];
const check = ['check', '--config', 'examples/readygate.yml', '--cwd', 'examples'];
const base = 'examples/out/base.json';
const head = 'examples/out/head.json';
try {
  if ((await main([...check, ...reports('reports-base'), '--out', base], io)) === 2)
    throw new Error('the base check failed');
  const code = await main([...check, '--base', base, '--diff', 'examples/change.diff', '--out', head], io);
  if (code === 2) throw new Error('the head check failed');
  const page = join(dir, 'page.html');
  const args = ['report', '--report', head, '--history', base, '--commit', 'head', '--repo', 'examples/sample-project'];
  if ((await main([...args, '--config', 'examples/readygate.yml', '--out', page], io)) !== 0)
    throw new Error('readygate report failed');
  const browser = await launchChromium();
  try {
    const tab = await browser.newPage({ viewport: { width: 1000, height: 800 }, colorScheme: 'light' });
    await tab.goto(`file://${page}`);
    await tab.screenshot({ path: OUT, fullPage: true });
  } finally {
    await browser.close();
  }
  process.stdout.write(`Wrote ${OUT}\n`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
