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
  /** Requests per minute per address on the sign-in and sign-up endpoints. */
  authRateLimit: number;
  /** How often the outbox worker looks for due mail when nothing woke it. */
  mailPollMs: number;
  /** How long a worker holds the messages it claimed; a crashed worker's messages are taken over after it. */
  mailLeaseMs: number;
}

export type Env = Record<string, string | undefined>;

const bool = (v: string | undefined, fallback: boolean): boolean =>
  v === undefined || v === '' ? fallback : ['1', 'true', 'yes', 'on'].includes(v.toLowerCase());

function int(env: Env, name: string, fallback: number): number {
  const v = env[name];
  if (v === undefined || v === '') return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a whole number, got "${v}"`);
  return n;
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
    sessionIdleMinutes: int(env, 'SESSION_IDLE_MINUTES', 60 * 8),
    sessionAbsoluteHours: int(env, 'SESSION_ABSOLUTE_HOURS', 24 * 7),
    authRateLimit: int(env, 'AUTH_RATE_LIMIT', 30),
    mailPollMs: int(env, 'MAIL_POLL_MS', 500),
    mailLeaseMs: int(env, 'MAIL_LEASE_MS', 60_000),
  };
}
