/**
 * @module Which database a Kysely handle (or one of its transactions) talks to, for the few queries
 * that must be written differently on PostgreSQL. A transaction shares its database's adapter.
 */
import { PostgresAdapter, type Kysely } from 'kysely';
import type { Database } from './schema.js';

export const isPostgres = (db: Kysely<Database>): boolean => db.getExecutor().adapter instanceof PostgresAdapter;
