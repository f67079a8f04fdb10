/**
 * @module Builds a new user row after checking the username and password rules, shared by sign-up,
 * adding a member directly and `roster create-admin`.
 */
import { RosterError } from '../domain/errors.js';
import { passwordProblems } from '../domain/password-rules.js';
import { USERNAME_RULE, emailKey, isValidUsername, usernameKey } from '../domain/username.js';
import { newId, now } from '../db/ids.js';
import type { UserRow } from '../db/schema.js';
import type { PasswordHasher } from './passwords.js';
import { profileColumns, type ProfileInput } from './profile-fields.js';

export interface NewUserInput extends ProfileInput {
  username: string;
  email: string;
  firstName: string;
  lastName: string;
  password: string;
}

export function assertPasswordAcceptable(input: { password: string; username: string; email: string; firstName?: string; lastName?: string }): void {
  const personal = [input.username, input.email.split('@')[0] ?? '', input.firstName ?? '', input.lastName ?? ''];
  const problems = passwordProblems(input.password, personal);
  if (problems.length > 0) throw new RosterError('user.password_invalid', `The password ${problems.join('; ')}`, 'body.password');
}

export async function buildUserRow(hasher: PasswordHasher, input: NewUserInput, superAdmin = false): Promise<UserRow> {
  if (!isValidUsername(input.username)) throw new RosterError('user.username_invalid', `The username must be ${USERNAME_RULE}`, 'body.username');
  assertPasswordAcceptable(input);
  const at = now();
  const { password: _p, username: _u, ...profile } = input;
  const row: UserRow = {
    id: newId(),
    username: input.username,
    username_key: usernameKey(input.username),
    email: input.email.trim(),
    email_key: emailKey(input.email),
    password_hash: await hasher.hash(input.password),
    first_name: input.firstName.trim(),
    last_name: input.lastName.trim(),
    display_name: null, alias: null, title: null, phone: null, phone_extension: null, address: null,
    color: null, click_to_dial: null, sender_emails: '[]', signature: null,
    super_admin: superAdmin ? 1 : 0,
    last_login_at: null,
    accepted_terms_version: null,
    password_changed_at: at,
    must_change_password: 0,
    created_at: at,
    updated_at: at,
  };
  return { ...row, ...profileColumns(profile) };
}
