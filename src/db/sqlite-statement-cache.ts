/**
 * @module Reuses SQLite prepared statements. Kysely prepares every query it runs, and preparing
 * (parsing and planning the SQL) costs several times what running a small query does: on GET
 * /api/v1/me it was the largest single cost of the request (docs/benchmarks.md). Queries are built
 * from a small set of shapes, so the same SQL text comes back again and again.
 */
import type SQLite from 'better-sqlite3';
import type { SqliteDatabase } from 'kysely';

/** Enough for every query shape Roster sends; `in (?, ?, …)` lists of many lengths age out first. */
const CAPACITY = 500;

export function withStatementCache(sqlite: SQLite.Database, capacity = CAPACITY): SqliteDatabase {
  // A Map keeps insertion order: re-inserting on use makes its first key the least recently used.
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => {
      cache.clear();
      sqlite.close();
    },
    prepare(sql: string): SQLite.Statement {
      const cached = cache.get(sql);
      // A statement still being iterated (a streamed query) can not run again until it finishes.
      if (cached && !cached.busy) {
        cache.delete(sql);
        cache.set(sql, cached);
        return cached;
      }
      const statement = sqlite.prepare(sql);
      if (!cached) {
        cache.set(sql, statement);
        if (cache.size > capacity) {
          const oldest = cache.keys().next();
          if (!oldest.done) cache.delete(oldest.value);
        }
      }
      return statement;
    },
  };
}
