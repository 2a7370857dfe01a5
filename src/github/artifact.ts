/**
 * Downloads the `readygate-report` artifact of a workflow run and reads the report from it in
 * memory (see zip.ts). The listed size is checked before downloading; the download endpoint
 * answers with a redirect to short-lived storage, which fetch follows.
 */
import { apiStep } from './errors.js';
import type { GitHubClient } from './octokit.js';
import type { RepoRef } from './repo.js';
import { ArtifactError, DEFAULT_ZIP_LIMITS, readReportArtifact, type ZipLimits } from './zip.js';
import type { ReportV1 } from '../core/report-schema.js';

export const REPORT_ARTIFACT = 'readygate-report';

export async function downloadReportArtifact(
  octokit: GitHubClient,
  repo: RepoRef,
  runId: number,
  limits: ZipLimits = DEFAULT_ZIP_LIMITS,
): Promise<ReportV1> {
  const { data } = await apiStep(`listing the artifacts of workflow run ${runId}`, () =>
    octokit.rest.actions.listWorkflowRunArtifacts({ ...repo, run_id: runId, name: REPORT_ARTIFACT, per_page: 100 }),
  );
  const artifact = data.artifacts.find((a) => a.name === REPORT_ARTIFACT && !a.expired);
  if (!artifact) {
    throw new ArtifactError(
      `workflow run ${runId} has no ${REPORT_ARTIFACT} artifact: the triggering workflow must run readygate (it uploads the report) or upload its report-path as "${REPORT_ARTIFACT}"`,
    );
  }
  if (artifact.size_in_bytes > limits.maxZipBytes) {
    throw new ArtifactError(
      `the ${REPORT_ARTIFACT} artifact is ${artifact.size_in_bytes} bytes, over the ${limits.maxZipBytes}-byte limit`,
    );
  }
  const response = await apiStep(`downloading the ${REPORT_ARTIFACT} artifact`, () =>
    octokit.rest.actions.downloadArtifact({ ...repo, artifact_id: artifact.id, archive_format: 'zip' }),
  );
  const body = response.data as unknown;
  if (!(body instanceof ArrayBuffer))
    throw new ArtifactError(`the ${REPORT_ARTIFACT} artifact download did not return a zip`);
  return readReportArtifact(new Uint8Array(body), limits);
}
