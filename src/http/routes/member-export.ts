/**
 * @module The members export: every member, or those of one status, as a CSV file that streams
 * page by page (members.read). Its groups column is what an import reads back.
 */
import { Readable } from 'node:stream';
import { Type } from 'typebox';
import { OrganizationParams, problemResponses, Strict } from '../schemas/common.js';
import type { App, RouteDeps } from '../types.js';

const ExportQuery = Type.Object({
  status: Type.Optional(Type.Union([Type.Literal('active'), Type.Literal('inactive')], { description: 'Every member when left out' })),
}, Strict);

export function memberExportRoutes(app: App, { services, auth }: RouteDeps): void {
  app.get('/api/v1/organizations/:organizationId/members/export', {
    schema: {
      tags: ['members'], summary: 'Export members as CSV (members.read)',
      description: 'Columns: username, email, firstName, lastName, displayName, alias, title, phone, role, status, groups (names separated by ;), '
        + 'lastLoginAt, joinedAt. A cell starting with =, +, -, @, a tab or a carriage return gets a leading apostrophe, so a spreadsheet does not run it as a formula.',
      params: OrganizationParams, querystring: ExportQuery, produces: ['text/csv'],
      response: { 200: Type.String({ description: 'The CSV file' }), ...problemResponses },
    },
  }, async (request, reply) => {
    const csv = services.memberExport.csv(await auth.access(request, request.params.organizationId), request.query.status);
    return reply.type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="members-${request.query.status ?? 'all'}.csv"`)
      .send(Readable.from(csv));
  });
}
