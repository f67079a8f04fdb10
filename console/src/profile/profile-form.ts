/**
 * @module My profile's values (every profile field of DESIGN.md §1 but the username, which never
 * changes) and the patch they become: only what changed, blank optional fields cleared. A new email
 * needs the current password (it is where password reset links go).
 */
import type { Me } from '../auth/session';
import type { ProfilePatch } from './queries';

export const PROFILE_FIELDS = [
  'firstName', 'lastName', 'displayName', 'alias', 'title', 'email', 'senderEmails',
  'phone', 'phoneExtension', 'address', 'color', 'clickToDial', 'signature',
] as const;
export type ProfileFieldName = (typeof PROFILE_FIELDS)[number];
export type ProfileValues = Record<ProfileFieldName, string> & { currentPassword: string };

/** Every field the API may name in a problem about this form, for formErrors. */
export const FORM_FIELDS: readonly string[] = [...PROFILE_FIELDS, 'currentPassword', 'username'];

const OPTIONAL = ['displayName', 'alias', 'title', 'phone', 'phoneExtension', 'address', 'color', 'clickToDial', 'signature'] as const;

export function profileValues(me: Me): ProfileValues {
  return {
    firstName: me.firstName, lastName: me.lastName, displayName: me.displayName, alias: me.alias ?? '', title: me.title ?? '',
    email: me.email, senderEmails: me.senderEmails.join(', '), phone: me.phone ?? '', phoneExtension: me.phoneExtension ?? '',
    address: me.address ?? '', color: me.color ?? '', clickToDial: me.clickToDial ?? '', signature: me.signature ?? '',
    currentPassword: '',
  };
}

const emails = (text: string) => text.split(',').map((e) => e.trim()).filter(Boolean);

export const emailChanged = (v: ProfileValues, me: Me) => v.email.trim().toLowerCase() !== me.email.toLowerCase();

export function profilePatch(v: ProfileValues, me: Me): ProfilePatch {
  const before = profileValues(me);
  const patch: ProfilePatch = {};
  if (v.firstName !== before.firstName) patch.firstName = v.firstName;
  if (v.lastName !== before.lastName) patch.lastName = v.lastName;
  if (emailChanged(v, me)) {
    patch.email = v.email.trim();
    patch.currentPassword = v.currentPassword;
  }
  for (const f of OPTIONAL) if (v[f] !== before[f]) patch[f] = v[f].trim() ? v[f] : null;
  if (emails(v.senderEmails).join(',') !== emails(before.senderEmails).join(',')) patch.senderEmails = emails(v.senderEmails);
  return patch;
}
