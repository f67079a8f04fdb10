/**
 * @module Queries of CSV imports, always within one organization: the import records with their
 * progress, and what checking a whole file needs, read in sets rather than row by row.
 */
import { sql, SqliteAdapter, type Kysely } from 'kysely';
import type { Database, ImportRow, InvitationRow } from '../schema.js';

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
    .select(['id', 'organization_id', 'mode', 'status', 'total_rows', 'processed_rows', 'invited_rows', 'skipped_rows', 'created_by', 'created_at', 'finished_at'])
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

/**
 * Which of these addresses already belong to members. Naming both statuses lets the database look
 * each address up in the (organization, status, email) index instead of reading every member's entry.
 */
export async function memberEmailKeysAmong(db: Db, organizationId: string, emailKeys: readonly string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < emailKeys.length; i += CHUNK) {
    const rows = await db.selectFrom('members').select('email_key').where('organization_id', '=', organizationId)
      .where('status', 'in', ['active', 'inactive']).where('email_key', 'in', emailKeys.slice(i, i + CHUNK)).execute();
    for (const r of rows) found.add(r.email_key);
  }
  return found;
}

/**
 * The pending invitations to these addresses. On SQLite the query names its index: without
 * statistics the planner prefers (organization, status) and reads every pending invitation of the
 * organization on each call, which made a 100,000-row import quadratic; the partial unique index on
 * (organization, address) finds each address directly. PostgreSQL's planner has its statistics.
 */
export async function pendingInvitationsAmong(db: Db, organizationId: string, emailKeys: readonly string[]): Promise<InvitationRow[]> {
  const rows: InvitationRow[] = [];
  const sqlite = db.getExecutor().adapter instanceof SqliteAdapter;
  for (let i = 0; i < emailKeys.length; i += CHUNK) {
    const keys = emailKeys.slice(i, i + CHUNK);
    if (sqlite) {
      // The status is written out, not bound: only a literal lets SQLite prove the partial index applies.
      const found = await sql<InvitationRow>`select * from invitations indexed by invitations_pending_unique
        where organization_id = ${organizationId} and status = 'pending' and email_key in (${sql.join(keys)})`.execute(db);
      rows.push(...found.rows);
    } else {
      rows.push(...await db.selectFrom('invitations').selectAll().where('organization_id', '=', organizationId)
        .where('status', '=', 'pending').where('email_key', 'in', keys).execute());
    }
  }
  return rows;
}
