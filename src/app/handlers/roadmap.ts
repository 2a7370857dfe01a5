/**
 * The roadmap, kept in step by the App. A push to the default branch that changes a roadmap file
 * (or the policy) runs a roadmap sync: issues, labels and milestones made to match the files as
 * that commit has them. A pull request that changes a roadmap file gets a preview: what the sync
 * would do once it is merged, computed against GitHub's current state and written nowhere but a
 * check run. Both show as the `<check> roadmap` check run on the commit, separate from the
 * `readygate` check that branch protection requires.
 *
 * One sync at a time per repository: every delivery of a repository runs in turn
 * (queue/delivery-key.ts), across replicas too. The settings always come from the default
 * branch's policy; only the roadmap text comes from the commit (a PR's, for a preview).
 */
import type { Logger } from 'probot';
import type { Policy } from '../../check/policy.js';
import { parseOptions, syncOptions, type RoadmapSettings } from '../../check/roadmap-settings.js';
import { describeError, ReadygateError } from '../../core/errors.js';
import { md } from '../../core/render/escape.js';
import { collectRoadmap } from '../../core/roadmap/collect.js';
import { planHeadline, renderPlanMarkdown } from '../../core/roadmap/plan-markdown.js';
import { completeCheckRun, createCheckRun, type Conclusion } from '../../github/checks.js';
import { DEFAULT_PACING, installPacing } from '../../github/roadmap/pacing.js';
import { readRoadmapFiles, roadmapMatcher } from '../../github/roadmap/remote-files.js';
import { syncRoadmap } from '../../github/roadmap/sync.js';
import type { HandlerDeps, RepoScope } from './deps.js';

/** The policy's roadmap settings, when it has roadmap files to sync. */
export function roadmapOf(policy: Policy): RoadmapSettings | undefined {
  const settings = policy.config.roadmap;
  return settings && settings.files.length > 0 ? settings : undefined;
}

/** Whether any of `paths` is a roadmap file (or the policy, which says what to sync). */
export function touchesRoadmap(settings: RoadmapSettings, policyPath: string, paths: Iterable<string>): boolean {
  const matches = roadmapMatcher(settings.files);
  for (const path of paths) if (path === policyPath || matches(path)) return true;
  return false;
}

export interface RoadmapRun {
  sha: string;
  settings: RoadmapSettings;
  /** `sync`: apply (a push to the default branch); `preview`: plan only (a pull request). */
  mode: 'sync' | 'preview';
  /** For a preview: the pull request, named in the run. */
  pullNumber?: number;
}

const MAX_WARNINGS = 20;

export async function runRoadmap(scope: RepoScope, deps: HandlerDeps, log: Logger, job: RoadmapRun): Promise<void> {
  const { octokit, repo } = scope;
  const name = `${deps.checkName} roadmap`;
  const run = await createCheckRun(octokit, repo, name, job.sha, undefined, {
    title: job.mode === 'sync' ? 'Syncing the roadmap' : 'Planning the roadmap sync',
    summary: 'Reading the roadmap files and the issues, milestones and labels on GitHub.',
  });
  const short = job.sha.slice(0, 7);
  let output: { title: string; summary: string; conclusion: Conclusion };
  let failure: unknown; // an API failure: said on the run, then thrown for the queue to retry
  try {
    const files = await readRoadmapFiles(octokit, repo, job.sha, job.settings.files);
    if (files.sources.length === 0)
      throw new ReadygateError(`no file of ${short} matches roadmap.files (${job.settings.files.join(', ')})`);
    const roadmap = collectRoadmap(files.sources, parseOptions(job.settings));
    // Writes at GitHub's documented pace for content creation, as `readygate roadmap` does; the
    // event's client is this delivery's own, so the pacing ends with it.
    if (job.mode === 'sync')
      installPacing(octokit, {
        ...DEFAULT_PACING,
        ...deps.roadmapPacing,
        onWait: (message) => log.info(`roadmap sync of ${scope.fullName}: ${message}`),
      });
    const outcome = await syncRoadmap(octokit, {
      ref: repo,
      roadmap,
      options: syncOptions(job.settings, roadmap),
      dryRun: job.mode === 'preview',
      trustedAuthors: job.settings.trusted_authors,
    });
    const warnings = [
      ...files.warnings,
      ...roadmap.warnings.map((w) => `${w.file}:${w.line}: ${w.message}`),
      ...(outcome.result?.warnings ?? []),
    ];
    const plan = renderPlanMarkdown(outcome.plan);
    const head =
      job.mode === 'sync'
        ? `Synced ${roadmap.items.length} roadmap item(s) from ${files.sources.length} file(s) at \`${short}\`: ${outcome.result?.writes ?? 0} write(s) to GitHub.`
        : `What merging #${job.pullNumber} would do to the issues, milestones and labels (nothing is changed before then), from ${files.sources.length} roadmap file(s) at \`${short}\`:`;
    output = {
      title: job.mode === 'sync' ? syncTitle(outcome.plan.ops.length) : planHeadline(outcome.plan),
      summary: [head, '', plan, ...warningLines(warnings)].join('\n'),
      conclusion: warnings.length ? 'neutral' : 'success',
    };
    log.info(`roadmap ${job.mode} of ${scope.fullName}@${short}: ${outcome.plan.ops.length} change(s)`);
  } catch (error) {
    // A roadmap that cannot be read or synced is said on the commit; an API outage is thrown too, to retry.
    output = {
      title: job.mode === 'sync' ? 'The roadmap sync failed' : 'The roadmap sync cannot be planned',
      summary: `${md(describeError(error))}\n`,
      conclusion: 'failure',
    };
    log.warn(`roadmap ${job.mode} of ${scope.fullName}@${short} failed: ${describeError(error)}`);
    if (!(error instanceof ReadygateError)) failure = error;
  }
  await completeCheckRun(octokit, repo, run, { ...output, annotations: [] });
  if (failure !== undefined) throw failure;
}

function syncTitle(changes: number): string {
  return changes === 0 ? 'The roadmap and GitHub already agree' : `Roadmap synced: ${changes} change(s)`;
}

function warningLines(warnings: readonly string[]): string[] {
  if (!warnings.length) return [];
  const shown = warnings.slice(0, MAX_WARNINGS).map((w) => `- ${md(w)}`);
  if (warnings.length > MAX_WARNINGS) shown.push(`- …and ${warnings.length - MAX_WARNINGS} more`);
  return ['', '**Warnings**', '', ...shown];
}
