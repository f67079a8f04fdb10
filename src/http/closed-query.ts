/**
 * @module Every documented route refuses query parameters it does not name, as the routes with a
 * query schema already do (`request.unknown_field`, naming it): a parameter a route ignores is a
 * typo or a probe the client should hear about, not something silently dropped.
 */
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';

const NO_QUERY = Type.Object({}, { additionalProperties: false });

/** Must be registered before the routes: it completes each route's schema as the route is added. */
export function registerClosedQueries(app: FastifyInstance): void {
  app.addHook('onRoute', (route) => {
    // Routes outside the document (the console's files, the document itself) keep their own rules.
    if (!route.schema || route.schema.hide || route.schema.querystring) return;
    route.schema = { ...route.schema, querystring: NO_QUERY };
  });
}
