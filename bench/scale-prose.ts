/** @module The prose of docs/scale.md, above the plans bench/scale-report.ts writes under it. */
export const SCALE_PROSE = `# Roster at scale

How the members list (GET /api/v1/organizations/{org}/members, and a group's members) stays on an
index with a million users and an organization of 200,000 members, on SQLite and PostgreSQL, and how
to check it yourself. Latency, CPU and memory figures are in [benchmarks.md](benchmarks.md), section 2.

## A database of a million users

\`\`\`sh
DATABASE_URL=postgres://postgres@127.0.0.1:5432/roster_scale npx roster seed      # or a SQLite file path
DATABASE_URL=/tmp/scale.sqlite npx roster seed --users 100000 --organizations 1 --largest 100000
\`\`\`

\`roster seed\` (\`src/db/seed/\`) fills an empty database: by default 1,000,000 users in 1,000
organizations, the largest of 200,000 members with 10 groups; every organization has its built-in
roles and an owner; about 1% of members are admins and 10% deactivated. It prints the largest
organization and its owner's username; every seeded user's password is \`ROSTER_SEED_PASSWORD\` (or a
random one it prints). It writes below Kysely, which would cost more per row than the database:
prepared statements in transactions of 50,000 rows on SQLite, one \`INSERT … SELECT * FROM
unnest($1::text[], …)\` per 5,000 rows on PostgreSQL (a parameter per column, however many rows).
On SQLite the triggers that index members for substring search are set aside during the load and
their work done in three bulk statements after it (it halves the load's time); on PostgreSQL the
seed ends with \`VACUUM ANALYZE\`. Its wall-clock time on the benchmark machine is in benchmarks.md
(the \`roster seed\` column), taken while other suites kept both cores busy.

## The indexes

| index | database | serves |
|---|---|---|
| \`members_search_idx\` (organization, status, username, user id, role, email, first name, last name) | both (migration 0005) | every page in username order: first page, cursor, role filter, and searches with many matches, tested on the index entry |
| \`members_email_idx\`, \`members_first_idx\`, \`members_last_idx\` (organization, status, key) | both (migration 0001) | prefix searches with few matches: an index range per key |
| \`members_trgm_idx\`: GIN, \`gin_trgm_ops\` on the four keys | PostgreSQL (migration 0006) | substring searches with few matches: \`key LIKE '%term%'\` |
| \`members_fts\`: FTS5, \`tokenize = 'trigram case_sensitive 1'\`, contentless | SQLite (migration 0006) | substring searches with few matches: \`members_fts MATCH '"term"'\` |
| \`group_members\` primary key (organization, group, user) | both | the group filter |

The four search keys (\`username_key\`, \`email_key\`, \`first_name_key\`, \`last_name_key\`) are the
member's names case-folded, copied into \`members\` so each organization's list is searched on its own
rows; they compare byte-wise on both databases (\`collate "C"\` on PostgreSQL), so a prefix is an index
range. FTS5 is case-sensitive over keys already folded, so a match there is exactly a byte substring,
as \`LIKE\` on PostgreSQL: both databases answer the same question. The SQLite FTS5 index is kept in
step by triggers on \`members\` (insert, update of a key, delete — cascades included), so no write path
can forget it; PostgreSQL maintains its GIN index itself. FTS5 needs an integer rowid per row, and
\`members\` has none that survives VACUUM, so \`member_search_rows\` hands each membership one; each
organization owns the rowid range [slot × 2³², (slot + 1) × 2³²) (\`member_search_slots\`), so a search
asks FTS5 for one organization's rows only (a rowid range FTS5 seeks to) instead of every match of the
instance.

## Which route a search takes

No single index is ordered by username and finds a term in four columns, so a search
(\`src/db/queries/member-search.ts\`) first looks how many members it matches, up to 1,000
(\`SPARSE_MATCHES\`), reading at most that many index entries: a prefix counts its four index ranges
and reads the ids only when they are few; a substring reads the matching ids at once (from the GIN
index or FTS5; on PostgreSQL as a materialized CTE, so that it plans the trigram read for all matches
rather than walking the list to find the first few), since counting them would read the trigram index twice;

- **fewer** (a rare name, a typo, nothing at all): the page is read from those ids, handed
  to the query as a list (\`json_each(?)\` on SQLite, \`unnest($1::text[])\` on PostgreSQL):
  \`FROM (ids) CROSS JOIN members\` (SQLite keeps a CROSS JOIN's order; without it, knowing no sizes,
  it walked the list in username order to spare the sort and tested every member against the
  matches) — and sorted (at most 999 rows), with the status, role, group and cursor conditions applied
  on the way. A list of ids also keeps PostgreSQL's planner from flattening a trigram subquery into
  the walk below: it guesses a trigram match at a handful of rows, and walked 60,000 members to test
  each against a rare name's 600 matches (215 ms at 100,000 members);
- **as many or more**: the list is walked in username order on \`members_search_idx\`, and each entry is
  tested (prefix ranges, or \`instr\`/\`strpos\` for a substring): with m matches spread through n
  members, a page of 50 is found after about 50 × n / m entries, 10,000 at most at 200,000 members —
  more when the matches cluster in the username order (below).

Either route first selects the page's keys only, (user id, username), and then reads the rows of
those 50 members: \`members_search_idx\` holds every key a filter tests, so the walk is an index-only
scan on both databases. (PostgreSQL filters a plain index scan's entries only after fetching each
one's table row: 3,800 rows read for one page of \`q=ma\` at 100,000 members before this split, 90
index pages after.)

Both routes test the same keys the same way and sort by (username, user id), so a page cursor means
the same on either, and a page never repeats or skips a member whichever route the next one takes.
A substring term of one or two characters is matched as a prefix: no trigram is that short, and a
one-letter "contains" would match nearly everyone anyway.

The list reads only the columns it returns: the membership and the user's profile columns, not the
password hash nor the keys the member row repeats.

## Where it can still be slow

Measured in the run below (benchmarks.md, section 2, where the machine's load average is given with
each run; read the CPU per request more than the wall-clock percentiles):

- **A rare name on PostgreSQL at 1,000,000 users** ("substring, one name (<1%)"): the trigram index
  covers every organization, and its posting lists for common trigrams (\`shi\`, \`ros\`) span the
  whole instance, so finding one organization's 1,200 Hiroshis builds a bitmap of the instance's
  candidates and rechecks each on its table row: 13–25 ms in PostgreSQL before the page is read.
  Before the materialized CTE it was worse (a walk of 180,000 entries, 45 ms and more), and before the
  index-only walk worse again (117 ms p95). Not done: a trigram index per organization's rows
  (\`btree_gin\` with the organization first), which would read only that organization's candidates.
- **A rare name at 1,000,000 users on SQLite** (about 1,400 matches among 200,000) takes the walk,
  and its matches cluster in username order (three of the five username styles start with the first
  name), so the walk passes about 58,000 entries before its first page. Sorting up to 2,000 matches
  instead was tried and not kept: every common term (\`son\`) then reads 2,000 trigram matches
  before deciding to walk, and the saving on the rare name did not show apart from run-to-run noise.
- **Roster's memory** is the built server's, run as \`roster serve\` runs it (one garbage-collector
  thread): see benchmarks.md, section 2. It does not grow with the data: the same at 100,000
  members as at 1,000,000 users.

- A common term combined with a rare filter (\`role=admin&q=an\` where "an" matches 30% of members
  and admins are 1%): the count says "many", so the list is walked in order testing both conditions,
  about 50 / (0.3 × 0.01) ≈ 17,000 index entries for a full page if the two spread evenly. Still on the index (no table
  rows read on SQLite), but not 50 entries.
- PostgreSQL's trigram index covers every organization: the count reads the organization's matches
  from a bitmap of the whole instance's matches (a heap check per match), so in a database where a
  term is common elsewhere and rare here it reads more than the organization's own matches.

## Checking a plan by hand

\`\`\`sh
sqlite3 /tmp/scale.sqlite "EXPLAIN QUERY PLAN SELECT ..."
psql postgres://postgres@127.0.0.1:5432/roster_scale -c "EXPLAIN (ANALYZE, BUFFERS) SELECT ..."
\`\`\`

with the SQL below (the \`?\` / \`$n\` parameters filled in). \`npx tsx bench/members.ts sqlite,postgres
1000000:200000\` seeds both databases, times every kind of page and rewrites this page.`;
