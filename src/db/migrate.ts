/**
 * @module Applies the migrations in order. They are listed here rather than read from disk so the
 * compiled server and the tests run exactly the same set.
 */
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect, type Migration, type MigrationResultSet } from 'kysely';
import type { DatabaseHandle } from './connect.js';
import * as core from './migrations/0001_core.js';
import * as permissions from './migrations/0002_permissions.js';
import * as invitations from './migrations/0003_invitations_mail.js';
import * as accountSecurity from './migrations/0004_account_security.js';
import * as membersSearch from './migrations/0005_members_search_index.js';
import * as importHeartbeat from './migrations/0006_import_heartbeat.js';
import * as membersSubstring from './migrations/0007_members_substring_search.js';
import * as rateLimits from './migrations/0008_rate_limits.js';
import * as sessionsExpiry from './migrations/0009_sessions_expiry_indexes.js';
import * as apiKeyCreator from './migrations/0010_api_key_creator.js';
import * as membersOrgTrigram from './migrations/0011_members_org_trigram.js';

const MIGRATIONS: Record<string, Migration> = {
  '0001_core': core,
  '0002_permissions': permissions,
  '0003_invitations_mail': invitations,
  '0004_account_security': accountSecurity,
  '0005_members_search_index': membersSearch,
  '0006_import_heartbeat': importHeartbeat,
  '0007_members_substring_search': membersSubstring,
  '0008_rate_limits': rateLimits,
  '0009_sessions_expiry_indexes': sessionsExpiry,
  '0010_api_key_creator': apiKeyCreator,
  '0011_members_org_trigram': membersOrgTrigram,
};

export const latestMigration = (): string => Object.keys(MIGRATIONS).sort().at(-1) ?? '';

function migrator<DB>(db: Kysely<DB>): Migrator {
  return new Migrator({ db, provider: { getMigrations: async () => MIGRATIONS } });
}

export async function migrateToLatest<DB>(db: Kysely<DB>): Promise<MigrationResultSet> {
  const result = await migrator(db).migrateToLatest();
  if (result.error) throw result.error;
  return result;
}

/**
 * Applies pending migrations when several processes may start at once (`roster serve`, `worker` and
 * `migrate` all do it). On PostgreSQL Kysely's migrator holds an advisory lock: one process applies
 * each migration in a transaction, the others wait and find nothing left. On SQLite that lock does
 * nothing across processes, so the migrations run on a connection of their own inside one
 * `BEGIN IMMEDIATE` transaction: a second process waits for the first, then finds nothing left, and
 * a migration that fails leaves nothing behind.
 */
export async function migrateDatabase(handle: Pick<DatabaseHandle, 'db' | 'dialect' | 'url'>): Promise<MigrationResultSet> {
  if (handle.dialect === 'postgres' || handle.url === ':memory:') return migrateToLatest(handle.db);
  const connection = new SQLite(handle.url);
  connection.pragma('busy_timeout = 120000');
  connection.pragma('foreign_keys = ON');
  const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: connection }) });
  try {
    connection.exec('BEGIN IMMEDIATE');
    try {
      const result = await migrateToLatest(db);
      connection.exec('COMMIT');
      return result;
    } catch (error) {
      if (connection.inTransaction) connection.exec('ROLLBACK');
      throw error;
    }
  } finally {
    await db.destroy();
  }
}

/** Whether every known migration has been applied: the readiness probe's second question. */
export async function migrationsApplied<DB>(db: Kysely<DB>): Promise<boolean> {
  const all = await migrator(db).getMigrations();
  return all.every((m) => m.executedAt !== undefined);
}
