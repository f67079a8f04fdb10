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
 * On PostgreSQL a substring search first walks `WALK_FIRST` entries: a common term fills its page
 * there, and reading its trigram matches only to learn that they are many would cost more than the
 * walk; then it reads up to `POSTGRES_SUBSTRING_MATCHES` matches with their keys in one statement.
 * Every route applies the same test to the same keys, so a page cursor means the same on each.
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

/** From this many matches on, a search walks the list in order instead of sorting its matches. */
export const SPARSE_MATCHES: Readonly<Record<SearchMatch, number>> = { prefix: 1000, substring: 1000 };

/**
 * PostgreSQL walks this many entries of the list (from the cursor on) before reading a substring's
 * matches: a term that one member in 100 matches fills a page there, for the price of reading that
 * many index entries. (SQLite does not: its walk costs more per entry and its FTS5 matches less, and
 * a first walk made its three-letter searches slower at 100,000 members and at 1,000,000 users.)
 */
export const WALK_FIRST = 5000;

/**
 * PostgreSQL's cap on a substring's matches after the first walk: those terms are rare or cluster in
 * username order (a first name: its usernames share an initial), where the walk passed 58,000
 * entries, and sorting a few thousand matches costs less than walking to them.
 */
export const POSTGRES_SUBSTRING_MATCHES = 5000;

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

/** The four keys as one text, exactly as migration 0011 indexes it (the planner matches the expression). */
const SEARCH_TEXT = sql.raw(`(username_key || E'\\n' || email_key || E'\\n' || first_name_key || E'\\n' || last_name_key)`);

/**
 * PostgreSQL's substring search: LIKE '%term%' on the four keys as one text, which the
 * organization's trigram index answers (migration 0011), then the test on each key, so that a term
 * spanning two keys does not match.
 */
const containingOnPostgres = (db: Db, organizationId: string, status: MemberStatus | undefined, term: string) =>
  inOrganization(db, organizationId, status).where(sql<SqlBool>`${SEARCH_TEXT} like ${containsPattern(term)}`)
    .where((eb) => eb.or(SEARCH_KEYS.map((k) => eb(eb.fn<number>('strpos', [eb.ref(k), eb.val(term)]), '>', 0))));

/**
 * PostgreSQL's first `cap` matches of a substring, with the keys the page is filtered and sorted by
 * and how many there are (`matched`, at most `cap`): each match costs a heap row, read once here
 * instead of again by id for the page. Materialized, so that PostgreSQL plans the trigram read for
 * all matches (planned for the first few, it walked the organization's list testing each member).
 */
export function substringMatchesOnPostgres(db: Db, organizationId: string, status: MemberStatus | undefined, term: string, cap: number) {
  const containing = containingOnPostgres(db, organizationId, status, term).select(['organization_id', 'username_key', 'status', 'role']);
  return db.with((cte) => cte('matches').materialized(), () => containing)
    .selectFrom((eb) => eb.selectFrom('matches').selectAll().limit(cap).as('capped'))
    .selectAll('capped').select(sql<number>`count(*) over ()`.as('matched'));
}

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
 * The user ids of the members the term matches when there are fewer than `cap` (SPARSE_MATCHES),
 * read from the search indexes alone; undefined when there are `cap` or more (the list is then
 * walked in order). A prefix is counted first, each key's range on its own index (a member matched
 * by two keys counts twice: erring high picks the in-order walk, which is right for many matches
 * anyway), and its ids read only when few. A substring's ids are read at once, up to `cap`:
 * counting would read the trigram index twice. (PostgreSQL reads a substring's matches with their
 * keys instead, `substringMatchesOnPostgres`; listMembers picks.)
 */
export async function fewMatches(db: Db, organizationId: string, status: MemberStatus | undefined, search: MemberSearch): Promise<string[] | undefined> {
  const cap = SPARSE_MATCHES[search.match];
  if (search.match === 'prefix') {
    const to = `${search.term}\uffff`;
    const [first, ...rest] = SEARCH_KEYS.map((k) => db.selectFrom('members').select(sql.lit(1).as('one'))
      .where('organization_id', '=', organizationId).where('status', 'in', statusesOf(status)).where(k, '>=', search.term).where(k, '<', to));
    if ((await countRows(db, rest.reduce((union, q) => union.unionAll(q), first!).limit(cap))) >= cap) return undefined;
  }
  // On PostgreSQL a materialized CTE, so that the matches are planned for all of them, not for the
  // first `cap` (planned for a few, PostgreSQL walks the list testing each member); it still stops at
  // `cap`. SQLite computes a materialized CTE whole before the LIMIT, and needs no such help.
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
