/**
 * Where `readygate check` gets its policy: --config, else `.github/readygate.yml`, else the
 * default policy (and it says so). Report flags override the config's globs per signal. A file
 * with `_extends` has its bases read through the API when `remote` gives access; otherwise it is
 * judged alone and a notice says so.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { glob } from 'tinyglobby';
import { DEFAULT_POLICY, DEFAULT_REPORT_GLOBS } from '../config/defaults.js';
import { parseConfig, parseConfigDocument, validateConfig } from '../config/load.js';
import { isMapping } from '../config/merge.js';
import type { Config } from '../config/schema.js';
import { ConfigError, UsageError, describeError, fsReason } from '../core/errors.js';
import { SIGNALS, type Signal } from '../core/model.js';
import type { GitHubClient } from '../github/octokit.js';
import type { RepoRef } from '../github/repo.js';
import { composeChain, resolvePolicy } from './policy-chain.js';

export const DEFAULT_CONFIG_PATH = '.github/readygate.yml';

export interface ResolvedConfig {
  config: Config;
  notices: string[];
}

/**
 * API access for `_extends`, asked for only when a file has one (building an Octokit costs start-up
 * time): a client and the repository, or why there is none.
 */
export type RemoteAccess = () => Promise<{ octokit: GitHubClient; repo: RepoRef } | { unavailable: string }>;

/** Reads and validates a config; `path` is resolved against `base` and shown as given. */
export function readConfigFile(base: string, path: string): Config {
  return parseConfig(readConfigText(base, path), path);
}

/**
 * Reads a config and resolves its `_extends` chain when `remote` gives access. `originPath` is the
 * path an `_extends` without `:path` means (the policy path in the repository).
 */
export async function loadConfigFile(
  base: string,
  path: string,
  remote?: RemoteAccess,
  originPath = DEFAULT_CONFIG_PATH,
): Promise<ResolvedConfig> {
  const first = parseConfigDocument(readConfigText(base, path), path);
  const extendsValue = isMapping(first.value) ? first.value._extends : undefined;
  if (extendsValue === undefined)
    return { config: validateConfig(first.value, path, first.doc, first.lineCounter), notices: [] };
  const access = remote ? await remote() : { unavailable: 'no GitHub access here' };
  if ('octokit' in access) return resolvePolicy(access.octokit, first, { ...access.repo, path: originPath });
  const why = `${path} extends ${JSON.stringify(extendsValue)}, which readygate could not read (${access.unavailable}): the file is judged alone`;
  try {
    return { config: composeChain([first]), notices: [why] };
  } catch (error) {
    if (error instanceof ConfigError) throw new ConfigError(error.message, [...error.issues, why], { cause: error });
    throw error;
  }
}

function readConfigText(base: string, path: string): string {
  try {
    return readFileSync(resolve(base, path), 'utf8');
  } catch (error) {
    throw new ConfigError(`cannot read config ${path}: ${fsReason(error) ?? describeError(error)}`, [], {
      cause: error,
    });
  }
}

export async function resolveConfig(
  root: string,
  cwd: string,
  configPath: string | undefined,
  flags: Partial<Record<Signal, string[]>>,
  remote?: RemoteAccess,
): Promise<ResolvedConfig> {
  const notices: string[] = [];
  const anyFlag = SIGNALS.some((s) => (flags[s]?.length ?? 0) > 0);
  let config: Config;
  let usingDefault = false;
  const file = configPath
    ? await loadConfigFile(cwd, configPath, remote)
    : existsSync(resolve(root, DEFAULT_CONFIG_PATH))
      ? await loadConfigFile(root, DEFAULT_CONFIG_PATH, remote)
      : undefined;
  if (file) {
    config = file.config;
    notices.push(...file.notices);
  } else {
    usingDefault = true;
    config = validateConfig(DEFAULT_POLICY, 'default policy');
    notices.push(
      `no ${DEFAULT_CONFIG_PATH} found: using readygate's default policy (run \`readygate init\` to write one)`,
    );
    if (!anyFlag) {
      const reports: Config['reports'] = {};
      for (const signal of SIGNALS) {
        const found = await glob([...DEFAULT_REPORT_GLOBS[signal]], {
          cwd: root,
          dot: false,
          onlyFiles: true,
          ignore: ['**/node_modules/**', '**/.git/**'],
        });
        if (found.length > 0) reports[signal] = found.sort();
      }
      if (Object.keys(reports).length === 0) {
        throw new UsageError(
          `no reports found in the usual places under ${root}.\nPass them with --coverage, --tests, --audit or --lint, or write a config with \`readygate init\`.`,
        );
      }
      notices.push(`reports found in the usual places: ${Object.values(reports).flat().join(', ')}`);
      config = { ...config, reports };
    }
  }
  if (anyFlag) {
    const reports = { ...config.reports };
    for (const signal of SIGNALS) if (flags[signal]?.length) reports[signal] = flags[signal];
    config = { ...config, reports };
  }
  if (usingDefault) config = fitDefaultPolicy(config);
  return { config, notices };
}

/**
 * The default policy gates only the signals that have reports (found or named), so a repository
 * without an audit report is not failed for it; a named report that is missing or unreadable still
 * fails (missing: fail). Levels left without gates are dropped.
 */
export function fitDefaultPolicy(config: Config): Config {
  const present = new Set(SIGNALS.filter((s) => (config.reports[s]?.length ?? 0) > 0));
  const levels: Config['levels'] = {};
  for (const [name, gates] of Object.entries(config.levels)) {
    const kept = Object.fromEntries(Object.entries(gates).filter(([signal]) => present.has(signal as Signal)));
    if (Object.keys(kept).length > 0) levels[name] = kept;
  }
  const names = Object.keys(levels);
  if (names.length === 0) return config;
  const require = config.require !== undefined && names.includes(config.require) ? config.require : names[0];
  return { ...config, levels, require };
}
