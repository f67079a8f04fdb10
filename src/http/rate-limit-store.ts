/**
 * @module @fastify/rate-limit's store in the database, for when there is no Redis: every Roster
 * process on one database counts a key's requests in the same row (db/queries/rate-limits.ts). Keys
 * are stored as SHA-256 hashes, so a client's address is not.
 */
import { createHash } from 'node:crypto';
import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { Kysely } from 'kysely';
import { deleteEndedRateLimits, hitRateLimit } from '../db/queries/rate-limits.js';
import type { Database } from '../db/schema.js';

/** Counters whose window has ended are deleted every PRUNE_EVERY requests a process counts. */
const PRUNE_EVERY = 500;

const hashed = (key: string): string => createHash('sha256').update(key).digest('base64url');

/** The plugin takes a class and builds the store itself; this one closes over `db`. */
export function databaseRateLimitStore(db: Kysely<Database>): FastifyRateLimitStoreCtor {
  let hitsSincePrune = 0;

  async function hit(key: string, windowMs: number): Promise<{ current: number; ttl: number }> {
    const nowMs = Date.now();
    const counted = await hitRateLimit(db, hashed(key), windowMs, nowMs);
    if (++hitsSincePrune >= PRUNE_EVERY) {
      hitsSincePrune = 0;
      await deleteEndedRateLimits(db, nowMs);
    }
    return { current: counted.hits, ttl: counted.windowEndsMs - nowMs };
  }

  return class DatabaseRateLimitStore implements FastifyRateLimitStore {
    incr(key: string, callback: (error: Error | null, result?: { current: number; ttl: number }) => void, timeWindow: number): void {
      // A failure (the database unreachable) goes to the request's error handler: 503, not 500.
      hit(key, timeWindow).then((result) => callback(null, result), (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))));
    }

    /** Routes do not get counters of their own: every authentication route shares one per address. */
    child(): FastifyRateLimitStore {
      return this;
    }
  };
}
