/**
 * @module Organization notices by email (seed 001): to every active member, or to those holding a
 * permission, such as a billing contact's `billing.notices`.
 */
import { Type } from 'typebox';
import { OrganizationParams, problemResponses, Strict } from '../schemas/common.js';
import type { App, RouteDeps } from '../types.js';

const NoticeBody = Type.Object({
  subject: Type.String({ minLength: 1, maxLength: 200, pattern: '^[^\\r\\n]*$', description: 'One line; the email\'s subject starts with the organization\'s name' }),
  body: Type.String({ minLength: 1, maxLength: 20_000, description: 'Plain text; blank lines separate paragraphs' }),
  permission: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'Only the active members who hold this permission (e.g. billing.notices); every active member when left out' })),
}, Strict);

export function notificationRoutes(app: App, { services, auth }: RouteDeps): void {
  app.post('/api/v1/organizations/:organizationId/notifications', {
    schema: {
      tags: ['notifications'], summary: 'Queue a notice by email to every active member, or to those holding a permission (notifications.send)',
      params: OrganizationParams, body: NoticeBody, response: { 202: Type.Object({ queued: Type.Integer({ description: 'Emails queued, one a recipient' }) }), ...problemResponses },
    },
  }, async (request, reply) => reply.status(202).send(await services.notifications.send(await auth.access(request, request.params.organizationId), request.body)));
}
