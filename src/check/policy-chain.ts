/**
 * Org defaults and `_extends`, read the way Probot's `context.config` reads them (its
 * octokit-plugin-config): the repository's file on its default branch, else the same path in the
 * owner's `.github` repository; then, while the file read last has `_extends: [owner/]repo[:path.yml]`,
 * the file it names, from that repository's default branch. The owner defaults to the judged
 * repository's owner and the path to the judged policy path, as in Probot.
 *
 * Stricter than Probot where a wrong reading could relax a gate: an `_extends` target that does not
 * exist is an error (Probot ignores it), chains stop at MAX_EXTENDS files, a cycle names every file
 * in it, and lists replace rather than concatenate (see `mergePolicy`). Every file is read from a
 * default branch through the API: a pull request can never choose the policy it is judged by.
 */
import { ConfigError, describeError, ReadygateError } from '../core/errors.js';
import { mergePolicy, isMapping } from '../config/merge.js';
import { parseConfigDocument, validateConfig, validateMergedConfig, type ConfigDocument } from '../config/load.js';
import type { Config } from '../config/schema.js';
import { readRepoFile } from '../github/contents.js';
import { defaultBranchPolicies, refuseNewPolicyName } from './default-branch-policy.js';
import type { GitHubClient } from '../github/octokit.js';
import type { RepoRef } from '../github/repo.js';

/** Files an `_extends` chain may hold beyond the first. */
export const MAX_EXTENDS = 5;

/** Probot's form: optional owner (a GitHub login), a repository name, optional `:path.yml`. */
const EXTENDS_FORM = /^(?:([a-z\d](?:[a-z\d]|-(?=[a-z\d])){0,38})\/)?([-_.\w]+)(?::([-_./\w]+\.ya?ml))?$/i;

export interface PolicyLocation extends RepoRef {
  path: string;
}

export interface RemotePolicy {
  config: Config;
  /** Where the policy came from, in words, e.g. "acme/.github:.github/readygate.yml (the owner's default)". */
  notices: string[];
  /** The repository's own file, when it has one; absent when the owner's `.github` default is used. */
  ownText?: string;
}

/**
 * The policy on the repository's default branch, else the owner's `.github` default, with its
 * `_extends` chain resolved; undefined when neither repository has the file. A default branch that
 * lacks `path` but has a readygate policy under another name is refused (default-branch-policy.ts).
 */
export async function readRemotePolicy(
  octokit: GitHubClient,
  repo: RepoRef,
  path: string,
  defaultBranch?: string,
): Promise<RemotePolicy | undefined> {
  const own = await readRepoFile(octokit, repo, path, defaultBranch);
  if (own !== undefined) {
    const first = parseConfigDocument(own, `${path} (${defaultBranch ?? 'the default branch'})`);
    return { ...(await resolvePolicy(octokit, first, { ...repo, path })), ownText: own };
  }
  // Before the owner's default: a pull request that points `config` at a path the default branch
  // lacks must not swap the repository's own policy for the owner's default either.
  const others = await defaultBranchPolicies(octokit, repo, defaultBranch);
  if (others.length > 0) refuseNewPolicyName(path, defaultBranch ?? 'the default branch', others);
  const org = await readOrgDefault(octokit, repo, path);
  if (!org) return undefined;
  const notice = `${defaultBranch ?? 'the default branch'} has no ${path}: using the owner's default, ${name(org.location)}`;
  const resolved = await resolvePolicy(octokit, org.first, { ...repo, path }, org.location);
  return { ...resolved, notices: [notice, ...resolved.notices] };
}

/** The same path in the owner's `.github` repository (its default branch), when there is one. */
export async function readOrgDefault(
  octokit: GitHubClient,
  repo: RepoRef,
  path: string,
): Promise<{ first: ConfigDocument; location: PolicyLocation } | undefined> {
  if (repo.repo.toLowerCase() === '.github') return undefined;
  const location = { owner: repo.owner, repo: '.github', path };
  let text: string | undefined;
  try {
    text = await readRepoFile(octokit, location, path);
  } catch (error) {
    // Refused rather than missing: the owner may have a default this token cannot see, so the
    // check fails with the reason instead of judging by a weaker policy.
    throw new ReadygateError(
      `cannot read the owner's default policy ${name(location)}: ${describeError(error)} (give this token or App installation access to ${repo.owner}/.github, or add ${path} to ${repo.owner}/${repo.repo})`,
      { cause: error },
    );
  }
  if (text === undefined) return undefined;
  return { first: parseConfigDocument(text, name(location)), location };
}

/**
 * Follows `first`'s `_extends` chain through the API and validates the merge. `origin` is the judged
 * repository and policy path (the defaults for an `_extends` without owner or path); `self` is where
 * `first` was read from, when that is not `origin` (the owner's `.github` default).
 */
export async function resolvePolicy(
  octokit: GitHubClient,
  first: ConfigDocument,
  origin: PolicyLocation,
  self: PolicyLocation = origin,
): Promise<{ config: Config; notices: string[] }> {
  if (!isMapping(first.value) || first.value._extends === undefined)
    return { config: validateConfig(first.value, first.file, first.doc, first.lineCounter), notices: [] };
  const chain = [first];
  const key = (l: PolicyLocation) => `${l.owner}/${l.repo}:${l.path}`.toLowerCase();
  const seen = new Set([key(self)]);
  let current = first;
  while (isMapping(current.value) && current.value._extends !== undefined) {
    const target = parseExtends(current.value._extends, current.file, origin);
    if (seen.has(key(target)))
      throw new ConfigError(`${first.file}: \`_extends\` makes a cycle`, [
        `${[...chain.map((c) => c.file), name(target)].join(' extends ')}: remove one of these \`_extends\``,
      ]);
    seen.add(key(target));
    if (chain.length > MAX_EXTENDS)
      throw new ConfigError(`${first.file}: \`_extends\` goes deeper than ${MAX_EXTENDS} files`, [
        `${chain.map((c) => c.file).join(' extends ')}: flatten the chain (at most ${MAX_EXTENDS} bases)`,
      ]);
    const text = await readBase(octokit, target, current.file);
    current = parseConfigDocument(text, name(target));
    if (!isMapping(current.value))
      throw new ConfigError(`${current.file} is not a policy mapping`, [
        `${current.file}: ${chain.at(-1)!.file} extends it, but its top level is not a mapping of keys`,
      ]);
    chain.push(current);
  }
  return {
    config: composeChain(chain),
    notices: [`policy: ${chain.map((c) => c.file).join(' extends ')}`],
  };
}

/** Merges a chain (child first) base-first, without its `_extends` keys, and validates the result. */
export function composeChain(chain: readonly ConfigDocument[]): Config {
  let merged: unknown = {};
  for (const file of [...chain].reverse()) {
    const { _extends: _ignored, ...rest } = file.value as Record<string, unknown>;
    merged = mergePolicy(merged, rest);
  }
  return validateMergedConfig(merged, chain.map((c) => c.file).join(' + '), chain);
}

/** `_extends`'s value as a location, or a ConfigError naming the file and the accepted forms. */
export function parseExtends(value: unknown, file: string, origin: PolicyLocation): PolicyLocation {
  const forms = 'use `repo`, `owner/repo` or `owner/repo:path/to/file.yml`';
  if (typeof value !== 'string')
    throw new ConfigError(`${file}: \`_extends\` must be a string`, [`${file}: \`_extends\`: ${forms}`]);
  const match = EXTENDS_FORM.exec(value.trim());
  const path = match?.[3] ?? origin.path;
  if (!match || path.startsWith('/') || path.split('/').some((s) => s === '..' || s === '.' || s === ''))
    throw new ConfigError(`${file}: \`_extends: ${value}\` is not a repository reference`, [
      `${file}: \`_extends\`: ${forms}`,
    ]);
  return { owner: match[1] ?? origin.owner, repo: match[2]!, path };
}

async function readBase(octokit: GitHubClient, target: PolicyLocation, from: string): Promise<string> {
  let text: string | undefined;
  try {
    text = await readRepoFile(octokit, target, target.path);
  } catch (error) {
    throw new ReadygateError(`${from}: cannot read its \`_extends\` base ${name(target)}: ${describeError(error)}`, {
      cause: error,
    });
  }
  if (text === undefined)
    throw new ConfigError(`${from}: its \`_extends\` base ${name(target)} does not exist`, [
      `${from}: \`_extends\`: ${name(target)} was not found on that repository's default branch, or this token cannot read it (an Actions GITHUB_TOKEN reads only its own repository and public ones)`,
    ]);
  return text;
}

/** `owner/repo:path`, as policy files are named in messages. */
export function name(location: PolicyLocation): string {
  return `${location.owner}/${location.repo}:${location.path}`;
}
