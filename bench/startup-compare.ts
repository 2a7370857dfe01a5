/**
 * `npm run bench:startup [-- --runs N] [--bundle name=DIR …]`: `readygate check` on the examples/
 * reports against a bare `node -e 0`, whole process, side by side: each round runs every command
 * once, in turn, so a machine that gets busier or quieter affects all of them alike, and the
 * medians are compared. The CLI is bundled from the working tree first (as `npm run build` does);
 * `--bundle` adds other builds of the CLI (a directory with run.js, e.g. one built from main) to the
 * same rounds. CPU time (user + system, from /usr/bin/time where it exists) is shown beside wall
 * time: on a shared machine it moves less with the other load.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { build as esbuild } from 'esbuild';
import { median } from './measure.js';

const ROOT = join(import.meta.dirname, '..');
const { values } = parseArgs({
  options: { runs: { type: 'string', default: '30' }, bundle: { type: 'string', multiple: true, default: [] } },
});
const runs = Number(values.runs);
if (!Number.isSafeInteger(runs) || runs < 1)
  throw new Error(`--runs must be a whole number above 0, not ${values.runs}`);

// @ts-expect-error: a plain .mjs build script without types
const { cliBundleOptions } = (await import('../scripts/bundle-cli.mjs')) as {
  cliBundleOptions: (outdir: string) => Parameters<typeof esbuild>[0];
};
const here = join(ROOT, 'bench/out/startup/cli-bundle');
await esbuild(cliBundleOptions(here));

const report = join(ROOT, 'bench/out/startup/report.json');
const check = (dir: string) => [
  join(dir, 'run.js'),
  ...['check', '--cwd', 'examples', '--config', 'readygate.yml', '--out', report],
];
const commands: Record<string, string[]> = { 'node -e 0': ['-e', '0'], 'readygate check (this tree)': check(here) };
for (const given of values.bundle) {
  const [name, dir] = given.includes('=') ? (given.split('=', 2) as [string, string]) : [given, given];
  commands[`readygate check (${name})`] = check(join(ROOT, dir));
}

const time = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
const wall: Record<string, number[]> = {};
const cpu: Record<string, number[]> = {};
for (let round = 0; round < runs; round++) {
  for (const [label, args] of Object.entries(commands)) {
    const started = performance.now();
    const r = time
      ? spawnSync(time, ['-f', '@cpu %U %S', process.execPath, ...args], { cwd: ROOT, encoding: 'utf8' })
      : spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' });
    (wall[label] ??= []).push(performance.now() - started);
    // 0 ready, 1 gates failed: both are a run; anything else is a broken build.
    if (r.status !== 0 && r.status !== 1) throw new Error(`${label} exited ${r.status}: ${r.stderr.slice(0, 500)}`);
    const used = /@cpu ([\d.]+) ([\d.]+)/.exec(r.stderr);
    if (used) (cpu[label] ??= []).push((Number(used[1]) + Number(used[2])) * 1000);
  }
}

const base = 'node -e 0';
const ratio = (of: number[] | undefined, to: number[] | undefined) =>
  of && to ? `${(median(of) / median(to)).toFixed(2)}×` : '–';
const ms = (of: number[] | undefined) => (of ? `${Math.round(median(of))} ms` : '–');
console.log(`${runs} rounds, Node ${process.version}, medians; ratio against \`${base}\`\n`);
console.log('| Command | Wall | Ratio | CPU | Ratio |\n| --- | ---: | ---: | ---: | ---: |');
for (const label of Object.keys(commands))
  console.log(
    `| ${label} | ${ms(wall[label])} | ${ratio(wall[label], wall[base])} | ${ms(cpu[label])} | ${ratio(cpu[label], cpu[base])} |`,
  );
