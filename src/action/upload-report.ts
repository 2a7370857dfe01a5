/**
 * Uploads the JSON report as the `readygate-report` artifact (input `upload-report`, default
 * true), so a fork's pull request can be published by a `workflow_run` workflow and anyone can
 * download the report. Never fails the step: without the runner's artifact credentials (not in
 * Actions, an old runner, GitHub Enterprise Server) it says so and points at `report-path`; an
 * upload error is a warning. The verdict never depends on the upload.
 */
import { describeError } from '../core/errors.js';
import { REPORT_ARTIFACT } from '../github/artifact.js';
import { uploadArtifact } from '../github/artifact-upload.js';
import { REPORT_ENTRY } from '../github/zip.js';
import type { StageEnv } from './stage-env.js';

/** True when the artifact was uploaded. */
export async function uploadReport(env: StageEnv, report: { path: string; bytes: Uint8Array }): Promise<boolean> {
  const { inputs, io, artifacts } = env;
  if (!inputs['upload-report']) return false;
  if ('unavailable' in artifacts) {
    io.info(
      `readygate: not uploading the ${REPORT_ARTIFACT} artifact: ${artifacts.unavailable}. The report is at ${report.path} (output report-path).`,
    );
    return false;
  }
  try {
    const uploaded = await uploadArtifact(
      artifacts.runtime,
      REPORT_ARTIFACT,
      { [REPORT_ENTRY]: report.bytes },
      env.upload,
    );
    io.info(
      `uploaded the report as artifact ${REPORT_ARTIFACT} (id ${uploaded.id}, ${uploaded.size} bytes, sha256:${uploaded.sha256})`,
    );
    return true;
  } catch (error) {
    io.warning(
      `could not upload the ${REPORT_ARTIFACT} artifact (the verdict is not affected; the report is at ${report.path}): ${describeError(error)}`,
    );
    return false;
  }
}
