/**
 * @module Roster "processes" for tests of several processes on one PostgreSQL database, as behind a
 * load balancer (DESIGN.md §3): each is an app with its own pool, caches and LISTEN connection,
 * listening on its own port, as a separate `roster serve` would have, in the test's own process so
 * the test can look inside. test/support/processes.ts starts real `roster` processes instead.
 */
import type { AddressInfo } from 'node:net';
import { buildApp } from '../../src/app.js';
import { loadConfig, type Env } from '../../src/config.js';
import { openDatabase, type DatabaseHandle } from '../../src/db/connect.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import type { App } from '../../src/http/types.js';
import { TEST_LIMITS } from './server.js';

export interface Instance {
  app: App;
  database: DatabaseHandle;
  url: string;
  close(): Promise<void>;
}

/** The same raised per-address limits as startRoster's: every request of a test comes from 127.0.0.1. */
export async function startInstance(databaseUrl: string, env: Env = {}): Promise<Instance> {
  const config = loadConfig({ DATABASE_URL: databaseUrl, LOG_LEVEL: 'silent', ...TEST_LIMITS, ...env });
  const database = openDatabase({ url: config.databaseUrl, poolSize: 5 });
  await migrateToLatest(database.db);
  const { app } = await buildApp({ config, database });
  await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    app, database, url: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`,
    async close() {
      await app.close();
      await database.close();
    },
  };
}
