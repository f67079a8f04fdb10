/**
 * @module Groups of an organization (seed 002 "Group Manager"): create, rename, delete, their
 * permissions, and their members. Reading needs `members.read`; changing needs `groups.manage`.
 */
import { Type } from 'typebox';
import { ConditionalHeaders, conditionalResponses, withTag } from '../schemas/conditional.js';
import { Id, MemberSearchQuery, OrganizationParams, PageOf, PageQuery, problemResponses, Strict } from '../schemas/common.js';
import { Group, GroupPatch, NewGroup } from '../schemas/group.js';
import { Member } from '../schemas/user.js';
import type { App, RouteDeps } from '../types.js';

const GroupParams = Type.Object({ organizationId: Id, groupId: Id }, Strict);
const GroupMemberParams = Type.Object({ organizationId: Id, groupId: Id, userId: Id }, Strict);

const MembersQuery = Type.Object({
  ...PageQuery,
  status: Type.Optional(Type.Union([Type.Literal('active'), Type.Literal('inactive')], { description: 'Left out: active and inactive members alike' })),
  ...MemberSearchQuery,
}, Strict);

export function groupRoutes(app: App, { services, auth }: RouteDeps): void {
  const base = '/api/v1/organizations/:organizationId/groups';

  app.get(base, {
    schema: { tags: ['groups'], summary: 'Groups of the organization, by name, with their member counts (members.read)', params: OrganizationParams, querystring: Type.Object(PageQuery, Strict), response: { 200: PageOf(Group), ...problemResponses } },
  }, async (request) => services.groups.list(await auth.access(request, request.params.organizationId), { limit: request.query.limit ?? 50, cursor: request.query.cursor }));

  app.post(base, {
    schema: { tags: ['groups'], summary: 'Create a group with permissions you hold (groups.manage)', params: OrganizationParams, body: NewGroup, response: { 201: Group, ...problemResponses } },
  }, async (request, reply) => reply.status(201).send(await services.groups.create(await auth.access(request, request.params.organizationId), request.body)));

  app.get(`${base}/:groupId`, {
    schema: { tags: ['groups'], summary: 'One group, with its ETag (members.read)', params: GroupParams, response: { 200: Group, ...problemResponses } },
  }, async (request, reply) => withTag(reply, await services.groups.get(await auth.access(request, request.params.organizationId), request.params.groupId)));

  app.patch(`${base}/:groupId`, {
    schema: { tags: ['groups'], summary: 'Rename a group or change its description or permissions; you must hold its permissions, old and new (groups.manage)', params: GroupParams, headers: ConditionalHeaders, body: GroupPatch, response: { 200: Group, ...conditionalResponses } },
  }, async (request, reply) => withTag(reply, await services.groups.update(await auth.access(request, request.params.organizationId), request.params.groupId, request.body, request.headers['if-match'])));

  app.delete(`${base}/:groupId`, {
    schema: { tags: ['groups'], summary: 'Delete a group, taking its permissions from its members; you must hold them (groups.manage)', params: GroupParams, headers: ConditionalHeaders, response: { 204: Type.Null(), ...conditionalResponses } },
  }, async (request, reply) => {
    await services.groups.remove(await auth.access(request, request.params.organizationId), request.params.groupId, request.headers['if-match']);
    return reply.status(204).send(null);
  });

  app.get(`${base}/:groupId/members`, {
    schema: { tags: ['groups'], summary: 'Members of a group, by username (members.read)', params: GroupParams, querystring: MembersQuery, response: { 200: PageOf(Member), ...problemResponses } },
  }, async (request) => services.groups.members(await auth.access(request, request.params.organizationId), request.params.groupId, { ...request.query, limit: request.query.limit ?? 50 }));

  app.put(`${base}/:groupId/members/:userId`, {
    schema: { tags: ['groups'], summary: 'Put a member in a group; you must hold the group\'s permissions (groups.manage)', params: GroupMemberParams, response: { 204: Type.Null(), ...problemResponses } },
  }, async (request, reply) => {
    await services.groups.addMember(await auth.access(request, request.params.organizationId), request.params.groupId, request.params.userId);
    return reply.status(204).send(null);
  });

  app.delete(`${base}/:groupId/members/:userId`, {
    schema: { tags: ['groups'], summary: 'Take a member out of a group; you must hold the group\'s permissions (groups.manage)', params: GroupMemberParams, response: { 204: Type.Null(), ...problemResponses } },
  }, async (request, reply) => {
    await services.groups.removeMember(await auth.access(request, request.params.organizationId), request.params.groupId, request.params.userId);
    return reply.status(204).send(null);
  });
}
