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

/** Takes a role's write lock until the transaction ends (a write that changes nothing, as lockMember); false when no such role. */
export async function lockRole(db: Db, organizationId: string, key: string): Promise<boolean> {
  const locked = await db.updateTable('roles').set((eb) => ({ name: eb.ref('name') })).where('organization_id', '=', organizationId).where('key', '=', key).executeTakeFirst();
  return Number(locked.numUpdatedRows) > 0;
}

export async function updateRole(db: Db, organizationId: string, key: string, changes: Partial<Pick<RoleRow, 'name' | 'description' | 'permissions' | 'resource_scopes'>> & { updated_at: string }): Promise<void> {
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

/** Members of a role who do not hold exactly one resource of a type (seed 003: a Partner sees exactly one partner). */
export async function countMembersWithoutExactlyOne(db: Db, organizationId: string, roleKey: string, type: string): Promise<number> {
  const rows = await db.selectFrom('members as m')
    .leftJoin('member_resources as r', (j) => j.onRef('r.organization_id', '=', 'm.organization_id').onRef('r.user_id', '=', 'm.user_id').on('r.type', '=', type))
    .select(['m.user_id', (eb) => eb.fn.count<number>('r.resource_id').as('n')])
    .where('m.organization_id', '=', organizationId).where('m.role', '=', roleKey)
    .groupBy('m.user_id')
    .execute();
  return rows.filter((r) => Number(r.n) !== 1).length;
}

export function toRole(row: RoleRow): Role {
  return {
    id: row.id,
    key: row.key,
    name: row.name,
    description: row.description,
    permissions: JSON.parse(row.permissions) as string[],
    builtin: row.builtin === 1,
    resourceScopes: JSON.parse(row.resource_scopes) as Role['resourceScopes'],
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
