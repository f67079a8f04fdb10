/**
 * @module Applies the migrations in order. They are listed here rather than read from disk so the
 * compiled server and the tests run exactly the same set.
 */
import { Migrator, type Kysely, type Migration, type MigrationResultSet } from 'kysely';
import * as core from './migrations/0001_core.js';
import * as permissions from './migrations/0002_permissions.js';
import * as invitations from './migrations/0003_invitations_mail.js';
import * as accountSecurity from './migrations/0004_account_security.js';
import * as membersSearch from './migrations/0005_members_search_index.js';
import * as membersSubstring from './migrations/0006_members_substring_search.js';

const MIGRATIONS: Record<string, Migration> = {
  '0001_core': core,
  '0002_permissions': permissions,
  '0003_invitations_mail': invitations,
  '0004_account_security': accountSecurity,
  '0005_members_search_index': membersSearch,
  '0006_members_substring_search': membersSubstring,
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

/** Whether every known migration has been applied: the readiness probe's second question. */
export async function migrationsApplied<DB>(db: Kysely<DB>): Promise<boolean> {
  const all = await migrator(db).getMigrations();
  return all.every((m) => m.executedAt !== undefined);
}
