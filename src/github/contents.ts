/**
 * Reads one text file from a ref through the contents API: how the policy is read from the
 * default branch, never from a pull request's head. A missing file is `undefined`, not an error.
 */
import { ReadygateError } from '../core/errors.js';
import { apiStep, httpStatus } from './errors.js';
import type { GitHubClient } from './octokit.js';
import type { RepoRef } from './repo.js';

const MAX_CONFIG_BYTES = 1024 * 1024;

export async function readRepoFile(
  octokit: GitHubClient,
  repo: RepoRef,
  path: string,
  ref?: string,
): Promise<string | undefined> {
  let data: unknown;
  try {
    ({ data } = await apiStep(`reading ${path} from ${ref ?? 'the default branch'}`, () =>
      octokit.rest.repos.getContent({ ...repo, path, ...(ref && { ref }) }),
    ));
  } catch (error) {
    if (httpStatus(error) === 404 || httpStatus((error as { cause?: unknown }).cause) === 404) return undefined;
    throw error;
  }
  const where = ref ?? 'the default branch';
  const file = data as { type?: unknown; content?: unknown; encoding?: unknown; size?: unknown };
  if (Array.isArray(data) || file.type !== 'file') throw new ReadygateError(`${path} on ${where} is not a file`);
  if (typeof file.size === 'number' && file.size > MAX_CONFIG_BYTES)
    throw new ReadygateError(`${path} on ${where} is over ${MAX_CONFIG_BYTES} bytes`);
  if (file.encoding !== 'base64' || typeof file.content !== 'string')
    throw new ReadygateError(`${path} on ${where} came back without base64 content`);
  return Buffer.from(file.content, 'base64').toString('utf8');
}

/** Names of the entries of a folder on a ref; `undefined` when the folder does not exist there. */
export async function listRepoDir(
  octokit: GitHubClient,
  repo: RepoRef,
  path: string,
  ref?: string,
): Promise<string[] | undefined> {
  let data: unknown;
  try {
    ({ data } = await apiStep(`listing ${path} on ${ref ?? 'the default branch'}`, () =>
      octokit.rest.repos.getContent({ ...repo, path, ...(ref && { ref }) }),
    ));
  } catch (error) {
    if (httpStatus(error) === 404 || httpStatus((error as { cause?: unknown }).cause) === 404) return undefined;
    throw error;
  }
  if (!Array.isArray(data)) return undefined; // a file, not a folder: it holds no policy
  return data.flatMap((entry: { name?: unknown; type?: unknown }) =>
    typeof entry.name === 'string' && entry.type === 'file' ? [entry.name] : [],
  );
}
