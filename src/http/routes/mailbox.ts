/**
 * @module The dev mailbox: with no SMTP server configured, an organization's email is read here
 * instead of in an inbox.
 */
import { Type } from 'typebox';
import { OrganizationParams, PageOf, PageQuery, problemResponses, Strict } from '../schemas/common.js';
import { MailboxMessage } from '../schemas/mailbox.js';
import type { App, RouteDeps } from '../types.js';

const MailboxQuery = Type.Object({
  ...PageQuery,
  to: Type.Optional(Type.String({ minLength: 1, maxLength: 320, description: 'Only messages to this address (any case)' })),
}, Strict);

export function mailboxRoutes(app: App, { services, auth }: RouteDeps): void {
  app.get('/api/v1/organizations/:organizationId/mailbox', {
    schema: {
      tags: ['mail'], summary: 'The organization\'s email, newest first, while no SMTP server is configured (settings.manage)',
      params: OrganizationParams, querystring: MailboxQuery, response: { 200: PageOf(MailboxMessage), ...problemResponses },
    },
  }, async (request) => services.mailbox.list(await auth.access(request, request.params.organizationId), { ...request.query, limit: request.query.limit ?? 50 }));
}
