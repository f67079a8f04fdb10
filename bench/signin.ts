/**
 * @module Sign-in throughput: POST /api/v1/session over HTTP beside argon2id verifications alone,
 * measured in the same run at the same concurrency (goal: sign-ins/s >= 85% of verifies/s: the
 * password hash is what a sign-in costs, the rest must stay small), and what 10,000 sessions cost:
 * database growth and the server's memory. Run alone with `npx tsx bench/signin.ts [sqlite,postgres]`.
 *
 * Limits: Roster runs as `roster serve` with AUTH_RATE_LIMIT raised to 10,000,000 a minute (the
 * limiter still runs on every request, it is never reached); the lockout settings keep their
 * defaults and never trigger, since every sign-in here succeeds (a success clears the account's
 * counter, and the address counts failures only).
 */
import { verify } from '@node-rs/argon2';
import autocannon from 'autocannon';
import { sql } from 'kysely';
import { openDatabase, type DatabaseHandle } from '../src/db/connect.js';
import { findUserByLogin } from '../src/db/queries/users.js';
import { createPasswordHasher } from '../src/services/passwords.js';
import { createServices } from '../src/services/index.js';
import { benchSignInOverheadOn, formatSignInOverhead, type SignInOverhead } from './signin-overhead.js';
import { createBenchDatabase, isMain, log, postgresAvailable, round, sessionCookie, startTarget, type Dialect, type Target } from './lib.js';

export const SIGNIN_GOAL_RATIO = 0.85;

export interface SignInOptions {
  /** Sign-ins (and verifications) in flight at once. */
  concurrency: number;
  /** Seconds measured, for each of the two. */
  duration: number;
  warmup: number;
  /** Sessions created for the memory figures. */
  sessions: number;
}

export const DEFAULT_SIGNIN: SignInOptions = {
  concurrency: Number(process.env.BENCH_SIGNIN_CONCURRENCY ?? 4),
  duration: Number(process.env.BENCH_DURATION ?? 10),
  warmup: 3,
  sessions: Number(process.env.BENCH_SESSIONS ?? 10_000),
};

const PASSWORD = 'a long enough passphrase 42';

export interface SignInResult {
  dialect: Dialect;
  /** What a sign-in costs besides its hash, measured in one process (bench/signin-overhead.ts). */
  overhead?: SignInOverhead;
  /** argon2id verifications a second in this process, alone, before and after the HTTP run. */
  verifiesBefore?: number;
  verifiesAfter?: number;
  /** CPU time (user + system, all threads) of one verification alone, in µs. */
  cpuMicrosPerVerify?: number;
  signIns?: { perSecond: number; p50: number; p99: number; total: number; failures: number; cpuMicrosPerSignIn: number };
  /** Sign-ins/s over the mean of the two verification rates. */
  ratio?: number;
  memory?: {
    sessions: number;
    /** Database bytes before and after creating the sessions (SQLite: pages in use; PostgreSQL: the sessions table with its indexes). */
    databaseBefore: number;
    databaseAfter: number;
    /** Server process RSS and JS heap in use after a collection, before and after every session was used once. */
    rssBefore: number;
    rssAfter: number;
    heapBefore: number;
    heapAfter: number;
    seconds: number;
  };
  skipped?: string;
}

/** argon2id verifications a second at `concurrency`, on libuv's thread pool as the server does, and the CPU each took. */
async function verifiesPerSecond(hash: string, concurrency: number, seconds: number): Promise<{ perSecond: number; cpuMicros: number }> {
  let count = 0;
  const until = performance.now() + seconds * 1000;
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (performance.now() < until) {
      if (!(await verify(hash, PASSWORD))) throw new Error('the benchmark hash does not verify');
      count++;
    }
  }));
  const cpu = process.cpuUsage(cpuBefore);
  return { perSecond: count / ((performance.now() - started) / 1000), cpuMicros: (cpu.user + cpu.system) / Math.max(1, count) };
}

async function signUp(baseUrl: string, name: string): Promise<void> {
  const res = await fetch(`${baseUrl}/api/v1/signup`, {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: name, email: `${name}@example.com`, password: PASSWORD, firstName: 'Bench', lastName: name, organizationName: `${name}'s org` }),
  });
  if (res.status !== 201) throw new Error(`signup failed: ${res.status} ${await res.text()}`);
}

async function signInLoad(url: string, logins: string[], options: SignInOptions, seconds: number): Promise<autocannon.Result> {
  let next = 0;
  return autocannon({
    url: `${url}/api/v1/session`, method: 'POST', connections: options.concurrency, duration: seconds,
    headers: { 'content-type': 'application/json' },
    // Each connection signs one user in again and again, as a crowd of users would.
    setupClient: (client) => client.setBody(JSON.stringify({ login: logins[next++ % logins.length], password: PASSWORD })),
  });
}

async function databaseBytes(database: DatabaseHandle): Promise<number> {
  if (database.dialect === 'sqlite') {
    const { rows } = await sql<{ bytes: number }>`select (page_count - freelist_count) * page_size as bytes from pragma_page_count(), pragma_freelist_count(), pragma_page_size()`.execute(database.db);
    return Number(rows[0]?.bytes ?? 0);
  }
  const { rows } = await sql<{ bytes: string }>`select pg_total_relation_size('sessions') as bytes`.execute(database.db);
  return Number(rows[0]?.bytes ?? 0);
}

/** Creates `count` sessions the way sign-in does (services.sessions.start), then uses each once through the server. */
async function sessionMemory(target: Target, databaseUrl: string, logins: string[], count: number): Promise<NonNullable<SignInResult['memory']>> {
  const database = openDatabase({ url: databaseUrl, poolSize: 4 });
  const started = performance.now();
  try {
    const services = createServices(database.db, { signupEnabled: true, session: { idleMinutes: 480, absoluteHours: 168 } });
    const users = await Promise.all(logins.map(async (login) => {
      const user = await findUserByLogin(database.db, login);
      if (!user) throw new Error(`no user ${login}`);
      return user;
    }));
    if (database.dialect === 'postgres') await sql`vacuum analyze sessions`.execute(database.db);
    const databaseBefore = await databaseBytes(database);
    const before = await target.memory();
    const tokens: string[] = [];
    for (let i = 0; i < count; i += 50) {
      const batch = await Promise.all(Array.from({ length: Math.min(50, count - i) }, (_, j) =>
        services.sessions.start(users[(i + j) % users.length]!, { ip: '127.0.0.1', userAgent: 'bench/signin.ts' }, null)));
      tokens.push(...batch.map((b) => b.token));
    }
    // The server reads every session once, so anything it kept per session would show in its memory.
    for (let i = 0; i < tokens.length; i += 20) {
      await Promise.all(tokens.slice(i, i + 20).map(async (token) => {
        const res = await fetch(`${target.url}/api/v1/me`, { headers: { cookie: `roster_session=${token}` } });
        if (res.status !== 200) throw new Error(`GET /api/v1/me with a new session answered ${res.status}`);
        await res.arrayBuffer();
      }));
    }
    if (database.dialect === 'postgres') await sql`vacuum analyze sessions`.execute(database.db);
    const after = await target.memory();
    return {
      sessions: count, databaseBefore, databaseAfter: await databaseBytes(database),
      rssBefore: before.rss, rssAfter: after.rss, heapBefore: before.heapUsed, heapAfter: after.heapUsed,
      seconds: round((performance.now() - started) / 1000, 1),
    };
  } finally {
    await database.close();
  }
}

export async function benchSignInOn(dialect: Dialect, options: SignInOptions = DEFAULT_SIGNIN): Promise<SignInResult> {
  if (dialect === 'postgres') {
    const problem = await postgresAvailable();
    if (problem) return { dialect, skipped: `PostgreSQL unreachable: ${problem}` };
  }
  const database = await createBenchDatabase(dialect);
  let target: Target | undefined;
  try {
    target = await startTarget('roster', database.url, { LOG_LEVEL: 'warn', AUTH_RATE_LIMIT: '10000000' });
    const logins = Array.from({ length: options.concurrency * 2 }, (_, i) => `bench${i}`);
    for (const login of logins) await signUp(target.url, login);
    const hash = await createPasswordHasher().hash(PASSWORD);

    log(`signin/${dialect}: argon2id verify alone, ${options.concurrency} at once, ${options.warmup} s warm-up then ${options.duration} s`);
    await verifiesPerSecond(hash, options.concurrency, options.warmup);
    const alone = await verifiesPerSecond(hash, options.concurrency, options.duration);

    log(`signin/${dialect}: POST /api/v1/session, ${options.concurrency} connections, ${options.warmup} s warm-up then ${options.duration} s`);
    const probe = await fetch(`${target.url}/api/v1/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: logins[0], password: PASSWORD }) });
    sessionCookie(probe);
    await signInLoad(target.url, logins, options, options.warmup);
    const cpuBefore = await target.cpuMicros();
    const r = await signInLoad(target.url, logins, options, options.duration);
    const cpu = (await target.cpuMicros()) - cpuBefore;
    const aloneAfter = await verifiesPerSecond(hash, options.concurrency, options.duration);

    log(`signin/${dialect}: ${options.sessions.toLocaleString('en')} sessions, then each used once`);
    const memory = await sessionMemory(target, database.url, logins, options.sessions);
    const signIns = {
      perSecond: round(r.requests.total / r.duration, 1), p50: r.latency.p50, p99: r.latency.p99, total: r.requests.total,
      failures: r.errors + r.timeouts + r.non2xx, cpuMicrosPerSignIn: round(cpu / Math.max(1, r.requests.total), 0),
    };
    return {
      dialect, verifiesBefore: round(alone.perSecond, 1), verifiesAfter: round(aloneAfter.perSecond, 1),
      cpuMicrosPerVerify: round((alone.cpuMicros + aloneAfter.cpuMicros) / 2, 0), signIns,
      ratio: round(signIns.perSecond / ((alone.perSecond + aloneAfter.perSecond) / 2), 3), memory,
    };
  } finally {
    await target?.stop();
    await database.drop();
  }
}

export async function benchSignIn(dialects: Dialect[] = ['sqlite', 'postgres'], options: SignInOptions = DEFAULT_SIGNIN): Promise<SignInResult[]> {
  const results: SignInResult[] = [];
  for (const dialect of dialects) results.push({ ...(await benchSignInOn(dialect, options)), overhead: await benchSignInOverheadOn(dialect) });
  return results;
}

const mib = (bytes: number) => round(bytes / 1024 / 1024, 1);

export function formatSignIn(results: readonly SignInResult[]): string {
  const lines = [
    '| database | argon2id verifies/s alone (before / after) | sign-ins/s over HTTP | p50 / p99 (ms) | sign-ins | failures | CPU per verify alone (ms) | server CPU per sign-in (ms) | verify CPU / sign-in CPU | sign-ins / verifies | goal | met |',
    '|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|---|---|',
  ];
  for (const r of results) {
    if (!r.signIns || r.ratio === undefined) {
      lines.push(`| ${r.dialect} | skipped: ${r.skipped ?? 'no figures'} | | | | | | | | | >= ${SIGNIN_GOAL_RATIO * 100}% | **no** |`);
      continue;
    }
    const cpuShare = (r.cpuMicrosPerVerify ?? 0) / Math.max(1, r.signIns.cpuMicrosPerSignIn);
    lines.push(`| ${r.dialect} | ${r.verifiesBefore} / ${r.verifiesAfter} | ${r.signIns.perSecond} | ${r.signIns.p50} / ${r.signIns.p99} | ${r.signIns.total} | ${r.signIns.failures} | ${round((r.cpuMicrosPerVerify ?? 0) / 1000, 1)} | ${round(r.signIns.cpuMicrosPerSignIn / 1000, 1)} | ${Math.round(cpuShare * 100)}% | ${Math.round(r.ratio * 100)}% | >= ${SIGNIN_GOAL_RATIO * 100}% | ${r.ratio >= SIGNIN_GOAL_RATIO && r.signIns.failures === 0 ? 'yes' : '**no**'} |`);
  }
  lines.push('', '| database | sessions | database growth | per session | server RSS before → after | JS heap before → after |', '|---|--:|--:|--:|--:|--:|');
  for (const r of results) {
    const m = r.memory;
    if (!m) continue;
    const growth = m.databaseAfter - m.databaseBefore;
    lines.push(`| ${r.dialect} | ${m.sessions.toLocaleString('en')} | ${mib(growth)} MiB | ${Math.round(growth / m.sessions)} bytes | ${mib(m.rssBefore)} → ${mib(m.rssAfter)} MiB | ${mib(m.heapBefore)} → ${mib(m.heapAfter)} MiB |`);
  }
  return lines.join('\n');
}

/** The docs/benchmarks.md section (bench/report.ts places it; `took` says how long and how busy the machine was). */
export function signInSection(results: readonly SignInResult[], took: string): string {
  const overheads = results.flatMap((r) => (r.overhead ? [r.overhead] : []));
  const verdicts = results.map((r) => {
    if (!r.signIns || r.ratio === undefined || r.cpuMicrosPerVerify === undefined) return `${r.dialect}: skipped (${r.skipped ?? 'no figures'})`;
    const overhead = round((r.signIns.cpuMicrosPerSignIn - r.cpuMicrosPerVerify) / 1000, 1);
    const byCpu = Math.round((r.cpuMicrosPerVerify / r.signIns.cpuMicrosPerSignIn) * 100);
    return `${r.dialect}: ${Math.round(r.ratio * 100)}% by throughput (${r.ratio >= SIGNIN_GOAL_RATIO ? 'met' : '**not met**'}), ${byCpu}% by CPU time, i.e. a sign-in costs ${overhead} ms of CPU besides its verification`;
  });
  return `## 4. Sign-in throughput and the cost of sessions (\`bench/signin.ts\`)

Alone: \`npx tsx bench/signin.ts [sqlite,postgres]\`. Took ${took}.

Goal: sign-ins per second over HTTP >= ${SIGNIN_GOAL_RATIO * 100}% of argon2id verifications per second measured
alone in the same run, at the same concurrency (${DEFAULT_SIGNIN.concurrency} at once; the server verifies on libuv's
thread pool, the verifications alone run the same way in the benchmark process). The password hash
is what a sign-in is meant to cost; everything else a sign-in does must stay small beside it.

Roster runs as \`roster serve\` (LOG_LEVEL=warn) in its own process, with **AUTH_RATE_LIMIT raised to
10,000,000 a minute** so the rate limit, which still runs on every request, is never reached; the
lockout settings keep their defaults and never trigger, because every sign-in here succeeds (a
success forgets the account's count, and the address counts failures only). ${DEFAULT_SIGNIN.concurrency * 2} users sign in
again and again with the right password (${DEFAULT_SIGNIN.concurrency} connections, ${DEFAULT_SIGNIN.warmup} s warm-up, then ${DEFAULT_SIGNIN.duration} s).
Every sign-in does the whole path: look the user up, check the locks and count the attempt (one
statement on \`auth_throttle\`), verify the password, work out required actions (password policy,
terms) and the session timeouts, then record \`lastLoginAt\`, an audit event and the session and
forget the attempt's count.

${formatSignIn(results)}

${verdicts.map((v) => `- ${v}`).join('\n')}

*Verifies/s alone* is measured before and after the HTTP run, and the ratio uses their mean: on a
machine shared with other work the two differ, which is why the CPU columns are given too (CPU
time per verification in the benchmark process, and the server process's CPU time per sign-in,
argon2's threads included). Their quotient is the ratio the machine would reach if nothing else ran
on it: the share of a sign-in's CPU that is the password hash.

Where a sign-in's other CPU goes (\`bench/signin-overhead.ts\`): the whole HTTP path in one process
through \`app.inject\` with a hasher that costs nothing, one sign-in after another, each from its own
address. On PostgreSQL a sign-in sends 4 statements: the user; the lockout check and count; the
organizations' settings (for the password policy and the session timeouts) with the terms waiting
for acceptance; and one for last login, audit event, session, the count forgotten and the change
notice (data-modifying CTEs). The last three are named statements, parsed and planned once per
connection (\`src/db/postgres-prepared.ts\`): planned at every run they cost PostgreSQL more than
running them. PostgreSQL's own work runs on the same two cores and is not in the server's column,
which is why its throughput ratio falls further than its CPU ratio; the last column below gives it
(the CPU time of the PostgreSQL processes serving the benchmark's database, read from /proc).

${overheads.length > 0 ? formatSignInOverhead(overheads) : ''}

Memory: ${DEFAULT_SIGNIN.sessions.toLocaleString('en')} sessions created through \`services.sessions.start\` (the same code as sign-in,
without the hash) in the benchmark process on the server's database, then each one used once through
the server (\`GET /api/v1/me\` with its cookie). The server keeps each session it has read in
memory (services/row-cache.ts, the 10,000 most recently loaded, each dropped when its session or
user changes), so
the heap grows with the sessions in use; RSS and heap are read after a garbage collection (RSS can
shrink as the collection returns pages). Database growth is the pages in use (SQLite) or the size of
\`sessions\` with its indexes after \`VACUUM ANALYZE\` (PostgreSQL): the row (ids, token hash,
address, user agent, times, pending actions) and its three indexes.`;
}

if (isMain(import.meta.url)) {
  const dialects = (process.argv[2]?.split(',') ?? ['sqlite', 'postgres']) as Dialect[];
  console.log(formatSignIn(await benchSignIn(dialects)));
}
