/**
 * @module Schemas of users, profiles and members (DESIGN.md §1 field names).
 */
import { Type } from 'typebox';
import { PASSWORD_MAX_LENGTH } from '../../domain/password-policy.js';
import { Id, Label, Nullable, Strict, Timestamp } from './common.js';

const Text = (max: number) => Type.String({ maxLength: max });
const OptionalText = (max: number) => Type.Optional(Nullable(Text(max)));
export const Email = Type.String({ format: 'email', minLength: 3, maxLength: 254 });
export const Username = Type.String({ minLength: 3, maxLength: 64, description: 'Letters, digits, dot, underscore, hyphen; can not be changed once saved' });
export const Password = Type.String({ minLength: 1, maxLength: PASSWORD_MAX_LENGTH * 4 });
export const Name = Label(100);

/** The editable profile fields, each optional. */
export const profileFields = {
  email: Type.Optional(Email),
  firstName: Type.Optional(Name),
  lastName: Type.Optional(Name),
  displayName: OptionalText(200),
  alias: OptionalText(200),
  title: OptionalText(200),
  phone: OptionalText(50),
  phoneExtension: OptionalText(20),
  address: OptionalText(500),
  color: OptionalText(20),
  clickToDial: OptionalText(2000),
  senderEmails: Type.Optional(Type.Array(Email, { maxItems: 20 })),
  signature: OptionalText(2000),
};

export const ProfilePatch = Type.Object({
  ...profileFields,
  username: Type.Optional(Type.String({ maxLength: 64 })),
  currentPassword: Type.Optional(Type.String({ minLength: 1, maxLength: 1024, description: 'Needed to change the email, where password reset links go (ASVS 7.5.1)' })),
}, Strict);

export const NewUser = Type.Object({
  ...profileFields,
  username: Username,
  email: Email,
  password: Password,
  firstName: Name,
  lastName: Name,
}, Strict);

const profileOut = {
  username: Type.String(),
  email: Type.String(),
  firstName: Type.String(),
  lastName: Type.String(),
  displayName: Type.String({ description: 'How the user appears in history and logs' }),
  alias: Nullable(Type.String()),
  communicationName: Type.String({ description: 'The alias, or the real name when no alias is set' }),
  title: Nullable(Type.String()),
  phone: Nullable(Type.String()),
  phoneExtension: Nullable(Type.String()),
  address: Nullable(Type.String()),
  color: Nullable(Type.String()),
  clickToDial: Nullable(Type.String()),
  clickToDialUrl: Nullable(Type.String()),
  senderEmails: Type.Array(Type.String()),
  signature: Nullable(Type.String()),
  avatarUrl: Type.String(),
  lastLoginAt: Nullable(Timestamp),
};

export const User = Type.Object({
  id: Id,
  ...profileOut,
  superAdmin: Type.Boolean(),
  acceptedTermsVersion: Nullable(Type.String()),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

export const Member = Type.Object({
  userId: Id,
  ...profileOut,
  role: Type.String(),
  status: Type.Union([Type.Literal('active'), Type.Literal('inactive')]),
  groups: Type.Array(Type.Object({ id: Id, name: Type.String() }), { description: 'The groups the member is in, by name (seed 002 "User Groups")' }),
  addedBy: Nullable(Id),
  addedVia: Type.String(),
  joinedAt: Timestamp,
  deactivatedAt: Nullable(Timestamp),
});
