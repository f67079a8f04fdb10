/**
 * @module Opens the database: SQLite in the data directory by default, PostgreSQL when a
 * `postgres://` URL is given. Nothing else in Roster knows which one it talks to.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.js';
import { preparingPool } from './postgres-prepared.js';
import { withStatementCache } from './sqlite-statement-cache.js';

export type Dialect = 'sqlite' | 'postgres';

export interface DatabaseHandle {
  db: Kysely<Database>;
  dialect: Dialect;
  /** The URL or SQLite path it was opened with. */
  url: string;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** `postgres://…` or `postgresql://…`; anything else is taken as a SQLite file path. */
  url: string;
  poolSize?: number;
}

export function openDatabase({ url, poolSize = 10 }: DatabaseOptions): DatabaseHandle {
  if (/^postgres(ql)?:\/\//.test(url)) {
    // No limit on the wait for a pooled connection: under a burst requests queue rather than fail.
    // A server that is down refuses connections at once, and that is answered 503 (unavailable.ts).
    const pool = new pg.Pool({ connectionString: url, max: poolSize });
    // A client that loses its connection must not crash the process: idle, the pool reports it here
    // and replaces it; checked out between queries (PostgreSQL restarting), the client itself would
    // emit an unhandled 'error'. Its next query fails instead, and the pool discards it on release.
    pool.on('error', () => {});
    pool.on('connect', (client) => client.on('error', () => {}));
    // Queries that ask for it are prepared once per connection (postgres-prepared.ts).
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: preparingPool(pool) }) });
    return { db, dialect: 'postgres', url, close: () => db.destroy() };
  }
  if (url !== ':memory:') mkdirSync(dirname(url), { recursive: true });
  const sqlite = new SQLite(url);
  // WAL lets readers proceed while a write commits; foreign keys are off by default in SQLite.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  return { db, dialect: 'sqlite', url, close: () => db.destroy() };
}
