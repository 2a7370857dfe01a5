/**
 * The ETag cache on disk, so that a second run on an unchanged repository makes conditional reads
 * (GitHub answers 304, which costs no primary rate limit). One JSON file per API base and
 * repository under a cache directory; it holds request URLs, ETags and response bodies, never the
 * token (that travels in a header, which is not stored). Only entries this run used are saved, so
 * pages that no longer exist drop out. A cache that cannot be read is ignored with a warning.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { describeError } from '../../core/errors.js';
import type { CachedResponse, EtagCache } from './pacing.js';
import type { RepoRef } from './read-state.js';

const SCHEMA = 'readygate/etag-cache@1';
/** Larger caches are not written: a listing of a huge repository is cheaper to fetch than to parse. */
const MAX_BYTES = 64 * 1024 * 1024;

const CacheFile = z.object({
  schema: z.literal(SCHEMA),
  api: z.string(),
  repo: z.string(),
  entries: z.record(z.string(), z.object({ etag: z.string(), data: z.unknown(), link: z.string().optional() })),
});

export interface EtagStore extends EtagCache {
  readonly path: string;
  /** Writes the entries this run used; returns false (and warns) when it could not. */
  save(): boolean;
}

export function openEtagStore(
  dir: string,
  api: string,
  ref: RepoRef,
  warn: (message: string) => void = () => {},
): EtagStore {
  const apiBase = withoutCredentials(api);
  const repo = `${ref.owner}/${ref.repo}`;
  const path = join(
    dir,
    `roadmap-${createHash('sha256').update(`${apiBase}\n${repo}`).digest('hex').slice(0, 16)}.json`,
  );
  const loaded = load(path, apiBase, repo, warn);
  const used = new Map<string, CachedResponse>();
  return {
    path,
    get(url) {
      const hit = used.get(url) ?? loaded.get(url);
      if (hit) used.set(url, hit);
      return hit;
    },
    set(url, value) {
      used.set(url, value);
    },
    save() {
      const text = JSON.stringify({ schema: SCHEMA, api: apiBase, repo, entries: Object.fromEntries(used) });
      if (text.length > MAX_BYTES) {
        warn(`the ETag cache for ${repo} would be ${Math.round(text.length / 1048576)} MB; not saved`);
        return false;
      }
      const temp = `${path}.${process.pid}.tmp`;
      try {
        mkdirSync(dir, { recursive: true, mode: 0o700 });
        writeFileSync(temp, text, { mode: 0o600 });
        renameSync(temp, path);
        return true;
      } catch (error) {
        warn(`cannot save the ETag cache ${path}: ${describeError(error)}`);
        return false;
      }
    },
  };
}

function load(path: string, api: string, repo: string, warn: (message: string) => void): Map<string, CachedResponse> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as { code?: string }).code !== 'ENOENT')
      warn(`cannot read the ETag cache ${path}: ${describeError(error)}; reading everything afresh`);
    return new Map();
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    warn(`the ETag cache ${path} is not valid JSON; reading everything afresh`);
    return new Map();
  }
  const parsed = CacheFile.safeParse(json);
  if (!parsed.success || parsed.data.api !== api || parsed.data.repo !== repo) {
    warn(`the ETag cache ${path} is not one readygate wrote for ${repo}; reading everything afresh`);
    return new Map();
  }
  return new Map(
    Object.entries(parsed.data.entries).map(([url, e]) => [
      url,
      { etag: e.etag, data: e.data, ...(e.link !== undefined && { link: e.link }) },
    ]),
  );
}

/** `https://user:secret@ghe.example/api/v3` must not end up in a file. */
function withoutCredentials(api: string): string {
  try {
    const url = new URL(api);
    url.username = '';
    url.password = '';
    return url.toString().replace(/\/+$/, '');
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
    return api;
  }
}
