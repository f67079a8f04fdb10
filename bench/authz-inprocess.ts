/**
 * @module Access checks per second in one process on one core: Roster's pure `decide` on a compiled
 * member, the path a request takes (`cache.member(org, user)` then `decide`, over SQLite), and
 * casbin evaluating the same roles, groups and allow/deny overrides with the same questions.
 * Goals: Roster >= 1,000,000 checks/s and >= 5x casbin. Run alone with `npx tsx bench/authz-inprocess.ts`.
 */
import { newEnforcer, newModelFromString, type Enforcer } from 'casbin';
import type { Kysely } from 'kysely';
import { compileMember, decide, type CompiledMember, type MemberModel, type OrganizationModel, type ResourceRef, type ResourceScope } from '../src/domain/access-model.js';
import { loadMemberModel, loadOrganizationModel } from '../src/db/queries/access.js';
import { openDatabase } from '../src/db/connect.js';
import { newId, now } from '../src/db/ids.js';
import { migrateToLatest } from '../src/db/migrate.js';
import type { Database } from '../src/db/schema.js';
import { createAccessCache } from '../src/services/access-cache.js';
import { createBenchDatabase, isMain, log, round } from './lib.js';

export const AUTHZ_GOAL_CHECKS_PER_SECOND = 1_000_000;
export const AUTHZ_GOAL_RATIO_TO_CASBIN = 5;

export interface AuthzOptions {
  members: number;
  /** Questions asked in a fixed order, again and again. */
  queries: number;
  /** Seconds each engine runs before it is measured, so the JIT has compiled its hot path. */
  warmup: number;
  /** Measured rounds per engine; the median round is reported. */
  rounds: number;
  /** Seconds per measured round. */
  roundSeconds: number;
}

/** BENCH_AUTHZ_ROUNDS shortens a quick look; the recorded figures use these. */
export const DEFAULT_AUTHZ: AuthzOptions = {
  members: 200,
  queries: 4096,
  warmup: 2,
  rounds: Number(process.env.BENCH_AUTHZ_ROUNDS ?? 7),
  roundSeconds: 1,
};

export interface EngineFigures {
  name: string;
  checksPerSecond: number;
  /** Nanoseconds per check, from the median round. */
  nanosPerCheck: number;
  /** Slowest and fastest round, checks/s: how steady the machine was. */
  min: number;
  max: number;
}

export interface AuthzResult {
  dataset: { roles: number; groups: number; members: number; overrides: number; casbinRules: number; queries: number; allowedShare: number };
  decide: EngineFigures;
  decideWithResources: EngineFigures;
  cached: EngineFigures;
  casbin: EngineFigures;
}

// ---- The data set: one organization shaped like the seeds' (seed 003: Partner, Normal, Admin). ----

const PERMISSIONS = [
  'members.read', 'members.invite', 'members.update', 'members.deactivate', 'roles.manage', 'groups.manage', 'audit.read',
  'integrations.access', 'issue_comments.access', 'messages.reprocess', 'module:leads.read', 'module:leads.update',
];

const ROLES: Array<{ key: string; permissions: string[]; resourceScopes: Record<string, ResourceScope> }> = [
  { key: 'owner', permissions: ['*'], resourceScopes: {} },
  { key: 'admin', permissions: ['*'], resourceScopes: {} },
  { key: 'member', permissions: ['members.read'], resourceScopes: {} },
  { key: 'agent', permissions: ['members.read', 'module:leads.read', 'module:leads.update', 'messages.reprocess'], resourceScopes: { partner: 'all' } },
  { key: 'partner', permissions: ['issue_comments.access'], resourceScopes: { partner: 'one' } },
  { key: 'normal', permissions: ['members.read', 'integrations.access', 'issue_comments.access'], resourceScopes: { partner: 'granted' } },
  { key: 'auditor', permissions: ['members.read', 'audit.read'], resourceScopes: { partner: 'all' } },
];

const GROUPS = [
  { name: 'Sales', permissions: ['module:leads.read', 'module:leads.update'] },
  { name: 'Support', permissions: ['messages.reprocess', 'issue_comments.access'] },
  { name: 'Team leads', permissions: ['members.invite', 'members.update'] },
  { name: 'Billing', permissions: ['audit.read'] },
  { name: 'Integrators', permissions: ['integrations.access'] },
];

const PARTNERS = ['p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7', 'p8'];

/** A small seeded generator, so every run builds the same data and asks the same questions. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Dataset {
  members: Array<{ userId: string; role: string; status: 'active' | 'inactive'; groups: number[]; overrides: Record<string, 'allow' | 'deny'>; partners: string[] }>;
  queries: Array<{ userId: string; permission: string; resource?: ResourceRef }>;
}

function dataset(options: AuthzOptions): Dataset {
  const next = random(42);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const members: Dataset['members'] = [];
  for (let i = 0; i < options.members; i++) {
    const role = i === 0 ? 'owner' : i < 4 ? 'admin' : pick(ROLES.slice(2)).key;
    const groups = GROUPS.map((_, g) => g).filter(() => next() < 0.3);
    const overrides: Record<string, 'allow' | 'deny'> = {};
    // Owners and admins hold everything whatever their overrides, so they get none (casbin would let a deny win).
    if (role !== 'owner' && role !== 'admin') for (let k = Math.floor(next() * 4); k > 0; k--) overrides[pick(PERMISSIONS)] = next() < 0.6 ? 'allow' : 'deny';
    const partners = role === 'partner' ? [pick(PARTNERS)] : role === 'normal' ? PARTNERS.filter(() => next() < 0.4) : [];
    members.push({ userId: newId(), role, status: i > 3 && next() < 0.1 ? 'inactive' : 'active', groups, overrides, partners });
  }
  // One asker in fifty is not a member of the organization at all.
  const strangers = [newId(), newId()];
  const queries: Dataset['queries'] = [];
  for (let i = 0; i < options.queries; i++) {
    const userId = next() < 0.02 ? pick(strangers) : pick(members).userId;
    const query: Dataset['queries'][number] = { userId, permission: pick(PERMISSIONS) };
    if (i % 3 === 0) query.resource = { type: 'partner', id: pick(PARTNERS) };
    queries.push(query);
  }
  return { members, queries };
}

async function insert(db: Kysely<Database>, data: Dataset): Promise<string> {
  const at = now();
  const organizationId = newId();
  await db.insertInto('organizations').values({ id: organizationId, name: 'Analytical Engines', settings: '{}', created_by: null, created_at: at, updated_at: at }).execute();
  await db.insertInto('roles').values(ROLES.map((r) => ({
    id: newId(), organization_id: organizationId, key: r.key, name: r.key, description: '', permissions: JSON.stringify(r.permissions),
    builtin: ['owner', 'admin', 'member'].includes(r.key) ? 1 : 0, resource_scopes: JSON.stringify(r.resourceScopes), created_at: at, updated_at: at,
  }))).execute();
  const groupIds = GROUPS.map(() => newId());
  await db.insertInto('groups').values(GROUPS.map((g, i) => ({
    id: groupIds[i] ?? '', organization_id: organizationId, name: g.name, name_key: g.name.toLowerCase(), description: '',
    permissions: JSON.stringify(g.permissions), created_at: at, updated_at: at,
  }))).execute();
  await db.insertInto('resource_types').values({ organization_id: organizationId, key: 'partner', name: 'Partner', created_at: at }).execute();
  await db.insertInto('resources').values(PARTNERS.map((id) => ({ organization_id: organizationId, type: 'partner', id, name: id, created_at: at }))).execute();
  for (const [i, m] of data.members.entries()) {
    const username = `user${i}`;
    await db.insertInto('users').values({
      id: m.userId, username, username_key: username, email: `${username}@example.com`, email_key: `${username}@example.com`, password_hash: null,
      first_name: 'Bench', last_name: String(i), display_name: null, alias: null, title: null, phone: null, phone_extension: null, address: null,
      color: null, click_to_dial: null, sender_emails: '[]', signature: null, super_admin: 0, last_login_at: null, accepted_terms_version: null,
      created_at: at, updated_at: at,
    }).execute();
    await db.insertInto('members').values({
      organization_id: organizationId, user_id: m.userId, role: m.role, status: m.status, username_key: username, email_key: `${username}@example.com`,
      first_name_key: 'bench', last_name_key: String(i), added_by: null, added_via: 'direct', deactivated_at: m.status === 'inactive' ? at : null,
      created_at: at, updated_at: at,
    }).execute();
    for (const g of m.groups) await db.insertInto('group_members').values({ organization_id: organizationId, group_id: groupIds[g] ?? '', user_id: m.userId, created_at: at }).execute();
    for (const [permission, effect] of Object.entries(m.overrides)) await db.insertInto('member_permissions').values({ organization_id: organizationId, user_id: m.userId, permission, effect }).execute();
    for (const id of m.partners) await db.insertInto('member_resources').values({ organization_id: organizationId, user_id: m.userId, type: 'partner', resource_id: id }).execute();
  }
  return organizationId;
}

// ---- casbin: the same roles, groups and overrides as RBAC with deny-override. ----

const CASBIN_MODEL = `
[request_definition]
r = sub, obj

[policy_definition]
p = sub, obj, eft

[role_definition]
g = _, _

[policy_effect]
e = some(where (p.eft == allow)) && !some(where (p.eft == deny))

[matchers]
m = g(r.sub, p.sub) && (r.obj == p.obj || p.obj == "*")
`;

async function casbinEnforcer(data: Dataset): Promise<{ enforcer: Enforcer; rules: number }> {
  const enforcer = await newEnforcer(newModelFromString(CASBIN_MODEL));
  const policies: string[][] = [];
  const links: string[][] = [];
  for (const r of ROLES) for (const p of r.permissions) policies.push([`role:${r.key}`, p, 'allow']);
  for (const g of GROUPS) for (const p of g.permissions) policies.push([`group:${g.name}`, p, 'allow']);
  for (const m of data.members) {
    // An inactive member holds nothing: casbin is simply told nothing about them.
    if (m.status !== 'active') continue;
    links.push([m.userId, `role:${m.role}`]);
    for (const g of m.groups) links.push([m.userId, `group:${GROUPS[g]?.name ?? ''}`]);
    for (const [p, effect] of Object.entries(m.overrides)) policies.push([m.userId, p, effect]);
  }
  await enforcer.addPolicies(policies);
  await enforcer.addGroupingPolicies(links);
  return { enforcer, rules: policies.length + links.length };
}

// ---- Measuring: a hand loop over the fixed questions, whole passes per timed round. ----

/** Runs `pass` (one pass over every question, returning how many were allowed) for about `seconds`. */
async function timed(pass: () => number | Promise<number>, queries: number, seconds: number): Promise<{ checksPerSecond: number; sink: number }> {
  let passes = 0;
  let sink = 0;
  const start = process.hrtime.bigint();
  const until = start + BigInt(Math.round(seconds * 1e9));
  let end = start;
  do {
    sink += await pass();
    passes++;
    end = process.hrtime.bigint();
  } while (end < until);
  return { checksPerSecond: (passes * queries) / (Number(end - start) / 1e9), sink };
}

async function measure(name: string, pass: () => number | Promise<number>, queries: number, options: AuthzOptions): Promise<EngineFigures> {
  log(`authz: ${name}: warming up ${options.warmup} s, then ${options.rounds} rounds of ${options.roundSeconds} s`);
  await timed(pass, queries, options.warmup);
  const rounds: number[] = [];
  for (let i = 0; i < options.rounds; i++) rounds.push((await timed(pass, queries, options.roundSeconds)).checksPerSecond);
  rounds.sort((a, b) => a - b);
  const median = rounds[Math.floor(rounds.length / 2)] ?? Number.NaN;
  return { name, checksPerSecond: Math.round(median), nanosPerCheck: round(1e9 / median, 1), min: Math.round(rounds[0] ?? 0), max: Math.round(rounds.at(-1) ?? 0) };
}

export async function benchAuthzInProcess(options: AuthzOptions = DEFAULT_AUTHZ): Promise<AuthzResult> {
  const data = dataset(options);
  const database = await createBenchDatabase('sqlite');
  const handle = openDatabase({ url: database.url });
  try {
    await migrateToLatest(handle.db);
    const organizationId = await insert(handle.db, data);
    const org: OrganizationModel | null = await loadOrganizationModel(handle.db, organizationId);
    if (!org) throw new Error('the organization did not load');
    const compiled = new Map<string, CompiledMember | null>();
    for (const q of data.queries) {
      if (compiled.has(q.userId)) continue;
      const m: MemberModel | null = await loadMemberModel(handle.db, organizationId, q.userId);
      compiled.set(q.userId, m ? compileMember(org, m) : null);
    }
    const cache = createAccessCache(handle.db);
    const { enforcer, rules } = await casbinEnforcer(data);

    // Questions as each engine takes them: the compiled member at hand, or the ids a request carries.
    const plain = data.queries.map((q) => ({ member: compiled.get(q.userId) ?? null, userId: q.userId, permission: q.permission }));
    const withResources = data.queries.map((q) => ({ member: compiled.get(q.userId) ?? null, permission: q.permission, resource: q.resource }));

    // Every engine must give the same answers to the same questions before any of them is timed.
    let allowedCount = 0;
    for (const q of plain) {
      const roster = decide(q.member, q.permission).allowed;
      const viaCache = decide(await cache.member(organizationId, q.userId), q.permission).allowed;
      const casbin = enforcer.enforceSync(q.userId, q.permission);
      if (roster !== casbin || roster !== viaCache) throw new Error(`engines disagree on ${q.userId} ${q.permission}: roster ${roster}, cached ${viaCache}, casbin ${casbin}`);
      if (roster) allowedCount++;
    }

    const decidePass = () => {
      let n = 0;
      for (const q of plain) if (decide(q.member, q.permission).allowed) n++;
      return n;
    };
    const decideWithResourcesPass = () => {
      let n = 0;
      for (const q of withResources) if (decide(q.member, q.permission, q.resource).allowed) n++;
      return n;
    };
    const cachedPass = async () => {
      let n = 0;
      for (const q of plain) if (decide(await cache.member(organizationId, q.userId), q.permission).allowed) n++;
      return n;
    };
    const casbinPass = () => {
      let n = 0;
      for (const q of plain) if (enforcer.enforceSync(q.userId, q.permission)) n++;
      return n;
    };

    const result: AuthzResult = {
      dataset: {
        roles: ROLES.length, groups: GROUPS.length, members: data.members.length,
        overrides: data.members.reduce((n, m) => n + Object.keys(m.overrides).length, 0),
        casbinRules: rules, queries: data.queries.length, allowedShare: round(allowedCount / data.queries.length, 3),
      },
      decide: await measure('Roster decide() on a compiled member', decidePass, plain.length, options),
      decideWithResources: await measure('Roster decide() on a compiled member, 1 question in 3 about a partner', decideWithResourcesPass, plain.length, options),
      cached: await measure('Roster cache.member(org, user) + decide()', cachedPass, plain.length, options),
      casbin: await measure('casbin enforceSync(user, permission)', casbinPass, plain.length, options),
    };
    return result;
  } finally {
    await handle.close();
    await database.drop();
  }
}

export function formatAuthzInProcess(r: AuthzResult): string {
  const d = r.dataset;
  const ratio = (f: EngineFigures) => f.checksPerSecond / r.casbin.checksPerSecond;
  const times = (x: number) => `${x >= 100 ? Math.round(x).toLocaleString('en-US') : round(x, 1)}x`;
  const count = (x: number) => x.toLocaleString('en-US');
  const goal = (f: EngineFigures) => f.checksPerSecond >= AUTHZ_GOAL_CHECKS_PER_SECOND && ratio(f) >= AUTHZ_GOAL_RATIO_TO_CASBIN;
  const row = (f: EngineFigures, tail: string) =>
    `| ${f.name} | ${count(f.checksPerSecond)} | ${count(f.nanosPerCheck)} | ${count(f.min)} – ${count(f.max)} | ${tail} |`;
  const rosterTail = (f: EngineFigures) =>
    `${times(ratio(f))} | >= ${count(AUTHZ_GOAL_CHECKS_PER_SECOND)}/s and >= ${AUTHZ_GOAL_RATIO_TO_CASBIN}x casbin | ${goal(f) ? 'yes' : '**no**'}`;
  return [
    `One organization: ${d.roles} roles (2 with \`*\`), ${d.groups} groups, ${d.members} members (about 1 in 10 inactive), ${d.overrides} allow/deny overrides; ` +
      `casbin holds the same as ${d.casbinRules} policy and grouping rules. ${d.queries} questions asked in a fixed order, ${Math.round(d.allowedShare * 100)}% allowed; ` +
      'every engine gives the same answer to every question before it is timed. One core, median of the measured rounds.',
    '',
    '| engine | checks/s | ns per check | slowest – fastest round (checks/s) | / casbin | goal | met |',
    '|---|--:|--:|--:|--:|---|---|',
    row(r.decide, rosterTail(r.decide)),
    row(r.decideWithResources, `${times(ratio(r.decideWithResources))} | | `),
    row(r.cached, rosterTail(r.cached)),
    row(r.casbin, '1x | | '),
  ].join('\n');
}

if (isMain(import.meta.url)) {
  console.log(formatAuthzInProcess(await benchAuthzInProcess()));
}
