/**
 * @module Indexes for deleting sessions that can no longer be used (services/sessions.ts, `sweep`):
 * one per way a session ends on its own, its stored end and its last activity, so the periodic
 * delete reads only the rows it removes instead of every session.
 */
import type { Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations must not depend on today's table types */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('sessions_expires_idx').on('sessions').column('expires_at').execute();
  await db.schema.createIndex('sessions_last_seen_idx').on('sessions').column('last_seen_at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('sessions_last_seen_idx').execute();
  await db.schema.dropIndex('sessions_expires_idx').execute();
}
