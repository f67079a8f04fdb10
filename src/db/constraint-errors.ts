/**
 * @module Turns unique-constraint violations from either database into domain errors, in one place,
 * so a race between two requests ends in the same clear 409 as the check that usually catches it.
 * PostgreSQL names the violated constraint; SQLite names its columns. Neither is matched against
 * the offending values, which could contain anything.
 */
import { RosterError, type ErrorCode } from '../domain/errors.js';

interface UniqueRule {
  /** PostgreSQL constraint (or unique index) name. */
  constraint: string;
  /** SQLite's `table.column, table.column` list. */
  columns: string;
  code: ErrorCode;
  detail: string;
  field: string;
}

const UNIQUE: readonly UniqueRule[] = [
  { constraint: 'users_username_key_key', columns: 'users.username_key', code: 'user.username_taken', detail: 'That username is taken', field: 'body.username' },
  { constraint: 'users_email_key_key', columns: 'users.email_key', code: 'user.email_taken', detail: 'A user with that email already exists', field: 'body.email' },
  { constraint: 'roles_org_key_unique', columns: 'roles.organization_id, roles.key', code: 'role.key_taken', detail: 'A role with that key exists', field: 'body.key' },
  { constraint: 'members_pk', columns: 'members.organization_id, members.user_id', code: 'member.already_member', detail: 'Already a member', field: 'body' },
  // A CSV import racing an invitation of the same address (plain invitations skip the address instead).
  { constraint: 'invitations_pending_unique', columns: 'invitations.organization_id, invitations.email_key', code: 'invitation.already_pending', detail: 'That address was invited at the same moment by another request; try again to send it a new link', field: 'body' },
  { constraint: 'groups_org_name_unique', columns: 'groups.organization_id, groups.name_key', code: 'group.name_taken', detail: 'A group with that name exists', field: 'body.name' },
];

interface DriverError {
  code?: string;
  constraint?: string;
  message?: string;
}

export function translateConstraintError(error: unknown): unknown {
  if (typeof error !== 'object' || error === null) return error;
  const e = error as DriverError;
  let known: UniqueRule | undefined;
  if (e.code === '23505') known = UNIQUE.find((u) => u.constraint === e.constraint);
  else if (e.code === 'SQLITE_CONSTRAINT_UNIQUE' || e.code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
    const columns = /constraint failed: (.*)$/.exec(e.message ?? '')?.[1]?.trim();
    known = UNIQUE.find((u) => u.columns === columns);
  }
  return known ? new RosterError(known.code, known.detail, known.field) : error;
}
