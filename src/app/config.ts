/**
 * The App's settings, read from an environment passed in (never `process.env` here): what
 * `.env.example` documents. With an App id or a key, all three of APP_ID, a key and
 * WEBHOOK_SECRET are required: Probot would otherwise accept every webhook signed with
 * "development", so the App refuses to start and names the missing variable. With no credentials
 * at all the caller may offer Probot's set-up flow (register the App from app.yml).
 */
import { readFileSync } from 'node:fs';
import { ConfigError, describeError, fsReason } from '../core/errors.js';
import { type QueueSettings, readQueueSettings } from './queue/factory.js';

export type Env = Readonly<Record<string, string | undefined>>;

const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface AppConfig {
  appId: number;
  privateKey: string;
  webhookSecret: string;
  /** REST base URL: https://api.github.com, or `GHE_PROTOCOL://GHE_HOST/api/v3`. */
  baseUrl: string;
  host: string;
  /** 0 picks a free port. */
  port: number;
  webhookPath: string;
  logLevel: LogLevel;
  logFormat: 'json' | 'pretty';
  /** For the scale-out queue (BullMQ) and Probot's clustered throttling; unset: the in-memory queue. */
  redisUrl?: string;
  /** REDIS_URL, ROLE (web, worker or all) and WORKER_CONCURRENCY, checked (see docs/app-scaling.md). */
  queue: QueueSettings;
  /** REDELIVER_MINUTES: how often failed webhook deliveries are asked for again (0: never; redeliver.ts). */
  redeliverMinutes: number;
  /** BADGE_SECRET: signs the tokens that show a private repository's badges and page (docs/app.md). */
  badgeSecret?: string;
}

export type StartPlan = { kind: 'run'; config: AppConfig } | { kind: 'setup'; host: string; port: number };

const set = (env: Env, name: string): string | undefined => {
  const value = env[name]?.trim();
  return value ? value : undefined;
};

export function readStartPlan(env: Env): StartPlan {
  const host = set(env, 'HOST') ?? 'localhost';
  const port = readPort(env);
  const hasKey = set(env, 'PRIVATE_KEY') !== undefined || set(env, 'PRIVATE_KEY_PATH') !== undefined;
  if (set(env, 'APP_ID') === undefined && !hasKey) {
    if (env.NODE_ENV === 'production')
      throw new ConfigError(
        'APP_ID and PRIVATE_KEY (or PRIVATE_KEY_PATH) are not set: the App cannot start in production without them (see .env.example)',
      );
    return { kind: 'setup', host, port };
  }
  return { kind: 'run', config: readAppConfig(env) };
}

export function readAppConfig(env: Env): AppConfig {
  const appIdText = set(env, 'APP_ID');
  if (appIdText === undefined) throw missing('APP_ID', 'the numeric id on the App settings page');
  if (!/^\d+$/.test(appIdText)) throw new ConfigError(`APP_ID must be the App's numeric id, not "${appIdText}"`);
  const privateKey = readPrivateKey(env);
  const webhookSecret = set(env, 'WEBHOOK_SECRET');
  if (webhookSecret === undefined)
    throw missing(
      'WEBHOOK_SECRET',
      'the secret set on the App settings page; without it every webhook signed with "development" would be accepted',
    );
  const logLevel = (set(env, 'LOG_LEVEL') ?? 'info').toLowerCase();
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel))
    throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, not "${logLevel}"`);
  const logFormat = set(env, 'LOG_FORMAT') ?? 'json';
  if (logFormat !== 'json' && logFormat !== 'pretty')
    throw new ConfigError(`LOG_FORMAT must be json or pretty, not "${logFormat}"`);
  const queue = readQueueSettings(env);
  const { redisUrl } = queue;
  const badgeSecret = set(env, 'BADGE_SECRET');
  if (badgeSecret !== undefined && badgeSecret.length < 32)
    throw new ConfigError(
      `BADGE_SECRET is ${badgeSecret.length} characters: use at least 32 random ones (openssl rand -hex 32), or leave it unset to show only public repositories`,
    );
  return {
    appId: Number(appIdText),
    privateKey,
    webhookSecret,
    baseUrl: apiBaseUrl(env),
    host: set(env, 'HOST') ?? 'localhost',
    port: readPort(env),
    webhookPath: set(env, 'WEBHOOK_PATH') ?? '/api/github/webhooks',
    logLevel: logLevel as LogLevel,
    logFormat,
    ...(redisUrl && { redisUrl }),
    queue,
    redeliverMinutes: readRedeliverMinutes(env),
    ...(badgeSecret && { badgeSecret }),
  };
}

function missing(name: string, what: string): ConfigError {
  return new ConfigError(`${name} is not set (${what}): refusing to start; see .env.example`);
}

function readRedeliverMinutes(env: Env): number {
  const text = set(env, 'REDELIVER_MINUTES') ?? '10';
  if (!/^\d+$/.test(text) || Number(text) > 24 * 60)
    throw new ConfigError(
      `REDELIVER_MINUTES must be a whole number of minutes up to 1440 (0 turns it off), not "${text}"`,
    );
  return Number(text);
}

function readPort(env: Env): number {
  const text = set(env, 'PORT') ?? '3000';
  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65535) throw new ConfigError(`PORT must be a port number, not "${text}"`);
  return port;
}

function apiBaseUrl(env: Env): string {
  const host = set(env, 'GHE_HOST');
  if (!host) return 'https://api.github.com';
  const protocol = set(env, 'GHE_PROTOCOL') ?? 'https';
  if (protocol !== 'https' && protocol !== 'http')
    throw new ConfigError(`GHE_PROTOCOL must be https or http, not "${protocol}"`);
  if (/[/\s]/.test(host)) throw new ConfigError(`GHE_HOST must be a host name (and port), not "${host}"`);
  return `${protocol}://${host}/api/v3`;
}

const PEM = /-----BEGIN [A-Z ]*PRIVATE KEY-----/;

/** PRIVATE_KEY (PEM, with real or `\n` line breaks, or base64 of the PEM) or PRIVATE_KEY_PATH. */
function readPrivateKey(env: Env): string {
  const inline = set(env, 'PRIVATE_KEY') && env.PRIVATE_KEY;
  const path = set(env, 'PRIVATE_KEY_PATH');
  if (inline !== undefined && path !== undefined)
    throw new ConfigError('set PRIVATE_KEY or PRIVATE_KEY_PATH, not both');
  if (inline !== undefined) {
    if (PEM.test(inline)) return inline.replace(/\\n/g, '\n');
    const decoded = Buffer.from(inline, 'base64').toString('utf8');
    if (PEM.test(decoded)) return decoded;
    throw new ConfigError('PRIVATE_KEY is neither a PEM private key nor the base64 of one');
  }
  if (path === undefined) throw missing('PRIVATE_KEY or PRIVATE_KEY_PATH', "the App's private key (.pem)");
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ConfigError(`PRIVATE_KEY_PATH ${path}: ${fsReason(error) ?? describeError(error)}`, [], {
      cause: error,
    });
  }
  if (!PEM.test(text)) throw new ConfigError(`PRIVATE_KEY_PATH ${path} holds no PEM private key`);
  return text;
}
