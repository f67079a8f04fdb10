/**
 * @module How the members list finds the members a search term matches, on an index whatever the
 * term: a prefix of the username, email, first or last name, or (`match=substring`) any part of them.
 *
 * The list is ordered by username, 50 at a time, and no one index is ordered by username AND finds a
 * term in four columns. So a search takes one of two routes, picked per request by reading the
 * matches up to `SPARSE_MATCHES`, which costs at most that many index entries:
 * - few matches (a rare name, a typo, nothing at all): start from the matches' ids — four prefix
 *   index ranges, or the trigram index (pg_trgm on PostgreSQL, FTS5 on SQLite) — and sort them;
 * - many matches: walk the list in username order on its covering index and test each entry, which
 *   meets a page of matches after about 50 × organization size / matches entries.
 * Both routes apply the same test to the same keys, so a page cursor means the same on either.
 */
import { sql, type ExpressionBuilder, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { MemberStatus } from '../../domain/types.js';
import { isPostgres } from '../dialect.js';
import type { Database } from '../schema.js';

type Db = Kysely<Database>;

export type SearchMatch = 'prefix' | 'substring';

export interface MemberSearch {
  /** Already trimmed and case-folded, as the keys are. */
  term: string;
  match: SearchMatch;
}

/**
 * From this many matches on, a search walks the list in order instead of sorting its matches.
 * (Sorting up to 2,000 for a substring, for rare names whose matches cluster in username order, was
 * tried and not kept: a common term then reads 2,000 trigram matches before its walk, and the saving
 * on rare names did not show apart from run-to-run noise.)
 */
export const SPARSE_MATCHES = 1000;

/** A trigram index finds substrings of three characters or more; shorter terms match as prefixes. */
export const SUBSTRING_MIN_LENGTH = 3;

const SEARCH_KEYS = ['username_key', 'email_key', 'first_name_key', 'last_name_key'] as const;

/** Each organization's FTS5 rowids start at slot × 2³² (migration 0006). */
const SLOT_SIZE = 4_294_967_296;

/** The match a term gets: a substring search of one or two characters is a prefix search. */
export function searchOf(term: string, match: SearchMatch = 'prefix'): MemberSearch {
  return { term, match: match === 'substring' && [...term].length < SUBSTRING_MIN_LENGTH ? 'prefix' : match };
}

/** The test on one member's keys, on the entry of the list's covering index (members_search_idx). */
export function matchesKeys(db: Db, eb: ExpressionBuilder<Database & { m: Database['members'] }, 'm'>, search: MemberSearch): Expression<SqlBool> {
  const { term } = search;
  if (search.match === 'prefix') {
    // A prefix as an index range: every key starting with the term sorts between it and term + U+FFFF.
    const to = `${term}\uffff`;
    return eb.or(SEARCH_KEYS.map((k) => eb.and([eb(`m.${k}`, '>=', term), eb(`m.${k}`, '<', to)])));
  }
  const position = isPostgres(db) ? 'strpos' : 'instr';
  return eb.or(SEARCH_KEYS.map((k) => eb(eb.fn<number>(position, [eb.ref(`m.${k}`), eb.val(term)]), '>', 0)));
}

/** `status in (…)`: the search indexes start with (organization, status), so both statuses are named. */
const statusesOf = (status: MemberStatus | undefined): MemberStatus[] => (status ? [status] : ['active', 'inactive']);

/** LIKE pattern for "contains": the term with LIKE's own characters escaped (backslash is the default escape). */
const containsPattern = (term: string) => `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** An FTS5 phrase: the term in double quotes, its own double quotes doubled. */
const ftsPhrase = (term: string) => `"${term.replaceAll('"', '""')}"`;

/** The organization's FTS5 rowid range, as SQL: [slot × 2³², (slot + 1) × 2³²). */
function ftsRange(db: Db, organizationId: string) {
  const slot = db.selectFrom('member_search_slots').select('slot').where('organization_id', '=', organizationId);
  return { from: sql<number>`(${slot}) * ${sql.lit(SLOT_SIZE)}`, to: sql<number>`((${slot}) + 1) * ${sql.lit(SLOT_SIZE)}` };
}

const inOrganization = (db: Db, organizationId: string, status: MemberStatus | undefined) =>
  db.selectFrom('members').select('user_id').where('organization_id', '=', organizationId).where('status', 'in', statusesOf(status));

/** PostgreSQL's substring search: LIKE '%term%' on any key, which the pg_trgm GIN index answers. */
const containingOnPostgres = (db: Db, organizationId: string, status: MemberStatus | undefined, term: string) =>
  inOrganization(db, organizationId, status).where((eb) => eb.or(SEARCH_KEYS.map((k) => eb(k, 'like', containsPattern(term)))));

/** The user ids of the organization's members the term matches (the few-matches route starts here). */
export function matchingMemberIds(db: Db, organizationId: string, status: MemberStatus | undefined, search: MemberSearch) {
  if (search.match === 'prefix') {
    const to = `${search.term}\uffff`;
    const [first, ...rest] = SEARCH_KEYS.map((k) => inOrganization(db, organizationId, status).where(k, '>=', search.term).where(k, '<', to));
    return rest.reduce((union, q) => union.union(q), first!);
  }
  if (isPostgres(db)) return containingOnPostgres(db, organizationId, status, search.term);
  const { from, to } = ftsRange(db, organizationId);
  return db.selectFrom('members_fts').innerJoin('member_search_rows as r', 'r.id', 'members_fts.rowid').select('r.user_id')
    .where(sql<SqlBool>`members_fts match ${ftsPhrase(search.term)}`)
    .where('members_fts.rowid', '>=', from).where('members_fts.rowid', '<', to);
}

/**
 * The user ids of the members the term matches when there are fewer than `cap`, read from the search
 * indexes alone; undefined when there are `cap` or more (the list is then walked in order). A prefix
 * is counted first, each key's range on its own index (a member matched by two keys counts twice:
 * erring high picks the in-order walk, which is right for many matches anyway), and its ids read
 * only when few. A substring's ids are read at once, up to `cap`: counting would read the trigram
 * index twice, and handing the page query a list of ids keeps PostgreSQL's planner, which guesses a
 * trigram match's size badly, from walking the whole list in order to test each member.
 */
export async function fewMatches(db: Db, organizationId: string, status: MemberStatus | undefined, search: MemberSearch): Promise<string[] | undefined> {
  const cap = SPARSE_MATCHES;
  if (search.match === 'prefix') {
    const to = `${search.term}\uffff`;
    const [first, ...rest] = SEARCH_KEYS.map((k) => db.selectFrom('members').select(sql.lit(1).as('one'))
      .where('organization_id', '=', organizationId).where('status', 'in', statusesOf(status)).where(k, '>=', search.term).where(k, '<', to));
    if ((await countRows(db, rest.reduce((union, q) => union.unionAll(q), first!).limit(cap))) >= cap) return undefined;
  }
  // On PostgreSQL a materialized CTE, so that the matches are planned for all of them, not for the
  // first `cap`: planned for a few, it walked the organization's list testing each member, 180,000
  // for a rare name; it still stops at `cap`. SQLite computes a materialized CTE whole before the
  // LIMIT (every FTS5 match of a common term), and its plan for FTS5 needs no such help.
  const matches = isPostgres(db)
    ? db.with((cte) => cte('matches').materialized(), () => matchingMemberIds(db, organizationId, status, search)).selectFrom('matches').select('matches.user_id').limit(cap)
    : db.selectFrom(matchingMemberIds(db, organizationId, status, search).as('matches')).select('matches.user_id').limit(cap);
  const ids = (await matches.execute()).map((r) => r.user_id);
  return ids.length < cap ? ids : undefined;
}

async function countRows(db: Db, rows: Expression<unknown>): Promise<number> {
  const { rows: [row] } = await sql<{ n: number | string }>`select count(*) as n from (${rows}) as matches`.execute(db);
  return Number(row?.n ?? 0);
}

/** A list of user ids as a table of one column, `user_id`, for a query to start from. */
export function idTable(db: Db, ids: readonly string[]) {
  return isPostgres(db)
    ? sql<{ user_id: string }>`(select unnest(${[...ids]}::text[]) as user_id)`
    : sql<{ user_id: string }>`(select value as user_id from json_each(${JSON.stringify(ids)}))`;
}
