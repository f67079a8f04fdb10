/**
 * @module Sign-in sessions: a random 256-bit token goes to the browser, only its SHA-256 is stored,
 * and the server can end a session at any time. Sessions expire when idle and at an absolute age.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { RosterError } from '../domain/errors.js';
import { newId, now } from '../db/ids.js';
import { findMembership } from '../db/queries/members.js';
import { deleteSession, findSessionWithUser, insertSession, setSessionOrganization, touchSession } from '../db/queries/sessions.js';
import { findUserByLogin, updateUser } from '../db/queries/users.js';
import type { Database, UserRow } from '../db/schema.js';
import { inTransaction } from '../db/transaction.js';
import { record } from './audit.js';
import type { PasswordHasher } from './passwords.js';
import type { RequiredAction, RequiredActions, SignInContext } from './required-actions.js';
import { actorOf } from './users.js';

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

export interface SessionPolicy {
  idleMinutes: number;
  absoluteHours: number;
}

export interface ResolvedSession {
  sessionId: string;
  currentOrganizationId: string | null;
  /** Actions to complete before anything else (required-actions.ts). */
  pendingActions: RequiredAction[];
  user: UserRow;
}

/** Writing last-seen on every request would turn each read into a write; once a minute is enough. */
const TOUCH_INTERVAL_MS = 60_000;

export function createSessionService(db: Kysely<Database>, hasher: PasswordHasher, policy: SessionPolicy, requiredActions: RequiredActions) {
  async function start(user: UserRow, client: { ip?: string; userAgent?: string }, organizationId: string | null, context: SignInContext = {}) {
    const pending = await requiredActions.forSignIn(user, context);
    const token = randomBytes(32).toString('base64url');
    const at = new Date();
    await insertSession(db, {
      id: newId(), token_hash: hashToken(token), user_id: user.id, current_organization_id: organizationId,
      ip: client.ip ?? null, user_agent: client.userAgent?.slice(0, 500) ?? null,
      created_at: at.toISOString(), last_seen_at: at.toISOString(),
      expires_at: new Date(at.getTime() + policy.absoluteHours * 3_600_000).toISOString(),
      pending_actions: JSON.stringify(pending),
    });
    return { token, pendingActions: pending };
  }

  return {
    /** A session for a user who has just proved who they are (sign-up, sign-in). */
    start,

    async signIn(login: string, password: string, client: { ip?: string; userAgent?: string }): Promise<{ token: string; user: UserRow; pendingActions: RequiredAction[] }> {
      const user = await findUserByLogin(db, login);
      if (!user?.password_hash) {
        await hasher.verifyNothing(password);
        throw new RosterError('auth.invalid_credentials', 'The username or password is wrong');
      }
      if (!(await hasher.verify(user.password_hash, password))) {
        throw new RosterError('auth.invalid_credentials', 'The username or password is wrong');
      }
      const at = now();
      await inTransaction(db, async (trx) => {
        await updateUser(trx, user.id, { last_login_at: at });
        await record(trx, actorOf(user), { organizationId: null, action: 'user.signed_in', targetType: 'user', targetId: user.id, targetDisplayName: actorOf(user).displayName });
      });
      const signedIn = { ...user, last_login_at: at };
      const { token, pendingActions } = await start(signedIn, client, null, { password });
      return { token, user: signedIn, pendingActions };
    },

    async resolve(token: string): Promise<ResolvedSession | null> {
      if (token.length === 0 || token.length > 100) return null;
      const row = await findSessionWithUser(db, hashToken(token));
      if (!row) return null;
      const nowMs = Date.now();
      const lastSeen = Date.parse(row.last_seen_at);
      if (nowMs >= Date.parse(row.expires_at) || nowMs - lastSeen >= policy.idleMinutes * 60_000) {
        await deleteSession(db, row.session_id);
        return null;
      }
      if (nowMs - lastSeen > TOUCH_INTERVAL_MS) await touchSession(db, row.session_id, new Date(nowMs).toISOString());
      const { session_id, current_organization_id, pending_actions, last_seen_at: _l, expires_at: _e, ...user } = row;
      return { sessionId: session_id, currentOrganizationId: current_organization_id, pendingActions: JSON.parse(pending_actions) as RequiredAction[], user };
    },

    end: (sessionId: string) => deleteSession(db, sessionId),

    /** Remembers which organization the user is working in ("My Organizations", seed 001). */
    async switchOrganization(session: ResolvedSession, organizationId: string): Promise<void> {
      const membership = await findMembership(db, organizationId, session.user.id);
      if (!membership && session.user.super_admin !== 1) throw new RosterError('organization.not_found', 'No such organization', 'body.organizationId');
      if (membership && membership.status !== 'active') {
        throw new RosterError('organization.inactive_membership', 'Your membership in this organization is deactivated', 'body.organizationId');
      }
      await setSessionOrganization(db, session.sessionId, organizationId);
    },
  };
}

export type SessionService = ReturnType<typeof createSessionService>;
