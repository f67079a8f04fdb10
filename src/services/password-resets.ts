/**
 * @module Password reset by email: a single-use link with a 256-bit token, of which only a hash is
 * kept, valid for 30 minutes. Asking for one answers the same, at once, whether or not the account
 * exists (no enumeration); using one sets a password that meets the user's policies and ends every
 * session.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { RosterError } from '../domain/errors.js';
import { newId, now } from '../db/ids.js';
import {
  claimPasswordReset, countLivePasswordResets, findPasswordResetByTokenHash, insertPasswordReset, retirePasswordResets, type PasswordResetRow,
} from '../db/queries/password-resets.js';
import { deleteUserSessions } from '../db/queries/sessions.js';
import { findUserById, findUserByLogin } from '../db/queries/users.js';
import type { Database, UserRow } from '../db/schema.js';
import { inTransaction } from '../db/transaction.js';
import { enqueueMail, type OutgoingMail } from '../mail/outbox.js';
import { passwordResetMail } from '../mail/templates.js';
import { record } from './audit.js';
import type { MailSettings } from './mail.js';
import type { PasswordPolicyService } from './password-policy.js';
import { actorOf } from './users.js';

type Db = Kysely<Database>;

/** Stands in for an unknown login, so the request does the same work; nothing is stored for it. */
const UNKNOWN = { id: '00000000-0000-7000-8000-000000000000', email: 'nobody@invalid' };

/** How long a reset link works (OWASP Forgot Password cheat sheet: short-lived). */
export const PASSWORD_RESET_LIFETIME_MINUTES = 30;
/** Live links one user may have from self-service requests; more requests send no more mail. */
export const PASSWORD_RESET_LIVE_MAX = 3;

/** Its own hash domain, so an invitation token (hashed as `invitation:…`) never matches a reset. */
export const hashPasswordResetToken = (token: string): string => createHash('sha256').update(`password-reset:${token}`).digest('hex');

export interface PasswordResetDraft {
  row: PasswordResetRow;
  mail: OutgoingMail;
}

/**
 * A new reset link for `user`: the row to insert, holding only the token's hash, and the email that
 * carries the token. Writes nothing; the caller inserts and enqueues in its transaction.
 */
export function draftPasswordReset(user: Pick<UserRow, 'id' | 'email'>, publicUrl: string, options: { requestedBy: string | null; organizationId: string | null }): PasswordResetDraft {
  const token = randomBytes(32).toString('base64url');
  const at = now();
  const expiresAt = new Date(Date.parse(at) + PASSWORD_RESET_LIFETIME_MINUTES * 60_000).toISOString();
  return {
    row: { id: newId(), user_id: user.id, token_hash: hashPasswordResetToken(token), requested_by: options.requestedBy, expires_at: expiresAt, used_at: null, created_at: at },
    mail: {
      organizationId: options.organizationId, kind: 'password_reset', to: user.email, relatedId: user.id,
      ...passwordResetMail({ link: `${publicUrl}/reset-password/${token}`, expiresAt }),
    },
  };
}

/** The reset a token stands for, if it can still be used; anything else is one clear answer. */
async function usableReset(db: Db, token: string): Promise<PasswordResetRow> {
  const row = token.length >= 20 && token.length <= 100 ? await findPasswordResetByTokenHash(db, hashPasswordResetToken(token)) : undefined;
  if (!row) throw new RosterError('password_reset.not_found', 'This password reset link is not valid');
  if (row.used_at !== null) throw new RosterError('password_reset.used', 'This password reset link was used already; ask for a new one');
  if (Date.parse(row.expires_at) <= Date.now()) throw new RosterError('password_reset.expired', 'This password reset link has expired; ask for a new one');
  return row;
}

export function createPasswordResetService(db: Db, passwords: PasswordPolicyService, mail: MailSettings) {
  /** Requests answered but not yet done: shutting down waits for them. */
  const running = new Set<Promise<void>>();

  /**
   * Queues a reset email when `login` (username or email) is an account, at most
   * PASSWORD_RESET_LIVE_MAX live links per account; an unknown login costs the same token and lookups.
   */
  async function request(login: string): Promise<void> {
    const user = await findUserByLogin(db, login);
    const draft = draftPasswordReset(user ?? UNKNOWN, mail.publicUrl, { requestedBy: null, organizationId: null });
    const live = await countLivePasswordResets(db, user?.id ?? UNKNOWN.id, draft.row.created_at);
    if (!user || live >= PASSWORD_RESET_LIVE_MAX) return;
    await inTransaction(db, async (trx) => {
      await insertPasswordReset(trx, draft.row);
      await enqueueMail(trx, draft.mail);
      await record(trx, null, {
        organizationId: null, action: 'user.password_reset_requested', targetType: 'user', targetId: user.id,
        targetDisplayName: actorOf(user).displayName, after: { expiresAt: draft.row.expires_at },
      });
    });
    // No wake: the worker sends it at its next poll (MAIL_POLL_MS), so sending it costs this request
    // nothing that an unknown login would not cost too.
  }

  return {
    request,

    /**
     * "Forgot password" as the API answers it: the work starts and the caller answers at once, the
     * same for every login, so neither the answer nor its time tells whether the account exists
     * (OWASP Forgot Password cheat sheet: consistent response time, asynchronous work). A failure
     * goes to `onError`; the caller can not tell it apart either.
     */
    requestInBackground(login: string, onError: (error: unknown) => void): void {
      // setImmediate: after the answer is on its way, even where queries run synchronously (SQLite).
      const work: Promise<void> = new Promise<void>((resolve) => setImmediate(resolve)).then(() => request(login)).catch(onError).finally(() => running.delete(work));
      running.add(work);
    },

    /** Resolves once every request started so far is done (shutdown, tests). */
    async settled(): Promise<void> {
      await Promise.all([...running]);
    },

    /**
     * Whether a link still works, so the page it opens can say so before a password is typed. It
     * tells the holder of the link only its expiry: nothing of the account.
     */
    async check(token: string): Promise<{ expiresAt: string }> {
      const reset = await usableReset(db, token);
      return { expiresAt: reset.expires_at };
    },

    /**
     * Sets a new password with a reset link: it must meet the user's policies, the link is used up
     * (with every other link of the user), and every session of the user ends.
     */
    async complete(token: string, newPassword: string): Promise<void> {
      const reset = await usableReset(db, token);
      const user = await findUserById(db, reset.user_id);
      if (!user) throw new RosterError('password_reset.not_found', 'This password reset link is not valid');
      const policy = await passwords.policyFor(db, user.id);
      const hash = await passwords.checkReplacement(db, user, newPassword, policy, { field: 'body.newPassword', refuseCurrent: true });
      await inTransaction(db, async (trx) => {
        const at = now();
        // The link is single use even when two requests race with it.
        if (!(await claimPasswordReset(trx, reset.id, at))) throw new RosterError('password_reset.used', 'This password reset link was used already; ask for a new one');
        await passwords.store(trx, user, hash);
        await retirePasswordResets(trx, user.id, at);
        await deleteUserSessions(trx, user.id);
        const actor = actorOf(user);
        await record(trx, actor, {
          organizationId: null, action: 'user.password_reset', targetType: 'user', targetId: user.id,
          targetDisplayName: actor.displayName, after: { requestedBy: reset.requested_by, sessionsEnded: true },
        });
      });
    },
  };
}

export type PasswordResetService = ReturnType<typeof createPasswordResetService>;
