/**
 * @module The access model of seeds 002 and 003: application permissions and modules, groups and
 * their members, user-specific overrides, resource types, resources and grants, API keys, and a
 * per-organization access version that decision caches compare against.
 */
import type { Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations must not depend on today's table types */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('roles').addColumn('resource_scopes', 'text', (c) => c.notNull().defaultTo('{}')).execute();

  await db.schema
    .createTable('app_permissions')
    .addColumn('organization_id', 'varchar(36)', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('key', 'varchar(200)', (c) => c.notNull())
    .addColumn('description', 'varchar(500)', (c) => c.notNull())
    .addColumn('allowed_roles', 'text')
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addPrimaryKeyConstraint('app_permissions_pk', ['organization_id', 'key'])
    .execute();

  await db.schema
    .createTable('modules')
    .addColumn('organization_id', 'varchar(36)', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('name', 'varchar(100)', (c) => c.notNull())
    .addColumn('description', 'varchar(500)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addPrimaryKeyConstraint('modules_pk', ['organization_id', 'name'])
    .execute();

  await db.schema
    .createTable('groups')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('organization_id', 'varchar(36)', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('name', 'varchar(100)', (c) => c.notNull())
    .addColumn('name_key', 'varchar(100)', (c) => c.notNull())
    .addColumn('description', 'varchar(500)', (c) => c.notNull())
    .addColumn('permissions', 'text', (c) => c.notNull())
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .addUniqueConstraint('groups_org_name_unique', ['organization_id', 'name_key'])
    .execute();

  await db.schema
    .createTable('group_members')
    .addColumn('organization_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('group_id', 'varchar(36)', (c) => c.notNull().references('groups.id').onDelete('cascade'))
    .addColumn('user_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addPrimaryKeyConstraint('group_members_pk', ['group_id', 'user_id'])
    .addForeignKeyConstraint('group_members_member_fk', ['organization_id', 'user_id'], 'members', ['organization_id', 'user_id'], (c) => c.onDelete('cascade'))
    .execute();
  await db.schema.createIndex('group_members_user_idx').on('group_members').columns(['organization_id', 'user_id']).execute();

  await db.schema
    .createTable('member_permissions')
    .addColumn('organization_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('user_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('permission', 'varchar(200)', (c) => c.notNull())
    .addColumn('effect', 'varchar(5)', (c) => c.notNull())
    .addPrimaryKeyConstraint('member_permissions_pk', ['organization_id', 'user_id', 'permission'])
    .addForeignKeyConstraint('member_permissions_member_fk', ['organization_id', 'user_id'], 'members', ['organization_id', 'user_id'], (c) => c.onDelete('cascade'))
    .execute();

  await db.schema
    .createTable('resource_types')
    .addColumn('organization_id', 'varchar(36)', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('key', 'varchar(64)', (c) => c.notNull())
    .addColumn('name', 'varchar(100)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addPrimaryKeyConstraint('resource_types_pk', ['organization_id', 'key'])
    .execute();

  await db.schema
    .createTable('resources')
    .addColumn('organization_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('type', 'varchar(64)', (c) => c.notNull())
    .addColumn('id', 'varchar(200)', (c) => c.notNull())
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addPrimaryKeyConstraint('resources_pk', ['organization_id', 'type', 'id'])
    .addForeignKeyConstraint('resources_type_fk', ['organization_id', 'type'], 'resource_types', ['organization_id', 'key'], (c) => c.onDelete('cascade'))
    .execute();

  await db.schema
    .createTable('member_resources')
    .addColumn('organization_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('user_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('type', 'varchar(64)', (c) => c.notNull())
    .addColumn('resource_id', 'varchar(200)', (c) => c.notNull())
    .addPrimaryKeyConstraint('member_resources_pk', ['organization_id', 'user_id', 'type', 'resource_id'])
    .addForeignKeyConstraint('member_resources_member_fk', ['organization_id', 'user_id'], 'members', ['organization_id', 'user_id'], (c) => c.onDelete('cascade'))
    .addForeignKeyConstraint('member_resources_resource_fk', ['organization_id', 'type', 'resource_id'], 'resources', ['organization_id', 'type', 'id'], (c) => c.onDelete('cascade'))
    .execute();

  await db.schema
    .createTable('api_keys')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('organization_id', 'varchar(36)', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('name', 'varchar(100)', (c) => c.notNull())
    .addColumn('prefix', 'varchar(20)', (c) => c.notNull().unique())
    .addColumn('secret_hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('permissions', 'text', (c) => c.notNull())
    .addColumn('created_by', 'varchar(36)')
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('last_used_at', 'varchar(30)')
    .addColumn('expires_at', 'varchar(30)')
    .addColumn('revoked_at', 'varchar(30)')
    .execute();
  await db.schema.createIndex('api_keys_org_idx').on('api_keys').columns(['organization_id', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['api_keys', 'member_resources', 'resources', 'resource_types', 'member_permissions', 'group_members', 'groups', 'modules', 'app_permissions']) {
    await db.schema.dropTable(table).execute();
  }
  await db.schema.alterTable('roles').dropColumn('resource_scopes').execute();
}
