/**
 * @module API keys of an organization, for programs that call Roster with `Authorization: Bearer`:
 * create (the secret is shown once), list, revoke (api_keys.manage).
 */
import { Type } from 'typebox';
import { ApiKey, CreatedApiKey, NewApiKey } from '../schemas/api-key.js';
import { Id, OrganizationParams, PageOf, PageQuery, problemResponses, Strict } from '../schemas/common.js';
import type { App, RouteDeps } from '../types.js';

const ApiKeyParams = Type.Object({ organizationId: Id, keyId: Id }, Strict);

export function apiKeyRoutes(app: App, { services, auth }: RouteDeps): void {
  const base = '/api/v1/organizations/:organizationId/api-keys';

  app.post(base, {
    schema: {
      tags: ['api-keys'], summary: 'Create an API key with at most your own permissions; its secret is shown this once (api_keys.manage)',
      params: OrganizationParams, body: NewApiKey, response: { 201: CreatedApiKey, ...problemResponses },
    },
  }, async (request, reply) => reply.status(201).send(await services.apiKeys.create(await auth.access(request, request.params.organizationId), request.body)));

  app.get(base, {
    schema: {
      tags: ['api-keys'], summary: 'API keys not revoked, without their secrets (api_keys.manage)',
      params: OrganizationParams, querystring: Type.Object(PageQuery, Strict), response: { 200: PageOf(ApiKey), ...problemResponses },
    },
  }, async (request) => services.apiKeys.list(await auth.access(request, request.params.organizationId), { limit: request.query.limit ?? 50, cursor: request.query.cursor }));

  app.delete(`${base}/:keyId`, {
    schema: { tags: ['api-keys'], summary: 'Revoke an API key; it stops working at once (api_keys.manage)', params: ApiKeyParams, response: { 204: Type.Null(), ...problemResponses } },
  }, async (request, reply) => {
    await services.apiKeys.revoke(await auth.access(request, request.params.organizationId), request.params.keyId);
    return reply.status(204).send(null);
  });
}
