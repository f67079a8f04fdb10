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
| \`members_org_trgm_idx\`: GIN on (organization, the four keys as one newline-separated text with \`gin_trgm_ops\`), \`btree_gin\` | PostgreSQL (migration 0011) | substring searches with few matches: \`(keys) LIKE '%term%'\`, one organization's candidates only |
| \`members_fts\`: FTS5, \`tokenize = 'trigram case_sensitive 1'\`, contentless | SQLite (migration 0007) | substring searches with few matches: \`members_fts MATCH '"term"'\` |
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
(\`src/db/queries/member-search.ts\`) picks one of two routes by how many members it matches:

- **few** (a rare name, a typo, nothing at all): the page is read from the matches and sorted, with
  the status, role, group and cursor conditions applied on the way;
- **many**: the list is walked in username order on \`members_search_idx\`, and each entry is
  tested (prefix ranges, or \`instr\`/\`strpos\` for a substring): with m matches spread through n
  members, a page of 50 is found after about 50 × n / m entries — more when the matches cluster in
  the username order (a first name: three of the five username styles start with it).

A **prefix** counts its four index ranges, up to 1,000 (\`SPARSE_MATCHES.prefix\`), reading at most
that many index entries, and reads the ids only when they are fewer; the ids are handed to the page
query as a list (\`json_each(?)\` on SQLite, \`unnest($1::text[])\` on PostgreSQL), \`FROM (ids) CROSS
JOIN members\` (SQLite keeps a CROSS JOIN's order; without it, knowing no sizes, it walked the list in
username order to spare the sort and tested every member against the matches).

A **substring** on SQLite reads its ids from FTS5 at once, up to 1,000 (\`SPARSE_MATCHES.substring\`;
counting them would read the index twice), and continues as a prefix does. On PostgreSQL it first
walks the list's first 5,000 entries from the cursor on (\`WALK_FIRST\`, an index-only scan): a term
one member in 100 matches fills its page there, as most three-letter terms do. Only when that page
comes up short are the matches read, up to 5,000 (\`POSTGRES_SUBSTRING_MATCHES\`): such a term is
rare, or its matches cluster in username order, and sorting a few thousand matches costs less than
walking to them (58,000 entries for a first name at 200,000 members). They are read from the
organization's trigram index together with the keys the page needs, in one statement: a
materialized CTE (planned for all matches; planned for the first few, PostgreSQL walked the list
testing each member, 180,000 for a rare name), capped, counted, filtered and sorted, so each match
costs the one heap row the trigram recheck reads anyway. Fewer than the cap: that is the page; as
many: the whole list is walked. SQLite does not walk first: its walk costs more per entry and its
FTS5 matches less, and a first walk made its three-letter searches slower (13.9 against 8.2 ms of
CPU at 100,000 members, 18.1 against 7.8 at 1,000,000 users, in two \`npm run bench\` runs on
2026-11-22).

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

- **A rare name on PostgreSQL** ("substring, one name (<1%)"): about 1,200 matches among 200,000
  members cost the first walk (5,000 index entries, 3–5 ms on the benchmark machine) and then one
  heap row per match (5–10 ms): each trigram match must be rechecked on its row. Before the
  organization's own trigram index (migration 0011) the instance-wide index built a bitmap of every
  organization's candidates, 16,000 for a name 1,300 members here share, and ANDed it with the
  organization's 200,000 index entries: 30 ms before the page was read.
- **Terms between common and rare on PostgreSQL** (2,000–5,000 matches that do not fill a page within
  the first 5,000 entries: \`ian\`, \`ren\` at 1,000,000 users) pay the first walk and a heap row per
  match. The first walk's length trades them against rare names, which pay it in full.
- **A rare name at 1,000,000 users on SQLite** (about 1,400 matches among 200,000, more than 1,000)
  takes the walk, and its matches cluster in username order (three of the five username styles
  start with the first name), so the walk passes about 58,000 entries before its first page.
- **Roster's memory** is the built server's, run as \`roster serve\` runs it (one garbage-collector
  thread): see benchmarks.md, section 2. It does not grow with the data: the same at 100,000
  members as at 1,000,000 users.
- A common term combined with a rare filter (\`role=admin&q=an\` where "an" matches 30% of members
  and admins are 1%): the count says "many", so the list is walked in order testing both conditions,
  about 50 / (0.3 × 0.01) ≈ 17,000 index entries for a full page if the two spread evenly. Still on the index (no table
  rows read on SQLite), but not 50 entries.
- **The group filter on PostgreSQL** tests each entry of the walk against \`group_members\`, an index
  probe each: a group of 5% of the members costs about 1,000 probes for a page (5–10 ms).

## Checking a plan by hand

\`\`\`sh
sqlite3 /tmp/scale.sqlite "EXPLAIN QUERY PLAN SELECT ..."
psql postgres://postgres@127.0.0.1:5432/roster_scale -c "EXPLAIN (ANALYZE, BUFFERS) SELECT ..."
\`\`\`

with the SQL below (the \`?\` / \`$n\` parameters filled in). \`npx tsx bench/members.ts sqlite,postgres
1000000:200000\` seeds both databases, times every kind of page and rewrites this page.`;
