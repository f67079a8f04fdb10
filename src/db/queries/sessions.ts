/**
 * @module Queries on sign-in sessions. Only the SHA-256 of a session token is stored.
 */
import type { Kysely } from 'kysely';
import type { Insertable } from 'kysely';
import { sql } from 'kysely';
import { announceChange, CHANGES_CHANNEL, noticeOf } from '../change-notices.js';
import { isPostgres } from '../dialect.js';
import { PREPARED } from '../postgres-prepared.js';
import type { AuditEventRow, Database, SessionRow, SessionsTable, UserRow } from '../schema.js';
import { inTransaction } from '../transaction.js';
import { insertAuditEvents } from './audit-events.js';
import { updateUser } from './users.js';

type Db = Kysely<Database>;

export type NewSessionRow = Insertable<SessionsTable>;

export async function insertSession(db: Db, row: Insertable<SessionsTable>): Promise<void> {
  await db.insertInto('sessions').values(row).execute();
}

export async function findSessionByTokenHash(db: Db, tokenHash: string): Promise<SessionRow | undefined> {
  return db.selectFrom('sessions').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
}

/**
 * A sign-in's writes: the user's last login, its audit event, the new session and, when the lockout
 * counters are in the database, forgetting the account's failures (`counterKey`), atomically. On
 * PostgreSQL they are one prepared statement (data-modifying CTEs, with the change notice), because
 * a sign-in's cost besides its password hash is mostly round trips; on SQLite one transaction.
 */
export async function recordSignIn(
  db: Db, user: Pick<UserRow, 'id' | 'last_login_at'>, audit: AuditEventRow, session: NewSessionRow, counterKey: string | null,
): Promise<void> {
  if (!isPostgres(db)) {
    await inTransaction(db, async (trx) => {
      await updateUser(trx, user.id, { last_login_at: user.last_login_at });
      await insertAuditEvents(trx, [audit]);
      await insertSession(trx, session);
      if (counterKey !== null) await trx.deleteFrom('auth_throttle').where('key', '=', counterKey).execute();
    });
    return;
  }
  const payload = noticeOf(db, 'user', [user.id]);
  await db
    .with('u', (q) => q.updateTable('users').set({ last_login_at: user.last_login_at }).where('id', '=', user.id).returning('id'))
    .with('a', (q) => q.insertInto('audit_events').values(audit).returning('id'))
    .with('s', (q) => q.insertInto('sessions').values(session).returning('id'))
    .with('t', (q) => q.deleteFrom('auth_throttle').where((eb) => (counterKey === null ? eb.lit(false) : eb('key', '=', counterKey))).returning('key'))
    .selectNoFrom(sql`pg_notify(${CHANGES_CHANNEL}, ${payload})`.as('notified'))
    .modifyEnd(PREPARED)
    .execute();
  noticeOf(db, 'user', [user.id]);
}

/** Records activity and, when given, the session's latest end as the timeouts now in force put it. */
export async function touchSession(db: Db, id: string, lastSeenAt: string, expiresAt?: string): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: lastSeenAt, ...(expiresAt ? { expires_at: expiresAt } : {}) }).where('id', '=', id).execute();
  await announceChange(db, 'session', [id]);
}

export async function setSessionOrganization(db: Db, id: string, organizationId: string | null): Promise<void> {
  await db.updateTable('sessions').set({ current_organization_id: organizationId }).where('id', '=', id).execute();
  await announceChange(db, 'session', [id]);
}

export async function deleteSession(db: Db, id: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', id).execute();
  await announceChange(db, 'session', [id]);
}

/** The session and its user in one round trip: this runs on every authenticated request. */
export async function findSessionWithUser(db: Db, tokenHash: string) {
  return db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select(['s.id as session_id', 's.current_organization_id', 's.created_at as session_created_at', 's.last_seen_at', 's.expires_at', 's.pending_actions'])
    .selectAll('u')
    .where('s.token_hash', '=', tokenHash)
    .executeTakeFirst();
}

/** Sets what the user's sessions still have to do, e.g. after the terms were accepted in one of them. */
export async function setPendingActions(db: Db, sessionIds: readonly string[], pendingActions: readonly string[]): Promise<void> {
  if (sessionIds.length === 0) return;
  await db.updateTable('sessions').set({ pending_actions: JSON.stringify(pendingActions) }).where('id', 'in', [...sessionIds]).execute();
  await announceChange(db, 'session', sessionIds);
}

/** Ends every session of the user, or every one but `exceptId` (a password change keeps the session that made it). */
export async function deleteUserSessions(db: Db, userId: string, exceptId?: string): Promise<number> {
  let q = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (exceptId) q = q.where('id', '!=', exceptId);
  const result = await q.executeTakeFirst();
  await announceChange(db, 'user', [userId]);
  return Number(result.numDeletedRows);
}

/** One of the user's sessions, ended; 0 when the user has no session of that id. */
export async function deleteUserSession(db: Db, userId: string, sessionId: string): Promise<number> {
  const result = await db.deleteFrom('sessions').where('user_id', '=', userId).where('id', '=', sessionId).executeTakeFirst();
  await announceChange(db, 'session', [sessionId]);
  return Number(result.numDeletedRows);
}

/** The user's sessions, most recently used first; the token hash stays here. */
export async function listUserSessions(db: Db, userId: string) {
  return db.selectFrom('sessions')
    .select(['id', 'current_organization_id', 'ip', 'user_agent', 'created_at', 'last_seen_at', 'expires_at', 'pending_actions'])
    .where('user_id', '=', userId)
    .orderBy('last_seen_at', 'desc').orderBy('id', 'desc')
    .execute();
}

/**
 * Deletes up to `limit` sessions whose stored end is at or before `endedBy`, or whose last activity
 * is at or before `idleSince`: rows no request can use any more. Each condition has its index
 * (migration 0009). On PostgreSQL rows another transaction holds are skipped, not waited for, so
 * processes sweeping at once, or a sweep beside a sign-out, never wait on each other or deadlock;
 * a skipped row is left to a later sweep. Nothing is announced: the caches refuse these sessions
 * already by the same times (services/sessions.ts).
 */
export async function deleteExpiredSessions(db: Db, endedBy: string, idleSince: string, limit: number): Promise<number> {
  const expired = db.selectFrom('sessions').select('id')
    .where((eb) => eb.or([eb('expires_at', '<=', endedBy), eb('last_seen_at', '<=', idleSince)]))
    .limit(limit);
  // `= any(array(…))` rather than `in (…)`: PostgreSQL then looks the ids up by primary key instead
  // of planning a hash join over every session.
  const result = isPostgres(db)
    ? await db.deleteFrom('sessions').where(sql<boolean>`id = any(array(${expired.forUpdate().skipLocked()}))`).executeTakeFirst()
    : await db.deleteFrom('sessions').where('id', 'in', expired).executeTakeFirst();
  return Number(result.numDeletedRows);
}
