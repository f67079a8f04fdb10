/**
 * @module Queries of CSV imports, always within one organization: the import records with their
 * progress, and what checking a whole file needs, read in sets rather than row by row.
 */
import type { Kysely } from 'kysely';
import type { Database, ImportRow } from '../schema.js';

type Db = Kysely<Database>;

/** Keys per `in (…)` list: under SQLite's bound-parameter limit, and a plan PostgreSQL caches well. */
const CHUNK = 500;

export async function insertImport(db: Db, row: ImportRow): Promise<void> {
  await db.insertInto('imports').values(row).execute();
}

export async function updateImport(db: Db, organizationId: string, id: string, changes: Partial<Omit<ImportRow, 'id' | 'organization_id'>>): Promise<void> {
  await db.updateTable('imports').set(changes).where('organization_id', '=', organizationId).where('id', '=', id).execute();
}

export const findImport = (db: Db, organizationId: string, id: string) =>
  db.selectFrom('imports').selectAll().where('organization_id', '=', organizationId).where('id', '=', id).executeTakeFirst();

/** Newest first, without the problem lists (which can be long); ids are time-ordered, so the id is the keyset. */
export async function listImports(db: Db, organizationId: string, f: { before?: string; limit: number }) {
  let q = db.selectFrom('imports')
    .select(['id', 'organization_id', 'mode', 'status', 'total_rows', 'processed_rows', 'invited_rows', 'skipped_rows', 'created_by', 'created_at', 'finished_at', 'heartbeat_at'])
    .where('organization_id', '=', organizationId);
  if (f.before) q = q.where('id', '<', f.before);
  return q.orderBy('id', 'desc').limit(f.limit).execute();
}

/** The catalogue an import file is checked against: roles, groups, application permissions, modules and resource types. */
export async function loadImportCatalog(db: Db, organizationId: string) {
  const roles = await db.selectFrom('roles').select(['key', 'permissions', 'resource_scopes']).where('organization_id', '=', organizationId).execute();
  const groups = await db.selectFrom('groups').select(['id', 'name', 'name_key', 'permissions']).where('organization_id', '=', organizationId).execute();
  const appPermissions = await db.selectFrom('app_permissions').select(['key', 'allowed_roles']).where('organization_id', '=', organizationId).execute();
  const modules = await db.selectFrom('modules').select('name').where('organization_id', '=', organizationId).execute();
  const resourceTypes = await db.selectFrom('resource_types').select('key').where('organization_id', '=', organizationId).execute();
  return { roles, groups, appPermissions, modules: modules.map((m) => m.name), resourceTypes: resourceTypes.map((t) => t.key) };
}

/** Which of these resource ids of one type exist. */
export async function existingResourceIds(db: Db, organizationId: string, type: string, ids: readonly string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < ids.length; i += CHUNK) {
    const rows = await db.selectFrom('resources').select('id').where('organization_id', '=', organizationId).where('type', '=', type)
      .where('id', 'in', ids.slice(i, i + CHUNK)).execute();
    for (const r of rows) found.add(r.id);
  }
  return found;
}

