/**
 * @module Account security: password history and age, terms documents and acceptances, sign-in
 * throttling shared by every process, password reset tokens, and the actions a session must
 * complete before anything else (accept terms, change password).
 */
import type { Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations must not depend on today's table types */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('users').addColumn('password_changed_at', 'varchar(30)').execute();
  await db.schema.alterTable('users').addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('sessions').addColumn('pending_actions', 'text', (c) => c.notNull().defaultTo('[]')).execute();

  await db.schema
    .createTable('password_history')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('user_id', 'varchar(36)', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('password_history_user_idx').on('password_history').columns(['user_id', 'id']).execute();

  // organization_id null: the instance's own terms, which every user accepts.
  await db.schema
    .createTable('terms')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('organization_id', 'varchar(36)', (c) => c.references('organizations.id').onDelete('cascade'))
    .addColumn('version', 'varchar(100)', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('published_by', 'varchar(36)')
    .addColumn('published_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('terms_scope_idx').on('terms').columns(['organization_id', 'id']).execute();

  await db.schema
    .createTable('terms_acceptances')
    .addColumn('user_id', 'varchar(36)', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('terms_id', 'varchar(36)', (c) => c.notNull().references('terms.id').onDelete('cascade'))
    .addColumn('accepted_at', 'varchar(30)', (c) => c.notNull())
    .addPrimaryKeyConstraint('terms_acceptances_pk', ['user_id', 'terms_id'])
    .execute();

  await db.schema
    .createTable('auth_throttle')
    .addColumn('key', 'varchar(300)', (c) => c.primaryKey())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('window_started_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('locked_until', 'varchar(30)')
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('password_resets')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('user_id', 'varchar(36)', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('token_hash', 'varchar(64)', (c) => c.notNull().unique())
    .addColumn('requested_by', 'varchar(36)')
    .addColumn('expires_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('used_at', 'varchar(30)')
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('password_resets_user_idx').on('password_resets').columns(['user_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['password_resets', 'auth_throttle', 'terms_acceptances', 'terms', 'password_history']) await db.schema.dropTable(table).execute();
  await db.schema.alterTable('sessions').dropColumn('pending_actions').execute();
  await db.schema.alterTable('users').dropColumn('must_change_password').execute();
  await db.schema.alterTable('users').dropColumn('password_changed_at').execute();
}
