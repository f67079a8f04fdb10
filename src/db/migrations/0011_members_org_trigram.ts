/**
 * @module PostgreSQL's substring search reads one organization's trigram matches only. The trigram
 * index of migration 0007 covers every organization: a name common across the instance (thousands
 * of members in other organizations) cost a bitmap of all of them and a heap visit each, 30 ms at
 * 1,000,000 users for a name 1,300 members of the organization share. This one starts with the
 * organization (btree_gin lets a GIN index hold a plain column), and indexes the four keys as one
 * text, newline-separated: one index scan per search instead of four. The query
 * (queries/member-search.ts) must spell the expression exactly so. SQLite is unchanged: its FTS5
 * rows are numbered per organization already (0007).
 */
import { PostgresAdapter, sql, type Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations must not depend on today's table types */
export async function up(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await sql`create extension if not exists btree_gin`.execute(db);
  await sql`create index members_org_trgm_idx on members using gin (organization_id,
    (username_key || E'\n' || email_key || E'\n' || first_name_key || E'\n' || last_name_key) gin_trgm_ops)`.execute(db);
  await sql`drop index members_trgm_idx`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await sql`create index members_trgm_idx on members using gin (
    username_key gin_trgm_ops, email_key gin_trgm_ops, first_name_key gin_trgm_ops, last_name_key gin_trgm_ops)`.execute(db);
  await sql`drop index members_org_trgm_idx`.execute(db);
}
