/**
 * @module Counting failed authentication attempts so that guessing passwords is slow and then
 * stopped (rules in domain/throttle.ts). Counters are shared by every Roster process: in the
 * database (`auth_throttle`, updated by one atomic upsert on SQLite and PostgreSQL alike), or in
 * Redis when REDIS_URL is set. Keys are hashes: a login typed by mistake (maybe a password) is
 * never stored, and neither is the client's address.
 */
import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { sql, type Kysely } from 'kysely';
import type { Redis } from 'ioredis';
import { clientNetwork, delayAfterFailures, retryAfterSeconds, type ThrottlePolicy } from '../domain/throttle.js';
import { RosterError } from '../domain/errors.js';
import type { Database } from '../db/schema.js';

export interface ThrottleCount {
  /** Failures in the current window, this one included. */
  failures: number;
  /** When the key's lock ends (ms since the epoch), if it is or was locked in this window. */
  lockedUntil: number | null;
}

/** Where the counters live. Every implementation passes the same suite (test/api/brute-force.test.ts). */
export interface ThrottleStore {
  /**
   * Counts one failure on `key`, atomically. A new window starts when the last one is over or its
   * lock has run out; reaching `limit` failures locks the key for `lockMs` (a lock is never
   * lengthened by failures during it).
   */
  fail(key: string, limit: number, windowMs: number, lockMs: number, nowMs: number): Promise<ThrottleCount>;
  /** The latest end of a lock among `keys` still in force at `nowMs`, or null. */
  lockedUntil(keys: readonly string[], nowMs: number): Promise<number | null>;
  /** Forgets a key: its failures and lock. */
  clear(key: string): Promise<void>;
}

const iso = (ms: number): string => new Date(ms).toISOString();

/** Rows idle longer than this are deleted now and then (every PRUNE_EVERY failures a process counts). */
const PRUNE_EVERY = 500;

export function createDbThrottleStore(db: Kysely<Database>): ThrottleStore {
  let failuresSincePrune = 0;
  return {
    async fail(key, limit, windowMs, lockMs, nowMs) {
      const at = iso(nowMs);
      const lockEnd = iso(nowMs + lockMs);
      // The existing row's window is over, or its lock has run out: this failure starts a new window.
      const fresh = sql<boolean>`(auth_throttle.window_started_at <= ${iso(nowMs - windowMs)} or (auth_throttle.locked_until is not null and auth_throttle.locked_until <= ${at}))`;
      const next = sql<number>`(case when ${fresh} then 1 else auth_throttle.failures + 1 end)`;
      const row = await db.insertInto('auth_throttle')
        .values({ key, failures: 1, window_started_at: at, locked_until: limit > 0 && limit <= 1 ? lockEnd : null, updated_at: at })
        .onConflict((oc) => oc.column('key').doUpdateSet({
          failures: next,
          window_started_at: sql<string>`(case when ${fresh} then ${at} else auth_throttle.window_started_at end)`,
          locked_until: sql<string | null>`(case
            when ${limit} > 0 and ${next} >= ${limit} and (auth_throttle.locked_until is null or auth_throttle.locked_until <= ${at}) then ${lockEnd}
            when ${fresh} then null
            else auth_throttle.locked_until end)`,
          updated_at: at,
        }))
        .returning(['failures', 'locked_until'])
        .executeTakeFirstOrThrow();
      if (++failuresSincePrune >= PRUNE_EVERY) {
        failuresSincePrune = 0;
        const idle = iso(nowMs - Math.max(windowMs, lockMs));
        await db.deleteFrom('auth_throttle').where('updated_at', '<', idle).where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', at)])).execute();
      }
      return { failures: Number(row.failures), lockedUntil: row.locked_until === null ? null : Date.parse(row.locked_until) };
    },

    async lockedUntil(keys, nowMs) {
      if (keys.length === 0) return null;
      const row = await db.selectFrom('auth_throttle').select((eb) => eb.fn.max('locked_until').as('until'))
        .where('key', 'in', [...keys]).where('locked_until', '>', iso(nowMs)).executeTakeFirst();
      return row?.until ? Date.parse(row.until) : null;
    },

    async clear(key) {
      await db.deleteFrom('auth_throttle').where('key', '=', key).execute();
    },
  };
}

/** The same rules as the SQL above, run inside Redis so that concurrent failures never lose a count. */
const FAIL_SCRIPT = `
local now = tonumber(ARGV[1])
local windowMs = tonumber(ARGV[2])
local limit = tonumber(ARGV[3])
local lockMs = tonumber(ARGV[4])
local v = redis.call('HMGET', KEYS[1], 'f', 'w', 'l')
local f = tonumber(v[1]) or 0
local w = tonumber(v[2]) or 0
local l = tonumber(v[3]) or 0
if w <= now - windowMs or (l > 0 and l <= now) then
  f = 0
  w = now
  l = 0
end
f = f + 1
if limit > 0 and f >= limit and l <= now then l = now + lockMs end
redis.call('HSET', KEYS[1], 'f', f, 'w', w, 'l', l)
redis.call('PEXPIRE', KEYS[1], math.max(math.max(w + windowMs, l) - now, 1))
return {f, l}
`;

export function createRedisThrottleStore(redis: Redis, prefix: string): ThrottleStore {
  const name = (key: string) => `${prefix}throttle:${key}`;
  return {
    async fail(key, limit, windowMs, lockMs, nowMs) {
      const [failures, lockedUntil] = (await redis.eval(FAIL_SCRIPT, 1, name(key), nowMs, windowMs, limit, lockMs)) as [number, number];
      return { failures: Number(failures), lockedUntil: Number(lockedUntil) > 0 ? Number(lockedUntil) : null };
    },

    async lockedUntil(keys, nowMs) {
      if (keys.length === 0) return null;
      const pipeline = redis.pipeline();
      for (const key of keys) pipeline.hget(name(key), 'l');
      const answers = (await pipeline.exec()) ?? [];
      let latest: number | null = null;
      for (const [error, value] of answers) {
        if (error) throw error;
        const until = Number(value ?? 0);
        if (until > nowMs && (latest === null || until > latest)) latest = until;
      }
      return latest;
    },

    async clear(key) {
      await redis.del(name(key));
    },
  };
}

/** A counter's key: its kind and a hash of what it counts (an account by its lower-case name). */
export const throttleKey = (kind: 'account' | 'address' | 'api-key-address', value: string): string =>
  `${kind}:${createHash('sha256').update(value).digest('base64url')}`;

/** What one sign-in attempt reports once the password has been checked. */
export interface SignInAttempt {
  /** The account's failures are forgotten; the address's stay (a valid account must not launder them). */
  succeeded(): Promise<void>;
  /** Counts the failure on the address too, then waits the pause the failures have earned. */
  failed(): Promise<void>;
}

function locked(untilMs: number, nowMs: number): RosterError {
  const retryAfter = retryAfterSeconds(untilMs, nowMs);
  return new RosterError('auth.locked', `Too many failed attempts; try again in ${retryAfter} seconds`, undefined, { retryAfter });
}

export function createThrottleService(store: ThrottleStore, policy: ThrottlePolicy, wait: (ms: number) => Promise<unknown> = sleep) {
  return {
    policy,

    /**
     * Call before checking a password. `account` names the account the same way whatever the
     * login typed (its username when the account exists, else the login), so the username, the
     * email and any letter case share one counter, and an unknown login is counted and locked
     * exactly like a real one: the answers never say which logins exist.
     *
     * Refuses with `auth.locked` while the account or the address is locked; otherwise counts the
     * attempt on the account *before* the password is checked, so guesses sent in parallel can not
     * pass the limit, and forgets it again on success.
     */
    async beginSignIn(account: string, address: string | undefined): Promise<SignInAttempt> {
      const accountKey = throttleKey('account', account.trim().toLowerCase());
      const addressKey = throttleKey('address', clientNetwork(address ?? 'unknown'));
      const nowMs = Date.now();
      const until = await store.lockedUntil([accountKey, addressKey], nowMs);
      if (until !== null) throw locked(until, nowMs);
      const counted = await store.fail(accountKey, policy.accountFailures, policy.windowMs, policy.lockMs, nowMs);
      // Attempts that arrived together beyond the limit are refused without checking the password.
      if (policy.accountFailures > 0 && counted.failures > policy.accountFailures && counted.lockedUntil !== null) throw locked(counted.lockedUntil, nowMs);
      return {
        succeeded: () => store.clear(accountKey),
        failed: async () => {
          await store.fail(addressKey, policy.addressFailures, policy.windowMs, policy.lockMs, Date.now());
          await wait(delayAfterFailures(counted.failures, policy));
        },
      };
    },

    /**
     * Authenticates an API key presented from `address`. A key that `authenticate` does not accept
     * counts a failure there and, once the address is locked, is answered `auth.locked`. A valid key
     * is let through even then: presenting it is not guessing, and a program sharing an address
     * (NAT) with somebody guessing keeps working.
     */
    async apiKey<T>(address: string | undefined, authenticate: () => Promise<T | null>): Promise<T | null> {
      const principal = await authenticate();
      if (principal !== null) return principal;
      const key = throttleKey('api-key-address', clientNetwork(address ?? 'unknown'));
      const nowMs = Date.now();
      const until = await store.lockedUntil([key], nowMs);
      if (until !== null) throw locked(until, nowMs);
      await store.fail(key, policy.addressFailures, policy.windowMs, policy.lockMs, nowMs);
      return null;
    },
  };
}

export type ThrottleService = ReturnType<typeof createThrottleService>;
