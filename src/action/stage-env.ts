/** What every stage of the Action receives: the parsed inputs and context, the client and the runner I/O. */
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
  /** Uploads a file as a workflow artifact; absent where no uploader is available. */
  uploadArtifact?: (name: string, file: string) => Promise<void>;
}
