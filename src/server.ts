/**
 * @module Starts Roster for real: opens the database, applies migrations, listens on the port and
 * shuts down cleanly on SIGINT/SIGTERM.
 */
import { buildApp } from './app.js';
import type { Config } from './config.js';
import { openDatabase } from './db/connect.js';
import { migrateDatabase } from './db/migrate.js';
import { loggerOptions } from './http/logging.js';

export async function startServer(config: Config): Promise<{ url: string; close(): Promise<void> }> {
  const database = openDatabase({ url: config.databaseUrl });
  await migrateDatabase(database);
  const { app, services } = await buildApp({
    config,
    database,
    mailWorker: config.mailWorker,
    logger: loggerOptions(config.logLevel),
  });
  await app.listen({ port: config.port, host: config.host });
  const where = database.dialect === 'sqlite' ? `SQLite at ${config.databaseUrl}` : 'PostgreSQL';
  app.log.info(`Roster is listening on ${config.publicUrl} (${where})`);
  console.log(`\nRoster is running at ${config.publicUrl}  (API reference: ${config.publicUrl}/api/v1/docs)`);
  if (!(await services.users.hasSuperAdmin())) {
    console.log(
      '\nNo administrator exists yet. Create the first one with:\n' +
        '  npx roster create-admin --username admin --email admin@example.com\n' +
        '(it asks for the password, or reads it from ROSTER_ADMIN_PASSWORD). Anyone can also sign up at POST /api/v1/signup.\n',
    );
  }
  let closing: Promise<void> | undefined;
  const close = () => (closing ??= app.close().then(() => database.close()));
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void close());
  return { url: config.publicUrl, close };
}
