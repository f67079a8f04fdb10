/**
 * @module GET /api/v1/me from two Roster processes on one PostgreSQL database beside one process, in
 * a database of 1,000,000 seeded users: the same connections for the same time, split between the
 * two processes, with requests/s, latency, CPU per request and each process's memory. There is no
 * goal; it is a measurement of what a second process brings on this machine.
 * Run alone with `npx tsx bench/me-processes.ts [users]` (e.g. 100000 for a quick look).
 */
import { cpus, loadavg } from 'node:os';
import autocannon from 'autocannon';
import pg from 'pg';
import { openDatabase } from '../src/db/connect.js';
import { DEFAULT_SEED, seedDatabase, type SeedOptions } from '../src/db/seed/seed.js';
import { createBenchDatabase, isMain, log, postgresAvailable, round, signIn, startTarget, type Target } from './lib.js';
import { DEFAULT_LOAD, type LoadOptions } from './me.js';

export interface MeProcessesOptions extends LoadOptions {
  /** Users seeded, in organizations of the same proportions as `roster seed`'s million. */
  users: number;
  /** Seeded users signed in; the connections take their session cookies in turn. */
  signedIn: number;
}

export const DEFAULT_ME_PROCESSES: MeProcessesOptions = { ...DEFAULT_LOAD, users: DEFAULT_SEED.users, signedIn: 10 };

export interface ProcessesFigures {
  processes: number;
  requestsPerSecond: number;
  /** Milliseconds, over every connection of both processes. */
  p50: number;
  p99: number;
  requests: number;
  /** Connection errors, timeouts and answers other than 2xx. */
  failures: number;
  /** CPU (user + system) of every Roster process over the measured run, per request answered. */
  cpuMicrosPerRequest: number;
  /** The load generator's own CPU per request: it runs on the same two cores. */
  loadGeneratorMicrosPerRequest: number;
  /** Cores kept busy on average over the measured run, by Roster (all processes), by the load generator, by anything else, and left idle. */
  cores: { roster: number; loadGenerator: number; other: number; idle: number };
  /**
   * Transactions the database counted during the run (pg_stat_database, which backends update about
   * once a second or later): background work, such as each process's mail worker polling the outbox.
   */
  databaseTransactions: number;
  /** Each process's RSS after the run, after a garbage collection, in MB. */
  rssMb: number[];
}

export interface MeProcessesResult {
  options: MeProcessesOptions;
  skipped?: string;
  seedSeconds?: number;
  one?: ProcessesFigures;
  two?: ProcessesFigures;
  /** Requests/s of two processes over one's. */
  ratio?: number;
  loadAverage?: number;
}

const PASSWORD = 'bench passphrase 2026';

/** `roster seed`'s default shape (1,000 organizations, the largest a fifth of the users) at any size. */
export function seedShape(users: number): Omit<SeedOptions, 'password'> {
  const scale = users / DEFAULT_SEED.users;
  return {
    ...DEFAULT_SEED, users,
    organizations: Math.max(1, Math.round(DEFAULT_SEED.organizations * scale)),
    largest: Math.max(1, Math.round(DEFAULT_SEED.largest * scale)),
  };
}

/** Usernames spread evenly over the seeded users, so the sessions belong to different organizations. */
async function spreadUsernames(url: string, users: number, count: number): Promise<string[]> {
  const database = openDatabase({ url, poolSize: 1 });
  try {
    const names: string[] = [];
    for (let i = 0; i < count; i++) {
      const row = await database.db.selectFrom('users').select('username').orderBy('id')
        .offset(Math.floor((i * users) / count)).limit(1).executeTakeFirstOrThrow();
      names.push(row.username);
    }
    return names;
  } finally {
    await database.close();
  }
}

/** Every connection carries one of the cookies; autocannon spreads connections over the URLs in turn. */
function load(urls: string[], cookies: string[], connections: number, seconds: number): Promise<autocannon.Result> {
  let next = 0;
  return autocannon({
    // autocannon takes an array of URLs (lib/url.js) and gives connection i the URL i % length; its
    // published types know only one URL.
    url: urls as unknown as string,
    connections, duration: seconds,
    setupClient: (client) => client.setHeaders({ cookie: cookies[next++ % cookies.length] }),
  });
}

/** Idle time of all the machine's cores so far, in microseconds. */
const machineIdle = () => cpus().reduce((sum, core) => sum + core.times.idle, 0) * 1000;

async function transactions(client: pg.Client): Promise<number> {
  // A new snapshot each time: within a transaction PostgreSQL would answer the same counts again.
  await client.query('select pg_stat_clear_snapshot()');
  const r = await client.query<{ n: string }>('select xact_commit + xact_rollback as n from pg_stat_database where datname = current_database()');
  return Number(r.rows[0]?.n ?? 0);
}

async function measure(targets: Target[], cookies: string[], stats: pg.Client, options: MeProcessesOptions): Promise<ProcessesFigures> {
  const urls = targets.map((t) => `${t.url}/api/v1/me`);
  for (const url of urls) {
    for (const cookie of cookies) {
      const res = await fetch(url, { headers: { cookie } });
      if (res.status !== 200) throw new Error(`GET ${url} answered ${res.status}: ${await res.text()}`);
    }
  }
  log(`me-processes: ${targets.length} process(es), ${options.connections} connections, ${options.warmup} s warm-up then ${options.duration} s`);
  await load(urls, cookies, options.connections, options.warmup);
  const rosterBefore = await Promise.all(targets.map((t) => t.cpuMicros()));
  const transactionsBefore = await transactions(stats);
  const idleBefore = machineIdle();
  const selfBefore = process.cpuUsage();
  const started = performance.now();
  const r = await load(urls, cookies, options.connections, options.duration);
  const wall = (performance.now() - started) * 1000;
  const self = process.cpuUsage(selfBefore);
  const idle = machineIdle() - idleBefore;
  const rosterAfter = await Promise.all(targets.map((t) => t.cpuMicros()));
  // Stats reach pg_stat_database when a backend has been idle for a moment.
  await new Promise((wait) => setTimeout(wait, 1500));
  const databaseTransactions = (await transactions(stats)) - transactionsBefore;
  const rss = await Promise.all(targets.map(async (t) => round((await t.memory()).rss / 1024 / 1024, 0)));
  const requests = Math.max(1, r.requests.total);
  const roster = rosterAfter.reduce((sum, after, i) => sum + after - (rosterBefore[i] ?? after), 0);
  const generator = self.user + self.system;
  return {
    processes: targets.length,
    requestsPerSecond: round(r.requests.average, 0),
    p50: r.latency.p50, p99: r.latency.p99, requests: r.requests.total,
    failures: r.errors + r.timeouts + r.non2xx,
    cpuMicrosPerRequest: round(roster / requests, 1),
    loadGeneratorMicrosPerRequest: round(generator / requests, 1),
    cores: {
      roster: round(roster / wall), loadGenerator: round(generator / wall),
      // The rest: PostgreSQL, the kernel's network work charged to no process, anything else running.
      other: round(Math.max(0, cpus().length * wall - idle - roster - generator) / wall), idle: round(idle / wall),
    },
    databaseTransactions,
    rssMb: rss,
  };
}

export async function benchMeProcesses(options: MeProcessesOptions = DEFAULT_ME_PROCESSES): Promise<MeProcessesResult> {
  const problem = await postgresAvailable();
  if (problem) return { options, skipped: `PostgreSQL unreachable: ${problem}` };
  const database = await createBenchDatabase('postgres');
  const targets: Target[] = [];
  const stats = new pg.Client({ connectionString: database.url });
  try {
    log(`me-processes: roster seed, ${options.users.toLocaleString('en')} users`);
    const seeded = await seedDatabase(database.url, { ...seedShape(options.users), password: PASSWORD }, (m) => log(`me-processes: seed: ${m}`));
    log(`me-processes: seeded in ${(seeded.milliseconds / 1000).toFixed(1)} s`);
    await stats.connect();
    targets.push(await startTarget('roster', database.url, { LOG_LEVEL: 'info' }));
    const cookies: string[] = [];
    for (const username of await spreadUsernames(database.url, options.users, options.signedIn)) cookies.push(await signIn(targets[0]!.url, username, PASSWORD));
    const one = await measure(targets, cookies, stats, options);
    // The second process on the same database: the sessions signed in through the first are valid in it.
    targets.push(await startTarget('roster', database.url, { LOG_LEVEL: 'info' }));
    const two = await measure(targets, cookies, stats, options);
    return {
      options, seedSeconds: round(seeded.milliseconds / 1000, 1), one, two,
      ratio: round(two.requestsPerSecond / one.requestsPerSecond, 2), loadAverage: round(loadavg()[0] ?? 0, 1),
    };
  } finally {
    for (const target of targets) await target.stop();
    await stats.end().catch(() => {});
    await database.drop();
  }
}

if (isMain(import.meta.url)) {
  const users = process.argv[2] ? Number(process.argv[2]) : DEFAULT_ME_PROCESSES.users;
  if (!Number.isInteger(users) || users < 1) throw new Error(`not a number of users: ${process.argv[2]}`);
  const { meProcessesSection } = await import('./me-processes-report.js');
  const started = performance.now();
  const loadBefore = loadavg()[0] ?? 0;
  const result = await benchMeProcesses({ ...DEFAULT_ME_PROCESSES, users });
  console.log(meProcessesSection(result, `${round((performance.now() - started) / 1000, 0)} s; load average ${round(loadBefore)} before, ${result.loadAverage ?? '?'} after`));
}
