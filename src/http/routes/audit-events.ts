/**
 * @module The audit trail of an organization, newest first (audit.read).
 */
import { Type } from 'typebox';
import { requirePermission } from '../../services/access.js';
import { Id, OrganizationParams, PageOf, PageQuery, problemResponses, Strict, Timestamp } from '../schemas/common.js';
import { AuditEvent } from '../schemas/organization.js';
import type { App, RouteDeps } from '../types.js';

const AuditQuery = Type.Object({
  ...PageQuery,
  actor: Type.Optional(Id),
  target: Type.Optional(Id),
  action: Type.Optional(Type.String({ maxLength: 100 })),
  from: Type.Optional(Timestamp),
  to: Type.Optional(Timestamp),
}, Strict);

export function auditEventRoutes(app: App, { services, auth }: RouteDeps): void {
  app.get('/api/v1/organizations/:organizationId/audit-events', {
    schema: {
      tags: ['audit'], summary: 'History of changes, filterable by actor, target, action and time',
      params: OrganizationParams, querystring: AuditQuery, response: { 200: PageOf(AuditEvent), ...problemResponses },
    },
  }, async (request) => {
    const access = await auth.access(request, request.params.organizationId);
    requirePermission(access, 'audit.read');
    const { actor, target, action, from, to, limit, cursor } = request.query;
    return services.audit.list(access.organizationId, {
      actorUserId: actor, targetId: target, action, limit: limit ?? 50, cursor,
      from: from ? new Date(from).toISOString() : undefined, to: to ? new Date(to).toISOString() : undefined,
    });
  });
}
