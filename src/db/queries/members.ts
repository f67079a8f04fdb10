/**
 * @module Queries on members: a user inside one organization. Every function takes the organization
 * id first; lists are keyset-paginated on (username, user id) so pages stay stable under writes.
 */
import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { Member, MemberGroup, MemberStatus } from '../../domain/types.js';
import type { Database, MemberRow, UserRow } from '../schema.js';
import { groupsOfMembers } from './groups.js';
import { isPostgres } from '../dialect.js';
import { fewMatches, idTable, matchesKeys, POSTGRES_SUBSTRING_MATCHES, searchOf, substringMatchesOnPostgres, WALK_FIRST, type MemberSearch, type SearchMatch } from './member-search.js';
import { PROFILE_COLUMNS, toProfile, type ProfileRow } from './users.js';

type Db = Kysely<Database>;

export interface MemberFilter {
  status?: MemberStatus;
  /** Prefix (or with `match: 'substring'`, any part) of the username, email, first or last name, already case-folded. */
  q?: string;
  match?: SearchMatch;
  role?: string;
  /** Only members of this group. */
  group?: string;
  /** Keyset position: the (username key, user id) of the last row already shown. */
  after?: [string, string];
  limit: number;
}

/** The membership columns a listed member shows (toMember), and the list's sort key. */
const LISTED_MEMBER_COLUMNS = ['user_id', 'username_key', 'role', 'status', 'added_by', 'added_via', 'created_at', 'deactivated_at'] as const satisfies ReadonlyArray<keyof MemberRow>;

/** A member as the list shows them: the membership, the user's profile, the groups they are in (seed 002). */
export type ListedMember = Pick<MemberRow, (typeof LISTED_MEMBER_COLUMNS)[number]> & ProfileRow & { groups: MemberGroup[] };

/** A member with their whole user row, for the write paths that check or change it. */
export type MemberRecord = MemberRow & UserRow & { groups: MemberGroup[] };

// Member columns come last so their created_at / updated_at win over the user's.
const withUser = (db: Db) => db.selectFrom('members as m').innerJoin('users as u', 'u.id', 'm.user_id').selectAll('u').selectAll('m');

/** Adds each member's groups with one more query, however many members there are. */
async function withGroups<Row extends Pick<MemberRow, 'user_id'>>(db: Db, organizationId: string, rows: Row[]): Promise<Array<Row & { groups: MemberGroup[] }>> {
  const groups = await groupsOfMembers(db, organizationId, rows.map((r) => r.user_id));
  return rows.map((r) => ({ ...r, groups: groups.get(r.user_id) ?? [] }));
}

/**
 * Where a page's keys are read from: the list walked in order (all of it, or its first entries), a
 * search's matches by id, or (PostgreSQL, substring) its first matches with their keys.
 */
type PageSource = { walk: 'all' | number } | { ids: readonly string[] } | { matchesUpTo: number };

export async function listMembers(db: Db, organizationId: string, f: MemberFilter): Promise<ListedMember[]> {
  const search = f.q ? searchOf(f.q, f.match) : undefined;
  // The routes a search takes are in member-search.ts: a search with few matches reads the page from
  // them, one with many walks the whole list; on PostgreSQL a substring first walks the first entries.
  if (search?.match === 'substring' && isPostgres(db)) {
    const walked = await pageOf(db, organizationId, f, search, { walk: WALK_FIRST });
    if (walked.length >= f.limit) return withGroups(db, organizationId, walked);
    const found = await pageOf(db, organizationId, f, search, { matchesUpTo: POSTGRES_SUBSTRING_MATCHES });
    // Fewer matches than the cap: the page is theirs. An empty page says so only when nothing but
    // the matches' own conditions applied (no role, group or cursor could have dropped them).
    const few = found.length > 0 ? Number(found[0]!.matched) < POSTGRES_SUBSTRING_MATCHES : !f.role && !f.group && !f.after;
    return withGroups(db, organizationId, few ? found : await pageOf(db, organizationId, f, search, { walk: 'all' }));
  }
  const few = search && (await fewMatches(db, organizationId, f.status, search));
  return withGroups(db, organizationId, await pageOf(db, organizationId, f, search, few ? { ids: few } : { walk: 'all' }));
}

/**
 * After the keyset cursor, as two conditions: the first says nothing the second does not, but
 * neither SQLite nor PostgreSQL turns an OR into an index range, and without it a page deep in the
 * list scans every row before it.
 */
function afterCursor([key, id]: [string, string], table: '' | 'm.'): Array<Expression<SqlBool>> {
  const username = sql.ref(`${table}username_key`);
  return [sql<SqlBool>`${username} >= ${key}`, sql<SqlBool>`(${username} > ${key} or (${username} = ${key} and ${sql.ref(`${table}user_id`)} > ${id}))`];
}

/** The list's first `count` entries from the cursor on, in order, with the keys a filter tests. */
function firstEntries(db: Db, organizationId: string, f: MemberFilter, count: number) {
  let entries = db.selectFrom('members')
    .select(['organization_id', 'user_id', 'username_key', 'status', 'role', 'email_key', 'first_name_key', 'last_name_key'])
    .where('organization_id', '=', organizationId);
  if (f.status) entries = entries.where('status', '=', f.status);
  for (const condition of f.after ? afterCursor(f.after, '') : []) entries = entries.where(condition);
  return entries.orderBy('username_key').orderBy('user_id').limit(count);
}

async function pageOf(db: Db, organizationId: string, f: MemberFilter, search: MemberSearch | undefined, source: PageSource) {
  // The page's keys first, on the covering index alone (members_search_idx holds every key a filter
  // tests), then the rows of those 50: the walk tests thousands of entries when matches are many,
  // and PostgreSQL reads a heap row for each one it tests unless the query asks for keys only.
  let keys = ('ids' in source
    // FROM the matches CROSS JOIN members: SQLite keeps that order (its planner would otherwise walk
    // the list in username order to spare the sort, testing every member against the matches).
    ? db.selectFrom(idTable(db, source.ids).as('matches')).crossJoin('members as m').whereRef('m.user_id', '=', 'matches.user_id')
    : 'matchesUpTo' in source ? db.selectFrom(substringMatchesOnPostgres(db, organizationId, f.status, search!.term, source.matchesUpTo).as('m'))
    : source.walk === 'all' ? db.selectFrom('members as m') : db.selectFrom(firstEntries(db, organizationId, f, source.walk).as('m')))
    .select(['m.user_id', 'm.username_key']).where('m.organization_id', '=', organizationId);
  if (f.status) keys = keys.where('m.status', '=', f.status);
  if (f.role) keys = keys.where('m.role', '=', f.role);
  if (f.group) {
    const group = f.group;
    keys = keys.where((eb) => eb.exists(eb.selectFrom('group_members as gm').select('gm.user_id')
      .where('gm.organization_id', '=', organizationId).where('gm.group_id', '=', group).whereRef('gm.user_id', '=', 'm.user_id')));
  }
  if (search && 'walk' in source) keys = keys.where((eb) => matchesKeys(db, eb, search));
  for (const condition of f.after ? afterCursor(f.after, 'm.') : []) keys = keys.where(condition);
  // How many matches there were, where the source knows (null elsewhere): listMembers picks a route by it.
  const counted = 'matchesUpTo' in source ? keys.select(sql<number | null>`m.matched`.as('matched')) : keys.select(sql<number | null>`null`.as('matched'));
  const page = counted.orderBy('m.username_key').orderBy('m.user_id').limit(f.limit);
  // CROSS JOIN again so SQLite starts from the page's 50 keys rather than from the whole list. The
  // list reads the columns it shows only (each one is parsed and kept per row): not the password
  // hash, nor the search keys the member row repeats.
  return db.selectFrom(page.as('page')).crossJoin('members as m').innerJoin('users as u', 'u.id', 'm.user_id')
    .select(PROFILE_COLUMNS.map((c) => `u.${c}` as const)).select(LISTED_MEMBER_COLUMNS.map((c) => `m.${c}` as const)).select('page.matched')
    .where('m.organization_id', '=', organizationId).whereRef('m.user_id', '=', 'page.user_id')
    .orderBy('page.username_key').orderBy('page.user_id').execute();
}

export async function findMember(db: Db, organizationId: string, userId: string): Promise<MemberRecord | undefined> {
  const row = await withUser(db).where('m.organization_id', '=', organizationId).where('m.user_id', '=', userId).executeTakeFirst();
  return row && (await withGroups(db, organizationId, [row]))[0];
}

/** The membership alone, for access checks on every request. */
export async function findMembership(db: Db, organizationId: string, userId: string): Promise<Pick<MemberRow, 'role' | 'status'> | undefined> {
  return db.selectFrom('members').select(['role', 'status']).where('organization_id', '=', organizationId).where('user_id', '=', userId).executeTakeFirst();
}

/** A member as a bulk action needs it: what the rules check and the names the audit trail records. */
export type MemberTarget = Pick<MemberRow, 'user_id' | 'role' | 'status'> & Pick<UserRow, 'username' | 'first_name' | 'last_name' | 'display_name'>;

const targets = (db: Db, organizationId: string) => db.selectFrom('members as m').innerJoin('users as u', 'u.id', 'm.user_id')
  .select(['m.user_id', 'm.role', 'm.status', 'u.username', 'u.first_name', 'u.last_name', 'u.display_name'])
  .where('m.organization_id', '=', organizationId);

export async function findMembersByIds(db: Db, organizationId: string, userIds: readonly string[]): Promise<MemberTarget[]> {
  if (userIds.length === 0) return [];
  return targets(db, organizationId).where('m.user_id', 'in', [...userIds]).execute();
}

export async function allMemberIds(db: Db, organizationId: string): Promise<MemberTarget[]> {
  return targets(db, organizationId).execute();
}

/**
 * Takes the write locks on a member's row and their user's row for the rest of the transaction, by
 * writes that change nothing (portable: SQLite has no FOR UPDATE, and runs one transaction at a time
 * anyway). A conditional write then reads a state nobody else can change before it commits; a writer
 * that got there first has committed, and its change is what the read sees. False when no such member.
 */
export async function lockMember(db: Db, organizationId: string, userId: string): Promise<boolean> {
  const locked = await db.updateTable('members').set((eb) => ({ role: eb.ref('role') }))
    .where('organization_id', '=', organizationId).where('user_id', '=', userId).executeTakeFirst();
  if (Number(locked.numUpdatedRows) === 0) return false;
  await db.updateTable('users').set((eb) => ({ id: eb.ref('id') })).where('id', '=', userId).execute();
  return true;
}

export async function insertMember(db: Db, row: MemberRow): Promise<void> {
  await db.insertInto('members').values(row).execute();
}

export async function updateMembers(
  db: Db,
  organizationId: string,
  userIds: readonly string[],
  changes: Partial<Pick<MemberRow, 'role' | 'status' | 'deactivated_at'>> & { updated_at: string },
): Promise<void> {
  if (userIds.length === 0) return;
  await db.updateTable('members').set(changes).where('organization_id', '=', organizationId).where('user_id', 'in', [...userIds]).execute();
}

export async function deleteMembers(db: Db, organizationId: string, userIds: readonly string[]): Promise<void> {
  if (userIds.length === 0) return;
  await db.deleteFrom('members').where('organization_id', '=', organizationId).where('user_id', 'in', [...userIds]).execute();
}

/** The organizations a user belongs to, with the role and status there ("My Organizations", seed 001). */
export async function listMembershipsOfUser(db: Db, userId: string): Promise<Array<{ organization_id: string; name: string; role: string; status: MemberStatus }>> {
  return db.selectFrom('members as m').innerJoin('organizations as o', 'o.id', 'm.organization_id')
    .select(['m.organization_id', 'o.name', 'm.role', 'm.status'])
    .where('m.user_id', '=', userId).orderBy('o.name').orderBy('o.id').execute();
}

export function toMember(row: ListedMember): Member {
  return Object.assign(toProfile(row), {
    userId: row.user_id,
    role: row.role,
    status: row.status,
    groups: row.groups,
    addedBy: row.added_by,
    addedVia: row.added_via,
    joinedAt: row.created_at,
    deactivatedAt: row.deactivated_at,
  });
}
