/**
 * @module Writes docs/benchmarks.md from one run of every benchmark: the machine, the figures with
 * their goals, and the prose that explains them. The prose lives here, beside the code that
 * produces the figures, because the whole file is rewritten on every `npm run bench`.
 */
import { AUTHZ_HTTP_P99_GOAL_MS, authzHttpSection, type AuthzHttpResult } from './authz-http.js';
import { CONSOLE_JS_GOAL_KB, consoleSection, FIRST_ROWS_GOAL_MS, type ConsoleResult } from './console.js';
import { invitationsSection, type InvitationsResult } from './invitations.js';
import { cpus, loadavg, release, totalmem, type } from 'node:os';
import { formatAuthzInProcess, AUTHZ_GOAL_CHECKS_PER_SECOND, AUTHZ_GOAL_RATIO_TO_CASBIN, type AuthzResult } from './authz-inprocess.js';
import { round } from './lib.js';
import { SIGNIN_GOAL_RATIO, signInSection, type SignInResult } from './signin.js';
import { ME_GOAL_RATIO, formatMe, type LoadOptions, type MeResult } from './me.js';
import type { MeProcessesResult } from './me-processes.js';
import { meProcessesSection, meProcessesSummaryRow } from './me-processes-report.js';
import { MEMBERS_GOAL_P95_MS, MEMBERS_GOAL_RSS_MB, formatMembers, formatMembersRuns, formatPlans, type MembersOptions, type MembersResult } from './members.js';

export interface Timed<T> {
  result: T;
  seconds: number;
  /** 1-minute load average before and after: how busy the machine was with other work. */
  loadBefore: number;
  loadAfter: number;
}

export async function timed<T>(work: () => Promise<T>): Promise<Timed<T>> {
  const loadBefore = loadavg()[0] ?? 0;
  const started = performance.now();
  const result = await work();
  return { result, seconds: round((performance.now() - started) / 1000, 0), loadBefore: round(loadBefore), loadAfter: round(loadavg()[0] ?? 0) };
}

export interface Run {
  date: string;
  command: string;
  totalSeconds: number;
  me: Timed<MeResult[]>;
  meOptions: LoadOptions;
  members: Timed<MembersResult[]>;
  membersOptions: MembersOptions;
  authz: Timed<AuthzResult>;
  /** bench/signin.ts; its section is rendered there. */
  signin?: Timed<SignInResult[]>;
  /** bench/invitations.ts; its section is rendered there. */
  invitations?: Timed<InvitationsResult[]>;
  /** bench/authz-http.ts; its section is rendered there. */
  authzHttp?: Timed<AuthzHttpResult[]>;
  /** bench/console.ts; its section is rendered there. */
  console?: Timed<ConsoleResult>;
  /** bench/me-processes.ts; its section is rendered by bench/me-processes-report.ts. */
  meProcesses?: Timed<MeProcessesResult>;
}

export function machine(): string {
  const cores = cpus();
  const model = cores[0]?.model.trim() ?? 'unknown CPU';
  return `${model}, ${cores.length} cores, ${round(totalmem() / 1024 ** 3, 1)} GiB memory, ${type()} ${release()}, Node ${process.version}`;
}

const load = (t: Timed<unknown>) => `${t.seconds} s; load average ${t.loadBefore} before, ${t.loadAfter} after`;
const yesNo = (met: boolean) => (met ? 'yes' : '**no**');
const dialectName = (d: string) => (d === 'sqlite' ? 'SQLite' : 'PostgreSQL');

function summary(run: Run): string {
  const rows = ['| benchmark | figure | goal | met |', '|---|---|---|---|'];
  for (const r of run.me.result) {
    if (!r.roster || !r.bare || r.ratio === undefined) {
      rows.push(`| GET /api/v1/me, ${dialectName(r.dialect)} | skipped: ${r.skipped ?? 'no figures'} | >= ${ME_GOAL_RATIO * 100}% of bare Fastify | **no** |`);
      continue;
    }
    rows.push(`| GET /api/v1/me, ${dialectName(r.dialect)} | ${r.roster.requestsPerSecond.toLocaleString('en')} requests/s = ${Math.round(r.ratio * 100)}% of bare Fastify (${r.bare.requestsPerSecond.toLocaleString('en')}/s); p99 ${r.roster.p99} ms | >= ${ME_GOAL_RATIO * 100}% of bare Fastify | ${yesNo(r.ratio >= ME_GOAL_RATIO)} |`);
  }
  if (run.meProcesses) rows.push(meProcessesSummaryRow(run.meProcesses.result));
  for (const r of run.members.result) {
    const where = r.scale.users === r.scale.largest
      ? `${r.scale.largest.toLocaleString('en')} members`
      : `the ${r.scale.largest.toLocaleString('en')}-member organization of ${r.scale.users.toLocaleString('en')} users`;
    if (!r.queries) {
      rows.push(`| members list, ${where}, ${dialectName(r.dialect)} | skipped: ${r.skipped ?? 'no figures'} | p95 < ${MEMBERS_GOAL_P95_MS} ms | **no** |`);
      continue;
    }
    const met = r.queries.filter((q) => q.p95 < MEMBERS_GOAL_P95_MS);
    const worst = r.queries.reduce((a, b) => (b.p95 > a.p95 ? b : a));
    const worstCpu = r.queries.reduce((a, b) => (b.serverCpu > a.serverCpu ? b : a));
    rows.push(`| members list, page of 50 in ${where}, ${dialectName(r.dialect)} | p95 under ${MEMBERS_GOAL_P95_MS} ms for ${met.length} of ${r.queries.length} query kinds; slowest p95 ${worst.p95} ms (${worst.name}); server CPU per request at most ${worstCpu.serverCpu} ms (${worstCpu.name}) | p95 < ${MEMBERS_GOAL_P95_MS} ms | ${yesNo(met.length === r.queries.length)} |`);
    if (r.scale.users !== r.scale.largest && r.rssMb !== undefined) {
      rows.push(`| Roster RSS after the members list at ${r.scale.users.toLocaleString('en')} users, ${dialectName(r.dialect)} | ${r.rssMb} MB | < ${MEMBERS_GOAL_RSS_MB} MB | ${yesNo(r.rssMb < MEMBERS_GOAL_RSS_MB)} |`);
    }
  }
  const a = run.authz.result;
  const ratio = a.cached.checksPerSecond / a.casbin.checksPerSecond;
  rows.push(`| access checks in process (cache + decide), SQLite | ${a.cached.checksPerSecond.toLocaleString('en')} checks/s, ${Math.round(ratio).toLocaleString('en')}x casbin | >= ${AUTHZ_GOAL_CHECKS_PER_SECOND.toLocaleString('en')}/s and >= ${AUTHZ_GOAL_RATIO_TO_CASBIN}x casbin | ${yesNo(a.cached.checksPerSecond >= AUTHZ_GOAL_CHECKS_PER_SECOND && ratio >= AUTHZ_GOAL_RATIO_TO_CASBIN)} |`);
  for (const r of run.signin?.result ?? []) {
    rows.push(`| sign-ins over HTTP beside argon2id alone, ${dialectName(r.dialect)} | ${r.signIns ? `${r.signIns.perSecond} sign-ins/s = ${Math.round((r.ratio ?? 0) * 100)}% of ${round(((r.verifiesBefore ?? 0) + (r.verifiesAfter ?? 0)) / 2, 1)} verifies/s` : `skipped: ${r.skipped ?? 'no figures'}`} | >= ${SIGNIN_GOAL_RATIO * 100}% | ${yesNo((r.ratio ?? 0) >= SIGNIN_GOAL_RATIO)} |`);
  }
  for (const r of run.authzHttp?.result ?? []) {
    rows.push(`| authorization check over HTTP, 50 connections, ${dialectName(r.dialect)} | ${r.skipped ? `skipped: ${r.skipped}` : `p99 ${r.p99} ms at ${r.requestsPerSecond} requests/s, ${r.cpuMicrosPerRequest} µs server CPU per request`} | p99 < ${AUTHZ_HTTP_P99_GOAL_MS} ms | ${yesNo((r.p99 ?? Infinity) < AUTHZ_HTTP_P99_GOAL_MS)} |`);
  }
  if (run.console) {
    const c = run.console.result;
    rows.push(`| console JavaScript on first load | ${c.gzipKB} KB gzip | < ${CONSOLE_JS_GOAL_KB} KB | ${yesNo(c.gzipKB < CONSOLE_JS_GOAL_KB)} |`);
    rows.push(`| Users page first rows, ${c.members.toLocaleString('en')} members | ${c.firstRowsWarmP50Ms} ms warm p50, ${c.firstRowsColdMs} ms cold | < ${FIRST_ROWS_GOAL_MS} ms | ${yesNo(c.firstRowsWarmP50Ms < FIRST_ROWS_GOAL_MS)} |`);
  }
  return rows.join('\n');
}

function meSection(run: Run): string {
  const o = run.meOptions;
  return `## 1. Authenticated GET /api/v1/me beside a bare Fastify route (\`bench/me.ts\`)

Alone: \`npx tsx bench/me.ts [sqlite,postgres]\`. Took ${load(run.me)}.

Each database gets a fresh database and three servers, each in its own child process so the load
generator (autocannon, in the parent process) never shares an event loop with the server it
measures:

- **bare Fastify route**: \`Fastify()\` with no plugins and one route at \`/api/v1/me\` returning a
  constant JSON body of the same shape and about the same size as Roster's answer;
- **Roster**: started exactly as \`roster serve\` starts it (\`startServer\`: migrations, every plugin,
  logging at the default \`LOG_LEVEL=info\` written to a discarded stdout), signed up once
  through \`POST /api/v1/signup\`; every request carries that session cookie;
- **Roster, LOG_LEVEL=warn**: the same on the same database at a quieter log level, for comparison
  (at the default \`info\` Roster writes no line per request).

Each server gets ${o.warmup} s of load to warm up, then ${o.duration} s measured, ${o.connections} connections,
no pipelining, the same request bytes (the cookie goes to the bare route too). autocannon reports
latency in whole milliseconds. *Server CPU per request* is the server process's user + system CPU
time over the measured run divided by the requests answered: it changes far less than requests/s
when other work competes for the two cores.

${formatMe(run.me.result)}

**Where a request's CPU goes.** On two cores the load generator takes one core and the server the
other, so requests/s follows the server's CPU time per request (the last column but three). A
request parses and checks the cookie, hashes the token (SHA-256), finds the session and its user in
the process's memory (\`services/row-cache.ts\`: loaded from the database once, dropped in every
process at the commit of any change to the session or the user, \`test/api/session-cache-processes.test.ts\`),
and sends a dozen security headers. The body depends on the session alone, so it is serialized (by
the route's own schema serializer) once per cached session and sent as it is until the session or
its user changes (\`src/http/routes/me.ts\`); that took the request from about 42 to about 22 µs of
CPU. Fastify's two log lines per request at \`info\` gave way to one line
at \`debug\` (\`src/http/request-log.ts\`; the reverse proxy keeps the access log, docs/deploy.md), so
the LOG_LEVEL=warn row now differs from the default only by noise. Before the session cache a
request cost 200–340 µs of CPU (the run-to-run paragraph above), most of it the database round trip
and Kysely compiling the query.

Changes made (measured before and after on two copies of the tree that differ only by them, see
below): **prepared statements are reused on SQLite** (\`src/db/sqlite-statement-cache.ts\`): Kysely
prepares every query it runs, and preparing the session query cost several times running it (the
largest single item in the profile, \`sqlite3_prepare_v3\` ≈ 11% of all samples); **security headers
are computed once** (\`src/http/security-headers.ts\`): \`@fastify/helmet\` called \`helmet(options)\`
on every request, re-parsing the CSP directives each time; helmet now runs once at start-up and
each response gets the same headers (checked header by header against the old output on /healthz,
/api/v1/me, a 404, the API docs and sign-up, including the docs page's own CSP).

${BEFORE_AFTER_ME}`;
}

/**
 * Recorded by hand from side-by-side runs on 2026-11-22 (the run that writes this file does not
 * measure the old code): two copies of the tree that differ only by the changes named, run in turn.
 */
const BEFORE_AFTER_ME = `Before and after, measured in turn on two copies of the tree that differ only by these two changes,
twice each, \`npx tsx bench/me.ts\` (load average 9–17 from other work; the bare route's rate stayed
at 15,000–17,000 requests/s throughout):

| database | run | before: requests/s (of bare) | before: CPU µs/request | after: requests/s (of bare) | after: CPU µs/request |
|---|---|--:|--:|--:|--:|
| SQLite | 1 | 1,796 (12%) | 348 | 3,408 (20%) | 215 |
| SQLite | 2 | 2,655 (16%) | 304 | 3,486 (21%) | 222 |
| PostgreSQL | 1 | 2,337 (14%) | 322 | 2,398 (14%) | 275 |
| PostgreSQL | 2 | 354 (2%) | 848 | 1,078 (7%) | 456 |

On SQLite the two changes take about a third off the CPU a request costs (the statement cache most
of it, the headers about 45 µs) and raise throughput by 30–90%. On PostgreSQL only
the headers change applies, about 45 µs a request; its throughput follows how quickly the
PostgreSQL server, busy with other suites' databases, answers (the second pair of runs), and the
server's CPU per request rises with it (more context switches and more objects surviving to be
collected while requests wait).`;

function membersSection(run: Run): string {
  const o = run.membersOptions;
  return `## 2. Members list: a page of 50 at 100,000 members and in a database of 1,000,000 users (\`bench/members.ts\`)

Alone: \`npx tsx bench/members.ts [sqlite,postgres] [100000,1000000:200000]\`. Took ${load(run.members)}.
The query plans of every kind of page at 1,000,000 users are in [scale.md](scale.md).

For each database and scale: a fresh database filled by \`roster seed\` (\`src/db/seed/\`, run in
process): 100,000 users all in one organization, then 1,000,000 users in ${o.scales[1]?.organizations.toLocaleString('en') ?? '1,000'}
organizations, the largest of 200,000 members with 10 groups (about half its members in one of them).
Every user shares one argon2 hash. Names come from about 150 first and 130 last names of many origins
(accents included), usernames in five company styles (\`jsmith\`, \`john.smith\`, \`smithj\`,
\`john_smith\`, \`johns\`, a number added when taken), emails on eight domains, about 1% admins and
10% deactivated, from a fixed seed so every run lists the same people. On PostgreSQL the seed ends
with \`VACUUM ANALYZE\`; SQLite keeps no statistics unless asked, and Roster does not ask. Roster is
then started as \`roster serve\` starts it and the owner of the largest organization signs in.

As that owner over HTTP, one request at a time on one keep-alive connection:
GET /api/v1/organizations/{org}/members?limit=50 with each query below, ${o.warmup} requests to warm up,
then ${o.iterations} timed (fewer if a kind takes more than ${o.secondsPerQuery} s; at least 30), the query
strings of a kind used in turn. Times are from sending the request to having read the whole answer
(about 30 KB for 50 members). *Server CPU per request* is Roster's process CPU time over the timed
requests divided by their number (PostgreSQL's own CPU is not in it; the plans show its share). The
deep page starts after the member at 80% of the active list; the second page of a substring search
uses the cursor its first page handed out. Roster's RSS is read after all the timed requests, after a
garbage collection.

${formatMembersRuns(run.members.result)}

${formatMembers(run.members.result)}

**Reading these figures.** The two cores were shared with other engineers' test suites during the
run (load average above): a request that needs 4 ms of CPU waits its turn behind them, so the
wall-clock percentiles, p95 and p99 above all, are inflated by queueing that has nothing to do with
Roster; the server CPU per request shows what a request costs.

How a search stays on an index (\`src/db/queries/member-search.ts\`, migrations
\`0007_members_substring_search\` and \`0011_members_org_trigram\`; details and plans in
[scale.md](scale.md)): a prefix first counts its matches on four index ranges, up to 1,000; a
substring reads its matches from FTS5 on SQLite, up to 1,000, and on PostgreSQL first walks the
list's first 5,000 entries, where a common term fills its page, then reads up to 5,000 matches from
the organization's own pg_trgm index. Fewer than the cap — a rare name, a typo, nothing at all — and
the page is read from the matches and sorted; as many or more, and the list is walked in username
order on its covering index, testing each entry.

${BEFORE_AFTER_MEMBERS}

${BEFORE_AFTER_ROWS}`;
}

/** Recorded by hand: one machine, one day, the tree before and after the change, one run each. */
const BEFORE_AFTER_ROWS = `**Building the page's rows.** A page of 50 cost about 9 ms of Roster's CPU on PostgreSQL at 100,000
members, most of it not in the database: \`toMember\` spread \`toProfile\`'s 17 properties into a new
object literal, which V8 copies on its slow path (about 20 µs a row, then more garbage to collect and
slower objects to serialize), and each row carried eight columns nobody read. With \`Object.assign\`
onto \`toProfile\`'s own object and only the shown columns, \`npx tsx bench/members.ts postgres 100000\`
on the same machine, before → after:

| PostgreSQL, 100,000 members | p95 (ms) | server CPU per request (ms) |
|---|--:|--:|
| first page | 21.1 → 10.0 | 8.4 → 3.6 |
| prefix, 2 letters | 24.1 → 18.5 | 7.6 → 4.2 |
| substring, 3 letters | 29.2 → 19.9 | 8.8 → 5.6 |
| role=member | 17.7 → 10.3 | 5.4 → 3.2 |

Substring searches then moved to the organization's own trigram index and a first walk (migration
0011, above and in scale.md).`;

/** Recorded by hand, as BEFORE_AFTER_ME: the same two copies of the tree, one run each, one after the other. */
const BEFORE_AFTER_MEMBERS = `Before and after, \`BENCH_ITERATIONS=150 npx tsx bench/members.ts\` on the two copies of the tree
(load average 12–19). Roster's CPU per request for SQLite, where the database runs inside Roster's
process; the database's own execution time from EXPLAIN ANALYZE for PostgreSQL, where it does not
(wall-clock p50 in brackets, inflated by the load):

| query | SQLite before: CPU ms (p50 ms) | SQLite after: CPU ms (p50 ms) | PostgreSQL before: execution ms (p50 ms) | PostgreSQL after: execution ms (p50 ms) |
|---|--:|--:|--:|--:|
| first page | 6.1 (15.6) | 6.0 (22.1) | 0.57 (31.4) | 0.42 (26.7) |
| deep page (after ~72,000 members) | 14.2 (51.6) | 4.6 (19.1) | **356** (272) | **0.50** (27.0) |
| search, 1 letter | 6.4 (9.0) | 5.3 (13.5) | 1.7 (33.1) | 5.3 (29.2) |
| search, 2 letters | 16.5 (25.1) | 6.7 (27.1) | 13.2 (39.9) | 15.9 (37.6) |
| search, 3 letters | 13.5 (40.6) | 7.1 (29.3) | 7.1 (41.0) | 8.5 (42.2) |
| search, 3 letters, no match | **176** (416) | **25.6** (82.2) | 0.15 (8.3) | 0.17 (7.2) |
| role=admin | 11.2 (13.2) | 5.6 (16.5) | 0.56 (29.6) | 0.58 (17.6) |

PostgreSQL's searches are not helped by the wider index: a plain index scan there reads each row
before testing the search condition, so it still visits the rows of the members it passes (*Rows
Removed by Filter* in the plans); the figures moved within the noise of single EXPLAIN ANALYZE runs on
a busy machine. Making them index-only would mean selecting the page's user ids first (an index-only
scan of this index) and joining the rows after; not done here.`;

function authzSection(run: Run): string {
  const a = run.authz.result;
  const ratio = a.cached.checksPerSecond / a.casbin.checksPerSecond;
  const met = a.cached.checksPerSecond >= AUTHZ_GOAL_CHECKS_PER_SECOND && ratio >= AUTHZ_GOAL_RATIO_TO_CASBIN;
  return `## 3. In-process access checks (\`bench/authz-inprocess.ts\`)

Alone: \`npx tsx bench/authz-inprocess.ts\` (SQLite; no server, no network). Goal: an access check
in-process at >= 1,000,000 checks/s on one core, and >= 5x casbin asked the same questions about the
same data. Took ${load(run.authz)}.

${formatAuthzInProcess(a)}

What each row measures:

- **decide() on a compiled member**: \`decide(member, permission)\` from \`src/domain/access-model.ts\`,
  the member compiled beforehand by \`compileMember\` (what the cache holds).
- **cache.member(org, user) + decide()**: the path a request takes: \`await cache.member(org, user)\`
  through \`createAccessCache\` (\`src/services/access-cache.ts\`) over the SQLite database, every
  member already loaded, then \`decide\`: an \`await\` and two map look-ups more than the row above.
- **casbin enforceSync(user, permission)**: an in-memory enforcer with role inheritance \`g\` (users in
  roles and in groups), the matcher \`g(r.sub, p.sub) && (r.obj == p.obj || p.obj == "*")\` and the
  deny-override effect \`some(where (p.eft == allow)) && !some(where (p.eft == deny))\`; roles' and
  groups' permissions and each member's allow/deny overrides are policy rules, inactive members are
  left out. casbin evaluates its matcher against every policy rule on each check, so its cost grows
  with the number of rules.

Both sides answer the same questions and are checked to agree on every one before timing.
Application permissions limited to some roles are left out of the data set, because plain casbin
RBAC can not express them; Roster's resource checks are timed separately (second row), since the
casbin model has no resources.

Met: ${yesNo(met)}. Roster's cached path, ${a.cached.checksPerSecond.toLocaleString('en')} checks/s, is ${round(a.cached.checksPerSecond / AUTHZ_GOAL_CHECKS_PER_SECOND, 1)}x the
1,000,000/s goal and about ${Math.round(ratio).toLocaleString('en')}x casbin; \`decide\` alone is about ${round(a.decide.checksPerSecond / 1e6, 1)} million checks/s.

Change made for it: \`cache.member\` was an \`async\` function returning the cached entry's promise,
which costs the caller extra turns of the microtask queue on every check; it now returns the stored
promise itself (same signature). Measured side by side in one process, the cached path went from
about 1.6 million to about 2.2–2.5 million checks/s (the first full run, before the change, gave
1,516,018 checks/s).`;
}

/** Recorded by hand from the two full runs before the one that wrote this file, same code, same afternoon. */
const RUN_TO_RUN = `How much the figures move, and where they started: two earlier full \`npm run bench\` runs (2026-11-22,
13:02 and 13:12 UTC, load average 10–16) gave GET /api/v1/me on SQLite 3,271 and 2,750 requests/s
(20% and 16% of bare Fastify) at 219 and 221 µs of server CPU per request; on PostgreSQL 2,188 and
2,083 requests/s (12% and 13%) at 303 and 340 µs; members-list p95 from 12 to 135 ms depending on
the kind of page and the run, while Roster's CPU per page stayed between 1.5 and 9 ms (25.4 ms both
times for SQLite's search that matches nothing); access checks 1.81 and 1.93 million per second.
Those runs predate the session and API key caches and the indexed substring search.`;

export function renderReport(run: Run): string {
  return `# Benchmarks

<!-- Written by \`npm run bench\` (bench/run.ts, prose in bench/report.ts): edit those, not this file. -->

- Command: \`${run.command}\` (runs every benchmark below and rewrites this file; ${run.totalSeconds} s in all)
- Date: ${run.date}
- Machine: ${machine()}
- Only loopback addresses (127.0.0.1) are used; PostgreSQL is the local server the tests use
  (\`postgres://postgres@127.0.0.1:5432\`, a fresh database per benchmark, dropped afterwards).
- Two processes under 200 concurrent clients, with latency per kind of request, are measured by
  \`npm run test:load\` apart from these: [load-test.md](load-test.md), which \`npm run bench\` leaves alone.

The machine is a shared two-core virtual machine: other work may run on it during a run (the load
average of each part is given with it), so figures move from run to run, wall-clock latencies most,
by up to 2–3x; the CPU-per-request figures move much less. Every figure below comes
from the one run named above; the before/after comparisons were taken side by side (same minutes,
same load) as said where they appear.

${RUN_TO_RUN}

## Goals

${summary(run)}

${meSection(run)}

${membersSection(run)}

${authzSection(run)}
${run.signin ? `\n${signInSection(run.signin.result, load(run.signin))}\n` : ''}${run.invitations ? `\n${invitationsSection(run.invitations.result)}\n` : ''}${run.authzHttp ? `\n${authzHttpSection(run.authzHttp.result)}` : ''}${run.console ? `\n${consoleSection(run.console.result, load(run.console))}\n` : ''}${run.meProcesses ? `\n${meProcessesSection(run.meProcesses.result, load(run.meProcesses))}` : ''}`;
}
