/**
 * The mail side of the `roster` command, run as separate processes: `roster serve` says at start
 * that, without SMTP_URL, email stays in the dev mailbox, and `roster mailbox` prints it; `roster worker`
 * and `roster mailbox` explain themselves with --help.
 */
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/index.js';
import { freePort, roster } from '../support/cli.js';
import { Client } from '../support/client.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../support/databases.js';
import { PASSWORD } from '../support/server.js';
import { waitUntil } from '../support/smtp.js';

describe('roster worker and roster mailbox --help', () => {
  // Help is printed before any configuration or database is read, so it is asked in this process.
  async function help(args: string[]): Promise<{ code: number; out: string }> {
    const lines: string[] = [];
    const log = vi.spyOn(console, 'log').mockImplementation((line: unknown) => { lines.push(String(line)); });
    try {
      return { code: await main(args), out: lines.join('\n') };
    } finally {
      log.mockRestore();
    }
  }

  it('each explains itself, and the command list names them', async () => {
    const top = await help(['--help']);
    for (const command of ['worker', 'mailbox']) {
      expect(top.out).toContain(command);
      const own = await help([command, '--help']);
      expect(own.code, command).toBe(0);
      expect(own.out).toContain(`roster ${command}`);
    }
    expect((await help(['mailbox', '--help'])).out).toMatch(/--to ADDRESS[\s\S]*--limit N/);
    expect((await help(['worker', '--help'])).out).toMatch(/SIGTERM[\s\S]*MAIL_POLL_MS and MAIL_LEASE_MS/);
  });
});

describe.each(DIALECTS)('the dev mailbox from the command line on %s', (dialect) => {
  let db: TestDatabase;
  beforeAll(async () => { db = await createTestDatabase(dialect); });
  afterAll(async () => { await db?.drop(); });

  it('serve says email stays in the dev mailbox, and `roster mailbox` prints the invitation with its link', { timeout: 120_000 }, async () => {
    const port = await freePort();
    const env = { DATABASE_URL: db.url };
    const server = spawn(process.execPath, ['--import', 'tsx', 'test/support/roster-cli.ts', 'serve'], {
      env: { ...process.env, ...env, PORT: String(port), LOG_LEVEL: 'info', SMTP_URL: '', MAIL_POLL_MS: '50' },
    });
    let out = '';
    server.stdout.on('data', (d) => (out += d));
    try {
      await waitUntil(() => out.includes('Roster is running'), 60_000, 'serve to start');
      expect(out).toContain('SMTP_URL is not set: email is not sent but kept in the dev mailbox');
      const client = new Client(`http://127.0.0.1:${port}`);
      const signup = await client.post('/api/v1/signup', {
        username: 'cli-owner', email: 'cli-owner@example.com', password: PASSWORD, firstName: 'Cli', lastName: 'Owner', organizationName: 'Command Line Co',
      });
      expect(signup.status).toBe(201);
      const invited = await client.post(`/api/v1/organizations/${signup.body.organization.id}/invitations`, {
        emails: 'reader@example.com, other@example.com', role: 'member', note: 'Read me in the terminal',
      });
      expect(invited.status).toBe(201);
      await waitUntil(async () => {
        const box = await client.get(`/api/v1/organizations/${signup.body.organization.id}/mailbox`);
        return box.body.items.length === 2 && box.body.items.every((m: any) => m.status === 'sent');
      }, 10_000, 'the invitations delivered to the dev mailbox');
    } finally {
      const closed = new Promise((r) => server.on('close', r));
      server.kill('SIGTERM');
      await closed;
    }

    const [printed, all, bad] = await Promise.all([
      roster(['mailbox', '--to', 'READER@example.com'], { ...env, SMTP_URL: '' }),
      roster(['mailbox', '--limit', '1'], { ...env, SMTP_URL: '' }),
      roster(['mailbox', '--limit', '0'], env),
    ]);
    expect(printed.code, printed.stderr).toBe(0);
    expect(printed.stdout).toContain('1 message to READER@example.com, newest first (SMTP_URL is not set: this is the dev mailbox');
    expect(printed.stdout).toContain('To: reader@example.com');
    expect(printed.stdout).toContain('Subject: Cli Owner invited you to Command Line Co on Roster');
    expect(printed.stdout).toContain('  sent  invitation');
    expect(printed.stdout).toContain('Read me in the terminal');
    expect(printed.stdout).toMatch(new RegExp(`Accept the invitation: http://127\\.0\\.0\\.1:${port}/invitations/[A-Za-z0-9_-]{43}`));
    expect(printed.stdout).not.toContain('other@example.com');

    expect(all.stdout).toMatch(/^1 message, newest first/);
    expect(all.stdout).toContain('To: other@example.com');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('--limit must be a whole number');
  });
});
