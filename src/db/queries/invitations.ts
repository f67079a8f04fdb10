/**
 * @module Queries on invitations, always within one organization except the look-up by token hash,
 * which is how an invitee (who belongs to no organization yet) is recognised.
 */
import { sql, SqliteAdapter, type Kysely } from 'kysely';
import type { Database, InvitationRow, InvitationStatus } from '../schema.js';

type Db = Kysely<Database>;

// Addresses per IN list: well under the bound-parameter limit of either database.
const LOOKUP_CHUNK = 500;

export const findInvitation = (db: Db, organizationId: string, id: string) =>
  db.selectFrom('invitations').selectAll().where('organization_id', '=', organizationId).where('id', '=', id).executeTakeFirst();

export const findInvitationByTokenHash = (db: Db, tokenHash: string) =>
  db.selectFrom('invitations').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();

/**
 * Which of these addresses already belong to members. Naming both statuses lets the database look
 * each address up in the (organization, status, email) index instead of reading every member's entry.
 */
export async function memberEmailKeys(db: Db, organizationId: string, emailKeys: readonly string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < emailKeys.length; i += LOOKUP_CHUNK) {
    const rows = await db.selectFrom('members').select('email_key').where('organization_id', '=', organizationId)
      .where('status', 'in', ['active', 'inactive']).where('email_key', 'in', emailKeys.slice(i, i + LOOKUP_CHUNK)).execute();
    for (const r of rows) found.add(r.email_key);
  }
  return found;
}

/**
 * The pending invitations to these addresses, locked until the transaction ends on PostgreSQL, so two
 * requests refreshing the same invitation take turns and the second sees the first one's change
 * (SQLite runs one transaction at a time anyway). On SQLite the query names its index: without
 * statistics the planner prefers (organization, status) and reads every pending invitation of the
 * organization on each call, which made a 100,000-row import quadratic; the partial unique index on
 * (organization, address) finds each address directly. PostgreSQL's planner has its statistics.
 */
export async function findPendingByEmails(db: Db, organizationId: string, emailKeys: readonly string[]): Promise<InvitationRow[]> {
  const rows: InvitationRow[] = [];
  const sqlite = db.getExecutor().adapter instanceof SqliteAdapter;
  for (let i = 0; i < emailKeys.length; i += LOOKUP_CHUNK) {
    const keys = emailKeys.slice(i, i + LOOKUP_CHUNK);
    if (sqlite) {
      // The status is written out, not bound: only a literal lets SQLite prove the partial index applies.
      const found = await sql<InvitationRow>`select * from invitations indexed by invitations_pending_unique
        where organization_id = ${organizationId} and status = 'pending' and email_key in (${sql.join(keys)})`.execute(db);
      rows.push(...found.rows);
    } else {
      rows.push(...await db.selectFrom('invitations').selectAll().where('organization_id', '=', organizationId)
        .where('status', '=', 'pending').where('email_key', 'in', keys).forUpdate().execute());
    }
  }
  return rows;
}

export async function insertInvitations(db: Db, rows: InvitationRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 100) await db.insertInto('invitations').values(rows.slice(i, i + 100)).execute();
}

/**
 * Inserts the new invitations whose address has no pending invitation yet, and says which ids went
 * in. An address another transaction invited since this one looked (another request, another
 * process) is skipped on the unique index of pending invitations (organization, address) instead of
 * failing the whole request; PostgreSQL waits for that transaction to end before deciding.
 */
export async function insertInvitationsUnlessPending(db: Db, rows: InvitationRow[]): Promise<Set<string>> {
  const inserted = new Set<string>();
  for (let i = 0; i < rows.length; i += 100) {
    const done = await db.insertInto('invitations').values(rows.slice(i, i + 100))
      // The index is partial: naming its predicate, as a literal, is how both databases find it.
      .onConflict((oc) => oc.columns(['organization_id', 'email_key']).where(sql.ref('status'), '=', sql.lit('pending')).doNothing())
      .returning('id').execute();
    for (const r of done) inserted.add(r.id);
  }
  return inserted;
}

export async function updateInvitation(db: Db, organizationId: string, id: string, changes: Partial<Omit<InvitationRow, 'id' | 'organization_id'>>): Promise<void> {
  await db.updateTable('invitations').set(changes).where('organization_id', '=', organizationId).where('id', '=', id).execute();
}

export async function listInvitations(db: Db, organizationId: string, f: { status?: InvitationStatus; before?: string; limit: number }): Promise<InvitationRow[]> {
  let q = db.selectFrom('invitations').selectAll().where('organization_id', '=', organizationId);
  if (f.status) q = q.where('status', '=', f.status);
  if (f.before) q = q.where('id', '<', f.before);
  return q.orderBy('id', 'desc').limit(f.limit).execute();
}
