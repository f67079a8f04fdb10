/**
 * @module What a user must do right after signing in, before anything else: accept the current
 * terms (seed 002) or change a password that no longer fits a policy. Each concern contributes a
 * check; the session records the outcome, and the HTTP layer lets such a session reach only the
 * routes that complete an action (or read, or sign out).
 */
import type { UserRow } from '../db/schema.js';
import type { SignInOrganizations } from '../db/queries/sign-in.js';

export type RequiredAction = 'accept_terms' | 'change_password';

export interface SignInContext {
  /** The password just typed, when the sign-in had one: policies can only be checked against it. */
  password?: string;
  /**
   * The user's organizations as a sign-in needs them (settings, terms to accept), read once in one
   * statement for every check and the session timeouts (each read is a round trip on PostgreSQL).
   */
  organizations: Promise<SignInOrganizations>;
}

export type RequiredActionCheck = (user: UserRow, context: SignInContext) => Promise<RequiredAction | null>;

export function createRequiredActions(checks: RequiredActionCheck[] = []) {
  return {
    /** Adds a check; services register theirs when they are created. */
    register(check: RequiredActionCheck): void {
      checks.push(check);
    },

    async forSignIn(user: UserRow, context: SignInContext): Promise<RequiredAction[]> {
      const found = await Promise.all(checks.map((check) => check(user, context)));
      return [...new Set(found.filter((a): a is RequiredAction => a !== null))].sort();
    },
  };
}

export type RequiredActions = ReturnType<typeof createRequiredActions>;
