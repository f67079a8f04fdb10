/**
 * @module The User Details form's values (seed 002's fields, seed 000's display name, alias and
 * signature, and the one resource a role like seed 003's Partner needs) and how they become the API's
 * bodies: everything for a new user, only what changed for an existing one (blank optional fields
 * are cleared). A role and the resource it needs go in the same request, so neither is refused for
 * lack of the other.
 */
import type { Member, MemberPatch, NewMember } from './queries';

export const TEXT_FIELDS = [
  'username', 'password', 'firstName', 'lastName', 'displayName', 'alias', 'title', 'email', 'senderEmails',
  'phone', 'phoneExtension', 'address', 'color', 'clickToDial', 'signature', 'role',
] as const;
export type TextFieldName = (typeof TEXT_FIELDS)[number];
/** `resources`: the one resource picked per type the chosen role needs exactly one of (seed 003's partner). */
export type MemberFormValues = Record<TextFieldName, string> & { groups: string[]; resources: Record<string, string[]> };

/** Every field the API may name in a problem, for formErrors. */
export const FORM_FIELDS: readonly string[] = [...TEXT_FIELDS, 'groups', 'resources'];

const OPTIONAL = ['displayName', 'alias', 'title', 'phone', 'phoneExtension', 'address', 'color', 'clickToDial', 'signature'] as const;

export function emptyForm(role = 'member'): MemberFormValues {
  const values = Object.fromEntries(TEXT_FIELDS.map((f) => [f, ''])) as Record<TextFieldName, string>;
  return { ...values, role, groups: [], resources: {} };
}

export function formFromMember(m: Member): MemberFormValues {
  return {
    username: m.username, password: '', firstName: m.firstName, lastName: m.lastName, displayName: m.displayName,
    alias: m.alias ?? '', title: m.title ?? '', email: m.email, senderEmails: m.senderEmails.join(', '), phone: m.phone ?? '',
    phoneExtension: m.phoneExtension ?? '', address: m.address ?? '', color: m.color ?? '', clickToDial: m.clickToDial ?? '',
    signature: m.signature ?? '', role: m.role, groups: m.groups.map((g) => g.id), resources: {},
  };
}

const emails = (text: string) => text.split(',').map((e) => e.trim()).filter(Boolean);

/** The picked resources, leaving out types with none picked (the API then names what is missing). */
const pickedResources = (v: MemberFormValues) => Object.fromEntries(Object.entries(v.resources).filter(([, ids]) => ids.length > 0));

export function newMemberBody(v: MemberFormValues): NewMember {
  const body: NewMember = { username: v.username.trim(), password: v.password, firstName: v.firstName, lastName: v.lastName, email: v.email.trim(), role: v.role };
  for (const f of OPTIONAL) if (v[f].trim()) body[f] = v[f];
  const senders = emails(v.senderEmails);
  if (senders.length > 0) body.senderEmails = senders;
  const resources = pickedResources(v);
  if (Object.keys(resources).length > 0) body.resources = resources;
  return body;
}

export function memberPatch(v: MemberFormValues, m: Member): MemberPatch {
  const before = formFromMember(m);
  const patch: MemberPatch = {};
  if (v.firstName !== before.firstName) patch.firstName = v.firstName;
  if (v.lastName !== before.lastName) patch.lastName = v.lastName;
  if (v.email.trim() !== before.email) patch.email = v.email.trim();
  for (const f of OPTIONAL) if (v[f] !== before[f]) patch[f] = v[f].trim() ? v[f] : null;
  if (emails(v.senderEmails).join(',') !== emails(before.senderEmails).join(',')) patch.senderEmails = emails(v.senderEmails);
  if (v.role !== before.role) {
    patch.role = v.role;
    // The new role's partner, in the same request: the API checks both together, all or nothing.
    const resources = pickedResources(v);
    if (Object.keys(resources).length > 0) patch.resources = resources;
  }
  if ([...v.groups].sort().join(',') !== [...before.groups].sort().join(',')) patch.groups = v.groups;
  return patch;
}
