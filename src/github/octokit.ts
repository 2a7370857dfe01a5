/**
 * The one way readygate builds an Octokit: REST methods plus the throttling and retry plugins,
 * `baseUrl` from GITHUB_API_URL (GitHub Enterprise Server), and `fetch` injectable so tests (nock)
 * see every request.
 *
 * The throttling plugin keeps its Bottleneck groups in a module-level map unless it is given its
 * own: every client here gets fresh groups, so two clients never share limiter state (and tests
 * can set the write spacing to 0 ms). Secondary rate limits are waited out (`retry-after`, else
 * the plugin's fallback) and retried; primary limits are retried once if the reset is near.
 */
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { Octokit } from '@octokit/rest';
import Bottleneck from 'bottleneck/light.js';

export const ReadygateOctokit = Octokit.plugin(throttling, retry);
/**
 * What the adapters below the front doors use of a client: REST methods under `rest`, pagination,
 * GraphQL, raw requests and hooks. Both this module's Octokit and Probot's (the App's installation
 * client) have them, so the Action, the CLI and the App call the same code.
 */
export type GitHubClient = Pick<
  InstanceType<typeof ReadygateOctokit>,
  'rest' | 'paginate' | 'graphql' | 'request' | 'hook'
>;

export interface ThrottleTuning {
  /** Milliseconds per second of `retry-after` (default 1000; tests use 1). */
  retryAfterBaseValue?: number;
  /** Seconds to wait on a secondary limit without `retry-after` (default 60). */
  fallbackSecondaryRateRetryAfter?: number;
  /** Spacing between writes in ms (default 1000, GitHub's advice). */
  writeMinTimeMs?: number;
  /** Spacing between notification-triggering writes such as comments, in ms (default 3000). */
  notificationMinTimeMs?: number;
  /** Retries of a rate-limited request (default 2). */
  maxRetries?: number;
}

export interface OctokitOptions {
  token: string;
  /** GITHUB_API_URL; default https://api.github.com. */
  baseUrl?: string;
  fetch?: typeof globalThis.fetch;
  userAgent?: string;
  tuning?: ThrottleTuning;
  log?: { warn(message: string): void; debug?(message: string): void };
}

interface LimitedRequest {
  method: string;
  url: string;
}

export function createOctokit(options: OctokitOptions): InstanceType<typeof ReadygateOctokit> {
  const t = options.tuning ?? {};
  const maxRetries = t.maxRetries ?? 2;
  const warn = options.log?.warn ?? (() => undefined);
  const group = (minTime: number, maxConcurrent: number) =>
    new Bottleneck.Group({ maxConcurrent, minTime, timeout: 120_000 });
  const onLimit =
    (kind: string) => (retryAfter: number, request: LimitedRequest, _octokit: unknown, retryCount: number) => {
      const again = retryCount < maxRetries;
      warn(
        `GitHub ${kind} rate limit on ${request.method} ${request.url}: ${again ? `retrying after ${retryAfter} s` : 'giving up'}`,
      );
      return again;
    };
  // Extra keys (global, write, …) are read by the plugin but missing from its types: passing a
  // variable rather than a literal keeps them without a cast.
  const throttle = {
    retryAfterBaseValue: t.retryAfterBaseValue ?? 1000,
    fallbackSecondaryRateRetryAfter: t.fallbackSecondaryRateRetryAfter ?? 60,
    global: group(0, 10),
    auth: group(0, 1),
    search: group(2000, 1),
    write: group(t.writeMinTimeMs ?? 1000, 1),
    notifications: group(t.notificationMinTimeMs ?? 3000, 1),
    onRateLimit: onLimit('primary'),
    onSecondaryRateLimit: onLimit('secondary'),
  };
  return new ReadygateOctokit({
    auth: options.token,
    baseUrl: (options.baseUrl ?? 'https://api.github.com').replace(/\/+$/, ''),
    userAgent: options.userAgent ?? 'readygate',
    request: options.fetch ? { fetch: options.fetch } : {},
    log: {
      debug: (m: string) => options.log?.debug?.(m),
      info: (m: string) => options.log?.debug?.(m),
      warn: (m: string) => warn(m),
      // Failed requests are reported by readygate with what it was doing; octokit's own line is debug.
      error: (m: string) => options.log?.debug?.(m),
    },
    retry: { retryAfterBaseValue: t.retryAfterBaseValue ?? 1000 },
    throttle,
  });
}
