import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readAppConfig, readStartPlan } from '../../src/app/config.js';

const PEM = generateKeyPairSync('rsa', { modulusLength: 1024 })
  .privateKey.export({ type: 'pkcs1', format: 'pem' })
  .toString();
const FULL = { APP_ID: '123', PRIVATE_KEY: PEM, WEBHOOK_SECRET: 's3cret' };

describe('the App refuses to start without what it needs', () => {
  it.each([
    [
      'APP_ID and a key but no WEBHOOK_SECRET',
      { APP_ID: '1', PRIVATE_KEY: PEM },
      /^WEBHOOK_SECRET is not set .*refusing to start/,
    ],
    ['a blank WEBHOOK_SECRET', { ...FULL, WEBHOOK_SECRET: '  ' }, /^WEBHOOK_SECRET is not set/],
    ['a key but no APP_ID', { PRIVATE_KEY: PEM, WEBHOOK_SECRET: 'x' }, /^APP_ID is not set/],
    ['an APP_ID but no key', { APP_ID: '1', WEBHOOK_SECRET: 'x' }, /^PRIVATE_KEY or PRIVATE_KEY_PATH is not set/],
    ['an APP_ID that is not a number', { ...FULL, APP_ID: 'readygate' }, /APP_ID must be the App's numeric id/],
    ['a PRIVATE_KEY that is no key', { ...FULL, PRIVATE_KEY: 'not a key' }, /PRIVATE_KEY is neither a PEM/],
    ['both key variables', { ...FULL, PRIVATE_KEY_PATH: '/k.pem' }, /set PRIVATE_KEY or PRIVATE_KEY_PATH, not both/],
    [
      'a missing key file',
      { APP_ID: '1', WEBHOOK_SECRET: 'x', PRIVATE_KEY_PATH: '/nope/k.pem' },
      /PRIVATE_KEY_PATH \/nope\/k.pem: file not found/,
    ],
    ['a bad PORT', { ...FULL, PORT: '80a' }, /PORT must be a port number/],
    ['a bad REDELIVER_MINUTES', { ...FULL, REDELIVER_MINUTES: '5m' }, /REDELIVER_MINUTES must be a whole number/],
    ['a bad LOG_LEVEL', { ...FULL, LOG_LEVEL: 'loud' }, /LOG_LEVEL must be one of/],
    ['a GHE_HOST with a path', { ...FULL, GHE_HOST: 'ghe.example.com/api' }, /GHE_HOST must be a host name/],
  ])('%s', (_, env, message) => {
    expect(() => readStartPlan(env)).toThrow(message);
  });

  it('with no credentials offers the set-up flow, except in production', () => {
    expect(readStartPlan({ PORT: '4000' })).toEqual({ kind: 'setup', host: 'localhost', port: 4000 });
    expect(() => readStartPlan({ NODE_ENV: 'production' })).toThrow(/cannot start in production/);
  });
});

describe('the App reads its settings from the environment it is given', () => {
  it('defaults to github.com, localhost:3000 and the webhook path Probot uses', () => {
    expect(readAppConfig(FULL)).toEqual({
      appId: 123,
      privateKey: PEM,
      webhookSecret: 's3cret',
      baseUrl: 'https://api.github.com',
      host: 'localhost',
      port: 3000,
      webhookPath: '/api/github/webhooks',
      logLevel: 'info',
      logFormat: 'json',
      queue: { role: 'all' },
      redeliverMinutes: 10,
    });
  });

  it('takes GitHub Enterprise Server, host, port, log level and Redis', () => {
    const config = readAppConfig({
      ...FULL,
      GHE_HOST: 'ghe.example.com:8443',
      GHE_PROTOCOL: 'http',
      HOST: '0.0.0.0',
      PORT: '0',
      LOG_LEVEL: 'DEBUG',
      REDIS_URL: 'redis://127.0.0.1:6379',
      ROLE: 'worker',
      WORKER_CONCURRENCY: '8',
    });
    expect(config).toMatchObject({
      baseUrl: 'http://ghe.example.com:8443/api/v3',
      host: '0.0.0.0',
      port: 0,
      logLevel: 'debug',
      redisUrl: 'redis://127.0.0.1:6379',
      queue: { redisUrl: 'redis://127.0.0.1:6379', role: 'worker', concurrency: 8 },
    });
  });

  it('refuses a ROLE that needs Redis without REDIS_URL, and an unknown ROLE', () => {
    expect(() => readAppConfig({ ...FULL, ROLE: 'web' })).toThrow(/ROLE=web needs REDIS_URL/);
    expect(() => readAppConfig({ ...FULL, ROLE: 'everything' })).toThrow(/ROLE must be one of web, worker or all/);
  });

  it('takes BADGE_SECRET of at least 32 characters, and says how to make one', () => {
    const secret = 'x'.repeat(32);
    expect(readAppConfig({ ...FULL, BADGE_SECRET: secret }).badgeSecret).toBe(secret);
    expect(() => readAppConfig({ ...FULL, BADGE_SECRET: 'short' })).toThrow(
      /BADGE_SECRET is 5 characters: use at least 32 random ones \(openssl rand -hex 32\)/,
    );
  });

  it('reads the key as PEM with \\n escapes, as base64, or from PRIVATE_KEY_PATH', () => {
    expect(readAppConfig({ ...FULL, PRIVATE_KEY: PEM.replace(/\n/g, '\\n') }).privateKey).toBe(PEM);
    expect(readAppConfig({ ...FULL, PRIVATE_KEY: Buffer.from(PEM).toString('base64') }).privateKey).toBe(PEM);
    const dir = mkdtempSync(join(tmpdir(), 'readygate-key-'));
    writeFileSync(join(dir, 'app.pem'), PEM);
    const { PRIVATE_KEY: _inline, ...rest } = FULL;
    expect(readAppConfig({ ...rest, PRIVATE_KEY_PATH: join(dir, 'app.pem') }).privateKey).toBe(PEM);
    writeFileSync(join(dir, 'empty.pem'), 'hello');
    expect(() => readAppConfig({ ...rest, PRIVATE_KEY_PATH: join(dir, 'empty.pem') })).toThrow(
      /holds no PEM private key/,
    );
  });
});
