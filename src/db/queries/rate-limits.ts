/**
 * @module Queries on the rate-limit counters: one atomic upsert per request, the same SQL on SQLite
 * and PostgreSQL, so concurrent requests through any number of processes are each counted once.
 */
import { sql, type Kysely } from 'kysely';
import { PREPARED } from '../postgres-prepared.js';
import type { Database } from '../schema.js';

type Db = Kysely<Database>;

export interface RateLimitHit {
  /** Requests in the current window, this one included. */
  hits: number;
  /** When the current window ends (ms since the epoch). */
  windowEndsMs: number;
}

const iso = (ms: number): string => new Date(ms).toISOString();

/**
 * Counts one request on `key` at `nowMs`: a new window of `windowMs` starts when there is none or the
 * last one has ended, else the request is added to the current one. Both SET expressions read the
 * row as it was, so they agree on whether the window had ended.
 */
export async function hitRateLimit(db: Db, key: string, windowMs: number, nowMs: number): Promise<RateLimitHit> {
  const at = iso(nowMs);
  const end = iso(nowMs + windowMs);
  const ended = sql<boolean>`(rate_limits.window_ends_at <= ${at})`;
  const row = await db.insertInto('rate_limits')
    .values({ key, hits: 1, window_ends_at: end })
    .onConflict((oc) => oc.column('key').doUpdateSet({
      hits: sql<number>`(case when ${ended} then 1 else rate_limits.hits + 1 end)`,
      window_ends_at: sql<string>`(case when ${ended} then ${end} else rate_limits.window_ends_at end)`,
    }))
    .returning(['hits', 'window_ends_at'])
    // Every authentication request runs it: parsed once per connection (postgres-prepared.ts).
    .modifyEnd(PREPARED)
    .executeTakeFirstOrThrow();
  return { hits: Number(row.hits), windowEndsMs: Date.parse(row.window_ends_at) };
}

/** Deletes the counters whose window ended by `nowMs`: a request after it would start from one anyway. */
export async function deleteEndedRateLimits(db: Db, nowMs: number): Promise<void> {
  await db.deleteFrom('rate_limits').where('window_ends_at', '<=', iso(nowMs)).execute();
}
