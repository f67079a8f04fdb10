/**
 * @module Organizations: create another one, read and edit one and its settings, transfer
 * ownership, and (super admins) list every organization of the instance.
 */
import { Type } from 'typebox';
import { Id, OrganizationParams, PageOf, PageQuery, problemResponses, Strict } from '../schemas/common.js';
import { Organization, OrganizationName, OrganizationPatch } from '../schemas/organization.js';
import { Member } from '../schemas/user.js';
import type { App, RouteDeps } from '../types.js';

export function organizationRoutes(app: App, { services, auth }: RouteDeps): void {
  app.post('/api/v1/organizations', {
    schema: {
      tags: ['organizations'], summary: 'Create another organization; you become its owner',
      body: Type.Object({ name: OrganizationName }, Strict), response: { 201: Organization, ...problemResponses },
    },
  }, async (request, reply) => {
    const session = await auth.requireSession(request);
    const organization = await services.organizations.create(await auth.actor(request), session.user, request.body.name);
    return reply.status(201).send(organization);
  });

  app.get('/api/v1/organizations', {
    schema: {
      tags: ['organizations'], summary: 'Every organization of the instance (super admins only)',
      querystring: Type.Object(PageQuery, Strict), response: { 200: PageOf(Organization), ...problemResponses },
    },
  }, async (request) => services.organizations.listAll(await auth.actor(request), request.query.limit ?? 50, request.query.cursor));

  app.get('/api/v1/organizations/:organizationId', {
    schema: { tags: ['organizations'], summary: 'An organization and its settings', params: OrganizationParams, response: { 200: Organization, ...problemResponses } },
  }, async (request) => services.organizations.get(await auth.access(request, request.params.organizationId)));

  app.patch('/api/v1/organizations/:organizationId', {
    schema: {
      tags: ['organizations'], summary: 'Rename an organization or change its settings (settings.manage)',
      params: OrganizationParams, body: OrganizationPatch, response: { 200: Organization, ...problemResponses },
    },
  }, async (request) => services.organizations.update(await auth.access(request, request.params.organizationId), request.body));

  app.post('/api/v1/organizations/:organizationId/transfer-ownership', {
    schema: {
      tags: ['organizations'], summary: 'Make another active member the owner; you become an admin (owner only)',
      params: OrganizationParams, body: Type.Object({ userId: Id }, Strict), response: { 200: Member, ...problemResponses },
    },
  }, async (request) => services.members.transferOwnership(await auth.access(request, request.params.organizationId), request.body.userId));
}
