/**
 * @module The authorization check API for the host application: one check, a batch, and a member's
 * effective access (authz.check, or a signed-in member asking about themselves).
 */
import { Type } from 'typebox';
import { CheckBatch, CheckQuery, Decision, MemberAccess } from '../schemas/authz.js';
import { Id, OrganizationParams, problemResponses, Strict } from '../schemas/common.js';
import type { App, RouteDeps } from '../types.js';

const MemberParams = Type.Object({ organizationId: Id, userId: Id }, Strict);

export function authzRoutes(app: App, { services, auth }: RouteDeps): void {
  const base = '/api/v1/organizations/:organizationId';

  app.post(`${base}/authz/check`, {
    schema: {
      tags: ['authz'], summary: 'May this member do that, to this resource? Answered with a reason (authz.check, or about yourself)',
      params: OrganizationParams, body: CheckQuery, response: { 200: Decision, ...problemResponses },
    },
  }, async (request) => services.authz.check(await auth.access(request, request.params.organizationId), request.body));

  app.post(`${base}/authz/check-batch`, {
    schema: {
      tags: ['authz'], summary: 'Up to 1000 checks at once, answered in the order asked (authz.check, or about yourself)',
      params: OrganizationParams, body: CheckBatch, response: { 200: Type.Object({ results: Type.Array(Decision) }), ...problemResponses },
    },
  }, async (request) => ({ results: await services.authz.checkBatch(await auth.access(request, request.params.organizationId), request.body.checks) }));

  app.get(`${base}/members/:userId/access`, {
    schema: {
      tags: ['authz'], summary: 'A member\'s effective permissions with reasons, and resources (authz.check, or yourself)',
      params: MemberParams, response: { 200: MemberAccess, ...problemResponses },
    },
  }, async (request) => services.authz.memberAccess(await auth.access(request, request.params.organizationId), request.params.userId));
}
