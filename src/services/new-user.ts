/**
 * @module Builds a new user row after checking the username and the password policy, shared by
 * sign-up, adding a member directly, accepting an invitation and `roster create-admin`.
 */
import { RosterError } from '../domain/errors.js';
import type { PasswordPolicy } from '../domain/password-policy.js';
import { USERNAME_RULE, emailKey, isValidUsername, usernameKey } from '../domain/username.js';
import { newId, now } from '../db/ids.js';
import type { UserRow } from '../db/schema.js';
import type { PasswordPolicyService } from './password-policy.js';
import { profileColumns, type ProfileInput } from './profile-fields.js';

export interface NewUserInput extends ProfileInput {
  username: string;
  email: string;
  firstName: string;
  lastName: string;
  password: string;
}

/** `policy` is the one of the organization the user joins, or the default when there is none yet. */
export async function buildUserRow(passwords: PasswordPolicyService, input: NewUserInput, policy: PasswordPolicy, superAdmin = false): Promise<UserRow> {
  if (!isValidUsername(input.username)) throw new RosterError('user.username_invalid', `The username must be ${USERNAME_RULE}`, 'body.username');
  const passwordHash = await passwords.hashNew(input.password, input, policy);
  const at = now();
  const { password: _p, username: _u, ...profile } = input;
  const row: UserRow = {
    id: newId(),
    username: input.username,
    username_key: usernameKey(input.username),
    email: input.email.trim(),
    email_key: emailKey(input.email),
    password_hash: passwordHash,
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
