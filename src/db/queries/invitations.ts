/**
 * @module Queries on invitations, always within one organization except the look-up by token hash,
 * which is how an invitee (who belongs to no organization yet) is recognised.
 */
import type { Kysely } from 'kysely';
import type { Database, InvitationRow, InvitationStatus } from '../schema.js';

type Db = Kysely<Database>;

export const findInvitation = (db: Db, organizationId: string, id: string) =>
  db.selectFrom('invitations').selectAll().where('organization_id', '=', organizationId).where('id', '=', id).executeTakeFirst();

export const findInvitationByTokenHash = (db: Db, tokenHash: string) =>
  db.selectFrom('invitations').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();

export async function findPendingByEmails(db: Db, organizationId: string, emailKeys: readonly string[]): Promise<InvitationRow[]> {
  const rows: InvitationRow[] = [];
  for (let i = 0; i < emailKeys.length; i += 500) {
    rows.push(...await db.selectFrom('invitations').selectAll().where('organization_id', '=', organizationId)
      .where('status', '=', 'pending').where('email_key', 'in', emailKeys.slice(i, i + 500)).execute());
  }
  return rows;
}

/** Which of these addresses already belong to members of the organization. */
export async function memberEmailKeys(db: Db, organizationId: string, emailKeys: readonly string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < emailKeys.length; i += 500) {
    const rows = await db.selectFrom('members').select('email_key').where('organization_id', '=', organizationId)
      .where('email_key', 'in', emailKeys.slice(i, i + 500)).execute();
    for (const r of rows) found.add(r.email_key);
  }
  return found;
}

export async function insertInvitations(db: Db, rows: InvitationRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 100) await db.insertInto('invitations').values(rows.slice(i, i + 100)).execute();
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
