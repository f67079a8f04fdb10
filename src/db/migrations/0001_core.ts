/**
 * @module Core tables: users, organizations, roles, members, sessions, audit events.
 * Typed `Kysely<any>` and importing nothing from the app: a migration stays frozen in time.
 */
import { PostgresAdapter, sql, type Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations must not depend on today's table types */
export async function up(db: Kysely<any>): Promise<void> {
  // Search keys compare byte-wise on PostgreSQL too, so a prefix is a plain index range whatever
  // the database's locale (SQLite compares byte-wise already).
  const bytewise = db.getExecutor().adapter instanceof PostgresAdapter ? sql`collate "C"` : sql``;
  await db.schema
    .createTable('users')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('username', 'varchar(64)', (c) => c.notNull())
    .addColumn('username_key', 'varchar(64)', (c) => c.notNull().unique())
    .addColumn('email', 'varchar(254)', (c) => c.notNull())
    .addColumn('email_key', 'varchar(254)', (c) => c.notNull().unique())
    .addColumn('password_hash', 'text')
    .addColumn('first_name', 'varchar(100)', (c) => c.notNull())
    .addColumn('last_name', 'varchar(100)', (c) => c.notNull())
    .addColumn('display_name', 'varchar(200)')
    .addColumn('alias', 'varchar(200)')
    .addColumn('title', 'varchar(200)')
    .addColumn('phone', 'varchar(50)')
    .addColumn('phone_extension', 'varchar(20)')
    .addColumn('address', 'varchar(500)')
    .addColumn('color', 'varchar(20)')
    .addColumn('click_to_dial', 'varchar(2000)')
    .addColumn('sender_emails', 'text', (c) => c.notNull())
    .addColumn('signature', 'varchar(2000)')
    .addColumn('super_admin', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_login_at', 'varchar(30)')
    .addColumn('accepted_terms_version', 'varchar(100)')
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('organizations')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    .addColumn('settings', 'text', (c) => c.notNull())
    .addColumn('created_by', 'varchar(36)')
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('roles')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('organization_id', 'varchar(36)', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('key', 'varchar(64)', (c) => c.notNull())
    .addColumn('name', 'varchar(100)', (c) => c.notNull())
    .addColumn('description', 'varchar(500)', (c) => c.notNull())
    .addColumn('permissions', 'text', (c) => c.notNull())
    .addColumn('builtin', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .addUniqueConstraint('roles_org_key_unique', ['organization_id', 'key'])
    .execute();

  await db.schema
    .createTable('members')
    .addColumn('organization_id', 'varchar(36)', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('user_id', 'varchar(36)', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('role', 'varchar(64)', (c) => c.notNull())
    .addColumn('status', 'varchar(10)', (c) => c.notNull())
    .addColumn('username_key', 'varchar(64)', (c) => c.modifyFront(bytewise).notNull())
    .addColumn('email_key', 'varchar(254)', (c) => c.modifyFront(bytewise).notNull())
    .addColumn('first_name_key', 'varchar(100)', (c) => c.modifyFront(bytewise).notNull())
    .addColumn('last_name_key', 'varchar(100)', (c) => c.modifyFront(bytewise).notNull())
    .addColumn('added_by', 'varchar(36)')
    .addColumn('added_via', 'varchar(20)', (c) => c.notNull())
    .addColumn('deactivated_at', 'varchar(30)')
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .addPrimaryKeyConstraint('members_pk', ['organization_id', 'user_id'])
    .execute();
  // The list is ordered by username within a status; each search column gets its own prefix index.
  await db.schema.createIndex('members_list_idx').on('members').columns(['organization_id', 'status', 'username_key']).execute();
  await db.schema.createIndex('members_email_idx').on('members').columns(['organization_id', 'status', 'email_key']).execute();
  await db.schema.createIndex('members_first_idx').on('members').columns(['organization_id', 'status', 'first_name_key']).execute();
  await db.schema.createIndex('members_last_idx').on('members').columns(['organization_id', 'status', 'last_name_key']).execute();
  await db.schema.createIndex('members_role_idx').on('members').columns(['organization_id', 'role', 'username_key']).execute();
  await db.schema.createIndex('members_user_idx').on('members').columns(['user_id']).execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('token_hash', 'varchar(64)', (c) => c.notNull().unique())
    .addColumn('user_id', 'varchar(36)', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('current_organization_id', 'varchar(36)')
    .addColumn('ip', 'varchar(64)')
    .addColumn('user_agent', 'varchar(500)')
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('last_seen_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('expires_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sessions_user_idx').on('sessions').columns(['user_id']).execute();

  await db.schema
    .createTable('audit_events')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('organization_id', 'varchar(36)')
    .addColumn('actor_user_id', 'varchar(36)')
    .addColumn('actor_display_name', 'varchar(200)', (c) => c.notNull())
    .addColumn('action', 'varchar(100)', (c) => c.notNull())
    .addColumn('target_type', 'varchar(50)', (c) => c.notNull())
    .addColumn('target_id', 'varchar(36)')
    .addColumn('target_display_name', 'varchar(200)')
    .addColumn('before', 'text')
    .addColumn('after', 'text')
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('audit_org_idx').on('audit_events').columns(['organization_id', 'id']).execute();
  await db.schema.createIndex('audit_org_actor_idx').on('audit_events').columns(['organization_id', 'actor_user_id', 'id']).execute();
  await db.schema.createIndex('audit_org_target_idx').on('audit_events').columns(['organization_id', 'target_id', 'id']).execute();
  await db.schema.createIndex('audit_org_action_idx').on('audit_events').columns(['organization_id', 'action', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['audit_events', 'sessions', 'members', 'roles', 'organizations', 'users']) {
    await db.schema.dropTable(table).execute();
  }
}
