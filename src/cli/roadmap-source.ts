/**
 * Where `readygate roadmap` and `readygate check` get a roadmap: the config's `roadmap:` section
 * (or defaults when there is none), its file globs expanded from the repository root, each file
 * read and parsed. Also the repository coordinates from the git remote.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { glob } from 'tinyglobby';
import { RoadmapConfig } from '../config/schema.js';
import { UsageError, describeError } from '../core/errors.js';
import { collectRoadmap, type Roadmap } from '../core/roadmap/collect.js';
import { readConfigFile, DEFAULT_CONFIG_PATH } from '../check/config-source.js';
import { parseOptions, type RoadmapSettings } from '../check/roadmap-settings.js';

export function roadmapSettings(
  root: string,
  cwd: string,
  configPath: string | undefined,
  files: string[] | undefined,
): RoadmapSettings {
  let settings: RoadmapSettings | undefined;
  if (configPath) settings = readConfigFile(cwd, configPath).roadmap;
  else if (existsSync(resolve(root, DEFAULT_CONFIG_PATH))) settings = readConfigFile(root, DEFAULT_CONFIG_PATH).roadmap;
  settings ??= RoadmapConfig.parse({});
  if (files?.length) settings = { ...settings, files };
  if (settings.files.length === 0)
    throw new UsageError(
      'no roadmap files: add `roadmap: { files: [ROADMAP.md] }` to .github/readygate.yml or pass --file',
    );
  return settings;
}

export async function loadRoadmap(root: string, settings: RoadmapSettings): Promise<Roadmap> {
  const paths = (
    await glob(settings.files, { cwd: root, onlyFiles: true, ignore: ['**/node_modules/**', '**/.git/**'] })
  ).sort();
  if (paths.length === 0) throw new UsageError(`no roadmap file matches ${settings.files.join(', ')} under ${root}`);
  const sources = paths.map((file) => {
    try {
      return { file, text: readFileSync(resolve(root, file), 'utf8') };
    } catch (error) {
      throw new UsageError(`cannot read roadmap ${file}: ${describeError(error)}`, { cause: error });
    }
  });
  return collectRoadmap(sources, parseOptions(settings));
}

/** `owner/repo` from --repo, else from the `origin` remote (github.com or a GHES host). */
export function repoRef(root: string, flag: string | undefined): { owner: string; repo: string } {
  const text = flag ?? originUrl(root);
  const match = /^(?:.*[/:])?([\w.-]+)\/([\w.-]+?)(?:\.git)?\/?$/.exec(text.trim());
  if (!match) throw new UsageError(`cannot tell owner/repo from "${text}": pass --repo OWNER/REPO`);
  return { owner: match[1]!, repo: match[2]! };
}

function originUrl(root: string): string {
  try {
    return execFileSync('git', ['config', '--get', 'remote.origin.url'], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
  } catch (error) {
    throw new UsageError('no git remote "origin" to take the repository from: pass --repo OWNER/REPO', {
      cause: error,
    });
  }
}

/**
 * Where the ETag cache lives: `--no-cache` or `cache_dir: false` turn it off; `--cache-dir` (from the
 * working directory) or `cache_dir` (from the repository root) choose it; else the user's cache
 * directory, else `.readygate/cache` in the repository.
 */
export function etagCacheDir(
  root: string,
  cwd: string,
  settings: RoadmapSettings,
  flags: { 'cache-dir'?: string; 'no-cache'?: boolean },
  env: Readonly<Record<string, string | undefined>>,
): string | undefined {
  if (flags['no-cache'] || (flags['cache-dir'] === undefined && settings.cache_dir === false)) return undefined;
  if (flags['cache-dir'] !== undefined) return resolve(cwd, flags['cache-dir']);
  if (typeof settings.cache_dir === 'string') return resolve(root, settings.cache_dir);
  const base = env.XDG_CACHE_HOME || env.LOCALAPPDATA || (env.HOME ? join(env.HOME, '.cache') : undefined);
  return base ? join(base, 'readygate') : resolve(root, '.readygate/cache');
}
