/**
 * @module Sign-in sessions: a random 256-bit token goes to the browser, only its SHA-256 is stored,
 * and the server can end a session at any time. Sessions expire when idle and at an absolute age,
 * the strictest of the instance's and the user's organizations' timeouts (domain/session-policy.ts).
 * Users list and end their own sessions; admins end a member's.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { RosterError } from '../domain/errors.js';
import { newId, now } from '../db/ids.js';
import { effectiveDisplayName } from '../domain/profile.js';
import { absoluteExpiry, hasExpired, strictestPolicy, touchIntervalMs, type SessionPolicy } from '../domain/session-policy.js';
import { findMembersByIds, findMembership } from '../db/queries/members.js';
import { settingsOfOrganizations } from '../db/queries/organizations.js';
import { signInOrganizations } from '../db/queries/sign-in.js';
import {
  deleteExpiredSessions, deleteSession, deleteUserSession, deleteUserSessions, findSessionWithUser, insertSession, listUserSessions, recordSignIn, setSessionOrganization, touchSession,
  type NewSessionRow,
} from '../db/queries/sessions.js';
import { findUserByLogin } from '../db/queries/users.js';
import type { NotifyListener } from '../db/notify-listener.js';
import type { Database, UserRow } from '../db/schema.js';
import { inTransaction } from '../db/transaction.js';
import { requirePermission, type Access } from './access.js';
import { auditRow, record } from './audit.js';
import { assertOutranks } from './members.js';
import type { PasswordHasher } from './passwords.js';
import type { RequiredAction, RequiredActions } from './required-actions.js';
import { createRowCache } from './row-cache.js';
import type { ThrottleService } from './throttle.js';
import { actorOf } from './users.js';

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

export type { SessionPolicy } from '../domain/session-policy.js';

export interface ResolvedSession {
  sessionId: string;
  currentOrganizationId: string | null;
  /** Actions to complete before anything else (required-actions.ts). */
  pendingActions: RequiredAction[];
  user: UserRow;
}

/** One of the user's own sessions as they see it: never its token. */
export interface SessionInfo {
  id: string;
  userAgent: string | null;
  ipAddress: string | null;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  current: boolean;
}

const timesOf = (s: { created_at: string; last_seen_at: string }) => ({ createdAt: Date.parse(s.created_at), lastSeenAt: Date.parse(s.last_seen_at) });

/**
 * Sessions no request can use any more are deleted now and then, at a process's first session start
 * and every SWEEP_EVERY after, like the throttle's counters: a session presented after its end is
 * deleted by `resolve`, but one never presented again would stay for ever. Starts are what create
 * such rows, so sweeping as often as sessions start keeps up with them at no cost to other requests.
 */
const SWEEP_EVERY = 100;
/** At most this many rows a sweep: a backlog (the first sweep of a large instance) goes in bounded steps. */
const SWEEP_LIMIT = 1000;
/**
 * A session is deleted only this long after its end, so a process whose clock is a little behind
 * (several processes on one database) never finds a session it would still accept gone.
 */
const SWEEP_GRACE_MS = 60_000;

/** A resolved session as the cache keeps it, with the times its expiry is decided on. */
interface CachedSession {
  session: ResolvedSession;
  times: { createdAt: number; lastSeenAt: number };
  storedEnd: number;
}

export function createSessionService(
  db: Kysely<Database>, hasher: PasswordHasher, policy: SessionPolicy, requiredActions: RequiredActions, throttle: ThrottleService,
  listener: NotifyListener | null = null,
) {
  // Sessions are read on every request; the row and its user come from memory until one changes.
  // About 2 KB an entry (bench/signin.ts): the 10,000 most recently loaded stay within 20 MB.
  const cache = createRowCache<CachedSession>({ db, listener, max: 10_000 });

  /** The instance's timeouts, tightened by every organization where the user is an active member. */
  async function policyOf(userId: string, settings = settingsOfOrganizations(db, userId)): Promise<SessionPolicy> {
    return strictestPolicy(policy, await settings);
  }

  /** A new session's token and row, with what it must do first; storing it is the caller's. */
  async function newSession(user: UserRow, client: { ip?: string; userAgent?: string }, organizationId: string | null, password?: string) {
    const organizations = signInOrganizations(db, user.id);
    const [pending, effective] = await Promise.all([
      requiredActions.forSignIn(user, { password, organizations }), policyOf(user.id, organizations.then((o) => o.settings)),
    ]);
    const token = randomBytes(32).toString('base64url');
    const at = new Date();
    const row: NewSessionRow = {
      id: newId(), token_hash: hashToken(token), user_id: user.id, current_organization_id: organizationId,
      ip: client.ip ?? null, user_agent: client.userAgent?.slice(0, 500) ?? null,
      created_at: at.toISOString(), last_seen_at: at.toISOString(),
      expires_at: new Date(absoluteExpiry({ createdAt: at.getTime(), lastSeenAt: at.getTime() }, effective)).toISOString(),
      pending_actions: JSON.stringify(pending),
    };
    return { token, row, pendingActions: pending };
  }

  /**
   * Deletes sessions past their stored end or idle longer than the instance's timeout (an
   * organization's stricter timeouts are left to `resolve`: they only shorten sessions, so these
   * rows are a subset of the dead ones); the number deleted.
   */
  async function sweep(nowMs = Date.now()): Promise<number> {
    const endedBy = new Date(nowMs - SWEEP_GRACE_MS).toISOString();
    const idleSince = new Date(nowMs - policy.idleMinutes * 60_000 - SWEEP_GRACE_MS).toISOString();
    return deleteExpiredSessions(db, endedBy, idleSince, SWEEP_LIMIT);
  }

  let startsUntilSweep = 1;
  async function sweepWhenDue(): Promise<void> {
    if (--startsUntilSweep > 0) return;
    startsUntilSweep = SWEEP_EVERY;
    await sweep();
  }

  async function start(user: UserRow, client: { ip?: string; userAgent?: string }, organizationId: string | null) {
    const { token, row, pendingActions } = await newSession(user, client, organizationId);
    await insertSession(db, row);
    await sweepWhenDue();
    return { token, pendingActions };
  }

  /** The session of a token hash as stored, after applying the timeouts and writing last-seen when due. */
  async function resolveStored(tokenHash: string): Promise<CachedSession | null> {
    const row = await findSessionWithUser(db, tokenHash);
    if (!row) return null;
    const nowMs = Date.now();
    const times = { createdAt: Date.parse(row.session_created_at), lastSeenAt: Date.parse(row.last_seen_at) };
    let storedEnd = Date.parse(row.expires_at);
    // The stored end and the instance's own limits cost nothing to apply on every request.
    if (nowMs >= storedEnd || hasExpired(times, policy, nowMs)) {
      await deleteSession(db, row.session_id);
      return null;
    }
    // Last-seen is written only once it is a touch interval old, which is shorter than any idle
    // timeout: a session can only have become idle when that write is due. Then the
    // organizations' timeouts are looked up again (memberships and settings may have changed), so
    // a stricter one reaches sessions already open within the interval. A session's end is only
    // ever brought forward.
    if (nowMs - times.lastSeenAt > touchIntervalMs(policy)) {
      const effective = await policyOf(row.id);
      if (hasExpired(times, effective, nowMs)) {
        await deleteSession(db, row.session_id);
        return null;
      }
      const end = Math.min(storedEnd, absoluteExpiry(times, effective));
      await touchSession(db, row.session_id, new Date(nowMs).toISOString(), end < storedEnd ? new Date(end).toISOString() : undefined);
      times.lastSeenAt = nowMs;
      storedEnd = end;
    }
    const { session_id, current_organization_id, pending_actions, session_created_at: _c, last_seen_at: _l, expires_at: _e, ...user } = row;
    // Shared by every request until the row changes: nobody may edit it in place.
    const session: ResolvedSession = Object.freeze({
      sessionId: session_id, currentOrganizationId: current_organization_id, pendingActions: JSON.parse(pending_actions) as RequiredAction[], user: Object.freeze(user),
    });
    return { session, times, storedEnd };
  }

  return {
    /** A session for a user who has just proved who they are (sign-up, sign-in). */
    start,

    async signIn(login: string, password: string, client: { ip?: string; userAgent?: string }): Promise<{ token: string; user: UserRow; pendingActions: RequiredAction[] }> {
      const user = await findUserByLogin(db, login);
      // Counted under the username whichever login was typed, so email and username share a lockout.
      const attempt = await throttle.beginSignIn(user ? user.username_key : login, client.ip);
      const valid = user?.password_hash ? await hasher.verify(user.password_hash, password) : (await hasher.verifyNothing(password), false);
      if (!user || !valid) {
        await attempt.failed();
        throw new RosterError('auth.invalid_credentials', 'The username or password is wrong');
      }
      const at = now();
      const signedIn = { ...user, last_login_at: at };
      const { token, row, pendingActions } = await newSession(signedIn, client, null, password);
      // Last login, the audit event, the session and forgetting the account's failures: one
      // transaction, one statement on PostgreSQL.
      await recordSignIn(db, signedIn, auditRow(actorOf(user), {
        organizationId: null, action: 'user.signed_in', targetType: 'user', targetId: user.id, targetDisplayName: actorOf(user).displayName,
      }), row, attempt.counterRow);
      if (attempt.counterRow === null) await attempt.succeeded();
      await sweepWhenDue();
      return { token, user: signedIn, pendingActions };
    },

    async resolve(token: string): Promise<ResolvedSession | null> {
      if (token.length === 0 || token.length > 100) return null;
      const tokenHash = hashToken(token);
      const cached = cache.get(tokenHash);
      // Served from memory only while nothing is due: an expiry or a last-seen write is decided on
      // the stored row, which another process may have moved on.
      if (cached) {
        const nowMs = Date.now();
        if (nowMs < cached.storedEnd && nowMs - cached.times.lastSeenAt <= touchIntervalMs(policy) && !hasExpired(cached.times, policy, nowMs)) {
          return cached.session;
        }
      }
      const loaded = await cache.load(tokenHash, async () => {
        const value = await resolveStored(tokenHash);
        return { value, tags: value ? [`user:${value.session.user.id}`, `session:${value.session.sessionId}`] as const : [] };
      });
      return loaded?.session ?? null;
    },

    end: (sessionId: string) => deleteSession(db, sessionId),

    sweep,

    close: () => cache.close(),

    /** Remembers which organization the user is working in ("My Organizations", seed 001). */
    async switchOrganization(session: ResolvedSession, organizationId: string): Promise<void> {
      const membership = await findMembership(db, organizationId, session.user.id);
      if (!membership && session.user.super_admin !== 1) throw new RosterError('organization.not_found', 'No such organization', 'body.organizationId');
      if (membership && membership.status !== 'active') {
        throw new RosterError('organization.inactive_membership', 'Your membership in this organization is deactivated', 'body.organizationId');
      }
      await setSessionOrganization(db, session.sessionId, organizationId);
    },

    /** The user's sessions still alive, the current one marked (ASVS V7.5: users see and end their sessions). */
    async listMine(session: ResolvedSession): Promise<SessionInfo[]> {
      const [rows, effective] = await Promise.all([listUserSessions(db, session.user.id), policyOf(session.user.id)]);
      const nowMs = Date.now();
      const endOf = (r: (typeof rows)[number]) => Math.min(Date.parse(r.expires_at), absoluteExpiry(timesOf(r), effective));
      return rows
        .filter((r) => r.id === session.sessionId || (nowMs < endOf(r) && !hasExpired(timesOf(r), effective, nowMs)))
        .map((r) => ({
          id: r.id, userAgent: r.user_agent, ipAddress: r.ip, createdAt: r.created_at, lastSeenAt: r.last_seen_at,
          expiresAt: new Date(endOf(r)).toISOString(), current: r.id === session.sessionId,
        }));
    },

    /** Ends one of the user's own sessions; another user's session id is unknown here. */
    async endMine(session: ResolvedSession, sessionId: string): Promise<{ current: boolean }> {
      if ((await deleteUserSession(db, session.user.id, sessionId)) === 0) {
        throw new RosterError('session.not_found', 'You have no session with that id', 'params.sessionId');
      }
      return { current: sessionId === session.sessionId };
    },

    /** Ends every session of the user but this one: "sign out everywhere else". */
    async endOthers(session: ResolvedSession): Promise<{ ended: number }> {
      return { ended: await deleteUserSessions(db, session.user.id, session.sessionId) };
    },

    /**
     * An admin signs a member out everywhere (members.deactivate: it cuts access as deactivation
     * does, for a while). Sessions belong to the user, not to one organization, so all of them end.
     */
    async endMemberSessions(access: Access, userId: string): Promise<{ ended: number }> {
      requirePermission(access, 'members.deactivate');
      if (userId === access.actor.userId) {
        throw new RosterError('member.cannot_act_on_self', 'End your own sessions at /api/v1/me/sessions', 'params.userId');
      }
      return inTransaction(db, async (trx) => {
        const [m] = await findMembersByIds(trx, access.organizationId, [userId]);
        if (!m) throw new RosterError('member.not_found', 'No such member in this organization');
        await assertOutranks(trx, access, m.role);
        const ended = await deleteUserSessions(trx, userId);
        await record(trx, access.actor, {
          organizationId: access.organizationId, action: 'member.sessions_ended', targetType: 'member', targetId: userId,
          targetDisplayName: effectiveDisplayName({ username: m.username, firstName: m.first_name, lastName: m.last_name, displayName: m.display_name, alias: null }),
          after: { sessions: ended },
        });
        return { ended };
      });
    },
  };
}

export type SessionService = ReturnType<typeof createSessionService>;
