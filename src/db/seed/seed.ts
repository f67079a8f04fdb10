/**
 * @module `roster seed`: fills an empty database with made-up organizations and members, fast enough
 * for a million users — for trying Roster at scale and for the benchmarks. Every organization gets
 * what signing up gives one (its built-in roles, an owner); the largest also gets groups, so its list
 * can be filtered by group. Every user shares one argon2 hash of the given password: hashing a million
 * passwords would take hours and tell nothing.
 *
 * The first `largest` users belong to the largest organization (the first of them owns it); the next
 * `organizations - 1` own one organization each, and the rest join one of those at random.
 */
import { sql } from 'kysely';
import { BUILTIN_ROLES } from '../../domain/permissions.js';
import { createPasswordHasher } from '../../services/passwords.js';
import { openDatabase } from '../connect.js';
import { newId, now } from '../ids.js';
import { migrateToLatest } from '../migrate.js';
import { DEFAULT_SETTINGS } from '../queries/organizations.js';
import { openBulkWriter, type BulkTable, type Cell } from './bulk-insert.js';
import { people, type Person } from './people.js';

export interface SeedOptions {
  users: number;
  organizations: number;
  /** Members of the largest organization, its owner included. */
  largest: number;
  /** Groups in the largest organization; each member of it is in one of them, or none, at random. */
  groups: number;
  password: string;
  /** The same seed makes the same people. */
  seed: number;
}

export const DEFAULT_SEED: Omit<SeedOptions, 'password'> = { users: 1_000_000, organizations: 1_000, largest: 200_000, groups: 10, seed: 20_250_101 };

export interface SeededOrganization {
  id: string;
  name: string;
  members: number;
  /** Username of the owner, who signs in with the seed password. */
  owner: string;
}

export interface SeedResult {
  users: number;
  milliseconds: number;
  largest: SeededOrganization & { groups: Array<{ id: string; name: string; members: number }> };
  /** Members of the largest organization by role and by status. */
  roles: Record<string, number>;
  statuses: Record<string, number>;
}

/** What is wrong with the sizes asked for, or null. */
export function seedOptionsProblem(o: Omit<SeedOptions, 'password'>): string | null {
  if (!Number.isSafeInteger(o.seed) || o.seed < 0) return '--seed must be a whole number';
  if (!Number.isInteger(o.users) || o.users < 1 || o.users > 10_000_000) return '--users must be a whole number from 1 to 10,000,000';
  if (!Number.isInteger(o.organizations) || o.organizations < 1 || o.organizations > o.users) return '--organizations must be a whole number from 1 to the number of users';
  if (!Number.isInteger(o.largest) || o.largest < 1 || o.largest > o.users - (o.organizations - 1)) {
    return '--largest must be a whole number from 1 to the users left once every other organization has its owner';
  }
  if (!Number.isInteger(o.groups) || o.groups < 0 || o.groups > 1000) return '--groups must be a whole number from 0 to 1,000';
  return null;
}

export class SeedRefused extends Error {}

const table = (name: string, columns: string, ints: string[] = []): BulkTable => ({
  name, columns: columns.split(/\s+/).map((c) => [c, ints.includes(c) ? 'int' : 'text'] as const),
});

const USERS = table('users', `id username username_key email email_key password_hash first_name last_name alias phone
  sender_emails super_admin last_login_at must_change_password created_at updated_at`, ['super_admin', 'must_change_password']);
const ORGANIZATIONS = table('organizations', 'id name settings created_by created_at updated_at');
const ROLES = table('roles', 'id organization_id key name description permissions builtin resource_scopes created_at updated_at', ['builtin']);
const MEMBERS = table('members', `organization_id user_id role status username_key email_key first_name_key last_name_key
  added_by added_via deactivated_at created_at updated_at`);
const GROUPS = table('groups', 'id organization_id name name_key description permissions created_at updated_at');
const GROUP_MEMBERS = table('group_members', 'organization_id group_id user_id created_at');

export async function seedDatabase(url: string, options: SeedOptions, progress: (message: string) => void = () => {}): Promise<SeedResult> {
  const problem = seedOptionsProblem(options);
  if (problem) throw new SeedRefused(problem);
  const started = performance.now();
  const database = openDatabase({ url, poolSize: 1 });
  try {
    await migrateToLatest(database.db);
    const existing = await database.db.selectFrom('users').select('id').limit(1).executeTakeFirst();
    if (existing) throw new SeedRefused('roster seed fills an empty database, and this one already has users: point DATABASE_URL at a new one.');
  } finally {
    await database.close();
  }
  const searchIndex = await setAsideSearchTriggers(url);
  let result: Omit<SeedResult, 'milliseconds'>;
  try {
    result = await seedRows(url, options, progress);
  } finally {
    await searchIndex.restore(progress);
  }
  await vacuumAnalyze(url, progress);
  return { ...result, milliseconds: Math.round(performance.now() - started) };
}

/**
 * PostgreSQL: statistics and the visibility map now rather than at autovacuum's next round, so the
 * planner knows the new sizes and index-only scans skip the table. (SQLite keeps no statistics
 * unless told to, and Roster does not tell it: a seeded database plans as any other.)
 */
async function vacuumAnalyze(url: string, progress: (message: string) => void): Promise<void> {
  const database = openDatabase({ url, poolSize: 1 });
  try {
    if (database.dialect === 'postgres') {
      progress('vacuum analyze');
      await sql`vacuum analyze`.execute(database.db);
    }
  } finally {
    await database.close();
  }
}

/**
 * SQLite: the triggers of migration 0006 index each member in FTS5 as it is inserted, which would
 * double the time of a million inserts; set aside during the load, their work is done in three bulk
 * statements afterwards (the same that migration 0006 uses for members already there), then they
 * are put back. PostgreSQL's GIN index needs nothing of the sort.
 */
async function setAsideSearchTriggers(url: string): Promise<{ restore(progress: (message: string) => void): Promise<void> }> {
  const database = openDatabase({ url, poolSize: 1 });
  if (database.dialect === 'postgres') {
    await database.close();
    return { restore: async () => {} };
  }
  const { rows: triggers } = await sql<{ name: string; sql: string }>`select name, sql from sqlite_master where type = 'trigger' and name like 'members_search_%'`.execute(database.db);
  for (const t of triggers) await sql`drop trigger ${sql.id(t.name)}`.execute(database.db);
  await database.close();
  return {
    async restore(progress) {
      const db = openDatabase({ url, poolSize: 1 });
      try {
        progress('indexing the members for substring search');
        await db.db.transaction().execute(async (trx) => {
          await sql`insert into member_search_slots (organization_id)
            select distinct organization_id from members where organization_id not in (select organization_id from member_search_slots) order by organization_id`.execute(trx);
          await sql`insert into member_search_rows (id, organization_id, user_id)
            select s.slot * 4294967296 + row_number() over (partition by m.organization_id order by m.user_id) - 1, m.organization_id, m.user_id
            from members m join member_search_slots s on s.organization_id = m.organization_id`.execute(trx);
          await sql`insert into members_fts (rowid, username_key, email_key, first_name_key, last_name_key)
            select r.id, m.username_key, m.email_key, m.first_name_key, m.last_name_key
            from member_search_rows r join members m on m.organization_id = r.organization_id and m.user_id = r.user_id`.execute(trx);
          for (const t of triggers) await sql.raw(t.sql).execute(trx);
        });
      } finally {
        await db.close();
      }
    },
  };
}

async function seedRows(url: string, options: SeedOptions, progress: (message: string) => void): Promise<Omit<SeedResult, 'milliseconds'>> {
  const passwordHash = await createPasswordHasher().hash(options.password);
  const writer = openBulkWriter(url);
  const at = now();
  const made = people(options.seed);
  const roles: Record<string, number> = {};
  const statuses: Record<string, number> = {};

  const addUser = async (p: Person): Promise<string> => {
    const id = newId();
    await writer.add(USERS, [id, p.username, p.username.toLowerCase(), p.email, p.email.toLowerCase(), passwordHash, p.firstName, p.lastName,
      p.alias, p.phone, '[]', 0, p.signedIn ? at : null, 0, at, at]);
    return id;
  };
  const addMember = async (organizationId: string, userId: string, p: Person, role: string, active: boolean, addedBy: string | null) => {
    await writer.add(MEMBERS, [organizationId, userId, role, active ? 'active' : 'inactive', p.username.toLowerCase(), p.email.toLowerCase(),
      p.firstName.toLowerCase(), p.lastName.toLowerCase(), addedBy, addedBy ? p.addedVia : 'signup', active ? null : at, at, at]);
  };
  const addOrganization = async (name: string): Promise<SeededOrganization & { ownerId: string }> => {
    const owner = made.next();
    const ownerId = await addUser(owner);
    const id = newId();
    await writer.add(ORGANIZATIONS, [id, name, JSON.stringify(DEFAULT_SETTINGS), ownerId, at, at]);
    for (const [key, r] of Object.entries(BUILTIN_ROLES)) {
      await writer.add(ROLES, [newId(), id, key, r.name, r.description, JSON.stringify(r.permissions), 1, '{}', at, at]);
    }
    await addMember(id, ownerId, owner, 'owner', true, null);
    return { id, name, members: 1, owner: owner.username, ownerId };
  };

  // The largest organization first, with its groups, then its members.
  const largest = await addOrganization(`Seeded ${options.largest.toLocaleString('en')} members`);
  const groups = Array.from({ length: options.groups }, (_, i) => ({ id: newId(), name: `Team ${i + 1}`, members: 0 }));
  for (const g of groups) await writer.add(GROUPS, [g.id, largest.id, g.name, g.name.toLowerCase(), '', '[]', at, at]);
  roles.owner = 1;
  statuses.active = 1;
  for (let i = 1; i < options.largest; i++) {
    const p = made.next();
    const userId = await addUser(p);
    await addMember(largest.id, userId, p, p.role, p.active, largest.ownerId);
    roles[p.role] = (roles[p.role] ?? 0) + 1;
    statuses[p.active ? 'active' : 'inactive'] = (statuses[p.active ? 'active' : 'inactive'] ?? 0) + 1;
    // About half the members are in one of the groups.
    const g = groups.length > 0 && made.random() < 0.5 ? groups[Math.floor(made.random() * groups.length)] : undefined;
    if (g) {
      await writer.add(GROUP_MEMBERS, [largest.id, g.id, userId, at]);
      g.members++;
    }
    if (i % 100_000 === 0) progress(`${i.toLocaleString('en')} of ${options.users.toLocaleString('en')} users`);
  }
  largest.members = options.largest;

  const others: Array<{ id: string; ownerId: string }> = [];
  for (let k = 1; k < options.organizations; k++) others.push(await addOrganization(`Seeded organization ${k}`));
  for (let i = options.largest + others.length; i < options.users; i++) {
    const p = made.next();
    const userId = await addUser(p);
    const org = others[Math.floor(made.random() * others.length)]!;
    await addMember(org.id, userId, p, p.role, p.active, org.ownerId);
    if (i % 100_000 === 0) progress(`${i.toLocaleString('en')} of ${options.users.toLocaleString('en')} users`);
  }
  await writer.close();

  const { ownerId: _o, ...shown } = largest;
  return { users: options.users, largest: { ...shown, groups }, roles, statuses };
}
