/**
 * @module Queries on organizations (tenants) and their settings.
 */
import type { Kysely } from 'kysely';
import { DEFAULT_PASSWORD_POLICY } from '../../domain/password-policy.js';
import type { Organization, OrganizationSettings } from '../../domain/types.js';
import type { Database, OrganizationRow } from '../schema.js';

type Db = Kysely<Database>;

export const DEFAULT_SETTINGS: OrganizationSettings = {
  allowMemberDeletion: false,
  invitationLifetimeDays: 7,
  sessionIdleMinutes: null,
  sessionAbsoluteHours: null,
  passwordPolicy: DEFAULT_PASSWORD_POLICY,
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

/** The settings of every organization where the user is an active member, and of `alsoIds`. */
export async function settingsOfOrganizations(db: Db, userId: string | null, alsoIds: readonly string[] = []): Promise<OrganizationSettings[]> {
  if (userId === null && alsoIds.length === 0) return [];
  const rows = await db.selectFrom('organizations').select('settings').where((eb) => eb.or([
    ...(alsoIds.length > 0 ? [eb('id', 'in', [...alsoIds])] : []),
    ...(userId !== null ? [eb('id', 'in', eb.selectFrom('members').select('organization_id').where('user_id', '=', userId).where('status', '=', 'active'))] : []),
  ])).execute();
  return rows.map((r) => parseSettings(r.settings));
}

/** Stored settings over the defaults, so settings added later read as their default in older rows. */
export function parseSettings(json: string): OrganizationSettings {
  const stored = JSON.parse(json) as Partial<OrganizationSettings>;
  return { ...DEFAULT_SETTINGS, ...stored, passwordPolicy: { ...DEFAULT_PASSWORD_POLICY, ...stored.passwordPolicy } };
}

export function toOrganization(row: OrganizationRow): Organization {
  return {
    id: row.id,
    name: row.name,
    settings: parseSettings(row.settings),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
