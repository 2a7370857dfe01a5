/** What every stage of the Action receives: the parsed inputs and context, the client and the runner I/O. */
import type { RuntimeLookup, UploadOptions } from '../github/artifact-upload.js';
import type { GitHubClient } from '../github/octokit.js';
import type { ActionContext } from './context.js';
import type { ActionInputs } from './inputs.js';
import type { ActionIO } from './io.js';

export interface StageEnv {
  inputs: ActionInputs;
  context: ActionContext;
  octokit: GitHubClient;
  io: ActionIO;
  /** Directory for the JSON report (RUNNER_TEMP on a runner). */
  tempDir: string;
  /** YYYY-MM-DD. */
  today: string;
  /** The runner's artifact credentials, or why there are none. */
  artifacts: RuntimeLookup;
  /** fetch and retry timing for the artifact upload. */
  upload: UploadOptions;
}
