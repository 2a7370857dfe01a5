/**
 * Where `readygate check` gets its policy: --config, else `.github/readygate.yml`, else the
 * default policy (and it says so). Report flags override the config's globs per signal.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { glob } from 'tinyglobby';
import { DEFAULT_POLICY, DEFAULT_REPORT_GLOBS } from '../config/defaults.js';
import { parseConfig, validateConfig } from '../config/load.js';
import type { Config } from '../config/schema.js';
import { ConfigError, UsageError, describeError, fsReason } from '../core/errors.js';
import { SIGNALS, type Signal } from '../core/model.js';

export const DEFAULT_CONFIG_PATH = '.github/readygate.yml';

export interface ResolvedConfig {
  config: Config;
  notices: string[];
}

/** Reads and validates a config; `path` is resolved against `base` and shown as given. */
export function readConfigFile(base: string, path: string): Config {
  const abs = resolve(base, path);
  let text: string;
  try {
    text = readFileSync(abs, 'utf8');
  } catch (error) {
    throw new ConfigError(`cannot read config ${path}: ${fsReason(error) ?? describeError(error)}`, [], {
      cause: error,
    });
  }
  return parseConfig(text, path);
}

export async function resolveConfig(
  root: string,
  cwd: string,
  configPath: string | undefined,
  flags: Partial<Record<Signal, string[]>>,
): Promise<ResolvedConfig> {
  const notices: string[] = [];
  const anyFlag = SIGNALS.some((s) => (flags[s]?.length ?? 0) > 0);
  let config: Config;
  let usingDefault = false;
  if (configPath) config = readConfigFile(cwd, configPath);
  else if (existsSync(resolve(root, DEFAULT_CONFIG_PATH))) config = readConfigFile(root, DEFAULT_CONFIG_PATH);
  else {
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
