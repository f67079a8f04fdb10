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
  for (const dialect of dialects) results.push(await benchSignInOn(dialect, options));
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

if (isMain(import.meta.url)) {
  const dialects = (process.argv[2]?.split(',') ?? ['sqlite', 'postgres']) as Dialect[];
  console.log(formatSignIn(await benchSignIn(dialects)));
}
