/**
 * `npm run demo`: runs readygate on the bundled example reports (examples/), first on the base
 * commit's reports to get a base JSON report, then on the change with that base and its diff.
 * No GitHub account, no network. Writes examples/out/{base.json,report.json,summary.md}.
 */
import { main } from '../src/cli/main.js';
import type { CliIO } from '../src/cli/io.js';

const io = (quiet: boolean): CliIO => ({
  cwd: process.cwd(),
  env: process.env,
  stdout: (t) => {
    if (!quiet) process.stdout.write(t);
  },
  stderr: (t) => process.stderr.write(t),
  isTTY: process.stdout.isTTY === true,
  readStdin: async () => '',
  today: () => new Date().toISOString().slice(0, 10),
});

// --cwd: every path below is relative to examples/.
const common = ['check', '--cwd', 'examples', '--config', 'readygate.yml'];
const base = await main(
  [
    ...common,
    '--coverage',
    'reports-base/coverage/lcov.info',
    '--tests',
    'reports-base/junit.xml',
    '--audit',
    'reports-base/audit.json',
    '--lint',
    'reports-base/eslint.json',
    '--out',
    'out/base.json',
  ],
  io(true),
);
if (base === 2) process.exit(2);
process.stdout.write("readygate demo: the sample project's change, judged against examples/readygate.yml\n\n");
const code = await main(
  [
    ...common,
    '--base',
    'out/base.json',
    '--diff',
    'change.diff',
    '--out',
    'out/report.json',
    '--markdown-out',
    'out/summary.md',
  ],
  io(false),
);
process.stdout.write(
  '\nWrote examples/out/report.json (JSON report) and examples/out/summary.md (the Markdown a pull request shows).\n',
);
process.exitCode = code;
