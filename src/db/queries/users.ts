/**
 * @module Queries on users: the global identity, one per person, shared by every organization.
 */
import type { Kysely } from 'kysely';
import { communicationName, effectiveDisplayName, gravatarUrl, renderClickToDial } from '../../domain/profile.js';
import type { User } from '../../domain/types.js';
import { announceChange } from '../change-notices.js';
import { PREPARED } from '../postgres-prepared.js';
import type { Database, NewUserRow, UserRow, UserUpdate } from '../schema.js';

type Db = Kysely<Database>;

export async function findUserById(db: Db, id: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * Every column of a user, by name: a prepared statement's result columns may not change under it,
 * and `select *` would change when a migration adds a column (db/postgres-prepared.ts). A column
 * missing here fails the type check of `findUserByLogin`.
 */
const USER_COLUMNS = [
  'id', 'username', 'username_key', 'email', 'email_key', 'password_hash', 'first_name', 'last_name', 'display_name', 'alias',
  'title', 'phone', 'phone_extension', 'address', 'color', 'click_to_dial', 'sender_emails', 'signature', 'super_admin',
  'last_login_at', 'accepted_terms_version', 'password_changed_at', 'must_change_password', 'created_at', 'updated_at',
] as const satisfies ReadonlyArray<keyof UserRow>;

/** The user a sign-in names, by username or email; prepared on PostgreSQL (every sign-in runs it). */
export async function findUserByLogin(db: Db, login: string): Promise<UserRow | undefined> {
  const key = login.trim().toLowerCase();
  const column = key.includes('@') ? 'email_key' : 'username_key';
  return db.selectFrom('users').select(USER_COLUMNS).where(column, '=', key).modifyEnd(PREPARED).executeTakeFirst();
}

export async function findUserByEmail(db: Db, emailKey: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('email_key', '=', emailKey).executeTakeFirst();
}

export async function insertUser(db: Db, row: NewUserRow): Promise<void> {
  await db.insertInto('users').values(row).execute();
}

export async function updateUser(db: Db, id: string, changes: UserUpdate): Promise<void> {
  await db.updateTable('users').set(changes).where('id', '=', id).execute();
  await announceChange(db, 'user', [id]);
  // Members copy the searchable names so each organization's list is searched on its own indexes.
  const keys: Partial<Record<'email_key' | 'first_name_key' | 'last_name_key', string>> = {};
  if (changes.email_key !== undefined) keys.email_key = changes.email_key;
  if (changes.first_name !== undefined) keys.first_name_key = changes.first_name.toLowerCase();
  if (changes.last_name !== undefined) keys.last_name_key = changes.last_name.toLowerCase();
  if (Object.keys(keys).length > 0) await db.updateTable('members').set(keys).where('user_id', '=', id).execute();
}

export async function countMemberships(db: Db, userId: string): Promise<number> {
  const row = await db.selectFrom('members').select((eb) => eb.fn.countAll<number>().as('n')).where('user_id', '=', userId).executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function anySuperAdmin(db: Db): Promise<boolean> {
  const row = await db.selectFrom('users').select('id').where('super_admin', '=', 1).limit(1).executeTakeFirst();
  return row !== undefined;
}

/** The user columns a profile shows: what the members list reads, and no more (no password hash). */
export const PROFILE_COLUMNS = [
  'username', 'email', 'first_name', 'last_name', 'display_name', 'alias', 'title', 'phone', 'phone_extension',
  'address', 'color', 'click_to_dial', 'sender_emails', 'signature', 'last_login_at',
] as const satisfies ReadonlyArray<keyof UserRow>;

export type ProfileRow = Pick<UserRow, (typeof PROFILE_COLUMNS)[number]>;
export type Profile = Omit<User, 'id' | 'superAdmin' | 'acceptedTermsVersion' | 'createdAt' | 'updatedAt'>;

/**
 * A new object each call, which callers extend with Object.assign rather than a spread: V8 copies a
 * spread of this many properties on its slow path, about 18 µs a row against 0.3 µs (a page of the
 * members list is 50 rows).
 */
export function toProfile(row: ProfileRow): Profile {
  const names = { username: row.username, firstName: row.first_name, lastName: row.last_name, displayName: row.display_name, alias: row.alias };
  return {
    username: row.username,
    email: row.email,
    firstName: row.first_name,
    lastName: row.last_name,
    displayName: effectiveDisplayName(names),
    alias: row.alias,
    communicationName: communicationName(names),
    title: row.title,
    phone: row.phone,
    phoneExtension: row.phone_extension,
    address: row.address,
    color: row.color,
    clickToDial: row.click_to_dial,
    clickToDialUrl: row.click_to_dial
      ? renderClickToDial(row.click_to_dial, {
          PhoneNumber: row.phone, Phone: row.phone, Ext: row.phone_extension, Extension: row.phone_extension,
          Email: row.email, Username: row.username, FirstName: row.first_name, LastName: row.last_name,
        })
      : null,
    senderEmails: JSON.parse(row.sender_emails) as string[],
    signature: row.signature,
    avatarUrl: gravatarUrl(row.email),
    lastLoginAt: row.last_login_at,
  };
}

export function toUser(row: UserRow): User {
  return Object.assign(toProfile(row), {
    id: row.id,
    superAdmin: row.super_admin === 1,
    acceptedTermsVersion: row.accepted_terms_version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  });
}
