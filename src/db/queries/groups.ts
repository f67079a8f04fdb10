/**
 * @module Queries on groups and their members, always within one organization. Groups list in name
 * order, keyset-paginated on (name key, id).
 */
import type { Kysely } from 'kysely';
import type { Group, MemberGroup } from '../../domain/types.js';
import type { Database, GroupRow } from '../schema.js';

type Db = Kysely<Database>;

export async function listGroups(db: Db, organizationId: string, after: [string, string] | undefined, limit: number): Promise<GroupRow[]> {
  let q = db.selectFrom('groups').selectAll().where('organization_id', '=', organizationId);
  if (after) {
    const [key, id] = after;
    q = q.where((eb) => eb.or([eb('name_key', '>', key), eb.and([eb('name_key', '=', key), eb('id', '>', id)])]));
  }
  return q.orderBy('name_key').orderBy('id').limit(limit).execute();
}

export async function findGroup(db: Db, organizationId: string, groupId: string): Promise<GroupRow | undefined> {
  return db.selectFrom('groups').selectAll().where('organization_id', '=', organizationId).where('id', '=', groupId).executeTakeFirst();
}

export async function findGroupsByIds(db: Db, organizationId: string, groupIds: readonly string[]): Promise<GroupRow[]> {
  if (groupIds.length === 0) return [];
  return db.selectFrom('groups').selectAll().where('organization_id', '=', organizationId).where('id', 'in', [...groupIds]).execute();
}

export async function findGroupByNameKey(db: Db, organizationId: string, nameKey: string): Promise<GroupRow | undefined> {
  return db.selectFrom('groups').selectAll().where('organization_id', '=', organizationId).where('name_key', '=', nameKey).executeTakeFirst();
}

export async function insertGroup(db: Db, row: GroupRow): Promise<void> {
  await db.insertInto('groups').values(row).execute();
}

/** Takes a group's write lock until the transaction ends (a write that changes nothing, as lockMember); false when no such group. */
export async function lockGroup(db: Db, organizationId: string, groupId: string): Promise<boolean> {
  const locked = await db.updateTable('groups').set((eb) => ({ name: eb.ref('name') })).where('organization_id', '=', organizationId).where('id', '=', groupId).executeTakeFirst();
  return Number(locked.numUpdatedRows) > 0;
}

export async function updateGroup(
  db: Db,
  organizationId: string,
  groupId: string,
  changes: Partial<Pick<GroupRow, 'name' | 'name_key' | 'description' | 'permissions'>> & { updated_at: string },
): Promise<void> {
  await db.updateTable('groups').set(changes).where('organization_id', '=', organizationId).where('id', '=', groupId).execute();
}

export async function deleteGroup(db: Db, organizationId: string, groupId: string): Promise<void> {
  // The foreign key cascades too; deleting the memberships first does not depend on it being enforced.
  await db.deleteFrom('group_members').where('organization_id', '=', organizationId).where('group_id', '=', groupId).execute();
  await db.deleteFrom('groups').where('organization_id', '=', organizationId).where('id', '=', groupId).execute();
}

/** How many members each of the groups has, in one query for a page of groups. */
export async function countGroupMembers(db: Db, organizationId: string, groupIds: readonly string[]): Promise<Map<string, number>> {
  if (groupIds.length === 0) return new Map();
  const rows = await db.selectFrom('group_members').select(['group_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('organization_id', '=', organizationId).where('group_id', 'in', [...groupIds])
    .groupBy('group_id').execute();
  return new Map(rows.map((r) => [r.group_id, Number(r.n)]));
}

/** The groups of each of the members, in name order, in one query for a page of members. */
export async function groupsOfMembers(db: Db, organizationId: string, userIds: readonly string[]): Promise<Map<string, MemberGroup[]>> {
  const byUser = new Map<string, MemberGroup[]>();
  if (userIds.length === 0) return byUser;
  const rows = await db.selectFrom('group_members as gm').innerJoin('groups as g', 'g.id', 'gm.group_id')
    .select(['gm.user_id', 'g.id', 'g.name'])
    .where('gm.organization_id', '=', organizationId).where('g.organization_id', '=', organizationId)
    .where('gm.user_id', 'in', [...new Set(userIds)])
    .orderBy('g.name_key').orderBy('g.id').execute();
  for (const r of rows) {
    let groups = byUser.get(r.user_id);
    if (!groups) byUser.set(r.user_id, (groups = []));
    groups.push({ id: r.id, name: r.name });
  }
  return byUser;
}

/** Puts one member in groups; groups they are in already stay as they are. Returns how many were added. */
export async function addMemberToGroups(db: Db, organizationId: string, userId: string, groupIds: readonly string[], at: string): Promise<number> {
  if (groupIds.length === 0) return 0;
  const result = await db.insertInto('group_members')
    .values(groupIds.map((groupId) => ({ organization_id: organizationId, group_id: groupId, user_id: userId, created_at: at })))
    .onConflict((oc) => oc.columns(['group_id', 'user_id']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0);
}

/** Takes one member out of groups. Returns how many memberships were removed. */
export async function removeMemberFromGroups(db: Db, organizationId: string, userId: string, groupIds: readonly string[]): Promise<number> {
  if (groupIds.length === 0) return 0;
  const result = await db.deleteFrom('group_members')
    .where('organization_id', '=', organizationId).where('user_id', '=', userId).where('group_id', 'in', [...groupIds])
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

export function toGroup(row: GroupRow, memberCount: number): Group {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    permissions: JSON.parse(row.permissions) as string[],
    memberCount,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
