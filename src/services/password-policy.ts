/**
 * @module Password policies at work: which policy applies to a user (the strictest union of their
 * active organizations', seed 004: one password for all accounts), checking a new password against
 * it and against the user's previous passwords, replacing a password, and the `change_password`
 * action asked at sign-in when the password no longer fits, has expired or must be changed.
 */
import type { Kysely } from 'kysely';
import { RosterError } from '../domain/errors.js';
import {
  PASSWORD_HISTORY_MAX, describeViolations, passwordExpired, passwordViolations, personalWords, reusedViolation, strictestPolicy,
  type PasswordPolicy, type PasswordViolation,
} from '../domain/password-policy.js';
import { now } from '../db/ids.js';
import { settingsOfOrganizations } from '../db/queries/organizations.js';
import { pushPasswordHistory, recentPasswordHashes } from '../db/queries/password-history.js';
import { updateUser } from '../db/queries/users.js';
import type { Database, UserRow } from '../db/schema.js';
import type { PasswordHasher } from './passwords.js';
import type { RequiredActionCheck } from './required-actions.js';

type Db = Kysely<Database>;

/** Whose password it is: the names it must not contain. */
export interface PasswordOwner {
  username: string;
  email: string;
  firstName?: string | null;
  lastName?: string | null;
}

const ownerOf = (user: UserRow): PasswordOwner => ({ username: user.username, email: user.email, firstName: user.first_name, lastName: user.last_name });

/** zxcvbn-ts's list of common passwords (about 49,000, most used first), lower-cased, built once per service. */
async function loadCommonPasswords(): Promise<ReadonlySet<string>> {
  const { dictionary } = await import('@zxcvbn-ts/language-common');
  return new Set(dictionary['passwords-common'].map((p) => p.toLowerCase()));
}

export function refusePassword(violations: readonly PasswordViolation[], field: string): never {
  throw new RosterError('user.password_invalid', describeViolations(violations), field, {
    errors: violations.map((v) => ({ field, message: v.message })),
    rules: violations.map((v) => v.rule),
  });
}

export function createPasswordPolicyService(db: Db, hasher: PasswordHasher) {
  let common: Promise<ReadonlySet<string>> | undefined;
  const commonPasswords = () => (common ??= loadCommonPasswords());

  /** Every rule of `policy` the password breaks, reuse aside. */
  async function violations(password: string, owner: PasswordOwner, policy: PasswordPolicy): Promise<PasswordViolation[]> {
    return passwordViolations(password, policy, { personal: personalWords(owner), common: policy.disallowCommon ? await commonPasswords() : undefined });
  }

  /** Whether the password is the current one or one of the `count - 1` before it. */
  async function reused(trx: Db, userId: string, currentHash: string | null, password: string, count: number): Promise<boolean> {
    if (count <= 0) return false;
    const hashes = [...(currentHash ? [currentHash] : []), ...(await recentPasswordHashes(trx, userId, count - 1))].slice(0, count);
    const matches = await Promise.all(hashes.map((h) => hasher.verify(h, password)));
    return matches.includes(true);
  }

  return {
    /** Whether `password` is the one `hash` was made from (the current password on a change). */
    verify: (hash: string, password: string) => hasher.verify(hash, password),

    /**
     * The policy for a user: the strictest union of the policies of every organization where they
     * are an active member and of `organizationIds` (the one they are joining); the default when
     * there is none (sign-up, `roster create-admin`).
     */
    async policyFor(trx: Db, userId: string | null, organizationIds: readonly string[] = []): Promise<PasswordPolicy> {
      const settings = await settingsOfOrganizations(trx, userId, organizationIds);
      return strictestPolicy(settings.map((s) => s.passwordPolicy));
    },

    /** Checks a new user's first password and hashes it; a refusal lists every unmet rule. */
    async hashNew(password: string, owner: PasswordOwner, policy: PasswordPolicy, field = 'body.password'): Promise<string> {
      const found = await violations(password, owner, policy);
      if (found.length > 0) refusePassword(found, field);
      return hasher.hash(password);
    },

    /**
     * Checks a replacement password against `policy` and the user's previous passwords
     * (`refuseCurrent`: a change or reset never keeps the current one, whatever the history count),
     * and hashes it. Runs before the transaction that stores it: argon2 is slow, and SQLite's one
     * connection would wait for it.
     */
    async checkReplacement(trx: Db, user: UserRow, password: string, policy: PasswordPolicy, options: { field: string; refuseCurrent: boolean; owner?: PasswordOwner }): Promise<string> {
      const found = await violations(password, options.owner ?? ownerOf(user), policy);
      const count = Math.max(policy.historyCount, options.refuseCurrent ? 1 : 0);
      if (await reused(trx, user.id, user.password_hash, password, count)) found.push(reusedViolation(count));
      if (found.length > 0) refusePassword(found, options.field);
      return hasher.hash(password);
    },

    /** Stores a checked replacement: the old hash goes to the history, and the password counts as changed now. */
    async store(trx: Db, user: Pick<UserRow, 'id' | 'password_hash'>, passwordHash: string): Promise<string> {
      const at = now();
      if (user.password_hash) await pushPasswordHistory(trx, user.id, user.password_hash, at, PASSWORD_HISTORY_MAX - 1);
      await updateUser(trx, user.id, { password_hash: passwordHash, password_changed_at: at, must_change_password: 0, updated_at: at });
      return at;
    },

    /**
     * The sign-in check (required-actions.ts): the password must be changed when an admin or the
     * system asked for it, when it is older than a policy's maximum age, or when the password just
     * typed no longer fits the user's policies (an organization tightened its policy).
     */
    requiredAction: (async (user, context) => {
      if (!user.password_hash) return null;
      if (user.must_change_password === 1) return 'change_password';
      const policy = strictestPolicy((await context.organizations).settings.map((s) => s.passwordPolicy));
      if (passwordExpired(policy, user.password_changed_at ?? user.created_at, Date.now())) return 'change_password';
      if (context.password !== undefined && (await violations(context.password, ownerOf(user), policy)).length > 0) return 'change_password';
      return null;
    }) satisfies RequiredActionCheck,
  };
}

export type PasswordPolicyService = ReturnType<typeof createPasswordPolicyService>;
