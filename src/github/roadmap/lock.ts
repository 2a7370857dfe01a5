/**
 * One roadmap sync at a time where readygate controls the process: a lock file holding the owner's
 * pid and a random token. (In workflows, use a `concurrency:` group as docs/roadmap.md shows: two
 * runners share no file system.)
 *
 * Every step that decides who holds the lock is one atomic file-system call:
 * - the lock is created with its content in place: written to a private file, then hard-linked to
 *   the lock's name (`link` fails if the name exists), so no one ever reads a half-written lock;
 * - a lock whose process is gone is stale. To take it over, a process first claims
 *   `<lock>.takeover-<id of that stale lock>` the same way; only one process can. The winner checks
 *   that the lock still is the stale one and renames its claim over it. A process that read the
 *   same stale lock finds the claim taken (its owner alive: busy) or the lock already replaced, and
 *   never deletes a live lock. Deleting the stale lock and creating a new one would let two
 *   processes that both saw it stale each delete and create in turn, and both run.
 */
import { createHash, randomBytes } from 'node:crypto';
import { linkSync, openSync, readFileSync, renameSync, rmSync, writeSync, closeSync } from 'node:fs';
import { ReadygateError } from '../../core/errors.js';

export interface LockOptions {
  pid?: number;
  alive?: (pid: number) => boolean;
  /** Test seam: called after a stale lock is found and after the takeover claim is made. */
  step?: (what: 'stale' | 'claimed') => void;
}

interface Held {
  pid: number;
  raw: string;
  id: string;
}

export function acquireLock(path: string, options: LockOptions = {}): () => void {
  const pid = options.pid ?? process.pid;
  const alive = options.alive ?? processAlive;
  const content = `${pid} ${randomBytes(8).toString('hex')}\n`;
  const holderAlive = (held: Held) => Number.isInteger(held.pid) && held.pid > 0 && alive(held.pid);
  for (let attempt = 0; attempt < 3; attempt++) {
    if (createWith(path, content)) return release(path, content);
    const held = readLock(path);
    if (!held) continue; // released between our try and our read: try again
    if (holderAlive(held)) throw busy(path, held.pid);
    options.step?.('stale');
    const claim = `${path}.takeover-${held.id}`;
    if (!createWith(claim, content)) {
      const taker = readLock(claim);
      if (taker && holderAlive(taker)) throw busy(path, taker.pid);
      throw new ReadygateError(
        `a takeover of the stale roadmap sync lock ${path} did not finish (${claim} is left). If no sync is running, delete both files.`,
      );
    }
    options.step?.('claimed');
    if (readLock(path)?.raw !== held.raw) {
      rmSync(claim, { force: true }); // someone replaced the stale lock first: look again
      continue;
    }
    renameSync(claim, path);
    return release(path, content);
  }
  throw new ReadygateError(`could not take the roadmap sync lock ${path}`);
}

function busy(path: string, pid: number): ReadygateError {
  return new ReadygateError(
    `another roadmap sync (pid ${pid}) is running: lock ${path}. If no sync is running, delete that file.`,
  );
}

/** Removes the lock only while it is still ours (a process that judged us dead may have taken it). */
function release(path: string, content: string): () => void {
  return () => {
    if (readLock(path)?.raw === content) rmSync(path, { force: true });
  };
}

/** Creates `path` holding `content`, atomically; false when `path` exists. */
function createWith(path: string, content: string): boolean {
  const temp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  const fd = openSync(temp, 'wx', 0o644);
  try {
    writeSync(fd, content);
  } finally {
    closeSync(fd);
  }
  try {
    linkSync(temp, path);
    return true;
  } catch (error) {
    if (codeOf(error) === 'EEXIST') return false;
    if (!['EPERM', 'ENOTSUP', 'ENOSYS', 'EOPNOTSUPP'].includes(codeOf(error) ?? '')) throw error;
    return createExclusive(path, content); // a file system without hard links
  } finally {
    rmSync(temp, { force: true });
  }
}

/** Fallback where `link` is not supported: exclusive create, then write (a reader may briefly see it empty). */
function createExclusive(path: string, content: string): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'wx', 0o644);
  } catch (error) {
    if (codeOf(error) === 'EEXIST') return false;
    throw error;
  }
  try {
    writeSync(fd, content);
  } finally {
    closeSync(fd);
  }
  return true;
}

function readLock(path: string): Held | undefined {
  let raw: string;
  try {
    raw = readFileSync(path, 'utf8');
  } catch (error) {
    if (codeOf(error) === 'ENOENT') return undefined;
    throw error;
  }
  return {
    pid: Number(raw.trim().split(/\s+/)[0]),
    raw,
    id: createHash('sha256').update(raw).digest('hex').slice(0, 16),
  };
}

function codeOf(error: unknown): string | undefined {
  return (error as { code?: string } | null)?.code;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return codeOf(error) === 'EPERM';
  }
}
