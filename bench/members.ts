/**
 * @module Latency of the members list (GET /api/v1/organizations/{org}/members, a page of 50) in an
 * organization of 100,000 members, as its owner over HTTP, on SQLite and PostgreSQL: the first page,
 * a deep page reached by cursor, prefix searches of one to three letters, and role and status
 * filters (goal: p95 < 20 ms). With each, the plan the database chose for the very queries Roster
 * sent. Run alone with `npx tsx bench/members.ts [sqlite,postgres] [member count]`.
 */
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql, type CompiledQuery } from 'kysely';
import pg from 'pg';
import { openDatabase, type DatabaseHandle } from '../src/db/connect.js';
import { listMembers, type MemberFilter } from '../src/db/queries/members.js';
import type { Database } from '../src/db/schema.js';
import { encodeCursor } from '../src/domain/cursor.js';
import { generateMembers, type GeneratedMembers } from './generate-members.js';
import { createBenchDatabase, isMain, log, percentile, postgresAvailable, round, sessionCookie, startTarget, type Dialect, type Target } from './lib.js';

export const MEMBERS_GOAL_P95_MS = 20;

export interface MembersOptions {
  members: number;
  /** Requests per query type, unless `secondsPerQuery` runs out first. */
  iterations: number;
  secondsPerQuery: number;
  warmup: number;
}

export const DEFAULT_MEMBERS: MembersOptions = {
  members: Number(process.env.BENCH_MEMBERS ?? 100_000),
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
  skipped?: string;
  generated?: GeneratedMembers;
  queries?: QueryFigures[];
  plans?: PlanEvidence[];
}

interface Owner {
  cookie: string;
  organizationId: string;
  userId: string;
}

async function signUpOwner(baseUrl: string): Promise<Owner> {
  const res = await fetch(`${baseUrl}/api/v1/signup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      username: 'grace', email: 'grace@example.com', password: 'a long enough passphrase 42',
      firstName: 'Grace', lastName: 'Hopper', organizationName: 'Large Customer',
    }),
  });
  const body = (await res.json()) as { user: { id: string }; organization: { id: string } };
  if (res.status !== 201) throw new Error(`signup failed: ${res.status} ${JSON.stringify(body)}`);
  return { cookie: sessionCookie(res), organizationId: body.organization.id, userId: body.user.id };
}

/** The (username key, user id) of the n-th active member, as the page before it would have handed out. */
async function cursorAt(db: Kysely<Database>, organizationId: string, offset: number): Promise<[string, string]> {
  const row = await db.selectFrom('members').select(['username_key', 'user_id'])
    .where('organization_id', '=', organizationId).where('status', '=', 'active')
    .orderBy('username_key').orderBy('user_id').offset(offset).limit(1).executeTakeFirstOrThrow();
  return [row.username_key, row.user_id];
}

function queryTypes(deepCursor: [string, string], deepOffset: number): QueryType[] {
  const search = (terms: string[]): Pick<QueryType, 'queries' | 'filter'> => ({
    queries: terms.map((t) => `q=${encodeURIComponent(t)}`), filter: { status: 'active', q: terms[0] },
  });
  return [
    { name: 'first page', queries: [''], filter: { status: 'active' } },
    { name: `deep page (cursor after ~${deepOffset.toLocaleString('en')} members)`, queries: [`cursor=${encodeCursor(deepCursor)}`], filter: { status: 'active', after: deepCursor } },
    { name: 'search, 1 letter', ...search(['m', 's', 'j', 'a', 'k', 'c']) },
    { name: 'search, 2 letters', ...search(['ma', 'jo', 'st', 'an', 'li', 'ch']) },
    { name: 'search, 3 letters', ...search(['mar', 'joh', 'smi', 'and', 'gar', 'kim']) },
    // The worst case for a search ordered by username: nothing matches, so no early stop.
    { name: 'search, 3 letters, no match', ...search(['zqx', 'qqj', 'xjz']) },
    { name: 'role=admin (about 1%)', queries: ['role=admin'], filter: { status: 'active', role: 'admin' } },
    { name: 'role=member (about 99%)', queries: ['role=member'], filter: { status: 'active', role: 'member' } },
    { name: 'status=inactive (about 10%)', queries: ['status=inactive'], filter: { status: 'inactive' } },
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

export async function benchMembersOn(dialect: Dialect, options: MembersOptions = DEFAULT_MEMBERS): Promise<MembersResult> {
  if (dialect === 'postgres') {
    const problem = await postgresAvailable();
    if (problem) return { dialect, skipped: `PostgreSQL unreachable: ${problem}` };
  }
  const database = await createBenchDatabase(dialect);
  let roster: Target | undefined;
  let direct: DatabaseHandle | undefined;
  try {
    roster = await startTarget('roster', database.url);
    direct = openDatabase({ url: database.url, poolSize: 2 });
    const owner = await signUpOwner(roster.url);
    const hash = await direct.db.selectFrom('users').select('password_hash').where('id', '=', owner.userId).executeTakeFirstOrThrow();
    log(`members/${dialect}: generating ${options.members.toLocaleString('en')} members`);
    const generated = await generateMembers(direct.db, {
      organizationId: owner.organizationId, addedBy: owner.userId, count: options.members, passwordHash: hash.password_hash ?? '',
    });
    log(`members/${dialect}: generated in ${(generated.milliseconds / 1000).toFixed(1)} s`);
    // What autovacuum does on its own shortly after a bulk load (statistics, visibility map); done
    // now so the figures do not depend on whether it has come round yet. SQLite keeps no
    // statistics unless told to, and Roster does not tell it.
    if (dialect === 'postgres') await sql`vacuum analyze`.execute(direct.db);
    const deepOffset = Math.floor((generated.statuses.active ?? options.members) * 0.8);
    const types = queryTypes(await cursorAt(direct.db, owner.organizationId, deepOffset), deepOffset);
    const queries: QueryFigures[] = [];
    for (const type of types) {
      log(`members/${dialect}: ${type.name}`);
      queries.push(await timeQuery(roster, owner, type, options));
    }
    const plans: PlanEvidence[] = [];
    for (const type of types) plans.push(...(await explain(dialect, database.url, owner.organizationId, type)));
    return { dialect, generated, queries, plans };
  } finally {
    await direct?.close();
    await roster?.stop();
    await database.drop();
  }
}

export async function benchMembers(dialects: Dialect[] = ['sqlite', 'postgres'], options: MembersOptions = DEFAULT_MEMBERS): Promise<MembersResult[]> {
  const results: MembersResult[] = [];
  for (const dialect of dialects) results.push(await benchMembersOn(dialect, options));
  return results;
}

export function formatMembers(results: readonly MembersResult[]): string {
  const lines = [
    '| database | query | query strings (used in turn) | requests | members per page | p50 (ms) | p95 (ms) | p99 (ms) | max (ms) | server CPU per request (ms) | goal | met |',
    '|---|---|---|--:|--:|--:|--:|--:|--:|--:|---|---|',
  ];
  for (const r of results) {
    if (r.skipped || !r.queries) {
      lines.push(`| ${r.dialect} | skipped: ${r.skipped ?? 'no figures'} | | | | | | | | | | |`);
      continue;
    }
    for (const q of r.queries) {
      const shown = q.queries.map((s) => `\`${s.length > 40 ? `${s.slice(0, 37)}...` : s || '(none)'}\``).join(' ');
      const met = q.p95 < MEMBERS_GOAL_P95_MS;
      lines.push(`| ${r.dialect} | ${q.name} | ${shown} | ${q.samples} | ${q.averageItems} | ${q.p50} | ${q.p95} | ${q.p99} | ${q.max} | ${q.serverCpu} | p95 < ${MEMBERS_GOAL_P95_MS} ms | ${met ? 'yes' : '**no**'} |`);
    }
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
    parts.push(`#### ${r.dialect === 'sqlite' ? 'SQLite: EXPLAIN QUERY PLAN' : 'PostgreSQL: EXPLAIN (ANALYZE, BUFFERS)'}`);
    const shown = new Set<string>();
    let last = '';
    for (const p of r.plans) {
      // The groups query is the same whatever the page: once is enough.
      const groupsQuery = p.sql.includes('"group_members"');
      if (groupsQuery && shown.has('groups')) continue;
      if (groupsQuery) shown.add('groups');
      if (p.name !== last) parts.push(`**${p.name}**`);
      last = p.name;
      parts.push(`\`\`\`sql\n${shorten(p.sql)}\n\`\`\`\n\`\`\`text\n${shorten(p.plan)}\n\`\`\``);
    }
  }
  return parts.join('\n\n');
}

if (isMain(import.meta.url)) {
  const dialects = (process.argv[2]?.split(',') ?? ['sqlite', 'postgres']) as Dialect[];
  const members = process.argv[3] ? Number(process.argv[3]) : DEFAULT_MEMBERS.members;
  const results = await benchMembers(dialects, { ...DEFAULT_MEMBERS, members });
  console.log(formatMembers(results));
  console.log();
  console.log(formatPlans(results));
}
