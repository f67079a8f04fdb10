/**
 * The `roster` command: help, migrate, create-admin and serve, run as separate processes against a
 * fresh database of each kind.
 */
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
  });
});

describe('a fresh instance', () => {
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
