/**
 * @module Throughput of an authenticated GET /api/v1/me beside a bare Fastify route answering a
 * body of the same size, measured the same way in the same run (goal: Roster >= 60% of bare).
 * Run alone with `npx tsx bench/me.ts`.
 */
import autocannon from 'autocannon';
import { createBenchDatabase, isMain, log, postgresAvailable, round, sessionCookie, startTarget, type Dialect, type Target } from './lib.js';

export interface LoadOptions {
  connections: number;
  /** Seconds measured. */
  duration: number;
  /** Seconds of load before measuring, so both servers are equally warm (JIT, pools, caches). */
  warmup: number;
}

/** BENCH_DURATION and BENCH_CONNECTIONS change them for a quick look; the recorded figures use these. */
export const DEFAULT_LOAD: LoadOptions = {
  connections: Number(process.env.BENCH_CONNECTIONS ?? 10),
  duration: Number(process.env.BENCH_DURATION ?? 10),
  warmup: 2,
};

export interface LoadFigures {
  requestsPerSecond: number;
  /** Milliseconds. */
  p50: number;
  p99: number;
  requests: number;
  /** Connection errors, timeouts and answers other than 2xx: any of them spoils the run. */
  failures: number;
  bodyBytes: number;
  /** Server CPU time per request (user + system): steadier than requests/s on a shared machine. */
  cpuMicrosPerRequest: number;
}

export interface MeResult {
  dialect: Dialect;
  bare?: LoadFigures;
  /** Roster as `roster serve` runs it by default: LOG_LEVEL=info, no line per request. */
  roster?: LoadFigures;
  /** The same Roster process setup with LOG_LEVEL=warn, for comparison. */
  rosterQuiet?: LoadFigures;
  /** Roster's requests/s over bare's. */
  ratio?: number;
  skipped?: string;
}

export const ME_GOAL_RATIO = 0.6;

async function load(url: string, cookie: string, seconds: number, connections: number): Promise<autocannon.Result> {
  return autocannon({ url, connections, duration: seconds, headers: { cookie } });
}

async function measure(target: Target, cookie: string, options: LoadOptions): Promise<LoadFigures> {
  const url = `${target.url}/api/v1/me`;
  const probe = await fetch(url, { headers: { cookie } });
  const body = await probe.text();
  if (probe.status !== 200) throw new Error(`GET ${url} answered ${probe.status}: ${body}`);
  const cpuBefore = await target.cpuMicros();
  const r = await load(url, cookie, options.duration, options.connections);
  const cpu = (await target.cpuMicros()) - cpuBefore;
  return {
    requestsPerSecond: round(r.requests.average, 0),
    p50: r.latency.p50,
    p99: r.latency.p99,
    requests: r.requests.total,
    failures: r.errors + r.timeouts + r.non2xx,
    bodyBytes: Buffer.byteLength(body),
    cpuMicrosPerRequest: round(cpu / Math.max(1, r.requests.total), 1),
  };
}

async function signUp(baseUrl: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/v1/signup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      username: 'ada', email: 'ada@example.com', password: 'a long enough passphrase 42',
      firstName: 'Ada', lastName: 'Lovelace', organizationName: 'Analytical Engines',
    }),
  });
  if (res.status !== 201) throw new Error(`signup failed: ${res.status} ${await res.text()}`);
  return sessionCookie(res);
}

export async function benchMeOn(dialect: Dialect, options: LoadOptions = DEFAULT_LOAD): Promise<MeResult> {
  if (dialect === 'postgres') {
    const problem = await postgresAvailable();
    if (problem) return { dialect, skipped: `PostgreSQL unreachable: ${problem}` };
  }
  const database = await createBenchDatabase(dialect);
  const targets: Target[] = [];
  try {
    const roster = await startTarget('roster', database.url, { LOG_LEVEL: 'info' });
    targets.push(roster);
    // A second process on the same database, started once the first has migrated it: the session
    // cookie is valid there too.
    const started = await Promise.allSettled([startTarget('roster', database.url, { LOG_LEVEL: 'warn' }), startTarget('bare')]);
    for (const s of started) if (s.status === 'fulfilled') targets.push(s.value);
    const [quiet, bare] = started.map((s) => {
      if (s.status === 'rejected') throw s.reason;
      return s.value;
    });
    if (!quiet || !bare) throw new Error('a target did not start');
    const cookie = await signUp(roster.url);
    const run = async (name: string, target: Target) => {
      log(`me/${dialect}: ${name}, ${options.connections} connections, ${options.warmup} s warm-up then ${options.duration} s`);
      await load(`${target.url}/api/v1/me`, cookie, options.warmup, options.connections);
      return measure(target, cookie, options);
    };
    const bareFigures = await run('bare Fastify', bare);
    const rosterFigures = await run('Roster GET /api/v1/me', roster);
    const quietFigures = await run('Roster GET /api/v1/me with LOG_LEVEL=warn', quiet);
    return {
      dialect, bare: bareFigures, roster: rosterFigures, rosterQuiet: quietFigures,
      ratio: round(rosterFigures.requestsPerSecond / bareFigures.requestsPerSecond, 3),
    };
  } finally {
    for (const target of targets) await target.stop();
    await database.drop();
  }
}

export async function benchMe(dialects: Dialect[] = ['sqlite', 'postgres'], options: LoadOptions = DEFAULT_LOAD): Promise<MeResult[]> {
  const results: MeResult[] = [];
  for (const dialect of dialects) results.push(await benchMeOn(dialect, options));
  return results;
}

export function formatMe(results: readonly MeResult[]): string {
  const lines = [
    '| database | server | requests/s | p50 (ms) | p99 (ms) | requests | failures | body (bytes) | server CPU per request (µs) | / bare (requests/s) | goal | met |',
    '|---|---|--:|--:|--:|--:|--:|--:|--:|--:|---|---|',
  ];
  for (const r of results) {
    if (r.skipped || !r.bare || !r.roster || r.ratio === undefined) {
      lines.push(`| ${r.dialect} | skipped: ${r.skipped ?? 'no figures'} | | | | | | | | | | |`);
      continue;
    }
    const bareRate = r.bare.requestsPerSecond;
    const row = (name: string, f: LoadFigures, tail: string) =>
      `| ${r.dialect} | ${name} | ${f.requestsPerSecond.toLocaleString('en')} | ${f.p50} | ${f.p99} | ${f.requests.toLocaleString('en')} | ${f.failures} | ${f.bodyBytes} | ${f.cpuMicrosPerRequest} | ${tail}`;
    lines.push(row('bare Fastify route', r.bare, '100% | | |'));
    const met = r.ratio >= ME_GOAL_RATIO && r.roster.failures === 0;
    lines.push(row('**Roster GET /api/v1/me**', r.roster, `**${Math.round(r.ratio * 100)}%** | >= ${ME_GOAL_RATIO * 100}% of bare | ${met ? 'yes' : '**no**'} |`));
    if (r.rosterQuiet) {
      lines.push(row('Roster GET /api/v1/me, LOG_LEVEL=warn', r.rosterQuiet, `${Math.round((r.rosterQuiet.requestsPerSecond / bareRate) * 100)}% | (for comparison) | |`));
    }
  }
  return lines.join('\n');
}

if (isMain(import.meta.url)) {
  const dialects = (process.argv[2]?.split(',') ?? ['sqlite', 'postgres']) as Dialect[];
  console.log(formatMe(await benchMe(dialects)));
}
