/**
 * @module Runs the outbox worker alone (`roster worker`): delivers queued email until SIGINT or
 * SIGTERM, beside or instead of the workers inside `roster serve`. On PostgreSQL any number of these
 * share one outbox.
 */
import { pino } from 'pino';
import type { Config } from './config.js';
import { openDatabase } from './db/connect.js';
import { migrateDatabase } from './db/migrate.js';
import { createMailWorker } from './mail/setup.js';
import { createServices } from './services/index.js';

export async function startMailWorker(config: Config): Promise<{ id: string; close(): Promise<void> }> {
  const database = openDatabase({ url: config.databaseUrl });
  await migrateDatabase(database);
  const log = pino({ level: config.logLevel });
  // The worker needs the services only to record bounces (seed 004), which change no one's access.
  const services = createServices(database.db, {
    signupEnabled: false,
    session: { idleMinutes: config.sessionIdleMinutes, absoluteHours: config.sessionAbsoluteHours },
    mail: { publicUrl: config.publicUrl, wake: () => worker.wake(), smtpConfigured: config.smtpUrl !== null },
  });
  const worker = createMailWorker(config, database, services, log);
  worker.start();
  // The worker's timers do not hold the process open (inside `serve` the server does); this does.
  const keepAlive = setInterval(() => {}, 1 << 30);
  log.info({ worker: worker.id }, 'the outbox worker is running');
  let closing: Promise<void> | undefined;
  const close = () => (closing ??= (async () => {
    clearInterval(keepAlive);
    await worker.stop();
    await services.close();
    await database.close();
  })());
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void close());
  return { id: worker.id, close };
}
