/**
 * `readygate roadmap show|plan|sync|pull`: the roadmap file is the plan, GitHub issues the work.
 * show prints the parsed roadmap without GitHub;
 * plan prints the changes; sync applies them (a lock keeps two syncs of one checkout apart);
 * pull writes drift (state, title, assignee changed on GitHub) back into the roadmap file; the ETag
 * cache is kept between runs so reruns on an unchanged repository cost no rate limit.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import cliProgress from 'cli-progress';
import { UsageError } from '../core/errors.js';
import { applyDrift } from '../core/roadmap/pull.js';
import { renderPlanJson, renderPlanText } from '../core/roadmap/render-plan.js';
import { renderRoadmapJson, renderRoadmapText } from '../core/roadmap/render-roadmap.js';
import { createRoadmapClient } from '../github/roadmap/client.js';
import { openEtagStore } from '../github/roadmap/etag-store.js';
import { acquireLock } from '../github/roadmap/lock.js';
import type { PacingOptions } from '../github/roadmap/pacing.js';
import { syncRoadmap } from '../github/roadmap/sync.js';
import { EXIT, type CliIO } from './io.js';
import { bool, defineCommand, list, oneOf, str, type FlagsOf } from './options.js';
import { DEFAULT_API } from './remote.js';
import { syncOptions } from '../check/roadmap-settings.js';
import { etagCacheDir, loadRoadmap, repoRef, roadmapSettings } from './roadmap-source.js';

export const ROADMAP_HELP = `Usage: readygate roadmap <show|plan|sync|pull> [options]

Keeps roadmap Markdown files and GitHub issues, labels and milestones in step.

  show   print the roadmap as readygate reads it: items, statuses, milestones, warnings (no GitHub)
  plan   print what a sync would change (no writes)
  sync   apply the changes
  pull   write changes made on GitHub (closed/reopened, title, assignee) into the roadmap file

Options:
  --file GLOB       roadmap file(s); repeatable; default: roadmap.files in the config
  --config FILE     policy file (default: .github/readygate.yml)
  --repo OWNER/REPO repository (default: from the git remote "origin")
  --token TOKEN     GitHub token (default: GITHUB_TOKEN)
  --api-url URL     API base, for GitHub Enterprise Server (default: GITHUB_API_URL or https://api.github.com)
  --dry-run         sync: plan only; pull: print the patch without writing
  --cache-dir DIR   where the ETag cache is kept (default: roadmap.cache_dir, else ~/.cache/readygate)
  --no-cache        read everything afresh and keep no ETag cache
  --format FMT      text (default) or json
  --cwd DIR         repository root, and what every relative path above is relative to
  -h, --help        show this help
`;

export const ROADMAP_OPTIONS = {
  file: list,
  config: str,
  repo: str,
  token: str,
  'api-url': str,
  'dry-run': bool,
  'cache-dir': str,
  'no-cache': bool,
  format: oneOf('text', 'json'),
  cwd: str,
} as const;

export type RoadmapFlags = FlagsOf<typeof ROADMAP_OPTIONS>;

export const roadmapCli = defineCommand({
  help: ROADMAP_HELP,
  options: ROADMAP_OPTIONS,
  // the subcommand: show, plan, sync or pull
  positionals: true,
  run: (flags, positionals, io) => roadmapCommand(positionals, flags, io),
});

/** Test seams: pacing (so tests run in milliseconds), and where progress goes (a terminal). */
export interface RoadmapDeps {
  pacing?: Partial<PacingOptions>;
  progress?: NodeJS.WritableStream & { isTTY?: boolean };
}

export async function roadmapCommand(
  positionals: readonly string[],
  flags: RoadmapFlags,
  io: CliIO,
  deps: RoadmapDeps = {},
): Promise<number> {
  const [sub, ...extra] = positionals;
  if (sub !== 'show' && sub !== 'plan' && sub !== 'sync' && sub !== 'pull')
    throw new UsageError(`roadmap needs show, plan, sync or pull${sub ? `, not "${sub}"` : ''}\n\n${ROADMAP_HELP}`);
  if (extra.length) throw new UsageError(`unexpected argument "${extra[0]}"`);
  const format = flags.format ?? 'text';
  const root = resolve(io.cwd, flags.cwd ?? '.');
  const settings = roadmapSettings(root, io.cwd, flags.config, flags.file);
  const roadmap = await loadRoadmap(root, settings);
  if (sub === 'show') {
    io.stdout(format === 'json' ? renderRoadmapJson(roadmap) : renderRoadmapText(roadmap));
    return EXIT.ok;
  }
  const token = flags.token ?? io.env.GITHUB_TOKEN;
  if (!token) throw new UsageError('no GitHub token: set GITHUB_TOKEN or pass --token');
  const ref = repoRef(root, flags.repo);
  const baseUrl = flags['api-url'] ?? io.env.GITHUB_API_URL ?? DEFAULT_API;
  const cacheDir = etagCacheDir(root, io.cwd, settings, flags, io.env);
  const etags =
    cacheDir === undefined
      ? undefined
      : openEtagStore(cacheDir, baseUrl, ref, (message) => io.stderr(`warning: ${message}\n`));
  const octokit = createRoadmapClient({
    token,
    baseUrl,
    pacing: { ...deps.pacing, ...(etags && { etags }), onWait: (message) => io.stderr(`readygate: ${message}\n`) },
  });
  for (const w of roadmap.warnings) io.stderr(`warning: ${w.file}${w.line ? `:${w.line}` : ''}: ${w.message}\n`);
  const dryRun = sub === 'plan' || flags['dry-run'] === true;
  const release = sub === 'sync' && !dryRun ? acquireLock(resolve(root, '.readygate-lock')) : undefined;
  // Progress only on a terminal: never in CI logs or a pipe, where a redrawn bar is noise.
  const progress = deps.progress ?? process.stderr;
  const bar =
    sub === 'sync' && !dryRun && progress.isTTY === true && !io.env.CI
      ? new cliProgress.SingleBar(
          {
            format: 'roadmap sync [{bar}] {value}/{total} changes · {eta_formatted} left · {what}',
            stream: progress,
            noTTYOutput: false,
          },
          cliProgress.Presets.shades_classic,
        )
      : undefined;
  try {
    const outcome = await syncRoadmap(octokit, {
      ref,
      roadmap,
      options: syncOptions(settings, roadmap),
      trustedAuthors: settings.trusted_authors,
      dryRun: dryRun || sub === 'pull',
      onProgress: (done, total, what) => {
        if (done === 0) bar?.start(total, 0, { what });
        bar?.update(done, { what });
      },
    });
    bar?.stop();
    if (sub === 'pull') return pull(root, roadmap.files, outcome.plan.drift, flags['dry-run'] === true, format, io);
    io.stdout(format === 'json' ? renderPlanJson(outcome.plan) : renderPlanText(outcome.plan));
    if (outcome.result && format === 'text')
      io.stdout(`applied: ${outcome.result.writes} write(s), ${outcome.result.created.length} issue(s) created\n`);
    for (const w of outcome.result?.warnings ?? []) io.stderr(`warning: ${w}\n`);
    if (outcome.plan.drift.length && format === 'text')
      io.stdout(
        patches(roadmap.files, outcome.plan.drift)
          .map((p) => p.diff)
          .join(''),
      );
    return EXIT.ok;
  } finally {
    bar?.stop();
    release?.();
    etags?.save();
  }
}

function patches(files: Parameters<typeof applyDrift>[0][], drift: Parameters<typeof applyDrift>[1]) {
  return files.map((f) => applyDrift(f, drift)).filter((p) => p.applied.length > 0);
}

function pull(
  root: string,
  files: Parameters<typeof applyDrift>[0][],
  drift: Parameters<typeof applyDrift>[1],
  dryRun: boolean,
  format: 'text' | 'json',
  io: CliIO,
): number {
  const all = files.map((f) => applyDrift(f, drift));
  const patched = all.filter((p) => p.applied.length > 0);
  const skipped = all.flatMap((p) => p.skipped);
  if (format === 'json')
    io.stdout(
      `${JSON.stringify({ files: patched.map((p) => ({ file: p.file, diff: p.diff, written: !dryRun })) }, null, 2)}\n`,
    );
  else
    io.stdout(
      patched.length
        ? patched.map((p) => p.diff).join('')
        : skipped.length
          ? 'roadmap pull: nothing the file spells out to rewrite\n'
          : 'roadmap pull: the roadmap already matches GitHub\n',
    );
  if (!dryRun) for (const p of patched) writeFileSync(resolve(root, p.file), p.text);
  for (const d of skipped) {
    const what =
      d.field === 'status'
        ? `has no status mark to rewrite; GitHub says ${d.githubStatus}`
        : `the ${d.field} changed on GitHub (${d.githubValue || 'none'}) has no one place in the file to write; change the file by hand to keep it`;
    io.stderr(`warning: ${d.file}:${d.line}: ${d.key} ${what}\n`);
  }
  return EXIT.ok;
}
