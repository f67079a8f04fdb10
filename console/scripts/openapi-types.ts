/**
 * @module Generates the console's API types (console/src/api/schema.d.ts) from the OpenAPI document
 * of the app as it is now: the app is built in-process on an in-memory SQLite database, so no server
 * has to run. test/unit/console-types.test.ts uses the same function to fail when the committed file
 * is stale.
 */
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { openDatabase } from '../../src/db/connect.js';
import { migrateToLatest } from '../../src/db/migrate.js';

export const SCHEMA_FILE = new URL('../src/api/schema.d.ts', import.meta.url);

const HEADER = `/**
 * @module Types of Roster's API, generated from its OpenAPI document by openapi-typescript.
 * Do not edit: run \`npm run console:types\` after changing a route's schema.
 */

`;

/** The OpenAPI document the app serves at /api/v1/openapi.json. */
export async function openApiDocument(): Promise<OpenAPI3> {
  // Fixed PUBLIC_URL: the document names it in `servers`, and the generated file must not depend on the machine's .env.
  const config = loadConfig({ DATABASE_URL: ':memory:', LOG_LEVEL: 'silent', PUBLIC_URL: 'http://127.0.0.1:3000' });
  const database = openDatabase({ url: config.databaseUrl });
  try {
    await migrateToLatest(database.db);
    const { app } = await buildApp({ config, database, mailWorker: false });
    try {
      return app.swagger() as OpenAPI3;
    } finally {
      await app.close();
    }
  } finally {
    await database.close();
  }
}

/** The text of schema.d.ts for the current document. */
export async function consoleTypes(): Promise<string> {
  return HEADER + astToString(await openapiTS(await openApiDocument(), { silent: true }));
}
