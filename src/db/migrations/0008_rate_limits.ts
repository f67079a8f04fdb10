/**
 * @module Rate-limit counters in the database, so that every Roster process on one database counts
 * a client's requests to the authentication endpoints together when there is no Redis. One row per
 * counter: its key (a hash), the requests in the current window and when that window ends.
 *
 * On PostgreSQL the table is UNLOGGED: a counter is written on every such request, and skipping the
 * write-ahead log spares each of them a commit that waits for the disk. The price is what losing
 * Redis costs: after a crash of PostgreSQL, or a failover to a replica, the counters start again
 * from zero.
 */
import { PostgresAdapter, sql, type Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations must not depend on today's table types */
export async function up(db: Kysely<any>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema
    .createTable('rate_limits')
    .$call((table) => (postgres ? table.modifyFront(sql`unlogged`) : table))
    .addColumn('key', 'varchar(100)', (c) => c.primaryKey())
    .addColumn('hits', 'integer', (c) => c.notNull())
    .addColumn('window_ends_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  // Ended windows are deleted now and then; the index finds them without reading every row.
  await db.schema.createIndex('rate_limits_window_ends_idx').on('rate_limits').column('window_ends_at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('rate_limits').execute();
}
