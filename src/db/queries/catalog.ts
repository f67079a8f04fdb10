/**
 * @module Queries on an organization's catalogue: application permissions, modules, resource types
 * and resources registered by the host application.
 */
import type { Kysely } from 'kysely';
import { announceChange } from '../change-notices.js';
import type { Database } from '../schema.js';

type Db = Kysely<Database>;

export const listAppPermissions = (db: Db, organizationId: string) =>
  db.selectFrom('app_permissions').selectAll().where('organization_id', '=', organizationId).orderBy('key').execute();

export const findAppPermission = (db: Db, organizationId: string, key: string) =>
  db.selectFrom('app_permissions').selectAll().where('organization_id', '=', organizationId).where('key', '=', key).executeTakeFirst();

export const listModules = (db: Db, organizationId: string) =>
  db.selectFrom('modules').selectAll().where('organization_id', '=', organizationId).orderBy('name').execute();

export const findModule = (db: Db, organizationId: string, name: string) =>
  db.selectFrom('modules').selectAll().where('organization_id', '=', organizationId).where('name', '=', name).executeTakeFirst();

export const listResourceTypes = (db: Db, organizationId: string) =>
  db.selectFrom('resource_types').selectAll().where('organization_id', '=', organizationId).orderBy('key').execute();

export const findResourceType = (db: Db, organizationId: string, key: string) =>
  db.selectFrom('resource_types').selectAll().where('organization_id', '=', organizationId).where('key', '=', key).executeTakeFirst();

export async function listResources(db: Db, organizationId: string, type: string, after: string | null, limit: number) {
  let q = db.selectFrom('resources').selectAll().where('organization_id', '=', organizationId).where('type', '=', type);
  if (after !== null) q = q.where('id', '>', after);
  return q.orderBy('id').limit(limit).execute();
}

export async function findResources(db: Db, organizationId: string, type: string, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('resources').select('id').where('organization_id', '=', organizationId).where('type', '=', type).where('id', 'in', [...ids]).execute();
}

/**
 * Removes a permission from every role, group, override and API key of the organization, so a
 * permission dropped from the catalogue grants nothing any more, and registering it again later
 * does not bring back a grant made before.
 */
export async function purgePermissions(db: Db, organizationId: string, isPurged: (permission: string) => boolean): Promise<void> {
  const changedKeys: string[] = [];
  for (const table of ['roles', 'groups', 'api_keys'] as const) {
    const rows = await db.selectFrom(table).select(['id', 'permissions']).where('organization_id', '=', organizationId).execute();
    for (const row of rows) {
      const permissions = JSON.parse(row.permissions) as string[];
      const kept = permissions.filter((p) => !isPurged(p));
      if (kept.length === permissions.length) continue;
      await db.updateTable(table).set({ permissions: JSON.stringify(kept) }).where('id', '=', row.id).execute();
      if (table === 'api_keys') changedKeys.push(row.id);
    }
  }
  // Keys are served from each process's key cache, which hears of its rows' changes this way.
  await announceChange(db, 'api_key', changedKeys);
  const overrides = await db.selectFrom('member_permissions').select('permission').distinct().where('organization_id', '=', organizationId).execute();
  const purged = overrides.map((o) => o.permission).filter(isPurged);
  if (purged.length > 0) await db.deleteFrom('member_permissions').where('organization_id', '=', organizationId).where('permission', 'in', purged).execute();
}
