/**
 * @module Maps profile fields from the API's camelCase to user columns, shared by sign-up, /me,
 * adding a member and editing one, so every path stores a profile the same way.
 */
import { emailKey } from '../domain/username.js';
import type { UserUpdate } from '../db/schema.js';

export interface ProfileInput {
  email?: string;
  firstName?: string;
  lastName?: string;
  displayName?: string | null;
  alias?: string | null;
  title?: string | null;
  phone?: string | null;
  phoneExtension?: string | null;
  address?: string | null;
  color?: string | null;
  clickToDial?: string | null;
  senderEmails?: string[];
  signature?: string | null;
}

const blankToNull = (v: string | null | undefined): string | null | undefined =>
  v === undefined ? undefined : v === null || v.trim() === '' ? null : v.trim();

export function profileColumns(p: ProfileInput): UserUpdate {
  const c: UserUpdate = {};
  if (p.email !== undefined) {
    c.email = p.email.trim();
    c.email_key = emailKey(p.email);
  }
  if (p.firstName !== undefined) c.first_name = p.firstName.trim();
  if (p.lastName !== undefined) c.last_name = p.lastName.trim();
  const optional = {
    display_name: p.displayName, alias: p.alias, title: p.title, phone: p.phone, phone_extension: p.phoneExtension,
    address: p.address, color: p.color, click_to_dial: p.clickToDial, signature: p.signature,
  } as const;
  for (const [column, value] of Object.entries(optional)) {
    const v = blankToNull(value);
    if (v !== undefined) (c as Record<string, string | null>)[column] = v;
  }
  if (p.senderEmails !== undefined) {
    // Order matters (the first is the default, seed 002); duplicates do not.
    const seen = new Set<string>();
    const list = p.senderEmails.map((e) => e.trim()).filter((e) => e && !seen.has(e.toLowerCase()) && seen.add(e.toLowerCase()));
    c.sender_emails = JSON.stringify(list);
  }
  return c;
}

/** The profile as stored, for audit before/after records, without secrets. */
export function auditableProfile(changes: UserUpdate): Record<string, unknown> {
  const { password_hash: _p, email_key: _e, username_key: _u, updated_at: _t, ...rest } = changes;
  return rest;
}
