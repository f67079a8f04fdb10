/**
 * @module Schemas of the authorization check API: a question, its answer with a reason, and a
 * member's whole effective access.
 */
import { Type } from 'typebox';
import { Id, Strict } from './common.js';

export const ResourceRef = Type.Object({
  type: Type.String({ minLength: 1, maxLength: 64 }),
  id: Type.String({ minLength: 1, maxLength: 200 }),
}, Strict);

export const CheckQuery = Type.Object({
  userId: Id,
  permission: Type.String({ minLength: 1, maxLength: 200 }),
  resource: Type.Optional(ResourceRef),
}, Strict);

export const Decision = Type.Object({
  allowed: Type.Boolean(),
  reason: Type.String({
    description: 'Allowed: role:<key>, group:<name>, user:allow. Refused: not_member, inactive, user:deny, role_not_eligible, not_granted, resource_not_granted',
  }),
});

export const CheckBatch = Type.Object({ checks: Type.Array(CheckQuery, { minItems: 1, maxItems: 1000 }) }, Strict);

const Scope = Type.Union([Type.Literal('one'), Type.Literal('granted'), Type.Literal('all')]);

export const MemberAccess = Type.Object({
  userId: Id,
  role: Type.String(),
  status: Type.Union([Type.Literal('active'), Type.Literal('inactive')]),
  permissions: Type.Array(Type.Object({ permission: Type.String(), reason: Type.String() }), { description: 'Nothing for an inactive member; `*` alone for owners and admins' }),
  resources: Type.Record(Type.String(), Type.Object({ scope: Scope, ids: Type.Array(Type.String()) }), { description: 'Per resource type: all of them, or only the ids granted' }),
});
