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
import { PREPARED } from '../db/postgres-prepared.js';
import type { Database } from '../db/schema.js';

export interface ThrottleCount {
  /** Failures in the current window, this one included. */
  failures: number;
  /** When the key's lock ends (ms since the epoch), if it is or was locked in this window. */
  lockedUntil: number | null;
}

/** Counting an attempt that a lock may refuse: refused (nothing counted) with the latest lock's end, or counted. */
export type GuardedCount = { refused: true; lockedUntil: number } | ({ refused: false } & ThrottleCount);

/** Where the counters live. Every implementation passes the same suite (test/api/brute-force.test.ts). */
export interface ThrottleStore {
  /**
   * Counts one failure on `key`, atomically. A new window starts when the last one is over or its
   * lock has run out; reaching `limit` failures locks the key for `lockMs` (a lock is never
   * lengthened by failures during it).
   */
  fail(key: string, limit: number, windowMs: number, lockMs: number, nowMs: number): Promise<ThrottleCount>;
  /**
   * `fail`, unless `key` or one of `guards` is locked at `nowMs`: then nothing is counted. The check
   * and the count are one step (one statement, one script), so an attempt costs a single round trip.
   */
  failUnlessLocked(key: string, guards: readonly string[], limit: number, windowMs: number, lockMs: number, nowMs: number): Promise<GuardedCount>;
  /** The latest end of a lock among `keys` still in force at `nowMs`, or null. */
  lockedUntil(keys: readonly string[], nowMs: number): Promise<number | null>;
  /** Forgets a key: its failures and lock. */
  clear(key: string): Promise<void>;
  /**
   * Whether the counters are rows of `auth_throttle` in the application's database: then a caller
   * writing there anyway may forget a key in its own transaction (services/sessions.ts).
   */
  readonly inDatabase: boolean;
}

const iso = (ms: number): string => new Date(ms).toISOString();

/** Rows idle longer than this are deleted now and then (every PRUNE_EVERY failures a process counts). */
const PRUNE_EVERY = 500;

export function createDbThrottleStore(db: Kysely<Database>): ThrottleStore {
  let failuresSincePrune = 0;

  /**
   * The rules of `fail` as one upsert. With `guards`, INSERT … SELECT … WHERE has no row to insert
   * while one of the keys (or `key`) is locked, and without a row there is no conflict to update
   * either: a lock leaves every counter as it was. Written as SQL rather than built: this runs on
   * every sign-in, and building it costs more than running it on SQLite; prepared on PostgreSQL.
   */
  function countFailure(key: string, guards: readonly string[] | null, limit: number, windowMs: number, lockMs: number, nowMs: number) {
    const at = iso(nowMs);
    const lockEnd = iso(nowMs + lockMs);
    // The existing row's window is over, or its lock has run out: this failure starts a new window.
    const fresh = sql`(auth_throttle.window_started_at <= ${iso(nowMs - windowMs)} or (auth_throttle.locked_until is not null and auth_throttle.locked_until <= ${at}))`;
    const next = sql`(case when ${fresh} then 1 else auth_throttle.failures + 1 end)`;
    // "where true" also keeps SQLite from reading "on conflict" as part of the SELECT.
    const unlocked = guards === null ? sql`true`
      : sql`not exists (select 1 from auth_throttle as l where l."key" in (${sql.join([key, ...guards])}) and l.locked_until > ${at})`;
    return sql<{ failures: number; locked_until: string | null }>`
      insert into auth_throttle ("key", failures, window_started_at, locked_until, updated_at)
      select ${key}, 1, ${at}, ${limit > 0 && limit <= 1 ? lockEnd : null}, ${at} where ${unlocked}
      on conflict ("key") do update set
        failures = ${next},
        window_started_at = (case when ${fresh} then ${at} else auth_throttle.window_started_at end),
        locked_until = (case
          when ${limit} > 0 and ${next} >= ${limit} and (auth_throttle.locked_until is null or auth_throttle.locked_until <= ${at}) then ${lockEnd}
          when ${fresh} then null
          else auth_throttle.locked_until end),
        updated_at = ${at}
      returning failures, locked_until ${PREPARED}`.execute(db);
  }

  async function counted(row: { failures: number; locked_until: string | null }, windowMs: number, lockMs: number, nowMs: number): Promise<ThrottleCount> {
    if (++failuresSincePrune >= PRUNE_EVERY) {
      failuresSincePrune = 0;
      const at = iso(nowMs);
      const idle = iso(nowMs - Math.max(windowMs, lockMs));
      await db.deleteFrom('auth_throttle').where('updated_at', '<', idle).where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', at)])).execute();
    }
    return { failures: Number(row.failures), lockedUntil: row.locked_until === null ? null : Date.parse(row.locked_until) };
  }

  async function lockedUntil(keys: readonly string[], nowMs: number): Promise<number | null> {
    if (keys.length === 0) return null;
    const row = await db.selectFrom('auth_throttle').select((eb) => eb.fn.max('locked_until').as('until'))
      .where('key', 'in', [...keys]).where('locked_until', '>', iso(nowMs)).executeTakeFirst();
    return row?.until ? Date.parse(row.until) : null;
  }

  return {
    inDatabase: true,

    async fail(key, limit, windowMs, lockMs, nowMs) {
      const { rows: [row] } = await countFailure(key, null, limit, windowMs, lockMs, nowMs);
      if (!row) throw new Error('auth_throttle: the upsert returned no row');
      return counted(row, windowMs, lockMs, nowMs);
    },

    async failUnlessLocked(key, guards, limit, windowMs, lockMs, nowMs) {
      const { rows: [row] } = await countFailure(key, guards, limit, windowMs, lockMs, nowMs);
      if (row) return { refused: false, ...(await counted(row, windowMs, lockMs, nowMs)) };
      // Locked: the lock's end says when to come back. A lock that ended in the instant between
      // the two statements still refuses this one attempt (for a second at most).
      return { refused: true, lockedUntil: (await lockedUntil([key, ...guards], nowMs)) ?? nowMs };
    },

    lockedUntil,

    async clear(key) {
      await db.deleteFrom('auth_throttle').where('key', '=', key).execute();
    },
  };
}

/**
 * The same rules as the SQL above, run inside Redis so that concurrent failures never lose a count.
 * With ARGV[5] = 1 nothing is counted while KEYS[1] or another of KEYS is locked: the answer is then
 * {-1, the latest lock's end}. (One script over several keys needs one Redis server, which is what
 * REDIS_URL names; a Redis Cluster would need the keys in one hash slot.)
 */
const FAIL_SCRIPT = `
local now = tonumber(ARGV[1])
local windowMs = tonumber(ARGV[2])
local limit = tonumber(ARGV[3])
local lockMs = tonumber(ARGV[4])
if ARGV[5] == '1' then
  local latest = 0
  for _, key in ipairs(KEYS) do
    local ends = tonumber(redis.call('HGET', key, 'l')) or 0
    if ends > now and ends > latest then latest = ends end
  end
  if latest > 0 then return {-1, latest} end
end
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
  const count = async (keys: readonly string[], guarded: boolean, limit: number, windowMs: number, lockMs: number, nowMs: number) => {
    const [failures, lockedUntil] = (await redis.eval(FAIL_SCRIPT, keys.length, ...keys.map(name), nowMs, windowMs, limit, lockMs, guarded ? 1 : 0)) as [number, number];
    return { failures: Number(failures), lockedUntil: Number(lockedUntil) > 0 ? Number(lockedUntil) : null };
  };
  return {
    inDatabase: false,

    fail: (key, limit, windowMs, lockMs, nowMs) => count([key], false, limit, windowMs, lockMs, nowMs),

    async failUnlessLocked(key, guards, limit, windowMs, lockMs, nowMs) {
      const { failures, lockedUntil } = await count([key, ...guards], true, limit, windowMs, lockMs, nowMs);
      return failures < 0 ? { refused: true, lockedUntil: lockedUntil ?? nowMs } : { refused: false, failures, lockedUntil };
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
  /**
   * The same forgetting for a caller that writes to the database on success anyway: the
   * `auth_throttle` key to delete in its own transaction when the counters are there (then
   * `succeeded` is not called), or null when they are elsewhere (then it is).
   */
  readonly counterRow: string | null;
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
     * pass the limit, and forgets it again on success. The check and the count are one step.
     */
    async beginSignIn(account: string, address: string | undefined): Promise<SignInAttempt> {
      const accountKey = throttleKey('account', account.trim().toLowerCase());
      const addressKey = throttleKey('address', clientNetwork(address ?? 'unknown'));
      const nowMs = Date.now();
      const counted = await store.failUnlessLocked(accountKey, [addressKey], policy.accountFailures, policy.windowMs, policy.lockMs, nowMs);
      if (counted.refused) throw locked(counted.lockedUntil, nowMs);
      // Attempts that arrived together beyond the limit are refused without checking the password.
      if (policy.accountFailures > 0 && counted.failures > policy.accountFailures && counted.lockedUntil !== null) throw locked(counted.lockedUntil, nowMs);
      return {
        succeeded: () => store.clear(accountKey),
        counterRow: store.inDatabase ? accountKey : null,
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
      const counted = await store.failUnlessLocked(key, [], policy.addressFailures, policy.windowMs, policy.lockMs, nowMs);
      if (counted.refused) throw locked(counted.lockedUntil, nowMs);
      return null;
    },
  };
}

export type ThrottleService = ReturnType<typeof createThrottleService>;
