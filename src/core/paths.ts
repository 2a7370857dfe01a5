/**
 * Turns the paths tools write (absolute, `./x`, `C:\x`, `file:///x`) into repo-relative POSIX paths,
 * the only kind GitHub annotations and diffs understand. Pure: the file-system probe is injected.
 */
import { posix } from 'node:path';
import { detach } from './stream/text.js';

export interface PathMapper {
  /**
   * Maps a path from a report. `base` is a directory the report says relative paths are relative
   * to (Cobertura `<source>`, a Go module path); it may itself be absolute or repo-relative.
   */
  toRepo(path: string, base?: string): string;
}

export interface PathMapperOptions {
  /** Absolute repo root, POSIX or Windows style. */
  root: string;
  /** Other absolute prefixes to strip (e.g. the CI checkout path the report was written in). */
  stripPrefixes?: readonly string[];
  /** Optional probe: does this repo-relative file exist? Used to recover paths from foreign roots. */
  exists?: (repoPath: string) => boolean;
}

const WINDOWS_DRIVE = /^[A-Za-z]:\//;
const FILE_URL = /^file:\/\//i;
/** A `.` or `..` segment, or an empty one: what posix.normalize would change. */
const NEEDS_NORMALIZE = /(^|\/)\.\.?(\/|$)|\/\//;

/** `C:\a\b` -> `C:/a/b`; `file:///a` -> `/a`; `./a//b` -> `a/b`. */
export function toPosix(path: string): string {
  let p = path.trim().replace(/\\/g, '/');
  if (FILE_URL.test(p)) {
    p = decodeURIComponentSafe(p.replace(FILE_URL, ''));
    if (/^\/[A-Za-z]:\//.test(p)) p = p.slice(1);
  }
  return p;
}

export function isAbsolutePath(path: string): boolean {
  return path.startsWith('/') || WINDOWS_DRIVE.test(path);
}

function decodeURIComponentSafe(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch (error) {
    if (error instanceof URIError) return value;
    throw error;
  }
}

function trimSlash(p: string): string {
  return p.length > 1 && p.endsWith('/') ? p.slice(0, -1) : p;
}

function stripPrefix(path: string, prefix: string): string | undefined {
  const pre = trimSlash(toPosix(prefix));
  const caseless = WINDOWS_DRIVE.test(pre);
  const a = caseless ? path.toLowerCase() : path;
  const b = caseless ? pre.toLowerCase() : pre;
  if (a === b) return '';
  if (a.startsWith(b + '/')) return path.slice(pre.length + 1);
  return undefined;
}

export function createPathMapper(options: PathMapperOptions): PathMapper {
  const prefixes = [options.root, ...(options.stripPrefixes ?? [])];
  const cache = new Map<string, string>();

  function mapAbsolute(p: string): string {
    for (const prefix of prefixes) {
      const rest = stripPrefix(p, prefix);
      if (rest !== undefined) return clean(rest);
    }
    if (options.exists) {
      // A report written in another checkout (CI runner path): find the shortest tail that exists.
      const parts = p.split('/').filter(Boolean);
      for (let i = 1; i < parts.length; i++) {
        const candidate = parts.slice(i).join('/');
        if (options.exists(candidate)) return candidate;
      }
    }
    return clean(p);
  }

  function map(path: string, base?: string): string {
    let p = toPosix(path);
    if (!isAbsolutePath(p) && base !== undefined && base !== '' && base !== '.') {
      p = posix.join(toPosix(base), p);
    }
    return isAbsolutePath(p) ? mapAbsolute(p) : clean(p);
  }

  return {
    toRepo(path, base) {
      const key = base === undefined ? path : `${base}\u0000${path}`;
      let hit = cache.get(key);
      if (hit === undefined) {
        hit = map(path, base);
        // Keys and values are often slices of a decoded report chunk: copy them, or the cache
        // keeps every chunk alive (hundreds of MB on a large report).
        hit = detach(hit);
        if (cache.size < 100_000) cache.set(detach(key), hit);
      }
      return hit;
    },
  };
}

/** Normalises `a/./b/../c` and drops a leading `./`; never resolves against the file system. */
function clean(p: string): string {
  // Most paths are already normal, and posix.normalize is a character loop (a hot spot for
  // reports with thousands of distinct paths).
  if (p === '' || !NEEDS_NORMALIZE.test(p)) return p;
  const normal = posix.normalize(p);
  return normal === '.' ? '' : normal.replace(/^\.\//, '');
}
