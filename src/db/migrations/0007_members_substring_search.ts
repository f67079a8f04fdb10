/**
 * @module Substring search over the members' four search keys (username, email, first and last
 * name), on an index on both databases, kept in step with every insert, update and delete by the
 * database itself so no write path can forget it.
 *
 * PostgreSQL: a pg_trgm GIN index on the four keys; `key LIKE '%term%'` reads it.
 *
 * SQLite: an FTS5 table with the trigram tokenizer, contentless (the keys are already in
 * `members`), case-sensitive (the keys are already case-folded, so a match is exactly a byte
 * substring, as on PostgreSQL). FTS5 needs an integer rowid per row, and members has none that
 * survives VACUUM, so `member_search_rows` hands each membership one. Each organization owns the
 * rowid range [slot × 2³², (slot + 1) × 2³²): a search then asks FTS5 for one organization's rows
 * only (a rowid range FTS5 seeks to), instead of every match of the instance.
 */
import { PostgresAdapter, sql, type Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations must not depend on today's table types */
export async function up(db: Kysely<any>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`create extension if not exists pg_trgm`.execute(db);
    await sql`create index members_trgm_idx on members using gin (
      username_key gin_trgm_ops, email_key gin_trgm_ops, first_name_key gin_trgm_ops, last_name_key gin_trgm_ops)`.execute(db);
    return;
  }
  await sql`create table member_search_slots (
    slot integer primary key,
    organization_id varchar(36) not null unique references organizations (id) on delete cascade)`.execute(db);
  await sql`create table member_search_rows (
    id integer primary key,
    organization_id varchar(36) not null,
    user_id varchar(36) not null,
    unique (organization_id, user_id))`.execute(db);
  await sql`create virtual table members_fts using fts5(
    username_key, email_key, first_name_key, last_name_key,
    content = '', contentless_delete = 1, tokenize = 'trigram case_sensitive 1')`.execute(db);

  // The next rowid of the organization: one past its highest, or the first of its range.
  const slot = (org: string) => `(select slot from member_search_slots where organization_id = ${org})`;
  const nextRowid = (org: string) => `coalesce(
      (select id from member_search_rows where id >= ${slot(org)} * 4294967296 and id < (${slot(org)} + 1) * 4294967296 order by id desc limit 1),
      ${slot(org)} * 4294967296 - 1) + 1`;
  const rowidOf = (row: string) =>
    `(select id from member_search_rows where organization_id = ${row}.organization_id and user_id = ${row}.user_id)`;
  await sql.raw(`create trigger members_search_insert after insert on members begin
    insert or ignore into member_search_slots (organization_id) values (new.organization_id);
    insert into member_search_rows (id, organization_id, user_id) values (${nextRowid('new.organization_id')}, new.organization_id, new.user_id);
    insert into members_fts (rowid, username_key, email_key, first_name_key, last_name_key)
      values (${rowidOf('new')}, new.username_key, new.email_key, new.first_name_key, new.last_name_key);
  end`).execute(db);
  await sql.raw(`create trigger members_search_update after update of username_key, email_key, first_name_key, last_name_key on members begin
    delete from members_fts where rowid = ${rowidOf('old')};
    insert into members_fts (rowid, username_key, email_key, first_name_key, last_name_key)
      values (${rowidOf('new')}, new.username_key, new.email_key, new.first_name_key, new.last_name_key);
  end`).execute(db);
  await sql.raw(`create trigger members_search_delete after delete on members begin
    delete from members_fts where rowid = ${rowidOf('old')};
    delete from member_search_rows where organization_id = old.organization_id and user_id = old.user_id;
  end`).execute(db);

  // Members added before this migration: one slot per organization, rows numbered within it.
  await sql`insert into member_search_slots (organization_id) select distinct organization_id from members order by organization_id`.execute(db);
  await sql`insert into member_search_rows (id, organization_id, user_id)
    select s.slot * 4294967296 + row_number() over (partition by m.organization_id order by m.user_id) - 1, m.organization_id, m.user_id
    from members m join member_search_slots s on s.organization_id = m.organization_id`.execute(db);
  await sql`insert into members_fts (rowid, username_key, email_key, first_name_key, last_name_key)
    select r.id, m.username_key, m.email_key, m.first_name_key, m.last_name_key
    from member_search_rows r join members m on m.organization_id = r.organization_id and m.user_id = r.user_id`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`drop index members_trgm_idx`.execute(db);
    return;
  }
  for (const trigger of ['members_search_insert', 'members_search_update', 'members_search_delete']) await sql.raw(`drop trigger ${trigger}`).execute(db);
  for (const table of ['members_fts', 'member_search_rows', 'member_search_slots']) await sql.raw(`drop table ${table}`).execute(db);
}
