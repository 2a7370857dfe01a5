/** Completes a check run as failed with the reason, so a run that hit an error is never left in progress. */
import { describeError } from '../core/errors.js';
import { md } from '../core/render/escape.js';
import { completeCheckRun, type CheckRunRef } from '../github/checks.js';
import type { StageEnv } from './stage-env.js';

export async function failCheckRun(env: StageEnv, run: CheckRunRef, error: unknown): Promise<void> {
  // The reason may quote report data (a file or zip entry name): escaped as any report text is.
  const summary = `## ❌ readygate could not finish\n\n${md(describeError(error))}\n`;
  try {
    await completeCheckRun(env.octokit, env.context.repo, run, {
      title: 'readygate could not finish',
      summary,
      conclusion: 'failure',
      annotations: [],
    });
  } catch (second) {
    env.io.warning(`could not mark the check run as failed: ${describeError(second)}`);
  }
}
