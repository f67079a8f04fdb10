/**
 * @module Members of an organization (the console's Users page): list and search, add directly,
 * edit, deactivate and activate, delete, bulk actions.
 */
import { Type } from 'typebox';
import { Id, MemberSearchQuery, OrganizationParams, PageOf, PageQuery, problemResponses, Strict } from '../schemas/common.js';
import { ConditionalHeaders, conditionalResponses, withTag } from '../schemas/conditional.js';
import { RoleKey } from '../schemas/organization.js';
import { Member, NewUser, Password, ProfilePatch } from '../schemas/user.js';
import type { App, RouteDeps } from '../types.js';

const MemberParams = Type.Object({ organizationId: Id, userId: Id }, Strict);

const ListQuery = Type.Object({
  ...PageQuery,
  status: Type.Optional(Type.Union([Type.Literal('active'), Type.Literal('inactive')], { description: 'Active and inactive members are listed apart' })),
  ...MemberSearchQuery,
  role: Type.Optional(Type.String({ maxLength: 64 })),
  group: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: 'Only members of this group (a group id)' })),
}, Strict);

const Overrides = Type.Record(Type.String({ minLength: 1, maxLength: 200 }), Type.Union([Type.Literal('allow'), Type.Literal('deny'), Type.Literal('inherit')]), {
  additionalProperties: false, maxProperties: 500, description: 'User-specific permissions: allow or deny overrides role and groups; inherit removes the override',
});
const ResourceGrants = Type.Record(Type.String({ pattern: '^[a-z][a-z0-9_]*$', maxLength: 64 }), Type.Array(Type.String({ minLength: 1, maxLength: 200 }), { maxItems: 1000 }), {
  additionalProperties: false, maxProperties: 50, description: 'Granted resources per type; each type named is replaced',
});
const MemberGrants = Type.Object({
  permissions: Type.Record(Type.String(), Type.Union([Type.Literal('allow'), Type.Literal('deny')]), { description: 'The overrides set; a permission not named inherits from role and groups' }),
  resources: Type.Record(Type.String(), Type.Array(Type.String()), { description: 'Granted resource ids per type' }),
});
const AddBody = Type.Object({ ...NewUser.properties, role: RoleKey, resources: Type.Optional(ResourceGrants) }, Strict);
const PatchBody = Type.Object({
  ...ProfilePatch.properties,
  password: Type.Optional(Password),
  role: Type.Optional(RoleKey),
  groups: Type.Optional(Type.Array(Id, { maxItems: 500, description: 'Group ids: the member ends up in exactly these groups (groups.manage, and holding the permissions of every group joined or left)' })),
  permissions: Type.Optional(Overrides),
  resources: Type.Optional(ResourceGrants),
}, Strict);
const BulkBody = Type.Object({
  action: Type.Union([Type.Literal('deactivate'), Type.Literal('activate'), Type.Literal('delete')]),
  userIds: Type.Optional(Type.Array(Id, { minItems: 1, maxItems: 10_000 })),
  all: Type.Optional(Type.Boolean({ description: 'Every member but the owner and yourself' })),
}, Strict);

export function memberRoutes(app: App, { services, auth }: RouteDeps): void {
  const base = '/api/v1/organizations/:organizationId/members';

  app.get(base, {
    schema: { tags: ['members'], summary: 'List and search members (members.read)', params: OrganizationParams, querystring: ListQuery, response: { 200: PageOf(Member), ...problemResponses } },
  }, async (request) => services.members.list(await auth.access(request, request.params.organizationId), { ...request.query, status: request.query.status ?? 'active', limit: request.query.limit ?? 50 }));

  app.post(base, {
    schema: { tags: ['members'], summary: 'Add a user directly with a username and password (members.create)', params: OrganizationParams, body: AddBody, response: { 201: Member, ...problemResponses } },
  }, async (request, reply) => reply.status(201).send(await services.members.add(await auth.access(request, request.params.organizationId), request.body)));

  app.post(`${base}/bulk`, {
    schema: {
      tags: ['members'], summary: 'Deactivate, activate or delete the selected members, or all of them, all or nothing',
      params: OrganizationParams, body: BulkBody, response: { 200: Type.Object({ affected: Type.Integer() }), ...problemResponses },
    },
  }, async (request) => {
    const { action, ...selection } = request.body;
    return services.members.bulk(await auth.access(request, request.params.organizationId), action, selection);
  });

  app.get(`${base}/:userId`, {
    schema: { tags: ['members'], summary: 'One member, with its ETag', params: MemberParams, response: { 200: Member, ...problemResponses } },
  }, async (request, reply) => withTag(reply, await services.members.get(await auth.access(request, request.params.organizationId), request.params.userId)));

  app.get(`${base}/:userId/permissions`, {
    schema: {
      tags: ['members'], summary: 'A member\'s user-specific permissions (allow / deny) and granted resources, as PATCH sets them (members.read, or yourself)',
      params: MemberParams, response: { 200: MemberGrants, ...problemResponses },
    },
  }, async (request) => services.members.grants(await auth.access(request, request.params.organizationId), request.params.userId));

  app.patch(`${base}/:userId`, {
    schema: { tags: ['members'], summary: 'Edit a member; the username can not be changed (members.update, roles.assign for role)', params: MemberParams, headers: ConditionalHeaders, body: PatchBody, response: { 200: Member, ...conditionalResponses } },
  }, async (request, reply) => withTag(reply, await services.members.update(await auth.access(request, request.params.organizationId), request.params.userId, request.body, request.headers['if-match'])));

  app.delete(`${base}/:userId`, {
    schema: { tags: ['members'], summary: 'Delete a member, when the organization allows deletion (members.delete)', params: MemberParams, headers: ConditionalHeaders, response: { 204: Type.Null(), ...conditionalResponses } },
  }, async (request, reply) => {
    await services.members.remove(await auth.access(request, request.params.organizationId), request.params.userId, request.headers['if-match']);
    return reply.status(204).send(null);
  });

  app.post(`${base}/:userId/deactivate`, {
    schema: { tags: ['members'], summary: 'Deactivate a member, keeping role and groups (members.deactivate)', params: MemberParams, headers: ConditionalHeaders, response: { 200: Member, ...conditionalResponses } },
  }, async (request, reply) => withTag(reply, await services.members.deactivate(await auth.access(request, request.params.organizationId), request.params.userId, request.headers['if-match'])));

  app.post(`${base}/:userId/resend-invitation`, {
    schema: {
      tags: ['members'], summary: 'Send the invitation email again to a member who never logged in (members.invite, seed 004)',
      params: MemberParams, response: { 200: Member, ...problemResponses },
    },
  }, async (request) => services.members.resendInvitation(await auth.access(request, request.params.organizationId), request.params.userId));

  app.post(`${base}/:userId/password-reset`, {
    schema: {
      tags: ['members'], summary: 'Email the member a password reset link; the admin never sees or chooses the password (members.update)',
      params: MemberParams, response: { 202: Type.Object({ email: Type.String(), expiresAt: Type.String({ format: 'date-time' }) }), ...problemResponses },
    },
  }, async (request, reply) => reply.status(202).send(await services.members.startPasswordReset(await auth.access(request, request.params.organizationId), request.params.userId)));

  app.post(`${base}/:userId/activate`, {
    schema: { tags: ['members'], summary: 'Reactivate a member (members.deactivate)', params: MemberParams, headers: ConditionalHeaders, response: { 200: Member, ...conditionalResponses } },
  }, async (request, reply) => withTag(reply, await services.members.activate(await auth.access(request, request.params.organizationId), request.params.userId, request.headers['if-match'])));
}
