/**
 * @module Turns unique-constraint violations from either database into domain errors, in one place,
 * so a race between two requests ends in the same clear 409 as the check that usually catches it.
 */
import { RosterError, type ErrorCode } from '../domain/errors.js';

const UNIQUE: ReadonlyArray<{ match: RegExp; code: ErrorCode; detail: string; field: string }> = [
  { match: /username_key/, code: 'user.username_taken', detail: 'That username is taken', field: 'body.username' },
  { match: /email_key/, code: 'user.email_taken', detail: 'A user with that email already exists', field: 'body.email' },
  { match: /roles_org_key_unique|roles\.organization_id, roles\.key/, code: 'role.key_taken', detail: 'A role with that key exists', field: 'body.key' },
  { match: /members_pk|members\.organization_id, members\.user_id/, code: 'member.already_member', detail: 'Already a member', field: 'body' },
];

interface DriverError {
  code?: string;
  constraint?: string;
  detail?: string;
  message?: string;
}

export function translateConstraintError(error: unknown): unknown {
  if (typeof error !== 'object' || error === null) return error;
  const e = error as DriverError;
  const isUnique = e.code === '23505' || e.code === 'SQLITE_CONSTRAINT_UNIQUE' || e.code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
  if (!isUnique) return error;
  const text = `${e.constraint ?? ''} ${e.detail ?? ''} ${e.message ?? ''}`;
  const known = UNIQUE.find((u) => u.match.test(text));
  return known ? new RosterError(known.code, known.detail, known.field) : error;
}
