/**
 * @module Queries on sign-in sessions. Only the SHA-256 of a session token is stored.
 */
import type { Kysely } from 'kysely';
import type { Insertable } from 'kysely';
import type { Database, SessionRow, SessionsTable } from '../schema.js';

type Db = Kysely<Database>;

export async function insertSession(db: Db, row: Insertable<SessionsTable>): Promise<void> {
  await db.insertInto('sessions').values(row).execute();
}

export async function findSessionByTokenHash(db: Db, tokenHash: string): Promise<SessionRow | undefined> {
  return db.selectFrom('sessions').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
}

export async function touchSession(db: Db, id: string, lastSeenAt: string): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: lastSeenAt }).where('id', '=', id).execute();
}

export async function setSessionOrganization(db: Db, id: string, organizationId: string | null): Promise<void> {
  await db.updateTable('sessions').set({ current_organization_id: organizationId }).where('id', '=', id).execute();
}

export async function deleteSession(db: Db, id: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', id).execute();
}

/** The session and its user in one round trip: this runs on every authenticated request. */
export async function findSessionWithUser(db: Db, tokenHash: string) {
  return db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select(['s.id as session_id', 's.current_organization_id', 's.last_seen_at', 's.expires_at', 's.pending_actions'])
    .selectAll('u')
    .where('s.token_hash', '=', tokenHash)
    .executeTakeFirst();
}

/** Sets what the user's sessions still have to do, e.g. after the terms were accepted in one of them. */
export async function setPendingActions(db: Db, sessionIds: readonly string[], pendingActions: readonly string[]): Promise<void> {
  if (sessionIds.length === 0) return;
  await db.updateTable('sessions').set({ pending_actions: JSON.stringify(pendingActions) }).where('id', 'in', [...sessionIds]).execute();
}
