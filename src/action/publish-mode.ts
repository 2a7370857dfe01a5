/**
 * `mode: publish`, for a `workflow_run` workflow that publishes what a fork's pull request
 * workflow could not. The judging (find the PR, read the untrusted artifact, changed lines,
 * default-branch policy, base digest, re-evaluation) is check/judge-artifact.ts, the same code the
 * App runs; here the check run is created once the artifact and policy are read, and the result
 * is delivered as the Action does (check run, comment, job summary, outputs).
 */
import { judgeArtifact } from '../check/judge-artifact.js';
import { ConfigError } from '../core/errors.js';
import type { ReportV1 } from '../core/report-schema.js';
import { createCheckRun, type CheckRunRef } from '../github/checks.js';
import { VERSION } from '../version.js';
import { deliver } from './deliver.js';
import { failCheckRun } from './fail-check-run.js';
import type { StageEnv } from './stage-env.js';

export async function publishMode(env: StageEnv): Promise<ReportV1> {
  const { context, inputs, octokit, io } = env;
  const event = context.event;
  if (event.kind !== 'workflow_run') {
    throw new ConfigError(
      `mode: publish runs on workflow_run events (this is ${event.kind === 'other' ? event.name : event.kind}); use mode: check here`,
    );
  }
  let checkRun: CheckRunRef | undefined;
  try {
    const judged = await judgeArtifact({
      octokit,
      repo: context.repo,
      defaultBranch: context.defaultBranch,
      run: {
        id: event.runId,
        headSha: event.headSha,
        ...(event.headRepo && { headRepo: event.headRepo }),
        ...(event.headBranch && { headBranch: event.headBranch }),
      },
      policyPath: inputs.config,
      checkName: inputs['check-name'],
      version: VERSION,
      today: env.today,
      notices: [
        `published from workflow run ${event.runId}'s readygate-report artifact, re-evaluated with the default branch's policy`,
      ],
      openCheckRun: async () =>
        (checkRun = await createCheckRun(octokit, context.repo, inputs['check-name'], event.headSha, event.runUrl)),
    });
    const { report } = judged;
    io.info(`re-evaluated the artifact: ${report.verdict} (the artifact said ${judged.claimed})`);
    await deliver(env, {
      report,
      headSha: event.headSha,
      pullNumber: judged.pull?.number,
      checkRun: judged.checkRun,
      readOnly: false,
      badge: false,
      patchAnnotations: judged.patchAnnotations,
    });
    return report;
  } catch (error) {
    if (checkRun) await failCheckRun(env, checkRun, error);
    throw error;
  }
}
