/**
 * The `roster` command: help, migrate, create-admin, seed and serve, run as separate processes against
 * a fresh database of each kind.
 */
import { spawn } from 'node:child_process';
import { SPARSE_MATCHES } from '../../src/db/queries/member-search.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/connect.js';
import { freePort, roster } from '../support/cli.js';
import { Client } from '../support/client.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../support/databases.js';

describe('roster --help', () => {
  it('prints the commands, and each command explains its options', async () => {
    const top = await roster(['--help'], {});
    expect(top.code).toBe(0);
    for (const command of ['serve', 'migrate', 'create-admin']) {
      expect(top.stdout).toContain(command);
      const help = await roster([command, '--help'], {});
      expect(help.code, command).toBe(0);
      expect(help.stdout).toContain(`roster ${command}`);
    }
    const unknown = await roster(['frobnicate'], {});
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('Unknown command');
  });
});

describe.each(DIALECTS)('roster commands on %s', (dialect) => {
  let db: TestDatabase;
  let env: Record<string, string>;
  beforeAll(async () => {
    db = await createTestDatabase(dialect);
    env = { DATABASE_URL: db.url };
  });
  afterAll(async () => { await db?.drop(); });

  it('migrate applies the migrations once, then says the database is up to date', async () => {
    const first = await roster(['migrate'], env);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/Applied: 0001_core/);
    const second = await roster(['migrate'], env);
    expect(second.stdout).toMatch(/up to date/);
  });

  it('create-admin makes a super admin who can sign in; a missing option is explained', async () => {
    const missing = await roster(['create-admin', '--username', 'root'], env);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/--email/);
    const weak = await roster(['create-admin', '--username', 'root', '--email', 'root@example.com'], { ...env, ROSTER_ADMIN_PASSWORD: 'short' });
    expect(weak.code).toBe(1);
    expect(weak.stderr).toMatch(/at least 12 characters/);

    const made = await roster(['create-admin', '--username', 'root', '--email', 'root@example.com'], { ...env, ROSTER_ADMIN_PASSWORD: 'operator passphrase 1' });
    expect(made.code, made.stderr).toBe(0);
    expect(made.stdout).toMatch(/Created super admin root/);

    const port = await freePort();
    const server = spawn(process.execPath, ['--import', 'tsx', 'test/support/roster-cli.ts', 'serve'], {
      env: { ...process.env, ...env, PORT: String(port), LOG_LEVEL: 'silent' },
    });
    try {
      let out = '';
      await new Promise<void>((resolve, reject) => {
        server.stdout.on('data', (d) => { out += d; if (out.includes('Roster is running')) resolve(); });
        server.on('close', () => reject(new Error(`serve exited: ${out}`)));
      });
      expect(out).toContain(`http://127.0.0.1:${port}`);
      expect(out).not.toContain('No administrator exists yet');
      const client = new Client(`http://127.0.0.1:${port}`);
      expect((await client.get('/readyz')).status).toBe(200);
      const signIn = await client.post('/api/v1/session', { login: 'root', password: 'operator passphrase 1' });
      expect(signIn.status).toBe(200);
      expect(signIn.body.user.superAdmin).toBe(true);
    } finally {
      const closed = new Promise((r) => server.on('close', r));
      server.kill('SIGTERM');
      await closed;
    }
  }, 300_000);
});

describe('a fresh instance', () => {
  it('serve refuses to start with SESSION_IDLE_MINUTES=0, which would end every session at once, and names the variable', async () => {
    // Killed after 20 s should it start after all, so the test fails instead of waiting for ever.
    const server = spawn(process.execPath, ['--import', 'tsx', 'test/support/roster-cli.ts', 'serve'], {
      env: { ...process.env, DATABASE_URL: ':memory:', PORT: String(await freePort()), LOG_LEVEL: 'silent', SESSION_IDLE_MINUTES: '0' }, timeout: 20_000,
    });
    let stderr = '';
    server.stderr.on('data', (d) => (stderr += d));
    const code = await new Promise((resolve) => server.on('close', resolve));
    expect(code).toBe(1);
    expect(stderr).toContain('SESSION_IDLE_MINUTES must be a whole number of at least 1, got "0"');
  });

  it('serve prints the URL and how to create the first administrator', async () => {
    const db = await createTestDatabase('sqlite');
    const port = await freePort();
    const server = spawn(process.execPath, ['--import', 'tsx', 'test/support/roster-cli.ts', 'serve'], {
      env: { ...process.env, DATABASE_URL: db.url, PORT: String(port), LOG_LEVEL: 'silent' },
    });
    try {
      let out = '';
      await new Promise<void>((resolve, reject) => {
        server.stdout.on('data', (d) => { out += d; if (out.includes('create-admin')) resolve(); });
        server.on('close', () => reject(new Error(`serve exited: ${out}`)));
      });
      expect(out).toContain(`Roster is running at http://127.0.0.1:${port}`);
      expect(out).toMatch(/No administrator exists yet[\s\S]*roster create-admin/);
    } finally {
      const closed = new Promise((r) => server.on('close', r));
      server.kill('SIGTERM');
      await closed;
      await db.drop();
    }
  });
});

/**
 * `roster seed` at a small size, and the members list over what it made: a search with more matches
 * than member-search.ts's SPARSE_MATCHES walks the list in order (on PostgreSQL a substring first
 * walks its first WALK_FIRST entries), a rarer one starts from its matches; paged to the end, each
 * must list exactly the members the term matches, by username.
 */
describe.each(DIALECTS)('roster seed on %s', (dialect) => {
  let db: TestDatabase;
  let env: Record<string, string>;
  beforeAll(async () => {
    db = await createTestDatabase(dialect);
    env = { DATABASE_URL: db.url, ROSTER_SEED_PASSWORD: 'seeded passphrase 42' };
  });
  afterAll(async () => { await db?.drop(); });

  it('explains its options and refuses sizes that do not add up', async () => {
    const help = await roster(['seed', '--help'], env);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/roster seed \[--users N\] \[--organizations N\] \[--largest N\]/);
    const bad = await roster(['seed', '--users', '10', '--organizations', '5', '--largest', '7'], env);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/--largest must be/);
  }, 120_000);

  it('fills an empty database with organizations, members and groups whose owner signs in; a second run is refused', async () => {
    const seeded = await roster(['seed', '--users', '3000', '--organizations', '4', '--largest', '2600', '--groups', '3'], env);
    expect(seeded.code, seeded.stderr).toBe(0);
    expect(seeded.stdout).toMatch(/Seeded 3,000 users in/);
    expect(seeded.stdout).toMatch(/2,600 members/);
    const owner = /signs in as (\S+) with ROSTER_SEED_PASSWORD/.exec(seeded.stdout)?.[1];
    const organizationId = /\(([0-9a-f-]{36})\)/.exec(seeded.stdout)?.[1];
    expect(owner && organizationId).toBeTruthy();

    const again = await roster(['seed', '--users', '10', '--organizations', '1', '--largest', '10'], env);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/empty database/);

    const port = await freePort();
    const server = spawn(process.execPath, ['--import', 'tsx', 'test/support/roster-cli.ts', 'serve'], {
      env: { ...process.env, ...env, PORT: String(port), LOG_LEVEL: 'silent' },
    });
    const direct = openDatabase({ url: db.url, poolSize: 1 });
    try {
      await new Promise<void>((resolve, reject) => {
        let out = '';
        server.stdout.on('data', (d) => { out += d; if (out.includes('Roster is running')) resolve(); });
        server.on('close', () => reject(new Error(`serve exited: ${out}`)));
      });
      const client = new Client(`http://127.0.0.1:${port}`);
      const signIn = await client.post('/api/v1/session', { login: owner, password: 'seeded passphrase 42' });
      expect(signIn.status).toBe(200);

      const counts = await direct.db.selectFrom('members').select(['organization_id', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('organization_id').execute();
      expect(counts.map((c) => Number(c.n)).sort((a, b) => b - a)).toEqual([2600, expect.any(Number), expect.any(Number), expect.any(Number)]);
      expect(counts.reduce((sum, c) => sum + Number(c.n), 0)).toBe(3000);
      const groups = await client.get(`/api/v1/organizations/${organizationId}/groups`);
      expect(groups.body.items).toHaveLength(3);

      // What each search should list: worked out here from every active member's keys.
      const all = await direct.db.selectFrom('members').select(['username_key', 'email_key', 'first_name_key', 'last_name_key'])
        .where('organization_id', '=', organizationId!).where('status', '=', 'active').execute();
      const keys = (m: (typeof all)[number]) => [m.username_key, m.email_key, m.first_name_key, m.last_name_key];
      const expected = (term: string, match: 'prefix' | 'substring') => all
        .filter((m) => keys(m).some((k) => (match === 'prefix' ? k.startsWith(term) : k.includes(term))))
        .map((m) => m.username_key).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      const listed = async (term: string, match: 'prefix' | 'substring') => {
        const seen: string[] = [];
        let cursor: string | null = null;
        do {
          const res: { status: number; body: any } = await client.get(`/api/v1/organizations/${organizationId}/members?limit=200&match=${match}&q=${encodeURIComponent(term)}${cursor ? `&cursor=${cursor}` : ''}`);
          expect(res.status).toBe(200);
          seen.push(...res.body.items.map((m: { username: string }) => m.username.toLowerCase()));
          cursor = res.body.nextCursor;
        } while (cursor);
        return seen;
      };
      // "example" is in every address: more matches than SPARSE_MATCHES, so the list is walked in
      // order (on PostgreSQL each page of 200 fills within the first WALK_FIRST entries). The rarer
      // terms are read from their matches.
      expect(expected('example', 'substring').length).toBeGreaterThan(SPARSE_MATCHES.substring);
      expect(expected('son', 'substring').length).toBeLessThan(SPARSE_MATCHES.substring);
      for (const [term, match] of [['example', 'substring'], ['son', 'substring'], ['ohn', 'substring'], ['zzq', 'substring'], ['ma', 'prefix'], ['smith', 'prefix'], ['qqq', 'prefix']] as const) {
        expect(await listed(term, match), `${match} ${term}`).toEqual(expected(term, match));
      }
    } finally {
      await direct.close();
      const closed = new Promise((r) => server.on('close', r));
      server.kill('SIGTERM');
      await closed;
    }
  }, 300_000);
});
