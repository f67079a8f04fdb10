/**
 * @module A running import's heartbeat: the process running it writes the time every few seconds,
 * so an import whose process died (a crash, kill -9) is told from one still running and shown as
 * failed instead of running for ever (docs/deploy.md, "What a crash leaves behind").
 */
import type { Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations must not depend on today's table types */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('imports').addColumn('heartbeat_at', 'varchar(30)').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('imports').dropColumn('heartbeat_at').execute();
}
