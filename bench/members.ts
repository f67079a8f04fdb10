/**
 * @module Latency of the members list (GET /api/v1/organizations/{org}/members, a page of 50) as the
 * organization's owner over HTTP, on SQLite and PostgreSQL, at two scales made by `roster seed`: an
 * organization of 100,000 members alone in its database, and the largest organization (200,000
 * members) of a database of 1,000,000 users. Kinds of page: first, deep (cursor), prefix searches,
 * substring searches (common, rare, no match, and a page after the first), role, status and group
 * filters (goal: p95 < 20 ms); Roster's CPU per request and its RSS (goal < 200 MB); and the plan
 * the database chose for every query Roster sent.
 * Run alone with `npx tsx bench/members.ts [sqlite,postgres] [100000,1000000:200000]`
 * (each scale is users, or users:members of the largest organization).
 */
import { loadavg } from 'node:os';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, type CompiledQuery } from 'kysely';
import pg from 'pg';
import { openDatabase } from '../src/db/connect.js';
import { listMembers, type MemberFilter } from '../src/db/queries/members.js';
import type { Database } from '../src/db/schema.js';
import { DEFAULT_SEED, seedDatabase, type SeedResult } from '../src/db/seed/seed.js';
import { encodeCursor } from '../src/domain/cursor.js';
import { createBenchDatabase, isMain, log, percentile, postgresAvailable, round, signIn, startTarget, type Dialect, type Target } from './lib.js';

export const MEMBERS_GOAL_P95_MS = 20;
export const MEMBERS_GOAL_RSS_MB = 200;

export interface MembersScale {
  users: number;
  /** Members of the largest organization, the one listed. */
  largest: number;
  organizations: number;
}

export interface MembersOptions {
  scales: MembersScale[];
  /** Requests per query type, unless `secondsPerQuery` runs out first. */
  iterations: number;
  secondsPerQuery: number;
  warmup: number;
}

export const DEFAULT_MEMBERS: MembersOptions = {
  scales: [
    { users: 100_000, largest: 100_000, organizations: 1 },
    { users: DEFAULT_SEED.users, largest: DEFAULT_SEED.largest, organizations: DEFAULT_SEED.organizations },
  ],
  iterations: Number(process.env.BENCH_ITERATIONS ?? 200),
  secondsPerQuery: 5,
  warmup: 20,
};

interface QueryType {
  name: string;
  /** Query strings, used in turn: a search is measured over several terms, not one lucky prefix. */
  queries: string[];
  /** The filter Roster's member service hands to `listMembers` for the first of them. */
  filter: Omit<MemberFilter, 'limit'>;
}

export interface QueryFigures {
  name: string;
  queries: string[];
  samples: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  /** Members per answer, on average: a search with few matches answers fewer than 50. */
  averageItems: number;
  /** Server CPU time per request in ms: what the request costs, whatever else the machine runs. */
  serverCpu: number;
}

export interface PlanEvidence {
  name: string;
  sql: string;
  plan: string;
}

export interface MembersResult {
  dialect: Dialect;
  scale: MembersScale;
  skipped?: string;
  seeded?: Pick<SeedResult, 'milliseconds' | 'roles' | 'statuses'>;
  queries?: QueryFigures[];
  /** Roster's resident memory after the timed requests, after a garbage collection, in MB. */
  rssMb?: number;
  plans?: PlanEvidence[];
  loadAverage?: number;
}

interface Owner {
  cookie: string;
  organizationId: string;
}

const scaleName = (s: MembersScale) => (s.users === s.largest
  ? `${s.largest.toLocaleString('en')} members`
  : `${s.largest.toLocaleString('en')} members of ${s.users.toLocaleString('en')} users`);

/** The (username key, user id) of the n-th active member, as the page before it would have handed out. */
async function cursorAt(db: Kysely<Database>, organizationId: string, offset: number): Promise<[string, string]> {
  const row = await db.selectFrom('members').select(['username_key', 'user_id'])
    .where('organization_id', '=', organizationId).where('status', '=', 'active')
    .orderBy('username_key').orderBy('user_id').offset(offset).limit(1).executeTakeFirstOrThrow();
  return [row.username_key, row.user_id];
}

/** The cursor the first page of a search hands out, asked of Roster itself. */
async function secondPage(target: Target, owner: Owner, query: string): Promise<string> {
  const res = await fetch(`${target.url}/api/v1/organizations/${owner.organizationId}/members?limit=50&${query}`, { headers: { cookie: owner.cookie } });
  const body = (await res.json()) as { nextCursor: string | null };
  if (!body.nextCursor) throw new Error(`${query} has one page only`);
  return body.nextCursor;
}

function queryTypes(deepCursor: [string, string], deepOffset: number, groupId: string, searchCursor: string): QueryType[] {
  const search = (match: 'prefix' | 'substring', terms: string[]): Pick<QueryType, 'queries' | 'filter'> => ({
    queries: terms.map((t) => `${match === 'substring' ? 'match=substring&' : ''}q=${encodeURIComponent(t)}`), filter: { status: 'active', q: terms[0], match },
  });
  return [
    { name: 'first page', queries: [''], filter: { status: 'active' } },
    { name: `deep page (cursor after ~${deepOffset.toLocaleString('en')} members)`, queries: [`cursor=${encodeCursor(deepCursor)}`], filter: { status: 'active', after: deepCursor } },
    { name: 'prefix, 1 letter', ...search('prefix', ['m', 's', 'j', 'a', 'k', 'c']) },
    { name: 'prefix, 2 letters', ...search('prefix', ['ma', 'jo', 'st', 'an', 'li', 'ch']) },
    { name: 'prefix, 3 letters', ...search('prefix', ['mar', 'joh', 'smi', 'and', 'gar', 'kim']) },
    { name: 'prefix, no match', ...search('prefix', ['zqx', 'qqj', 'xjz']) },
    { name: 'substring, 3 letters', ...search('substring', ['son', 'ari', 'ell', 'and', 'ian', 'ren']) },
    // One first or last name among about 150: under 1% of members, the most the few-matches route sorts.
    { name: 'substring, one name (<1%)', ...search('substring', ['ngozi', 'hiroshi', 'kowalsk', 'siobh']) },
    { name: 'substring, no match', ...search('substring', ['zqx', 'qqjv', 'xjzw']) },
    {
      name: 'substring, second page', queries: [`match=substring&q=son&cursor=${searchCursor}`],
      filter: { status: 'active', q: 'son', match: 'substring', after: JSON.parse(Buffer.from(searchCursor, 'base64url').toString()) as [string, string] },
    },
    { name: 'role=admin (about 1%)', queries: ['role=admin'], filter: { status: 'active', role: 'admin' } },
    { name: 'role=member (about 99%)', queries: ['role=member'], filter: { status: 'active', role: 'member' } },
    { name: 'status=inactive (about 10%)', queries: ['status=inactive'], filter: { status: 'inactive' } },
    { name: 'group (about 5%)', queries: [`group=${groupId}`], filter: { status: 'active', group: groupId } },
  ];
}

async function timeQuery(target: Target, owner: Owner, type: QueryType, options: MembersOptions): Promise<QueryFigures> {
  const base = `${target.url}/api/v1/organizations/${owner.organizationId}/members?limit=50`;
  const urls = type.queries.map((q) => (q ? `${base}&${q}` : base));
  const once = async (i: number): Promise<{ ms: number; items: number }> => {
    const url = urls[i % urls.length] ?? base;
    const started = performance.now();
    const res = await fetch(url, { headers: { cookie: owner.cookie } });
    const text = await res.text();
    const ms = performance.now() - started;
    if (res.status !== 200) throw new Error(`GET ${url} answered ${res.status}: ${text.slice(0, 300)}`);
    return { ms, items: (JSON.parse(text) as { items: unknown[] }).items.length };
  };
  for (let i = 0; i < options.warmup; i++) await once(i);
  const cpuBefore = await target.cpuMicros();
  const times: number[] = [];
  let items = 0;
  const deadline = performance.now() + options.secondsPerQuery * 1000;
  for (let i = 0; i < options.iterations && (i < 30 || performance.now() < deadline); i++) {
    const r = await once(i);
    times.push(r.ms);
    items += r.items;
  }
  const cpu = (await target.cpuMicros()) - cpuBefore;
  times.sort((a, b) => a - b);
  return {
    name: type.name, queries: type.queries, samples: times.length,
    p50: round(percentile(times, 50)), p95: round(percentile(times, 95)), p99: round(percentile(times, 99)), max: round(times.at(-1) ?? Number.NaN),
    averageItems: round(items / times.length, 1), serverCpu: round(cpu / 1000 / times.length),
  };
}

/**
 * The plan of every query `listMembers` sends for the filter, captured from Kysely as compiled (same
 * SQL, same parameters): EXPLAIN QUERY PLAN on SQLite, EXPLAIN ANALYZE on PostgreSQL.
 */
async function explain(dialect: Dialect, url: string, organizationId: string, type: QueryType): Promise<PlanEvidence[]> {
  const captured: CompiledQuery[] = [];
  const logQuery = (event: { query: CompiledQuery }) => void captured.push(event.query);
  const filter: MemberFilter = { ...type.filter, limit: 51 };
  if (dialect === 'sqlite') {
    const sqlite = new SQLite(url, { readonly: true });
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }), log: logQuery });
    try {
      await listMembers(db, organizationId, filter);
      return captured.map((q) => {
        const rows = sqlite.prepare(`explain query plan ${q.sql}`).all(...(q.parameters as unknown[])) as PlanRow[];
        return { name: type.name, sql: q.sql, plan: rows.map((r) => `${'  '.repeat(depth(r.parent, rows))}${r.detail}`).join('\n') };
      });
    } finally {
      await db.destroy();
    }
  }
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), log: logQuery });
  try {
    await listMembers(db, organizationId, filter);
    const plans: PlanEvidence[] = [];
    for (const q of captured) {
      const result = await pool.query<{ 'QUERY PLAN': string }>(`explain (analyze, buffers) ${q.sql}`, q.parameters as unknown[]);
      plans.push({ name: type.name, sql: q.sql, plan: result.rows.map((r) => r['QUERY PLAN']).join('\n') });
    }
    return plans;
  } finally {
    await db.destroy();
  }
}

interface PlanRow {
  id: number;
  parent: number;
  detail: string;
}

/** How deep a row of EXPLAIN QUERY PLAN sits, from its chain of parents. */
function depth(parent: number, rows: readonly PlanRow[]): number {
  let d = 0;
  for (let p = parent; p !== 0; p = rows.find((r) => r.id === p)?.parent ?? 0) d++;
  return d;
}

export async function benchMembersOn(dialect: Dialect, scale: MembersScale, options: MembersOptions = DEFAULT_MEMBERS): Promise<MembersResult> {
  if (dialect === 'postgres') {
    const problem = await postgresAvailable();
    if (problem) return { dialect, scale, skipped: `PostgreSQL unreachable: ${problem}` };
  }
  const database = await createBenchDatabase(dialect);
  let roster: Target | undefined;
  try {
    const password = 'bench passphrase 2026';
    log(`members/${dialect}: roster seed, ${scaleName(scale)}`);
    const seeded = await seedDatabase(database.url, { ...DEFAULT_SEED, ...scale, groups: 10, password }, (m) => log(`members/${dialect}: seed: ${m}`));
    log(`members/${dialect}: seeded in ${(seeded.milliseconds / 1000).toFixed(1)} s`);
    roster = await startTarget('roster', database.url);
    const owner = { cookie: await signIn(roster.url, seeded.largest.owner, password), organizationId: seeded.largest.id };
    const direct = openDatabase({ url: database.url, poolSize: 1 });
    const deepOffset = Math.floor((seeded.statuses.active ?? scale.largest) * 0.8);
    let deep: [string, string];
    try {
      deep = await cursorAt(direct.db, owner.organizationId, deepOffset);
    } finally {
      await direct.close();
    }
    const types = queryTypes(deep, deepOffset, seeded.largest.groups[0]!.id, await secondPage(roster, owner, 'match=substring&q=son'));
    const queries: QueryFigures[] = [];
    for (const type of types) {
      log(`members/${dialect}: ${type.name}`);
      queries.push(await timeQuery(roster, owner, type, options));
    }
    const rssMb = round((await roster.memory()).rss / 1024 / 1024, 0);
    const plans: PlanEvidence[] = [];
    for (const type of types) plans.push(...(await explain(dialect, database.url, owner.organizationId, type)));
    return { dialect, scale, seeded, queries, rssMb, plans, loadAverage: round(loadavg()[0] ?? 0, 1) };
  } finally {
    await roster?.stop();
    await database.drop();
  }
}

export async function benchMembers(dialects: Dialect[] = ['sqlite', 'postgres'], options: MembersOptions = DEFAULT_MEMBERS): Promise<MembersResult[]> {
  const results: MembersResult[] = [];
  for (const scale of options.scales) for (const dialect of dialects) results.push(await benchMembersOn(dialect, scale, options));
  return results;
}

export function formatMembers(results: readonly MembersResult[]): string {
  const lines = [
    '| database | organization | query | query strings (used in turn) | requests | members per page | p50 (ms) | p95 (ms) | p99 (ms) | max (ms) | server CPU per request (ms) | goal | met |',
    '|---|---|---|---|--:|--:|--:|--:|--:|--:|--:|---|---|',
  ];
  for (const r of results) {
    if (r.skipped || !r.queries) {
      lines.push(`| ${r.dialect} | ${scaleName(r.scale)} | skipped: ${r.skipped ?? 'no figures'} | | | | | | | | | | |`);
      continue;
    }
    for (const q of r.queries) {
      const shown = q.queries.map((s) => `\`${s.length > 40 ? `${s.slice(0, 37)}...` : s || '(none)'}\``).join(' ');
      const met = q.p95 < MEMBERS_GOAL_P95_MS;
      lines.push(`| ${r.dialect} | ${scaleName(r.scale)} | ${q.name} | ${shown} | ${q.samples} | ${q.averageItems} | ${q.p50} | ${q.p95} | ${q.p99} | ${q.max} | ${q.serverCpu} | p95 < ${MEMBERS_GOAL_P95_MS} ms | ${met ? 'yes' : '**no**'} |`);
    }
  }
  return lines.join('\n');
}

/** Seeding time, Roster's memory and the machine's load, one line per database and scale. */
export function formatMembersRuns(results: readonly MembersResult[]): string {
  const lines = ['| database | organization | `roster seed` (s) | Roster RSS after the run (MB) | goal | met | load average after |', '|---|---|--:|--:|---|---|--:|'];
  for (const r of results) {
    if (!r.seeded) continue;
    lines.push(`| ${r.dialect} | ${scaleName(r.scale)} | ${round(r.seeded.milliseconds / 1000, 1)} | ${r.rssMb ?? '?'} | < ${MEMBERS_GOAL_RSS_MB} MB | ${(r.rssMb ?? Infinity) < MEMBERS_GOAL_RSS_MB ? 'yes' : '**no**'} | ${r.loadAverage ?? '?'} |`);
  }
  return lines.join('\n');
}

/** Long `in (?, ?, …)` lists and PostgreSQL's `ANY ('{id,id,…}')` arrays, cut to their length. */
const shorten = (text: string): string =>
  text.replace(/\((?:\?, ){8,}\?\)/g, (m) => `(?, ?, … ${m.split('?').length - 1} parameters)`)
    .replace(/\(\$\d+(?:, \$\d+){8,}\)/g, (m) => `(${m.split(',')[0]?.slice(1)}, … ${m.split(',').length} parameters)`)
    .replace(/'\{[^}]{200,}\}'/g, (m) => `'{… ${m.split(',').length} ids …}'`);

export function formatPlans(results: readonly MembersResult[]): string {
  const parts: string[] = [];
  for (const r of results) {
    if (!r.plans) continue;
    parts.push(`#### ${r.dialect === 'sqlite' ? 'SQLite: EXPLAIN QUERY PLAN' : 'PostgreSQL: EXPLAIN (ANALYZE, BUFFERS)'}, ${scaleName(r.scale)}`);
    const shown = new Set<string>();
    let last = '';
    for (const p of r.plans) {
      // The groups query is the same whatever the page: once is enough.
      const groupsQuery = p.sql.includes('"group_members"') && !p.sql.includes('"members" as "m"');
      if (groupsQuery && shown.has('groups')) continue;
      if (groupsQuery) shown.add('groups');
      if (p.name !== last) parts.push(`**${p.name}**`);
      last = p.name;
      parts.push(`\`\`\`sql\n${shorten(p.sql)}\n\`\`\`\n\`\`\`text\n${shorten(p.plan)}\n\`\`\``);
    }
  }
  return parts.join('\n\n');
}

/** `100000` or `1000000:200000`: users, and members of the largest organization (all of them when not given). */
function parseScale(text: string): MembersScale {
  const [users, largest] = text.split(':').map(Number);
  if (!users) throw new Error(`not a scale: ${text}`);
  return { users, largest: largest ?? users, organizations: largest && largest < users ? DEFAULT_SEED.organizations : 1 };
}

if (isMain(import.meta.url)) {
  const dialects = (process.argv[2]?.split(',') ?? ['sqlite', 'postgres']) as Dialect[];
  const scales = process.argv[3] ? process.argv[3].split(',').map(parseScale) : DEFAULT_MEMBERS.scales;
  const results = await benchMembers(dialects, { ...DEFAULT_MEMBERS, scales });
  console.log(formatMembersRuns(results));
  console.log();
  console.log(formatMembers(results));
  const { writeScaleReport } = await import('./scale-report.js');
  writeScaleReport(results, new Date().toISOString().replace('T', ' ').slice(0, 16) + ' UTC', `npx tsx bench/members.ts ${process.argv.slice(2).join(' ')}`.trim());
}
