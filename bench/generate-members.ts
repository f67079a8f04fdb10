/**
 * @module Fills one organization with many members, fast: users and members rows written straight
 * through Kysely in large multi-row inserts inside one transaction, every user sharing one
 * precomputed password hash (hashing 100,000 passwords with argon2 would take hours and measure
 * nothing). Names, emails, roles and statuses vary the way a real customer base does, from a fixed
 * seed, so every run lists the same data.
 *
 * Alone: `npx tsx bench/generate-members.ts [--database <sqlite path | postgres url>] [--count 100000]`
 * creates the database's tables if needed, signs up an owner (printed) and adds the members.
 */
import { SqliteAdapter, sql, type Insertable, type Kysely } from 'kysely';
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/db/connect.js';
import { newId, now } from '../src/db/ids.js';
import { migrateToLatest } from '../src/db/migrate.js';
import type { Database, MembersTable, NewUserRow } from '../src/db/schema.js';
import { createServices } from '../src/services/index.js';
import { isMain, log } from './lib.js';

const FIRST_NAMES = [
  'James', 'Mary', 'John', 'Patricia', 'Robert', 'Jennifer', 'Michael', 'Linda', 'William', 'Elizabeth', 'David', 'Barbara',
  'Richard', 'Susan', 'Joseph', 'Jessica', 'Thomas', 'Sarah', 'Charles', 'Karen', 'Christopher', 'Nancy', 'Daniel', 'Lisa',
  'Matthew', 'Betty', 'Anthony', 'Margaret', 'Mark', 'Sandra', 'Donald', 'Ashley', 'Steven', 'Kimberly', 'Paul', 'Emily',
  'Andrew', 'Donna', 'Joshua', 'Michelle', 'Kenneth', 'Dorothy', 'Kevin', 'Carol', 'Brian', 'Amanda', 'George', 'Melissa',
  'Edward', 'Deborah', 'Ronald', 'Stephanie', 'Timothy', 'Rebecca', 'Jason', 'Sharon', 'Jeffrey', 'Laura', 'Ryan', 'Cynthia',
  'Jacob', 'Kathleen', 'Gary', 'Amy', 'Nicholas', 'Shirley', 'Eric', 'Angela', 'Jonathan', 'Helen', 'Stephen', 'Anna',
  'Larry', 'Brenda', 'Justin', 'Pamela', 'Scott', 'Nicole', 'Brandon', 'Emma', 'Benjamin', 'Samantha', 'Samuel', 'Katherine',
  'Mohammed', 'Fatima', 'Ahmed', 'Aisha', 'Wei', 'Li', 'Yuki', 'Hiroshi', 'Sakura', 'Kenji', 'Priya', 'Arjun', 'Ananya',
  'Rahul', 'Olga', 'Ivan', 'Dmitri', 'Natasha', 'Sven', 'Ingrid', 'Lars', 'Astrid', 'Pierre', 'Camille', 'Louis', 'Chloé',
  'Hans', 'Jürgen', 'Greta', 'Lukas', 'Giulia', 'Marco', 'Francesca', 'Luca', 'José', 'María', 'Carlos', 'Lucía', 'Diego',
  'Sofía', 'João', 'Ana', 'Pedro', 'Beatriz', 'Kwame', 'Amara', 'Chidi', 'Ngozi', 'Zoë', 'Noémie', 'Åsa', 'Björn', 'Siobhán',
  'Seán', 'Niamh', 'Oisín', 'Mei', 'Jun', 'Min-jun', 'Seo-yeon', 'Tomasz', 'Agnieszka', 'Eva', 'Adam', 'Leah', 'Noah', 'Mia',
];

const LAST_NAMES = [
  'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Garcia', 'Miller', 'Davis', 'Rodriguez', 'Martinez', 'Hernandez',
  'Lopez', 'Gonzalez', 'Wilson', 'Anderson', 'Thomas', 'Taylor', 'Moore', 'Jackson', 'Martin', 'Lee', 'Perez', 'Thompson',
  'White', 'Harris', 'Sanchez', 'Clark', 'Ramirez', 'Lewis', 'Robinson', 'Walker', 'Young', 'Allen', 'King', 'Wright',
  'Scott', 'Torres', 'Nguyen', 'Hill', 'Flores', 'Green', 'Adams', 'Nelson', 'Baker', 'Hall', 'Rivera', 'Campbell',
  'Mitchell', 'Carter', 'Roberts', 'Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker',
  'Dubois', 'Lefèvre', 'Moreau', 'Laurent', 'Rossi', 'Russo', 'Ferrari', 'Esposito', 'Bianchi', 'Romano', 'Kowalski',
  'Nowak', 'Wiśniewski', 'Ivanov', 'Petrov', 'Smirnov', 'Andersson', 'Johansson', 'Karlsson', 'Nilsson', 'Hansen',
  'Jensen', 'Nielsen', "O'Brien", 'Murphy', 'Kelly', 'Byrne', 'Tanaka', 'Suzuki', 'Watanabe', 'Takahashi', 'Kim', 'Park',
  'Choi', 'Wang', 'Zhang', 'Liu', 'Chen', 'Yang', 'Huang', 'Patel', 'Sharma', 'Singh', 'Kumar', 'Gupta', 'Okafor',
  'Mensah', 'Adeyemi', 'Silva', 'Santos', 'Oliveira', 'Souza', 'Costa', 'Pereira', 'Fernández', 'González', 'Díaz',
  'van der Berg', 'de Vries', 'Jansen', 'Bakker', 'Visser', 'Haddad', 'Khan', 'Ali', 'Hussein', 'Cohen', 'Levi',
];

const DOMAINS = ['example.com', 'example.org', 'example.net', 'mail.example.com', 'corp.example', 'acme.example', 'globex.example', 'initech.example'];

/** mulberry32: a small seeded generator, so the same seed always lists the same people. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Letters and digits only, accents dropped: what people type as a username or mailbox. */
const ascii = (s: string): string => s.normalize('NFKD').replace(/[^A-Za-z0-9]/g, '').toLowerCase();

export interface GenerateOptions {
  organizationId: string;
  /** Recorded as the admin who added each member. */
  addedBy: string;
  count: number;
  /** One argon2 hash shared by every generated user. */
  passwordHash: string;
  seed?: number;
  /** Rows per INSERT: users have 23 columns, so 1,000 rows stay under SQLite's 32,766 and PostgreSQL's 65,535 parameters. */
  batchSize?: number;
}

export interface GeneratedMembers {
  inserted: number;
  milliseconds: number;
  /** Counts by role and by status, for the report. */
  roles: Record<string, number>;
  statuses: Record<string, number>;
}

interface Person {
  user: NewUserRow;
  member: Insertable<MembersTable>;
}

function makePeople(options: GenerateOptions): Generator<Person> {
  const rand = random(options.seed ?? 20_250_101);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
  const usernames = new Set<string>();
  const emails = new Set<string>();
  const at = now();

  /** `make('')` if nobody has it yet, else `make(n)` with a random number until it is free. */
  function unique(taken: Set<string>, make: (suffix: string) => string): string {
    let candidate = make('');
    while (taken.has(candidate)) candidate = make(String(Math.floor(rand() * 10_000)));
    taken.add(candidate);
    return candidate;
  }

  return (function* () {
    for (let i = 0; i < options.count; i++) {
      const first = pick(FIRST_NAMES);
      const last = pick(LAST_NAMES);
      const f = ascii(first);
      const l = ascii(last);
      // Usernames in the shapes companies hand out: jsmith, john.smith, smithj, john_smith42, johns.
      const style = Math.floor(rand() * 5);
      const base = [`${f[0]}${l}`, `${f}.${l}`, `${l}${f[0]}`, `${f}_${l}`, `${f}${l[0]}`][style] ?? `${f}${l}`;
      const username = unique(usernames, (n) => `${base.slice(0, 58)}${n}`);
      const mailbox = rand() < 0.6 ? `${f}.${l}` : username;
      const domain = pick(DOMAINS);
      const email = unique(emails, (n) => `${mailbox}${n}@${domain}`);
      // About 1% admins, 10% of members deactivated: the Users page lists them apart.
      const role = rand() < 0.01 ? 'admin' : 'member';
      const inactive = rand() < 0.1;
      const id = newId();
      yield {
        user: {
          id, username, username_key: username.toLowerCase(), email, email_key: email.toLowerCase(),
          password_hash: options.passwordHash, first_name: first, last_name: last,
          display_name: null, alias: rand() < 0.05 ? `${first} ${last[0]}.` : null, title: null,
          phone: rand() < 0.3 ? `+1 555 ${String(Math.floor(rand() * 10_000_000)).padStart(7, '0')}` : null,
          phone_extension: null, address: null, color: null, click_to_dial: null, sender_emails: '[]', signature: null,
          super_admin: 0, last_login_at: rand() < 0.7 ? at : null, accepted_terms_version: null, created_at: at, updated_at: at,
        },
        member: {
          organization_id: options.organizationId, user_id: id, role, status: inactive ? 'inactive' : 'active',
          username_key: username.toLowerCase(), email_key: email.toLowerCase(),
          first_name_key: first.toLowerCase(), last_name_key: last.toLowerCase(),
          added_by: options.addedBy, added_via: rand() < 0.5 ? 'invitation' : 'direct',
          deactivated_at: inactive ? at : null, created_at: at, updated_at: at,
        },
      };
    }
  })();
}

export async function generateMembers(db: Kysely<Database>, options: GenerateOptions): Promise<GeneratedMembers> {
  const started = performance.now();
  // SQLite's default 2 MB page cache spills the growing indexes to disk over and over; 256 MB keeps
  // the whole load in memory until it commits. Only this connection's cache: the server is untouched.
  if (db.getExecutor().adapter instanceof SqliteAdapter) await sql`pragma cache_size = -262144`.execute(db);
  const batchSize = options.batchSize ?? 1000;
  const roles: Record<string, number> = {};
  const statuses: Record<string, number> = {};
  await db.transaction().execute(async (trx) => {
    let batch: Person[] = [];
    const flush = async () => {
      if (batch.length === 0) return;
      await trx.insertInto('users').values(batch.map((p) => p.user)).execute();
      await trx.insertInto('members').values(batch.map((p) => p.member)).execute();
      batch = [];
    };
    for (const person of makePeople(options)) {
      roles[person.member.role] = (roles[person.member.role] ?? 0) + 1;
      statuses[person.member.status] = (statuses[person.member.status] ?? 0) + 1;
      batch.push(person);
      if (batch.length >= batchSize) await flush();
    }
    await flush();
  });
  return { inserted: options.count, milliseconds: Math.round(performance.now() - started), roles, statuses };
}

function argument(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

if (isMain(import.meta.url)) {
  const url = argument('database') ?? process.env.DATABASE_URL ?? loadConfig({}).databaseUrl;
  const count = Number(argument('count') ?? 100_000);
  const database = openDatabase({ url });
  try {
    await migrateToLatest(database.db);
    const services = createServices(database.db, { signupEnabled: true, session: { idleMinutes: 60, absoluteHours: 24 } });
    const suffix = newId().slice(-8);
    const password = 'correct horse battery staple 42';
    const { user, organization } = await services.users.signup({
      username: `owner-${suffix}`, email: `owner-${suffix}@example.com`, password, firstName: 'Bench', lastName: 'Owner',
      organizationName: `Bench ${count} members ${suffix}`,
    });
    log(`adding ${count} members to organization ${organization.id}`);
    const result = await generateMembers(database.db, { organizationId: organization.id, addedBy: user.id, count, passwordHash: user.password_hash ?? '' });
    console.log(JSON.stringify({ database: url, organizationId: organization.id, owner: { login: user.username, password }, ...result }, null, 2));
  } finally {
    await database.close();
  }
}
