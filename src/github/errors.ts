/**
 * Classifies GitHub API failures. A read-only token (fork pull requests, `permissions:` without
 * `checks: write`) answers 403 "Resource not accessible by integration": that is a mode to fall
 * back from, not a crash. Everything else is wrapped with what readygate was doing.
 */
import { ReadygateError, describeError } from '../core/errors.js';

interface HttpErrorLike {
  status?: unknown;
  message?: unknown;
}

export function httpStatus(error: unknown): number | undefined {
  const status = (error as HttpErrorLike | null)?.status;
  return typeof status === 'number' ? status : undefined;
}

/** True for the answers a token without write permission gets (not rate limits). */
export function isPermissionDenied(error: unknown): boolean {
  const status = httpStatus(error);
  if (status !== 403 && status !== 401) return false;
  const message = describeError(error);
  return !/rate limit/i.test(message);
}

export class GitHubApiError extends ReadygateError {
  override name = 'GitHubApiError';
  constructor(
    readonly doing: string,
    readonly status: number | undefined,
    options: { cause: unknown },
  ) {
    super(
      `GitHub API error while ${doing}${status ? ` (HTTP ${status})` : ''}: ${describeError(options.cause)}`,
      options,
    );
  }
}

/** Runs one API step; failures carry what was being done. Permission errors pass through untouched. */
export async function apiStep<T>(doing: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (isPermissionDenied(error) || error instanceof ReadygateError) throw error;
    throw new GitHubApiError(doing, httpStatus(error), { cause: error });
  }
}
