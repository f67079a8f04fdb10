/**
 * @module Configuration from environment variables (a `.env` file is read when present), with
 * defaults that let `npm start` run with none set. Every variable is listed in the README.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /** A `postgres://` URL, or the SQLite file path derived from `dataDir`. */
  databaseUrl: string;
  publicUrl: string;
  smtpUrl: string | null;
  smtpFrom: string;
  redisUrl: string | null;
  logLevel: string;
  signupEnabled: boolean;
  /** Marks the session cookie `Secure` and names it `__Host-…`; on by default when PUBLIC_URL is https. */
  secureCookies: boolean;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  /** Behind a reverse proxy: client addresses (rate limits, lockouts, sessions) come from X-Forwarded-For. */
  trustProxy: boolean;
  /** Requests per minute per client address on the authentication endpoints, together (docs/security.md). */
  authRateLimit: number;
  /** Failed sign-ins on one account within `authLockoutMinutes` before it is locked for as long. */
  authLockoutFailures: number;
  /** Failed sign-ins (and, counted apart, failed API keys) from one address before it is locked. */
  authLockoutAddressFailures: number;
  authLockoutMinutes: number;
  /** The longest pause before answering a failed sign-in; the pause grows with the failures. */
  authDelayMaxMs: number;
  /** Origins allowed to send cookie-authenticated writes and to be redirected to: PUBLIC_URL's and ALLOWED_ORIGINS. */
  allowedOrigins: string[];
  /** Prefix of every key Roster writes in Redis, so several instances can share one server. */
  redisKeyPrefix: string;
  /** Whether `roster serve` delivers email itself; off, `roster worker` processes do it all. */
  mailWorker: boolean;
  /** How often the outbox worker looks for due mail when nothing woke it. */
  mailPollMs: number;
  /** How long a worker holds the messages it claimed; a crashed worker's messages are taken over after it. */
  mailLeaseMs: number;
}

export type Env = Record<string, string | undefined>;

const bool = (v: string | undefined, fallback: boolean): boolean =>
  v === undefined || v === '' ? fallback : ['1', 'true', 'yes', 'on'].includes(v.toLowerCase());

/** A whole number of at least `min`; 0 is allowed where it means something (AUTH_RATE_LIMIT=0 turns the limit off). */
function int(env: Env, name: string, fallback: number, min = 0): number {
  const v = env[name];
  if (v === undefined || v === '') return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min) throw new Error(`${name} must be a whole number${min > 0 ? ` of at least ${min}` : ''}, got "${v}"`);
  return n;
}

/** `https://a.example, http://localhost:5173` → their origins; anything that is not an http(s) origin is refused. */
function origins(env: Env, name: string): string[] {
  return (env[name] ?? '').split(',').map((v) => v.trim()).filter(Boolean).map((v) => {
    let url: URL;
    try {
      url = new URL(v);
    } catch {
      throw new Error(`${name} must list origins such as https://app.example.com, got "${v}"`);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`${name} must list http(s) origins, got "${v}"`);
    return url.origin;
  });
}

export function loadDotEnv(file = '.env'): void {
  if (existsSync(file)) process.loadEnvFile(file);
}

export function loadConfig(env: Env = process.env): Config {
  const port = int(env, 'PORT', 3000);
  const host = env.HOST || '127.0.0.1';
  const dataDir = resolve(env.DATA_DIR || './data');
  const publicUrl = (env.PUBLIC_URL || `http://${host.includes(':') ? `[${host}]` : host}:${port}`).replace(/\/+$/, '');
  return {
    port,
    host,
    dataDir,
    databaseUrl: env.DATABASE_URL || join(dataDir, 'roster.sqlite'),
    publicUrl,
    smtpUrl: env.SMTP_URL || null,
    smtpFrom: env.SMTP_FROM || 'Roster <roster@localhost>',
    redisUrl: env.REDIS_URL || null,
    logLevel: env.LOG_LEVEL || 'info',
    signupEnabled: bool(env.SIGNUP_ENABLED, true),
    secureCookies: bool(env.SECURE_COOKIES, publicUrl.startsWith('https://')),
    // A timeout of 0 would end every session at once.
    sessionIdleMinutes: int(env, 'SESSION_IDLE_MINUTES', 60 * 8, 1),
    sessionAbsoluteHours: int(env, 'SESSION_ABSOLUTE_HOURS', 24 * 7, 1),
    trustProxy: bool(env.TRUST_PROXY, false),
    authRateLimit: int(env, 'AUTH_RATE_LIMIT', 30),
    authLockoutFailures: int(env, 'AUTH_LOCKOUT_FAILURES', 10),
    authLockoutAddressFailures: int(env, 'AUTH_LOCKOUT_ADDRESS_FAILURES', 100),
    authLockoutMinutes: int(env, 'AUTH_LOCKOUT_MINUTES', 15),
    authDelayMaxMs: int(env, 'AUTH_DELAY_MAX_MS', 2000),
    allowedOrigins: [...new Set([...origins({ PUBLIC_URL: publicUrl }, 'PUBLIC_URL'), ...origins(env, 'ALLOWED_ORIGINS')])],
    redisKeyPrefix: env.REDIS_KEY_PREFIX || 'roster:',
    mailWorker: bool(env.MAIL_WORKER, true),
    // 0 would poll without pause, and a lease of 0 would let every worker take over every message
    // while it is being sent: the same email twice.
    mailPollMs: int(env, 'MAIL_POLL_MS', 500, 1),
    mailLeaseMs: int(env, 'MAIL_LEASE_MS', 60_000, 1000),
  };
}
