/**
 * @module Schemas of groups (seed 002 "User Groups"): a named set of members with permissions.
 */
import { Type } from 'typebox';
import { Id, Strict, Timestamp } from './common.js';

const GroupName = Type.String({ minLength: 1, maxLength: 100, description: 'Unique in the organization without regard to case' });
const Description = Type.String({ maxLength: 500 });
const Permissions = Type.Array(Type.String({ minLength: 1, maxLength: 200 }), {
  maxItems: 500, description: 'From the catalogue (Roster\'s, the application\'s, module:<name>.<action>); at most the permissions you hold yourself',
});

export const Group = Type.Object({
  id: Id,
  name: Type.String(),
  description: Type.String(),
  permissions: Type.Array(Type.String()),
  memberCount: Type.Integer({ description: 'Members in the group, active and inactive' }),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

export const NewGroup = Type.Object({
  name: GroupName,
  description: Type.Optional(Description),
  permissions: Type.Optional(Permissions),
}, Strict);

export const GroupPatch = Type.Object({
  name: Type.Optional(GroupName),
  description: Type.Optional(Description),
  permissions: Type.Optional(Permissions),
}, Strict);
