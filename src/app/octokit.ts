/**
 * The App's Octokit class: Probot's, with rate limits waited out and retried a bounded number of
 * times. Probot's own throttle options retry a primary limit twice and never a secondary one
 * (content creation bursts: several check-run updates and a comment per delivery hit it first);
 * here both are retried up to `maxRetries` times after `retry-after` (or the fallback wait), and
 * each one is logged with the request, never with its headers or token.
 */
import { ProbotOctokit } from 'probot';

export interface RateLimitTuning {
  /** Retries of a rate-limited request (default 3). */
  maxRetries?: number;
  /** Milliseconds per second of `retry-after` (default 1000; tests use 1). */
  retryAfterBaseValue?: number;
  /** Seconds to wait on a secondary limit without `retry-after` (default 60). */
  fallbackSecondaryRateRetryAfter?: number;
  /** Limiter groups for writes and notification-triggering writes (tests pass unspaced ones). */
  groups?: { write?: unknown; notifications?: unknown; global?: unknown };
}

interface LimitedRequest {
  method: string;
  url: string;
}

interface Logged {
  log: { warn(message: string): void };
}

export function appOctokit(tuning: RateLimitTuning = {}): typeof ProbotOctokit {
  const maxRetries = tuning.maxRetries ?? 3;
  const onLimit =
    (kind: string) => (retryAfter: number, request: LimitedRequest, octokit: Logged, retryCount: number) => {
      const again = retryCount < maxRetries;
      octokit.log.warn(
        `GitHub ${kind} rate limit on ${request.method} ${request.url}: ${again ? `retrying after ${retryAfter} s (retry ${retryCount + 1} of ${maxRetries})` : 'giving up'}`,
      );
      return again;
    };
  return ProbotOctokit.defaults((options: Record<string, unknown>) => {
    const throttle = (options.throttle ?? {}) as Record<string, unknown>;
    if (throttle.enabled === false) return options;
    return {
      ...options,
      throttle: {
        ...throttle,
        ...tuning.groups,
        retryAfterBaseValue: tuning.retryAfterBaseValue ?? 1000,
        fallbackSecondaryRateRetryAfter: tuning.fallbackSecondaryRateRetryAfter ?? 60,
        onRateLimit: onLimit('primary'),
        onSecondaryRateLimit: onLimit('secondary'),
      },
    };
  }) as typeof ProbotOctokit;
}
