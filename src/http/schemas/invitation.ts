/**
 * @module Schemas of invitations, the invitee's preview and acceptance.
 */
import { Type } from 'typebox';
import { Id, Nullable, Strict, Timestamp } from './common.js';
import { RoleKey } from './organization.js';
import { Name, Password, Username } from './user.js';

export const InvitationStatus = Type.Union([Type.Literal('pending'), Type.Literal('accepted'), Type.Literal('revoked'), Type.Literal('bounced'), Type.Literal('expired')]);

export const Invitation = Type.Object({
  id: Id,
  email: Type.String(),
  role: Type.String(),
  permissions: Type.Array(Type.String()),
  groups: Type.Array(Type.String()),
  resources: Type.Record(Type.String(), Type.Array(Type.String())),
  note: Nullable(Type.String()),
  status: InvitationStatus,
  bounceReason: Nullable(Type.String({ description: 'What the mail server said when it refused the address (seed 004)' })),
  invitedBy: Nullable(Id),
  invitedByName: Type.String(),
  sendCount: Type.Integer(),
  lastSentAt: Nullable(Timestamp),
  expiresAt: Timestamp,
  acceptedAt: Nullable(Timestamp),
  createdAt: Timestamp,
});

export const InvitationRequest = Type.Object({
  emails: Type.Union([
    Type.String({ minLength: 3, maxLength: 300_000, description: 'Comma-separated addresses (seed 003)' }),
    Type.Array(Type.String({ maxLength: 320 }), { minItems: 1, maxItems: 1000 }),
  ]),
  role: RoleKey,
  permissions: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 200 }), { maxItems: 500, description: 'Permissions on top of the role' })),
  groups: Type.Optional(Type.Array(Id, { maxItems: 200 })),
  resources: Type.Optional(Type.Record(Type.String({ pattern: '^[a-z][a-z0-9_]*$', maxLength: 64 }), Type.Array(Type.String({ minLength: 1, maxLength: 200 }), { maxItems: 1000 }), { additionalProperties: false, maxProperties: 50 })),
  note: Type.Optional(Nullable(Type.String({ maxLength: 2000, description: 'Note to invitees, included in the email (seed 003)' }))),
}, Strict);

export const InvitationResults = Type.Object({
  results: Type.Array(Type.Object({
    email: Type.String(),
    status: Type.Union([Type.Literal('invited'), Type.Literal('refreshed'), Type.Literal('invalid'), Type.Literal('already_member'), Type.Literal('duplicate')]),
    invitationId: Type.Optional(Id),
    reason: Type.Optional(Type.String()),
  })),
});

export const InvitationPreview = Type.Object({
  organization: Type.Object({ id: Id, name: Type.String() }),
  invitedByName: Type.String(),
  role: Type.Object({ key: Type.String(), name: Type.String() }),
  email: Type.String(),
  note: Nullable(Type.String()),
  expiresAt: Timestamp,
  existingAccount: Type.Boolean({ description: 'Whether to sign in (true) or create an account (false) to accept' }),
});

export const AcceptBody = Type.Object({
  username: Type.Optional(Username),
  password: Type.Optional(Password),
  firstName: Type.Optional(Name),
  lastName: Type.Optional(Name),
}, Strict);

export const TokenParams = Type.Object({ token: Type.String({ minLength: 1, maxLength: 200 }) }, Strict);
