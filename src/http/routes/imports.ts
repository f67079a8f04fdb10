/**
 * @module CSV imports (seed 004 "add users in bulk"): import or dry-run a file, list imports, and
 * follow one's progress. The file is the request body as `text/csv`, up to 32 MiB on this route only.
 */
import { Type } from 'typebox';
import { Id, OrganizationParams, PageOf, PageQuery, problemResponses, Strict } from '../schemas/common.js';
import { DryRunReport, Import, ImportQuery, ImportRejected } from '../schemas/import.js';
import type { App, RouteDeps } from '../types.js';

/** Room for 100,000 rows with groups, permissions and notes; every other route keeps its 1 MiB. */
export const IMPORT_BODY_LIMIT = 32 * 1024 * 1024;

const ImportParams = Type.Object({ organizationId: Id, importId: Id }, Strict);

export function importRoutes(app: App, { services, auth }: RouteDeps): void {
  const base = '/api/v1/organizations/:organizationId/imports';

  // A scope of its own, so the CSV parser and its larger limit apply to the import route alone.
  void app.register(async (scope: App) => {
    scope.addContentTypeParser(['text/csv', 'application/csv'], { parseAs: 'string', bodyLimit: IMPORT_BODY_LIMIT }, (_request, body, done) => done(null, body));
    scope.post(base, {
      schema: {
        tags: ['imports'],
        summary: 'Import invitees from a CSV file (members.invite), or check it with dryRun=true',
        description: 'The body is the CSV file, `Content-Type: text/csv`: a header row naming the columns (email, firstName, lastName, role, groups, '
          + 'permissions, resources, note; only email is required), then one invitee a row. A dry run answers 200 with every row\'s problems and '
          + 'changes nothing; an import answers 201 once done. An all_or_nothing import of a file with problems answers 422 with all of them.',
        params: OrganizationParams, querystring: ImportQuery,
        response: { 200: DryRunReport, 201: Import, ...problemResponses, 413: Type.Ref('Problem'), 415: Type.Ref('Problem'), 422: ImportRejected },
      },
    }, async (request, reply) => {
      const access = await auth.access(request, request.params.organizationId);
      const result = await services.imports.run(access, request.body, { mode: request.query.mode ?? 'all_or_nothing', dryRun: request.query.dryRun ?? false });
      return reply.status('dryRun' in result ? 200 : 201).send(result);
    });
  });

  app.get(base, {
    schema: {
      tags: ['imports'], summary: 'Imports, newest first, with their progress (members.invite)',
      params: OrganizationParams, querystring: Type.Object(PageQuery, Strict), response: { 200: PageOf(Import), ...problemResponses },
    },
  }, async (request) => services.imports.list(await auth.access(request, request.params.organizationId), { ...request.query, limit: request.query.limit ?? 50 }));

  app.get(`${base}/:importId`, {
    schema: {
      tags: ['imports'], summary: 'One import: its progress while it runs, and every problem of the rows it skipped (members.invite)',
      params: ImportParams, response: { 200: Import, ...problemResponses },
    },
  }, async (request) => services.imports.get(await auth.access(request, request.params.organizationId), request.params.importId));
}
