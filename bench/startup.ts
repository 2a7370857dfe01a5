/**
 * `readygate check` on small reports, end to end: the CLI as `npm run build` ships it (the esbuild
 * bundle bin/readygate.js runs) on the examples/ project,
 * against an empty Node process and a process that only imports the CLI, so the table shows what
 * dominates (Node start-up, module loading, or the work itself).
 */
import { spawnSync } from 'node:child_process';
import { build as esbuild } from 'esbuild';
import { join } from 'node:path';
import { median } from './measure.js';
import type { StartupResult } from './results.js';

export async function measureStartup(
  repo: string,
  outDir: string,
  runs: number,
  log: (line: string) => void,
): Promise<StartupResult[]> {
  const build = join(outDir, 'cli-bundle');
  log('bundling the CLI (scripts/bundle-cli.mjs, as npm run build does) …');
  // @ts-expect-error: a plain .mjs build script without types
  const { cliBundleOptions } = (await import('../scripts/bundle-cli.mjs')) as {
    cliBundleOptions: (outdir: string) => Parameters<typeof esbuild>[0];
  };
  await esbuild(cliBundleOptions(build));
  const main = join(build, 'main.js');
  const run = join(build, 'run.js');
  const report = join(outDir, 'cli-report.json');
  const cases: { label: string; command: string; args: string[] }[] = [
    { label: 'node, empty script', command: 'node -e ""', args: ['-e', ''] },
    {
      label: 'node, import the CLI only',
      command: 'node -e "import(cli/main.js)"',
      args: ['--input-type=module', '-e', `await import(${JSON.stringify(main)})`],
    },
    {
      label: 'readygate check on examples/ (4 small reports)',
      command: 'readygate check --cwd examples --config readygate.yml',
      args: [run, 'check', '--cwd', 'examples', '--config', 'readygate.yml', '--out', report],
    },
  ];
  const results: StartupResult[] = [];
  for (const c of cases) {
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const started = performance.now();
      const r = spawnSync(process.execPath, c.args, { cwd: repo, encoding: 'utf8' });
      times.push(performance.now() - started);
      if (r.status !== 0 && r.status !== 1)
        throw new Error(`${c.command} failed (${r.status}): ${r.stderr.slice(0, 500)}`);
    }
    results.push({ label: c.label, command: c.command, medianMs: median(times), runs: times });
  }
  return results;
}
