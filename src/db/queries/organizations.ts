/**
 * @module Queries on organizations (tenants) and their settings.
 */
import type { Kysely } from 'kysely';
import type { Organization, OrganizationSettings } from '../../domain/types.js';
import type { Database, OrganizationRow } from '../schema.js';

type Db = Kysely<Database>;

export const DEFAULT_SETTINGS: OrganizationSettings = {
  allowMemberDeletion: false,
  invitationLifetimeDays: 7,
  sessionIdleMinutes: null,
  sessionAbsoluteHours: null,
};

export async function findOrganization(db: Db, organizationId: string): Promise<OrganizationRow | undefined> {
  return db.selectFrom('organizations').selectAll().where('id', '=', organizationId).executeTakeFirst();
}

export async function insertOrganization(db: Db, row: OrganizationRow): Promise<void> {
  await db.insertInto('organizations').values(row).execute();
}

export async function updateOrganization(db: Db, organizationId: string, changes: { name?: string; settings?: string; updated_at: string }): Promise<void> {
  await db.updateTable('organizations').set(changes).where('id', '=', organizationId).execute();
}

/** Every organization of the instance, for super admins, by id (creation order). */
export async function listAllOrganizations(db: Db, after: string | null, limit: number): Promise<OrganizationRow[]> {
  let q = db.selectFrom('organizations').selectAll().orderBy('id').limit(limit);
  if (after) q = q.where('id', '>', after);
  return q.execute();
}

export function toOrganization(row: OrganizationRow): Organization {
  return {
    id: row.id,
    name: row.name,
    settings: { ...DEFAULT_SETTINGS, ...(JSON.parse(row.settings) as Partial<OrganizationSettings>) },
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
