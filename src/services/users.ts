/**
 * @module The user's own account: sign-up (a user and an organization at once, seed 001), the
 * profile at /me, the own password, and the instance's super admins.
 */
import type { Kysely } from 'kysely';
import { RosterError } from '../domain/errors.js';
import { DEFAULT_PASSWORD_POLICY } from '../domain/password-policy.js';
import type { Organization, User } from '../domain/types.js';
import { effectiveDisplayName } from '../domain/profile.js';
import { emailKey } from '../domain/username.js';
import { now } from '../db/ids.js';
import { deleteUserSessions, setPendingActions } from '../db/queries/sessions.js';
import { findUserById, findUserByLogin, insertUser, toUser, updateUser, anySuperAdmin } from '../db/queries/users.js';
import type { Database, UserRow } from '../db/schema.js';
import { inTransaction } from '../db/transaction.js';
import type { Actor } from './access.js';
import { record } from './audit.js';
import { buildUserRow, type NewUserInput } from './new-user.js';
import { createOrganizationIn } from './organizations.js';
import type { PasswordPolicyService } from './password-policy.js';
import { auditableProfile, profileColumns, type ProfileInput } from './profile-fields.js';
import type { RequiredAction } from './required-actions.js';
import type { ThrottleService } from './throttle.js';

export const actorOf = (row: UserRow): Actor => ({
  userId: row.id,
  superAdmin: row.super_admin === 1,
  displayName: effectiveDisplayName({ username: row.username, firstName: row.first_name, lastName: row.last_name, displayName: row.display_name, alias: row.alias }),
});

/** The session a password change comes from: it stays, every other session of the user ends. */
export interface ChangingSession {
  sessionId: string;
  user: UserRow;
  pendingActions: RequiredAction[];
}

export function createUserService(db: Kysely<Database>, passwords: PasswordPolicyService, options: { signupEnabled: boolean; throttle?: ThrottleService }) {
  /**
   * A new email needs the current password (ASVS 7.5.1): reset links go to the email, so a borrowed
   * session must not be able to redirect them. Counted like a sign-in by the lockout.
   */
  async function confirmEmailChange(userId: string, email: string, currentPassword: string | undefined, client: { ip?: string }): Promise<void> {
    const user = await findUserById(db, userId);
    if (!user || emailKey(email) === user.email_key) return;
    if (currentPassword === undefined) throw new RosterError('user.current_password_invalid', 'Changing the email needs your current password', 'body.currentPassword');
    const attempt = await options.throttle?.beginSignIn(user.username_key, client.ip);
    if (!user.password_hash || !(await passwords.verify(user.password_hash, currentPassword))) {
      await attempt?.failed();
      throw new RosterError('user.current_password_invalid', 'The current password is wrong', 'body.currentPassword');
    }
    await attempt?.succeeded();
  }

  return {
    async signup(input: NewUserInput & { organizationName: string }): Promise<{ user: UserRow; organization: Organization }> {
      if (!options.signupEnabled) throw new RosterError('signup.disabled', 'Sign-up is turned off on this instance');
      const { organizationName, ...userInput } = input;
      // The organization is about to be created with the default policy.
      const row = await buildUserRow(passwords, userInput, DEFAULT_PASSWORD_POLICY);
      return inTransaction(db, async (trx) => {
        await insertUser(trx, row);
        const actor = actorOf(row);
        const organization = await createOrganizationIn(trx, actor, row, organizationName, 'signup');
        await record(trx, actor, {
          organizationId: organization.id, action: 'user.signed_up', targetType: 'user', targetId: row.id,
          targetDisplayName: actor.displayName, after: { username: row.username, email: row.email },
        });
        return { user: row, organization };
      });
    },

    async get(userId: string): Promise<User> {
      const row = await findUserById(db, userId);
      if (!row) throw new RosterError('user.not_found', 'No such user');
      return toUser(row);
    },

    async updateProfile(actor: Actor, input: ProfileInput & { username?: string; currentPassword?: string }, client: { ip?: string } = {}): Promise<User> {
      const { currentPassword, ...patch } = input;
      if (patch.email !== undefined) await confirmEmailChange(actor.userId, patch.email, currentPassword, client);
      return inTransaction(db, async (trx) => {
        const row = await findUserById(trx, actor.userId);
        if (!row) throw new RosterError('user.not_found', 'No such user');
        if (patch.username !== undefined && patch.username !== row.username) {
          throw new RosterError('user.username_immutable', 'A username can not be changed once saved', 'body.username');
        }
        const { username: _u, ...profile } = patch;
        const changes = profileColumns(profile);
        await updateUser(trx, row.id, { ...changes, updated_at: now() });
        await record(trx, actor, {
          organizationId: null, action: 'user.profile_updated', targetType: 'user', targetId: row.id,
          targetDisplayName: actor.displayName,
          before: auditableProfile(Object.fromEntries(Object.keys(changes).map((k) => [k, row[k as keyof UserRow]]))),
          after: auditableProfile(changes),
        });
        const updated = await findUserById(trx, row.id);
        return toUser(updated ?? row);
      });
    },

    /**
     * Changes the own password: the current one proves it is the user (ASVS 6.2.3), the new one
     * meets the policy of every organization the user is active in, and every other session ends
     * (ASVS 7.4.3). Completes the session's `change_password` action.
     */
    async changePassword(session: ChangingSession, currentPassword: string, newPassword: string, client: { ip?: string } = {}): Promise<{ requiredActions: RequiredAction[] }> {
      const user = await findUserById(db, session.user.id);
      // Checking the current password is a guess like a sign-in: the same lockout counts it (services/throttle.ts).
      const attempt = await options.throttle?.beginSignIn(session.user.username_key, client.ip);
      if (!user?.password_hash || !(await passwords.verify(user.password_hash, currentPassword))) {
        await attempt?.failed();
        throw new RosterError('user.current_password_invalid', 'The current password is wrong', 'body.currentPassword');
      }
      await attempt?.succeeded();
      const policy = await passwords.policyFor(db, user.id);
      const hash = await passwords.checkReplacement(db, user, newPassword, policy, { field: 'body.newPassword', refuseCurrent: true });
      return inTransaction(db, async (trx) => {
        await passwords.store(trx, user, hash);
        await deleteUserSessions(trx, user.id, session.sessionId);
        const remaining = session.pendingActions.filter((a) => a !== 'change_password');
        await setPendingActions(trx, [session.sessionId], remaining);
        const actor = actorOf(user);
        await record(trx, actor, {
          organizationId: null, action: 'user.password_changed', targetType: 'user', targetId: user.id,
          targetDisplayName: actor.displayName, after: { otherSessionsEnded: true },
        });
        return { requiredActions: remaining };
      });
    },

    /** `roster create-admin`: a new super admin, or an existing user promoted to one. */
    async createSuperAdmin(input: NewUserInput): Promise<{ user: User; created: boolean }> {
      const existing = await findUserByLogin(db, input.username);
      if (existing) {
        await inTransaction(db, async (trx) => {
          await updateUser(trx, existing.id, { super_admin: 1, updated_at: now() });
          await record(trx, null, { organizationId: null, action: 'user.super_admin_granted', targetType: 'user', targetId: existing.id, targetDisplayName: existing.username });
        });
        return { user: toUser({ ...existing, super_admin: 1 }), created: false };
      }
      const row = await buildUserRow(passwords, input, DEFAULT_PASSWORD_POLICY, true);
      await inTransaction(db, async (trx) => {
        await insertUser(trx, row);
        await record(trx, null, { organizationId: null, action: 'user.super_admin_created', targetType: 'user', targetId: row.id, targetDisplayName: row.username });
      });
      return { user: toUser(row), created: true };
    },

    hasSuperAdmin: () => anySuperAdmin(db),
  };
}

export type UserService = ReturnType<typeof createUserService>;
