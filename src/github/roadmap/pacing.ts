/**
 * readygate's own request hook for roadmap sync, at GitHub's documented pace: writes one at a time
 * at least 1 s apart ("Pause between mutative requests"), content creation (issues, labels,
 * milestones) within 80 a minute and 500 an hour (sliding windows), secondary-rate-limit 403/429
 * answers waited out for `retry-after` (else 60 s) and retried, after which the gap between writes
 * doubles for the rest of the run (backed off, and staying so), and conditional GETs (ETag → 304)
 * answered from a cache. Hand-written instead of @octokit/plugin-throttling because that plugin keeps its
 * limiter groups in module state and its waits cannot be driven by an injected clock; here every
 * delay goes through `sleep`, so tests run in milliseconds.
 */
import type { GitHubClient } from '../octokit.js';
import { asHttpError } from './http-error.js';

export interface PacingOptions {
  /** Gap between any two writes (ms). */
  writeGapMs: number;
  /** Gap between two content-creating writes (issues, labels, milestones) (ms), on top of writeGapMs. */
  createGapMs: number;
  /** Most content-creating writes in any 60 s, and in any hour (GitHub documents 80 and 500). */
  createsPerMinute: number;
  createsPerHour: number;
  /** The longest the write gap grows to after secondary limits (ms). */
  maxWriteGapMs: number;
  /** Retries of one request after secondary rate limits. */
  retries: number;
  /** Milliseconds per second of `retry-after` (1000 in life; tests make it 1). */
  retryAfterUnitMs: number;
  sleep: (ms: number) => Promise<void>;
  now: () => number;
  onWait?: (message: string) => void;
  etags?: EtagCache;
}

export interface CachedResponse {
  etag: string;
  data: unknown;
  link?: string;
}

export interface EtagCache {
  get(url: string): CachedResponse | undefined;
  set(url: string, value: CachedResponse): void;
}

export const DEFAULT_PACING: PacingOptions = {
  writeGapMs: 1_000,
  createGapMs: 0,
  createsPerMinute: 80,
  createsPerHour: 500,
  maxWriteGapMs: 16_000,
  retries: 4,
  retryAfterUnitMs: 1_000,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  now: () => Date.now(),
};

const MINUTE = 60_000;
const HOUR = 3_600_000;
const CREATES = /^POST \/repos\/[^/]+\/[^/]+\/(issues|labels|milestones)$/;

export function installPacing(octokit: GitHubClient, options: PacingOptions): void {
  let lastWrite = -Infinity;
  let lastCreate = -Infinity;
  let writeGap = options.writeGapMs;
  /** When the content-creating writes of the last hour were sent. */
  const creates: number[] = [];
  const windowWait = (now: number): number => {
    while (creates.length && creates[0]! <= now - HOUR) creates.shift();
    let until = -Infinity;
    if (creates.length >= options.createsPerHour) until = creates[creates.length - options.createsPerHour]! + HOUR;
    const lastMinute = creates.filter((t) => t > now - MINUTE);
    if (lastMinute.length >= options.createsPerMinute)
      until = Math.max(until, lastMinute[lastMinute.length - options.createsPerMinute]! + MINUTE);
    return until - now;
  };
  octokit.hook.wrap('request', async (request, endpoint) => {
    const method = (endpoint.method ?? 'GET').toUpperCase();
    const url = String(endpoint.url);
    const route = `${method} ${new URL(url, 'http://x').pathname.replace(/^\/api(\/v3)?(?=\/)/, '')}`;
    const isWrite = method !== 'GET' && method !== 'HEAD' && !route.endsWith('/graphql'); // readygate only queries GraphQL
    const cached = method === 'GET' ? options.etags?.get(url) : undefined;
    if (cached) endpoint.headers = { ...endpoint.headers, 'if-none-match': cached.etag };
    for (let attempt = 0; ; attempt++) {
      if (isWrite) {
        const creating = CREATES.test(route);
        const now = options.now();
        const window = creating ? windowWait(now) : -Infinity;
        if (window > 60_000)
          options.onWait?.(
            `GitHub allows ${options.createsPerHour} new issues, labels and milestones an hour; waiting ${Math.ceil(window / 60_000)} min`,
          );
        const wait = Math.max(
          lastWrite + writeGap - now,
          creating ? lastCreate + options.createGapMs - now : -Infinity,
          window,
        );
        if (wait > 0) await options.sleep(wait);
        lastWrite = options.now();
        if (creating) {
          lastCreate = lastWrite;
          creates.push(lastWrite);
        }
      }
      try {
        const response = await request(endpoint);
        const etag = response.headers.etag;
        if (method === 'GET' && etag && options.etags)
          options.etags.set(url, {
            etag,
            data: response.data,
            ...(response.headers.link && { link: response.headers.link }),
          });
        return response;
      } catch (error) {
        const http = asHttpError(error);
        if (http?.status === 304 && cached) {
          return {
            status: 200,
            url,
            headers: { ...(cached.link && { link: cached.link }) },
            data: cached.data,
          } as Awaited<ReturnType<typeof request>>;
        }
        const delay = secondaryDelay(error, options);
        if (delay === undefined || attempt >= options.retries) throw error;
        if (isWrite) writeGap = Math.min(Math.max(writeGap * 2, options.retryAfterUnitMs), options.maxWriteGapMs);
        options.onWait?.(
          `GitHub asked to slow down (rate limit); waiting ${Math.ceil(delay / options.retryAfterUnitMs)} s before retrying ${route}`,
        );
        await options.sleep(delay);
      }
    }
  });
}

/** The wait for a rate-limit answer, or undefined when the error is something else. */
function secondaryDelay(error: unknown, options: PacingOptions): number | undefined {
  const http = asHttpError(error);
  if (!http || (http.status !== 403 && http.status !== 429)) return undefined;
  const headers = http.response?.headers ?? {};
  const retryAfter = headers['retry-after'] === undefined ? NaN : Number(headers['retry-after']);
  const primary = String(headers['x-ratelimit-remaining']) === '0';
  const secondary = /secondary rate limit|abuse/i.test(http.message) || Number.isFinite(retryAfter);
  if (!secondary && !primary) return undefined;
  if (Number.isFinite(retryAfter) && retryAfter >= 0) return retryAfter * options.retryAfterUnitMs;
  if (primary && headers['x-ratelimit-reset'] !== undefined) {
    return Math.max(0, Number(headers['x-ratelimit-reset']) * 1000 - options.now()) + options.retryAfterUnitMs;
  }
  return 60 * options.retryAfterUnitMs;
}
