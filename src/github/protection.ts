/**
 * Makes the `readygate` check required on the default branch, never removing a required check:
 *  1. classic branch protection with required status checks: the check is added to its `checks`
 *     (`{ context, app_id }`; PATCH replaces the list, so every existing check is sent back, an
 *     unpinned one with `app_id: -1`, "any app", so that GitHub does not pin it to an app);
 *  2. else the first active repository ruleset on the default branch with a `required_status_checks`
 *     rule: the check is added to that rule (`{ context, integration_id }`, PUT of the rules);
 *  3. else a new ruleset "readygate" on `~DEFAULT_BRANCH` requiring only this check.
 * With an app id, a required `readygate` that any app may set is pinned to that app. A dry run
 * reads the same and writes nothing. Needs admin on the repository (`administration: write` for
 * an App). Shapes from GitHub's REST description (status-check-policy, repository-ruleset).
 */
import picomatch from 'picomatch';
import { ReadygateError, describeError } from '../core/errors.js';
import { apiStep, httpStatus } from './errors.js';
import type { GitHubClient } from './octokit.js';
import type { RepoRef } from './repo.js';

export interface ProtectOptions {
  checkName: string;
  /** The App that must provide the check; absent: any app (or GitHub's choice, classic protection). */
  appId?: number;
  dryRun: boolean;
  /** The default branch, when the caller knows it (the App has it in its payload). */
  branch?: string;
}

export interface RequiredCheck {
  context: string;
  /** Undefined: any app. */
  appId?: number;
}

export interface ProtectionChange {
  /** What was (or would be) edited, e.g. `branch protection of main` or `ruleset "CI" (id 7)`. */
  where: string;
  kind: 'branch-protection' | 'ruleset' | 'new-ruleset';
  /** Required checks before and after. */
  before: RequiredCheck[];
  after: RequiredCheck[];
  /** `unchanged` when the check was already required as asked. */
  outcome: 'added' | 'pinned' | 'created' | 'unchanged';
  applied: boolean;
}

interface RulesetRule {
  type: string;
  parameters?: Record<string, unknown>;
}
type UpdateRules = NonNullable<NonNullable<Parameters<GitHubClient['rest']['repos']['updateRepoRuleset']>[0]>['rules']>;

export async function protectDefaultBranch(
  octokit: GitHubClient,
  repo: RepoRef,
  options: ProtectOptions,
): Promise<ProtectionChange> {
  const branch =
    options.branch ??
    (await apiStep('reading the default branch', () => octokit.rest.repos.get({ ...repo }))).data.default_branch;
  const classic = await readClassicChecks(octokit, repo, branch);
  if (classic) {
    const before = classic.map((c) => ({ context: c.context, ...(c.app_id !== null && { appId: c.app_id }) }));
    const { after, outcome } = withCheck(before, options);
    const change = { where: `branch protection of ${branch}`, kind: 'branch-protection' as const, before, after };
    if (outcome === 'unchanged' || options.dryRun) return { ...change, outcome, applied: false };
    // Existing unpinned checks stay "any app" (-1); a new unpinned one is left to GitHub's choice
    // (the app that last set it), as the settings page does.
    const checks = after.map((c, i) =>
      c.appId === undefined && outcome === 'added' && i === after.length - 1
        ? { context: c.context }
        : { context: c.context, app_id: c.appId ?? -1 },
    );
    await call(`updating the required status checks of ${branch}`, () =>
      octokit.rest.repos.updateStatusCheckProtection({ ...repo, branch, checks }),
    );
    return { ...change, outcome, applied: true };
  }
  const ruleset = await findRuleset(octokit, repo, branch);
  if (ruleset) {
    const rule = ruleset.rules.find((r) => r.type === 'required_status_checks')!;
    const listed = (rule.parameters?.required_status_checks ?? []) as { context: string; integration_id?: number }[];
    const before = listed.map((c) => ({
      context: c.context,
      ...(c.integration_id !== undefined && { appId: c.integration_id }),
    }));
    const { after, outcome } = withCheck(before, options);
    const change = { where: `ruleset "${ruleset.name}" (id ${ruleset.id})`, kind: 'ruleset' as const, before, after };
    if (outcome === 'unchanged' || options.dryRun) return { ...change, outcome, applied: false };
    const required_status_checks = after.map((c) => ({
      context: c.context,
      ...(c.appId !== undefined && { integration_id: c.appId }),
    }));
    const rules = ruleset.rules.map((r) =>
      r === rule ? { ...r, parameters: { ...r.parameters, required_status_checks } } : r,
    );
    await call(`updating ruleset ${ruleset.id}`, () =>
      octokit.rest.repos.updateRepoRuleset({ ...repo, ruleset_id: ruleset.id, rules: rules as UpdateRules }),
    );
    return { ...change, outcome, applied: true };
  }
  const after = [{ context: options.checkName, ...(options.appId !== undefined && { appId: options.appId }) }];
  const change = {
    where: 'a new ruleset "readygate" on the default branch',
    kind: 'new-ruleset' as const,
    before: [],
    after,
  };
  if (options.dryRun) return { ...change, outcome: 'created', applied: false };
  await call('creating a ruleset', () =>
    octokit.rest.repos.createRepoRuleset({
      ...repo,
      name: 'readygate',
      target: 'branch',
      enforcement: 'active',
      conditions: { ref_name: { include: ['~DEFAULT_BRANCH'], exclude: [] } },
      rules: [
        {
          type: 'required_status_checks',
          parameters: {
            strict_required_status_checks_policy: false,
            required_status_checks: [
              { context: options.checkName, ...(options.appId !== undefined && { integration_id: options.appId }) },
            ],
          },
        },
      ],
    }),
  );
  return { ...change, outcome: 'created', applied: true };
}

/** The check list with `checkName` required (added, or pinned to the app); nothing is removed. */
export function withCheck(
  before: readonly RequiredCheck[],
  options: Pick<ProtectOptions, 'checkName' | 'appId'>,
): { after: RequiredCheck[]; outcome: 'added' | 'pinned' | 'unchanged' } {
  const wanted = { context: options.checkName, ...(options.appId !== undefined && { appId: options.appId }) };
  const index = before.findIndex((c) => c.context === options.checkName);
  if (index === -1) return { after: [...before, wanted], outcome: 'added' };
  const current = before[index]!;
  if (options.appId === undefined || current.appId === options.appId)
    return { after: [...before], outcome: 'unchanged' };
  const after = [...before];
  after[index] = wanted;
  return { after, outcome: 'pinned' };
}

/** The classic protection's required checks, or undefined when the branch has none (404). */
async function readClassicChecks(
  octokit: GitHubClient,
  repo: RepoRef,
  branch: string,
): Promise<{ context: string; app_id: number | null }[] | undefined> {
  try {
    const { data } = await octokit.rest.repos.getStatusChecksProtection({ ...repo, branch });
    return data.checks;
  } catch (error) {
    if (httpStatus(error) === 404) return undefined;
    throw adminError(`reading the branch protection of ${branch}`, error);
  }
}

/** The first active repository ruleset on `branch` that has a required_status_checks rule. */
async function findRuleset(
  octokit: GitHubClient,
  repo: RepoRef,
  branch: string,
): Promise<{ id: number; name: string; rules: RulesetRule[] } | undefined> {
  const summaries = await call('listing the repository rulesets', () =>
    octokit.paginate(octokit.rest.repos.getRepoRulesets, { ...repo, includes_parents: false, per_page: 100 }),
  );
  for (const summary of summaries) {
    if (summary.source_type && summary.source_type !== 'Repository') continue;
    if (summary.target && summary.target !== 'branch') continue;
    const { data } = await call(`reading ruleset ${summary.id}`, () =>
      octokit.rest.repos.getRepoRuleset({ ...repo, ruleset_id: summary.id }),
    );
    const rules = (data.rules ?? []) as RulesetRule[];
    const include = data.conditions && 'ref_name' in data.conditions ? data.conditions.ref_name : undefined;
    if (data.enforcement !== 'active' || !appliesTo(include, branch)) continue;
    if (rules.some((r) => r.type === 'required_status_checks')) return { id: data.id, name: data.name, rules };
  }
  return undefined;
}

/** Whether a ruleset's `ref_name` condition takes in the default branch. */
export function appliesTo(refName: { include?: string[]; exclude?: string[] } | undefined, branch: string): boolean {
  const ref = `refs/heads/${branch}`;
  const matches = (pattern: string) =>
    pattern === '~ALL' || pattern === '~DEFAULT_BRANCH' || pattern === ref || picomatch.isMatch(ref, pattern);
  return (refName?.include ?? []).some(matches) && !(refName?.exclude ?? []).some(matches);
}

/** One API call; a failure says what was being done and, for 403/404, which rights it needs. */
async function call<T>(doing: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    throw adminError(doing, error);
  }
}

function adminError(doing: string, error: unknown): ReadygateError {
  const status = httpStatus(error);
  const hint =
    status === 403 || status === 404
      ? ': this needs admin rights on the repository (a token of an admin, or an App with the optional `administration: write` permission)'
      : '';
  return new ReadygateError(
    `GitHub refused ${doing}${status ? ` (HTTP ${status})` : ''}: ${describeError(error)}${hint}`,
    {
      cause: error,
    },
  );
}
