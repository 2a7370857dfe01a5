/**
 * Tokens for private repositories' badges and pages: `?token=` is the hex HMAC-SHA256 of the
 * repository's lowercased `owner/name` under BADGE_SECRET. Whoever holds the secret signs a
 * token for one repository; rotating the secret revokes every token at once. The same value comes
 * from `printf %s acme/widgets | openssl dgst -sha256 -hmac "$BADGE_SECRET"`.
 *
 * @example signRepoToken('s3cret…', { owner: 'Acme', repo: 'Widgets' }) // 64 hex digits
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { repoKey, type RepoName } from './names.js';

const TOKEN = /^[0-9a-f]{64}$/i;

export function signRepoToken(secret: string, name: RepoName): string {
  return createHmac('sha256', secret).update(repoKey(name)).digest('hex');
}

/** Whether `token` was signed for this repository with `secret` (compared in constant time). */
export function verifyRepoToken(secret: string | undefined, name: RepoName, token: string | null): boolean {
  if (!secret || token === null || !TOKEN.test(token)) return false;
  const expected = Buffer.from(signRepoToken(secret, name), 'hex');
  return timingSafeEqual(expected, Buffer.from(token, 'hex'));
}
