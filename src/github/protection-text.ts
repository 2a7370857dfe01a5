/**
 * What `readygate protect` and the App's "Require this check" button say they changed (or would
 * change), and the button itself.
 */
import { ReadygateError, describeError } from '../core/errors.js';
import type { GitHubClient } from './octokit.js';
import { protectDefaultBranch, type ProtectionChange, type RequiredCheck } from './protection.js';
import type { RepoRef } from './repo.js';

/** The check-run button (label ≤ 20, description ≤ 40 characters); a click sends `requested_action`. */
export const PROTECT_BUTTON = {
  label: 'Require this check',
  identifier: 'protect',
  description: 'Require readygate on the default branch',
} as const;

export function describeProtection(change: ProtectionChange, checkName: string): string {
  const wanted = change.after.find((c) => c.context === checkName);
  const named = `${checkName} (${source(wanted)})`;
  const would = !change.applied && change.outcome !== 'unchanged';
  const verb = {
    added: would ? 'would add' : 'added',
    pinned: would ? 'would pin' : 'pinned',
    created: would ? 'would create' : 'created',
    unchanged: '',
  }[change.outcome];
  const lines =
    change.outcome === 'unchanged'
      ? [`${checkName} is already required by ${change.where} (${source(wanted)}): nothing to change`]
      : change.outcome === 'created'
        ? [`${verb} ${change.where} requiring ${named}`]
        : [
            `${change.where}: ${verb} ${named} ${change.outcome === 'pinned' ? 'to the App' : 'to the required checks'}`,
            `  required before: ${list(change.before)}`,
            `  required after:  ${list(change.after)}`,
          ];
  if (would) lines.push('dry run: nothing was changed');
  return `${lines.join('\n')}\n`;
}

/**
 * The App's button: runs protect with the App's own id and says what happened. A refusal (the
 * optional `administration: write` permission not granted) is an answer to show, not a crash.
 */
export async function protectFromButton(
  octokit: GitHubClient,
  repo: RepoRef,
  options: { appId: number; checkName: string; branch?: string },
): Promise<{ ok: boolean; text: string }> {
  try {
    const change = await protectDefaultBranch(octokit, repo, { ...options, dryRun: false });
    return { ok: true, text: describeProtection(change, options.checkName) };
  } catch (error) {
    if (!(error instanceof ReadygateError)) throw error;
    return {
      ok: false,
      text: `${describeError(error)}\nThe App asks for \`administration: write\` only as an optional permission: grant it in the installation's settings, or run \`readygate protect --app-id ${options.appId}\` with an admin's token.\n`,
    };
  }
}

function source(check: RequiredCheck | undefined): string {
  return check?.appId === undefined ? 'any app' : `app ${check.appId}`;
}

function list(checks: readonly RequiredCheck[]): string {
  return checks.length ? checks.map((c) => `${c.context} (${source(c)})`).join(', ') : 'none';
}
