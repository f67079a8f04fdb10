/**
 * @module Liveness and readiness probes for load balancers and orchestrators.
 */
import { sql, type Kysely } from 'kysely';
import { Type } from 'typebox';
import { migrationsApplied } from '../../db/migrate.js';
import type { Database } from '../../db/schema.js';
import type { App } from '../types.js';

const Status = Type.Object({ status: Type.String(), database: Type.Optional(Type.String()), migrations: Type.Optional(Type.String()) });

export function healthRoutes(app: App, db: Kysely<Database>): void {
  app.get('/healthz', { schema: { tags: ['health'], summary: 'The process is alive', response: { 200: Status } } }, async () => ({ status: 'ok' }));

  app.get('/readyz', { schema: { tags: ['health'], summary: 'The database is reachable and migrated', response: { 200: Status, 503: Status } } }, async (_request, reply) => {
    try {
      await sql`select 1`.execute(db);
    } catch {
      return reply.status(503).send({ status: 'unavailable', database: 'unreachable' });
    }
    if (!(await migrationsApplied(db))) return reply.status(503).send({ status: 'unavailable', database: 'ok', migrations: 'pending' });
    return { status: 'ok', database: 'ok', migrations: 'applied' };
  });
}
