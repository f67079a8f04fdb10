/**
 * @module Queries on roles, always within one organization.
 */
import type { Kysely } from 'kysely';
import type { Role } from '../../domain/types.js';
import type { Database, RoleRow } from '../schema.js';

type Db = Kysely<Database>;

export async function listRoles(db: Db, organizationId: string): Promise<RoleRow[]> {
  return db.selectFrom('roles').selectAll().where('organization_id', '=', organizationId).orderBy('builtin', 'desc').orderBy('key').execute();
}

export async function findRole(db: Db, organizationId: string, key: string): Promise<RoleRow | undefined> {
  return db.selectFrom('roles').selectAll().where('organization_id', '=', organizationId).where('key', '=', key).executeTakeFirst();
}

export async function insertRoles(db: Db, rows: RoleRow[]): Promise<void> {
  await db.insertInto('roles').values(rows).execute();
}

export async function updateRole(db: Db, organizationId: string, key: string, changes: Partial<Pick<RoleRow, 'name' | 'description' | 'permissions'>> & { updated_at: string }): Promise<void> {
  await db.updateTable('roles').set(changes).where('organization_id', '=', organizationId).where('key', '=', key).execute();
}

export async function deleteRole(db: Db, organizationId: string, key: string): Promise<void> {
  await db.deleteFrom('roles').where('organization_id', '=', organizationId).where('key', '=', key).execute();
}

export async function countMembersWithRole(db: Db, organizationId: string, key: string): Promise<number> {
  const row = await db.selectFrom('members').select((eb) => eb.fn.countAll<number>().as('n'))
    .where('organization_id', '=', organizationId).where('role', '=', key).executeTakeFirstOrThrow();
  return Number(row.n);
}

export function toRole(row: RoleRow): Role {
  return {
    id: row.id,
    key: row.key,
    name: row.name,
    description: row.description,
    permissions: JSON.parse(row.permissions) as string[],
    builtin: row.builtin === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
