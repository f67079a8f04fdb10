/**
 * @module What a sign-in costs besides its password hash: CPU time per sign-in in one process with a
 * hasher that costs nothing (the whole HTTP path through `app.inject`: rate limit, validation,
 * lockout counters, user look-up, required actions, session timeouts, the writes), and on PostgreSQL
 * the statements it sends and the CPU the server's processes spend on them (when PostgreSQL runs on
 * this machine). bench/signin.ts sets the hash beside the whole; this says where the rest goes. Run
 * alone with `npx tsx bench/signin-overhead.ts [sqlite,postgres]`.
 */
import { readFile } from 'node:fs/promises';
import { sql, type Kysely } from 'kysely';
import pg from 'pg';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/db/connect.js';
import { migrateToLatest } from '../src/db/migrate.js';
import type { Database } from '../src/db/schema.js';
import type { PasswordHasher } from '../src/services/passwords.js';
import { createBenchDatabase, isMain, log, postgresAvailable, round, type Dialect } from './lib.js';

export interface SignInOverhead {
  dialect: Dialect;
  signIns?: number;
  /** Milliseconds of this process's CPU per sign-in, user + system. */
  cpuMsPerSignIn?: number;
  /** PostgreSQL only: statements sent per sign-in. */
  statementsPerSignIn?: number;
  /** PostgreSQL only: milliseconds of CPU its processes serving the database spent per sign-in, when they run on this machine. */
  postgresCpuMsPerSignIn?: number;
  skipped?: string;
}

/** Free, and still a real comparison: a wrong password fails. */
const FREE_HASHER: PasswordHasher = {
  hash: async (password) => `free:${password}`,
  verify: async (hash, password) => hash === `free:${password}`,
  verifyNothing: async () => {},
};

/** Counts the statements every pg client sends from now on. */
function countStatements(): { count: () => number; stop: () => void } {
  const original = pg.Client.prototype.query;
  let n = 0;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    n++;
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof original;
  return { count: () => n, stop: () => void (pg.Client.prototype.query = original) };
}

/** Linux counts a process's CPU time in ticks of 10 ms (USER_HZ = 100). */
const MS_PER_TICK = 10;

/**
 * CPU milliseconds used so far by each PostgreSQL process connected to this database (its
 * backends), read from /proc; null when PostgreSQL runs elsewhere or /proc can not be read.
 */
async function postgresCpu(db: Kysely<Database>): Promise<Map<number, number> | null> {
  const { rows } = await sql<{ pid: number }>`select pid from pg_stat_activity where datname = current_database()`.execute(db);
  const used = new Map<number, number>();
  try {
    for (const { pid } of rows) {
      const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      used.set(pid, (Number(fields[11]) + Number(fields[12])) * MS_PER_TICK);
    }
  } catch {
    return null;
  }
  return used;
}

/** CPU milliseconds between two readings; a process that connected in between counts from zero. */
function postgresCpuBetween(before: Map<number, number> | null, after: Map<number, number> | null): number | null {
  if (!before || !after) return null;
  let total = 0;
  for (const [pid, ms] of after) total += ms - (before.get(pid) ?? 0);
  return total;
}

export async function benchSignInOverheadOn(dialect: Dialect, signIns = Number(process.env.BENCH_SIGNINS ?? 2000)): Promise<SignInOverhead> {
  if (dialect === 'postgres') {
    const problem = await postgresAvailable();
    if (problem) return { dialect, skipped: `PostgreSQL unreachable: ${problem}` };
  }
  const bench = await createBenchDatabase(dialect);
  const database = openDatabase({ url: bench.url });
  try {
    await migrateToLatest(database.db);
    // As `roster serve` runs by default (LOG_LEVEL=info), with the sign-in rate limit out of the way.
    const config = loadConfig({ DATABASE_URL: bench.url, LOG_LEVEL: 'info', AUTH_RATE_LIMIT: '100000000' });
    const { app } = await buildApp({ config, database, hasher: FREE_HASHER, logger: { level: 'info', stream: { write: () => {} } } });
    try {
      const body = { login: 'overhead', password: 'a long enough passphrase 42' };
      const signup = await app.inject({ method: 'POST', url: '/api/v1/signup', payload: { username: 'overhead', email: 'overhead@example.com', password: body.password, firstName: 'Over', lastName: 'Head', organizationName: 'Overhead' } });
      if (signup.statusCode !== 201) throw new Error(`sign-up answered ${signup.statusCode}: ${signup.body}`);
      // Each from its own address, as many users would: no address reaches a lockout or rate limit.
      const signIn = async (i: number) => {
        const res = await app.inject({ method: 'POST', url: '/api/v1/session', remoteAddress: `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`, payload: body });
        if (res.statusCode !== 200) throw new Error(`sign-in answered ${res.statusCode}: ${res.body}`);
      };
      log(`signin-overhead/${dialect}: 200 to warm up, then ${signIns} sign-ins one after another`);
      for (let i = 0; i < 200; i++) await signIn(i);
      const postgresBefore = dialect === 'postgres' ? await postgresCpu(database.db) : null;
      const statements = countStatements();
      const cpu = process.cpuUsage();
      try {
        for (let i = 0; i < signIns; i++) await signIn(1000 + i);
      } finally {
        statements.stop();
      }
      const used = process.cpuUsage(cpu);
      const postgresMs = dialect === 'postgres' ? postgresCpuBetween(postgresBefore, await postgresCpu(database.db)) : null;
      return {
        dialect, signIns,
        cpuMsPerSignIn: round((used.user + used.system) / signIns / 1000, 2),
        ...(dialect === 'postgres' ? { statementsPerSignIn: round(statements.count() / signIns, 1) } : {}),
        ...(postgresMs !== null ? { postgresCpuMsPerSignIn: round(postgresMs / signIns, 2) } : {}),
      };
    } finally {
      await app.close();
    }
  } finally {
    await database.close();
    await bench.drop();
  }
}

export async function benchSignInOverhead(dialects: Dialect[] = ['sqlite', 'postgres']): Promise<SignInOverhead[]> {
  const results: SignInOverhead[] = [];
  for (const dialect of dialects) results.push(await benchSignInOverheadOn(dialect));
  return results;
}

export function formatSignInOverhead(results: readonly SignInOverhead[]): string {
  const lines = [
    '| database | sign-ins | CPU per sign-in besides the hash (ms) | statements per sign-in | PostgreSQL\'s CPU per sign-in (ms) |',
    '|---|--:|--:|--:|--:|',
  ];
  for (const r of results) {
    if (r.skipped) lines.push(`| ${r.dialect} | skipped: ${r.skipped} | | | |`);
    else {
      const postgres = r.dialect === 'postgres' ? (r.postgresCpuMsPerSignIn ?? '— (not on this machine)') : '—';
      lines.push(`| ${r.dialect} | ${r.signIns?.toLocaleString('en')} | ${r.cpuMsPerSignIn} | ${r.statementsPerSignIn ?? '— (in-process)'} | ${postgres} |`);
    }
  }
  return lines.join('\n');
}

if (isMain(import.meta.url)) {
  const dialects = (process.argv[2]?.split(',') ?? ['sqlite', 'postgres']) as Dialect[];
  console.log(formatSignInOverhead(await benchSignInOverhead(dialects)));
}
