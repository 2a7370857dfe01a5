// What a worker does with a handler's error, and how delivery ids become BullMQ job ids.
import { RequestError } from '@octokit/request-error';
import { describe, expect, it } from 'vitest';
import { PermanentError, RetryLaterError } from '../../src/app/queue/errors.js';
import { classifyFailure, SECONDARY_LIMIT_FALLBACK_MS } from '../../src/app/queue/failure.js';
import { jobIdFor } from '../../src/app/queue/job-id.js';

const request = { method: 'POST' as const, url: 'https://api.github.com/repos/o/r/check-runs', headers: {} };
function httpError(status: number, message: string, headers: Record<string, string> = {}) {
  return new RequestError(message, status, { request, response: { status, url: request.url, headers, data: {} } });
}

describe('classifyFailure', () => {
  const now = 1_700_000_000_000;
  it.each([
    ['a 502 from GitHub', httpError(502, 'Bad Gateway'), 'retry'],
    ['a network failure (Octokit reports status 500)', httpError(500, 'fetch failed'), 'retry'],
    ['a plain Error', new Error('socket hang up'), 'retry'],
    ['a thrown string', 'boom', 'retry'],
    ['a 404', httpError(404, 'Not Found'), 'fatal'],
    ['a 422', httpError(422, 'Validation Failed'), 'fatal'],
    ['a 403 without rate-limit signs', httpError(403, 'Resource not accessible by integration'), 'fatal'],
    ['a PermanentError', new PermanentError('not a readygate report'), 'fatal'],
  ])('%s → %s', (_, error, kind) => {
    expect(classifyFailure(error, now).kind).toBe(kind);
  });

  it('delays a secondary rate limit by its retry-after, or by a minute without one', () => {
    const limited = httpError(403, 'You have exceeded a secondary rate limit', { 'retry-after': '17' });
    expect(classifyFailure(limited, now)).toMatchObject({ kind: 'delay', delayMs: 17_000 });
    const bare = httpError(403, 'You have exceeded a secondary rate limit.');
    expect(classifyFailure(bare, now)).toMatchObject({ kind: 'delay', delayMs: SECONDARY_LIMIT_FALLBACK_MS });
    expect(classifyFailure(httpError(429, 'Too Many Requests'), now)).toMatchObject({ kind: 'delay' });
  });

  it('delays an exhausted primary limit until just after its reset', () => {
    const reset = String((now + 90_000) / 1000);
    const error = httpError(403, 'API rate limit exceeded', {
      'x-ratelimit-remaining': '0',
      'x-ratelimit-reset': reset,
    });
    expect(classifyFailure(error, now)).toMatchObject({ kind: 'delay', delayMs: 91_000 });
  });

  it('delays a RetryLaterError by what it asks', () => {
    expect(classifyFailure(new RetryLaterError('PR lock held', 250), now)).toMatchObject({
      kind: 'delay',
      delayMs: 250,
    });
  });

  it("reads Probot's AggregateError: any wait wins, then any retry, and fatal only when all are", () => {
    const fatal = httpError(404, 'Not Found');
    const all = (...errors: unknown[]) => classifyFailure(new AggregateError(errors, 'handlers failed'), now);
    expect(all(fatal, new RetryLaterError('lock', 5), new Error('x'))).toMatchObject({ kind: 'delay', delayMs: 5 });
    expect(all(fatal, new Error('socket hang up'))).toMatchObject({ kind: 'retry' });
    const both = all(fatal, new PermanentError('bad artifact'));
    expect(both.kind).toBe('fatal');
    expect(both.reason).toContain('Not Found');
    expect(both.reason).toContain('bad artifact');
  });
});

describe('jobIdFor', () => {
  it('keeps a GitHub delivery GUID readable, prefixed so it is never all digits', () => {
    expect(jobIdFor('72d3162e-cc78-11e3-81ab-4c9367dc0958')).toBe('d.72d3162e-cc78-11e3-81ab-4c9367dc0958');
    expect(jobIdFor('12345')).toBe('d.12345');
  });

  it('encodes ids with a colon or other characters, so distinct ids stay distinct', () => {
    const ids = ['a:b', 'a_b', 'a b', 'ü', 'b.YTpi', 'd.x', 'x'.repeat(129)];
    const jobIds = ids.map(jobIdFor);
    expect(new Set(jobIds).size).toBe(ids.length);
    for (const id of jobIds) expect(id).not.toContain(':');
    expect(jobIdFor('a:b')).toBe(`b.${Buffer.from('a:b').toString('base64url')}`);
  });

  it('refuses an empty id', () => {
    expect(() => jobIdFor('')).toThrow(/X-GitHub-Delivery/);
  });
});
