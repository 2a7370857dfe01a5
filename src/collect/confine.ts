/**
 * Keeps the reports a policy names inside the repository. A pull request can edit the policy's
 * globs and can add symbolic links, so a config glob, a report path that is a symlink, and a glob
 * through a symlinked folder are all resolved to real paths and refused when they land outside
 * the real root. Paths a user gives on the command line are theirs to choose and are not confined.
 */
import { realpath } from 'node:fs/promises';
import { resolve, sep } from 'node:path';
import { describeError, fsReason } from '../core/errors.js';

/** Where a report path came from: the policy or an Action input (`config`), or the user's command line (`given`). */
export type PathOrigin = 'config' | 'given';

/** Refuses config globs that leave the repository by their text (`../x`, `/etc/x`). */
export function checkGlob(pattern: string): string | undefined {
  const p = pattern.replace(/\\/g, '/');
  if (p.startsWith('/') || /^[A-Za-z]:\//.test(p))
    return 'is absolute: report globs are relative to the repository root';
  if (p.split('/').includes('..')) return 'leaves the repository (".."): report globs must stay inside it';
  return undefined;
}

export type Confined = { path: string; problem?: undefined } | { path?: undefined; problem: string };

/** The real root, against which every config path is checked (the root itself may be a symlink). */
export async function realRoot(root: string): Promise<string> {
  try {
    return await realpath(root);
  } catch (error) {
    if (fsReason(error) === 'file not found') return resolve(root); // every report will say it is missing
    throw new Error(`cannot resolve the repository root ${root}: ${fsReason(error) ?? describeError(error)}`, {
      cause: error,
    });
  }
}

/**
 * The real path to open for `file` (relative to `root`), or why it is refused. A file that does not
 * exist is left for the reader to report as missing.
 */
export async function confine(root: string, real: string, file: string): Promise<Confined> {
  const abs = resolve(root, file);
  let target: string;
  try {
    target = await realpath(abs);
  } catch (error) {
    if (fsReason(error) === 'file not found') return { path: abs };
    return { problem: `cannot resolve: ${fsReason(error) ?? describeError(error)}` };
  }
  if (target === real || target.startsWith(real.endsWith(sep) ? real : real + sep)) return { path: target };
  return {
    problem:
      'is a symbolic link, or lies in a symlinked folder, that leads outside the repository: refused (a report named by the policy must be inside the repository)',
  };
}
