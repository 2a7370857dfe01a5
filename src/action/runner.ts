/**
 * The Action's runner: inputs → context → client → mode → outputs and exit status. The only
 * place that fails the step: every error, typed or not, becomes one message (with the config's
 * issues listed), and `fail-on` decides whether a failed verdict fails the step.
 */
import { tmpdir } from 'node:os';
import { ConfigError, describeError } from '../core/errors.js';
import { artifactRuntime } from '../github/artifact-upload.js';
import { createOctokit, type ThrottleTuning } from '../github/octokit.js';
import { VERSION } from '../version.js';
import { checkMode } from './check-mode.js';
import { readContext } from './context.js';
import { parseInputs } from './inputs.js';
import type { ActionIO } from './io.js';
import { publishMode } from './publish-mode.js';
import type { StageEnv } from './stage-env.js';

export interface RunnerDeps {
  env: Readonly<Record<string, string | undefined>>;
  io: ActionIO;
  cwd: string;
  now?: () => Date;
  fetch?: typeof globalThis.fetch;
  tuning?: ThrottleTuning;
  /** First wait before retrying an artifact upload request, ms (default 1000; tests use 0). */
  uploadRetryDelayMs?: number;
}

/** Runs the Action; resolves to the exit status it set (0 ok, 1 failed). Never throws. */
export async function runAction(deps: RunnerDeps): Promise<0 | 1> {
  const { io } = deps;
  try {
    const inputs = parseInputs(deps.env);
    const context = readContext(deps.env, deps.cwd);
    const octokit = createOctokit({
      token: inputs.token,
      baseUrl: context.apiUrl,
      fetch: deps.fetch,
      userAgent: `readygate-action/${VERSION}`,
      tuning: deps.tuning,
      log: { warn: (m) => io.warning(m) },
    });
    const env: StageEnv = {
      inputs,
      context,
      octokit,
      io,
      tempDir: deps.env.RUNNER_TEMP ?? tmpdir(),
      today: (deps.now?.() ?? new Date()).toISOString().slice(0, 10),
      artifacts: artifactRuntime(deps.env),
      upload: {
        ...(deps.fetch && { fetch: deps.fetch }),
        ...(deps.uploadRetryDelayMs !== undefined && { retryDelayMs: deps.uploadRetryDelayMs }),
      },
    };
    const report = inputs.mode === 'publish' ? await publishMode(env) : await checkMode(env);
    if (report.verdict === 'fail' && inputs['fail-on'] === 'required-level') {
      io.setFailed(
        `readygate: not ready for ${report.required} (reached ${report.level ?? 'no level'}); see the job summary`,
      );
      return 1;
    }
    return 0;
  } catch (error) {
    const issues =
      error instanceof ConfigError && error.issues.length > 0
        ? `\n${error.issues.map((i) => `  - ${i}`).join('\n')}`
        : '';
    io.setFailed(`readygate: ${describeError(error)}${issues}`);
    return 1;
  }
}
