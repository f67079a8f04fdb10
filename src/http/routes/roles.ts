/**
 * @module Roles and the permission catalogue of an organization.
 */
import { Type } from 'typebox';
import { ConditionalHeaders, conditionalResponses, withTag } from '../schemas/conditional.js';
import { Id, OrganizationParams, problemResponses, Strict } from '../schemas/common.js';
import { NewRole, Role, RolePatch } from '../schemas/organization.js';
import type { App, RouteDeps } from '../types.js';

const RoleParams = Type.Object({ organizationId: Id, roleKey: Type.String({ minLength: 1, maxLength: 64 }) }, Strict);

export function roleRoutes(app: App, { services, auth }: RouteDeps): void {
  const base = '/api/v1/organizations/:organizationId/roles';

  app.get(base, {
    schema: { tags: ['roles'], summary: 'Roles of the organization', params: OrganizationParams, response: { 200: Type.Object({ items: Type.Array(Role) }), ...problemResponses } },
  }, async (request) => ({ items: await services.roles.list(await auth.access(request, request.params.organizationId)) }));

  app.post(base, {
    schema: { tags: ['roles'], summary: 'Create a custom role (roles.manage)', params: OrganizationParams, body: NewRole, response: { 201: Role, ...problemResponses } },
  }, async (request, reply) => reply.status(201).send(await services.roles.create(await auth.access(request, request.params.organizationId), request.body)));

  app.get(`${base}/:roleKey`, {
    schema: { tags: ['roles'], summary: 'One role, with its ETag', params: RoleParams, response: { 200: Role, ...problemResponses } },
  }, async (request, reply) => withTag(reply, await services.roles.get(await auth.access(request, request.params.organizationId), request.params.roleKey)));

  app.patch(`${base}/:roleKey`, {
    schema: { tags: ['roles'], summary: 'Edit a custom role (roles.manage)', params: RoleParams, headers: ConditionalHeaders, body: RolePatch, response: { 200: Role, ...conditionalResponses } },
  }, async (request, reply) => withTag(reply, await services.roles.update(await auth.access(request, request.params.organizationId), request.params.roleKey, request.body, request.headers['if-match'])));

  app.delete(`${base}/:roleKey`, {
    schema: { tags: ['roles'], summary: 'Delete a custom role nobody holds (roles.manage)', params: RoleParams, headers: ConditionalHeaders, response: { 204: Type.Null(), ...conditionalResponses } },
  }, async (request, reply) => {
    await services.roles.remove(await auth.access(request, request.params.organizationId), request.params.roleKey, request.headers['if-match']);
    return reply.status(204).send(null);
  });
}
