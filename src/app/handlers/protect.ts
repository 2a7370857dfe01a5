/**
 * The "Require this check" button on the App's check run (a `requested_action`): adds the App's
 * `readygate` check to the default branch's required checks, as `readygate protect` does with the
 * App's id, and writes what changed (or why not) into the run's text.
 *
 * Anyone with write access sees the button, but changing branch protection is an administrator's
 * decision: the App acts only for a sender who is an admin of the repository, so installing the
 * optional `administration: write` permission never lets a writer change protection through it.
 */
import type { Context } from 'probot';
import { RECHECK_ACTION } from '../../check/app-texts.js';
import { describeError } from '../../core/errors.js';
import { plainText } from '../../core/render/escape.js';
import { GITHUB_LIMITS } from '../../core/render/limits.js';
import { apiStep } from '../../github/errors.js';
import { PROTECT_BUTTON, protectFromButton } from '../../github/protection-text.js';
import { repoScope, type HandlerDeps } from './deps.js';

export async function onProtectClicked(context: Context<'check_run'>, deps: HandlerDeps): Promise<void> {
  const scope = repoScope(context);
  const { octokit, repo } = scope;
  const run = context.payload.check_run;
  const login = context.payload.sender.login;
  const permission = await apiStep(`reading the permission of ${login}`, () =>
    octokit.rest.repos.getCollaboratorPermissionLevel({ ...repo, username: login }),
  ).then(
    (r) => r.data.permission,
    (error: unknown) => {
      context.log.warn(`protect button: cannot read ${login}'s permission: ${describeError(error)}`);
      return 'unknown';
    },
  );
  let result: { ok: boolean; text: string };
  if (permission !== 'admin') {
    result = {
      ok: false,
      text: `Only an administrator of ${scope.fullName} can require this check; the button was pressed by an account with ${permission} permission. Nothing was changed.\n`,
    };
  } else {
    result = await protectFromButton(octokit, repo, {
      appId: deps.appId,
      checkName: deps.checkName,
      branch: scope.defaultBranch,
    });
  }
  context.log.info(`protect button on run ${run.id} by ${login} (${permission}): ${result.ok ? 'done' : 'refused'}`);
  const { data } = await apiStep('reading the check run', () =>
    octokit.rest.checks.get({ ...repo, check_run_id: run.id }),
  );
  const section = [
    `### ${result.ok ? 'Branch protection' : 'Branch protection: not changed'}`,
    '',
    // The sender's login is shown as code: no @mention, no Markdown from a name.
    `Requested by \`${login.replace(/`/g, '')}\` on ${deps.now().toISOString().slice(0, 16).replace('T', ' ')} UTC.`,
    '',
    '```text',
    // Text inside a fence renders as typed; only a run of backticks could close it.
    plainText(result.text).replace(/`{3,}/g, "'''").trimEnd(),
    '```',
  ].join('\n');
  const before = data.output.text ?? '';
  const text = `${section}\n\n${before}`.slice(0, GITHUB_LIMITS.summaryChars);
  await apiStep('writing the protection result into the check run', () =>
    octokit.rest.checks.update({
      ...repo,
      check_run_id: run.id,
      output: { title: data.output.title ?? deps.checkName, summary: data.output.summary ?? '', text },
      // Once the check is required, only "Check again" stays.
      actions: result.ok ? [RECHECK_ACTION] : [RECHECK_ACTION, PROTECT_BUTTON],
    }),
  );
}
