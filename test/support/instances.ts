/**
 * @module Roster "processes" for tests of several processes on one PostgreSQL database, as behind a
 * load balancer (DESIGN.md §3): each is an app with its own pool, caches and LISTEN connection,
 * listening on its own port, as a separate `roster serve` would have, in the test's own process so
 * the test can look inside. test/support/processes.ts starts real `roster` processes instead.
 */
import type { AddressInfo } from 'node:net';
import { isDeepStrictEqual } from 'node:util';
import { buildApp } from '../../src/app.js';
import { loadConfig, type Env } from '../../src/config.js';
import { openDatabase, type DatabaseHandle } from '../../src/db/connect.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import type { App } from '../../src/http/types.js';
import { createTestDatabase } from './databases.js';
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

/** Two Roster processes on one new PostgreSQL database; `close` stops both and drops the database. */
export async function startTwoInstances(): Promise<{ one: Instance; two: Instance; close(): Promise<void> }> {
  const testDb = await createTestDatabase('postgres');
  const one = await startInstance(testDb.url);
  const two = await startInstance(testDb.url);
  return {
    one, two,
    async close() {
      for (const instance of [one, two]) await instance.close();
      await testDb.drop();
    },
  };
}

/** A change made through one process is honoured by the others before this much time has passed (in practice, a few ms). */
export const WITHIN_MS = 1000;

/** Polls `probe` until it answers `expected` (deep equality); returns the milliseconds it took, or fails after 5 × WITHIN_MS. */
export async function msUntil(probe: () => Promise<unknown>, expected: unknown): Promise<number> {
  const start = performance.now();
  let last = await probe();
  while (!isDeepStrictEqual(last, expected)) {
    if (performance.now() - start > 5 * WITHIN_MS) throw new Error(`still ${JSON.stringify(last)}, not ${JSON.stringify(expected)}, after ${5 * WITHIN_MS} ms`);
    await new Promise((resolve) => setTimeout(resolve, 5));
    last = await probe();
  }
  return performance.now() - start;
}
