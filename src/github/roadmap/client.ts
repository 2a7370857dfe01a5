/**
 * The Octokit the roadmap sync uses: token, API base (GitHub Enterprise Server via GITHUB_API_URL or
 * --api-url), an injectable fetch (tests hand nock's globalThis.fetch through), and readygate's
 * pacing hook. No module state: every client is built from its arguments.
 */
import { Octokit } from '@octokit/rest';
import { DEFAULT_PACING, installPacing, type PacingOptions } from './pacing.js';

export interface ClientOptions {
  token: string;
  baseUrl?: string;
  fetch?: typeof globalThis.fetch;
  pacing?: Partial<PacingOptions>;
  userAgent?: string;
}

export function createRoadmapClient(options: ClientOptions): Octokit {
  const octokit = new Octokit({
    auth: options.token,
    baseUrl: (options.baseUrl ?? 'https://api.github.com').replace(/\/+$/, ''),
    userAgent: options.userAgent ?? 'readygate-roadmap',
    request: { fetch: options.fetch ?? globalThis.fetch },
    log: { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} },
  });
  installPacing(octokit, { ...DEFAULT_PACING, ...options.pacing });
  return octokit;
}
