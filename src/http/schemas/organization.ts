/**
 * @module Schemas of organizations, their settings, roles and audit events.
 */
import { Type } from 'typebox';
import { PASSPHRASE_LENGTH, PASSWORD_HISTORY_MAX, PASSWORD_MIN_LENGTH_FLOOR } from '../../domain/password-policy.js';
import { Id, Label, Nullable, Strict, Timestamp } from './common.js';

export const OrganizationName = Label(200);

const passwordPolicyFields = {
  minLength: Type.Integer({ minimum: PASSWORD_MIN_LENGTH_FLOOR, maximum: PASSPHRASE_LENGTH, description: `Characters at least (default 12); a password of ${PASSPHRASE_LENGTH} or more always meets length and character classes` }),
  requireLower: Type.Boolean({ description: 'At least one lowercase letter' }),
  requireUpper: Type.Boolean({ description: 'At least one uppercase letter' }),
  requireDigit: Type.Boolean({ description: 'At least one digit' }),
  requireSymbol: Type.Boolean({ description: 'At least one character that is neither a letter nor a digit (a space counts)' }),
  disallowCommon: Type.Boolean({ description: 'Refuse common passwords (default true)' }),
  historyCount: Type.Integer({ minimum: 0, maximum: PASSWORD_HISTORY_MAX, description: 'A new password may not be one of the last N, the current one included (default 0: off)' }),
  maxAgeDays: Nullable(Type.Integer({ minimum: 1, maximum: 3650, description: 'Days until the password must be changed at the next sign-in (default null: never)' })),
};

const settingsFields = {
  allowMemberDeletion: Type.Boolean({ description: 'Members can be deleted (seed 003), not only deactivated (seed 000)' }),
  invitationLifetimeDays: Type.Integer({ minimum: 1, maximum: 90 }),
  sessionIdleMinutes: Nullable(Type.Integer({ minimum: 5, maximum: 60 * 24 * 30 })),
  sessionAbsoluteHours: Nullable(Type.Integer({ minimum: 1, maximum: 24 * 365 })),
  passwordPolicy: Type.Object(passwordPolicyFields, { description: 'Password complexity (seed 004); a user in several organizations meets all of their policies' }),
};

export const Organization = Type.Object({
  id: Id,
  name: Type.String(),
  settings: Type.Object(settingsFields),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

export const OrganizationPatch = Type.Object({
  name: Type.Optional(OrganizationName),
  // Partial drops the options of the object it wraps, so the strictness goes on the result.
  settings: Type.Optional(Type.Partial(Type.Object({ ...settingsFields, passwordPolicy: Type.Partial(Type.Object(passwordPolicyFields), Strict) }), Strict)),
}, Strict);

export const RoleKey = Type.String({ minLength: 2, maxLength: 64, pattern: '^[a-z][a-z0-9_-]*$' });
const Permissions = Type.Array(Type.String({ minLength: 1, maxLength: 200 }), { maxItems: 500 });
export const ResourceScope = Type.Union([Type.Literal('one'), Type.Literal('granted'), Type.Literal('all')], {
  description: 'one: exactly one granted resource (Partner); granted: any number granted one by one (Normal); all: every resource (Admin)',
});
const ResourceScopes = Type.Record(Type.String({ pattern: '^[a-z][a-z0-9_]*$', maxLength: 64 }), ResourceScope, { additionalProperties: false });

export const Role = Type.Object({
  id: Id,
  key: Type.String(),
  name: Type.String(),
  description: Type.String(),
  permissions: Type.Array(Type.String()),
  builtin: Type.Boolean(),
  resourceScopes: Type.Record(Type.String(), Type.String()),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

export const NewRole = Type.Object({
  key: RoleKey,
  name: Label(100),
  description: Type.Optional(Type.String({ maxLength: 500 })),
  permissions: Permissions,
  resourceScopes: Type.Optional(ResourceScopes),
}, Strict);

export const RolePatch = Type.Object({
  name: Type.Optional(Label(100)),
  description: Type.Optional(Type.String({ maxLength: 500 })),
  permissions: Type.Optional(Permissions),
  resourceScopes: Type.Optional(ResourceScopes),
}, Strict);


export const AuditEvent = Type.Object({
  id: Id,
  organizationId: Nullable(Id),
  actorUserId: Nullable(Id),
  actorDisplayName: Type.String({ description: 'The actor\'s display name when the event happened' }),
  action: Type.String(),
  targetType: Type.String(),
  targetId: Nullable(Type.String()),
  targetDisplayName: Nullable(Type.String()),
  before: Type.Unknown(),
  after: Type.Unknown(),
  createdAt: Timestamp,
});
