/**
 * @module Queries on a member's user-specific permissions (allow / deny overrides, seed 002) and
 * resource grants (seed 003), always within one organization.
 */
import type { Kysely } from 'kysely';
import type { Effect } from '../../domain/access-model.js';
import type { Database } from '../schema.js';

type Db = Kysely<Database>;

export const listOverrides = (db: Db, organizationId: string, userId: string) =>
  db.selectFrom('member_permissions').select(['permission', 'effect']).where('organization_id', '=', organizationId).where('user_id', '=', userId).orderBy('permission').execute();

export async function setOverride(db: Db, organizationId: string, userId: string, permission: string, effect: Effect | 'inherit'): Promise<void> {
  await db.deleteFrom('member_permissions').where('organization_id', '=', organizationId).where('user_id', '=', userId).where('permission', '=', permission).execute();
  if (effect !== 'inherit') await db.insertInto('member_permissions').values({ organization_id: organizationId, user_id: userId, permission, effect }).execute();
}

export const listGrantedResources = (db: Db, organizationId: string, userId: string) =>
  db.selectFrom('member_resources').select(['type', 'resource_id']).where('organization_id', '=', organizationId).where('user_id', '=', userId).orderBy('type').orderBy('resource_id').execute();

export async function replaceGrantedResources(db: Db, organizationId: string, userId: string, type: string, ids: readonly string[]): Promise<void> {
  await db.deleteFrom('member_resources').where('organization_id', '=', organizationId).where('user_id', '=', userId).where('type', '=', type).execute();
  if (ids.length > 0) {
    await db.insertInto('member_resources').values(ids.map((resource_id) => ({ organization_id: organizationId, user_id: userId, type, resource_id }))).execute();
  }
}

export async function countGrantedResources(db: Db, organizationId: string, userId: string, type: string): Promise<number> {
  const row = await db.selectFrom('member_resources').select((eb) => eb.fn.countAll<number>().as('n'))
    .where('organization_id', '=', organizationId).where('user_id', '=', userId).where('type', '=', type).executeTakeFirstOrThrow();
  return Number(row.n);
}
